"""Editors in the admin: exactly the permissions they need, tabbed translations, review."""

import json
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client

from guides.models import Category, Guide, Provider

from .admin_forms import INLINE, guide_form

pytestmark = pytest.mark.django_db

EDITOR_PERMISSIONS = {
    "guides.add_guide",
    "guides.change_guide",
    "guides.view_guide",
    "guides.add_provider",
    "guides.change_provider",
    "guides.view_provider",
}


@pytest.fixture
def editor_client(client):
    user = User.objects.create_user("editora", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="editores"))
    client.force_login(user)
    return client


def test_the_editores_group_has_exactly_its_permissions():
    group = Group.objects.get(name="editores")
    found = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert found == EDITOR_PERMISSIONS


def test_editors_can_add_a_provider(editor_client):
    guide = Guide.objects.get(translation_key="essalud-enrol-potestativo")
    response = editor_client.post(
        "/admin/guides/provider/add/",
        {
            "name_es": "Asesoría Potestativo",
            "name_en": "Potestativo Advice",
            "website": "https://asesoria.pe",
            "turnaround_es": "1 día",
            "turnaround_en": "1 day",
            "cost_soles": "90.00",
            "guides": [guide.pk],
            "verified": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    provider = Provider.objects.get(name="Asesoría Potestativo")
    assert provider.verified and provider.turnaround_en == "1 day"
    assert provider.name_en == "Potestativo Advice"
    assert list(provider.guides.all()) == [guide]


@pytest.mark.parametrize("cost", ["-5", "-0.01"])
def test_a_negative_cost_in_the_admin_gets_its_own_message(editor_client, cost):
    response = editor_client.post(
        "/admin/guides/provider/add/",
        {"name_es": "Costo negativo", "turnaround_es": "1 día", "cost_soles": cost},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "El costo no puede ser negativo: escribe 0 si el trámite es gratis." in html
    assert "provider_cost_not_negative" not in html  # not the database's wording
    assert not Provider.objects.filter(name="Costo negativo").exists()


def test_editors_can_edit_a_guide_and_it_is_rendered_at_save(editor_client):
    guide = Guide.objects.get(translation_key="essalud-unemployment-coverage")
    page = editor_client.get(f"/admin/guides/guide/{guide.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert 'id="id_body_es"' in html and 'id="id_body_en"' in html


def test_editors_cannot_delete_change_plans_or_users(editor_client):
    guide = Guide.objects.first()
    assert editor_client.get(f"/admin/guides/guide/{guide.pk}/delete/").status_code == 403
    assert editor_client.get("/admin/insurance/plan/").status_code == 403
    assert editor_client.get("/admin/insurance/plan/1/change/").status_code in (302, 403)
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/user/add/").status_code == 403
    assert editor_client.get("/admin/guides/category/add/").status_code == 403


def test_anonymous_users_cannot_reach_the_admin(client):
    for path in ["/admin/", "/admin/guides/guide/", "/admin/guides/provider/add/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_suggestions_wait_in_the_admin_and_the_action_publishes_them(editor_client):
    guide = Guide.objects.get(translation_key="essalud-sctr-independent")
    pending = Provider.objects.create(name="Pendiente", source=Provider.Source.SUGGESTION)
    pending.guides.add(guide)
    listing = editor_client.get("/admin/guides/provider/?verified__exact=0")
    assert "Pendiente" in listing.content.decode()
    response = editor_client.post(
        "/admin/guides/provider/",
        {"action": "verify", "_selected_action": [pending.pk]},
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.verified
    assert "Pendiente" in editor_client.get(guide.get_absolute_url()).content.decode()


def test_publish_action_saves_each_guide(editor_client, make_guide):
    draft = make_guide("accion-publicar", "Acción publicar", draft=True)
    response = editor_client.post(
        "/admin/guides/guide/", {"action": "publish", "_selected_action": [draft.pk]}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.draft is False


def test_the_admin_links_to_the_preview(admin_client, make_guide):
    draft = make_guide("enlace-vista", "Enlace a la vista previa", draft=True)
    html = admin_client.get(f"/admin/guides/guide/{draft.pk}/change/").content.decode()
    assert "/admin/r/" in html  # "Ver en el sitio" goes through the admin's shortcut
    assert admin_client.get(draft.get_absolute_url()).status_code == 200


def test_editors_can_add_a_guide_that_is_rendered_and_searchable(editor_client, client):
    response = editor_client.post(
        "/admin/guides/guide/add/",
        {
            "title_es": "Guía nueva del admin",
            "slug": "guia-nueva-admin",
            "translation_key": "guia-nueva-admin",
            "description_es": "Escrita en el admin.",
            "body_es": "## Procedimiento\n\n1. Paso único.\n\n<script>alert(1)</script>\n",
            "published_on": "2026-11-22",
            "author": "Editora",
            "Provider_guides-TOTAL_FORMS": "0",
            "Provider_guides-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    guide = Guide.objects.get(slug="guia-nueva-admin")
    assert guide.draft is False
    assert "<script>" not in guide.body_html and "&lt;script&gt;" in guide.body_html
    assert guide.howto["es"]["steps"] == ["Paso único."]
    assert "Guía nueva del admin" in client.get("/guias/?q=unico").content.decode()


# --- History and restore (guides.history, HistoryAdmin) -----------------------------------


def change_url(obj):
    return f"/admin/guides/{obj._meta.model_name}/{obj.pk}/change/"


def history_url(obj):
    return f"/admin/guides/{obj._meta.model_name}/{obj.pk}/history/"


def versions_of(obj):
    from reversion.models import Version

    return list(Version.objects.get_for_object(obj).order_by("-revision__date_created", "-pk"))


def save(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


@pytest.fixture
def unemployment():
    return Guide.objects.get(translation_key="essalud-unemployment-coverage")


@pytest.fixture
def two_providers(unemployment):
    first = Provider.objects.create(name="Gestoría Uno", verified=True)
    second = Provider.objects.create(name="Gestoría Dos", verified=True)
    first.guides.add(unemployment)
    return first, second


FIRST_BODY = "## Procedimiento\n\n1. Primera versión del paso."
SECOND_BODY = "## Procedimiento\n\n1. Segunda versión del paso."


def test_an_editor_edits_a_guide_twice_and_restores_the_first_version(
    editor_client, client, unemployment, two_providers
):
    from reversion.models import Version

    first_provider, second_provider = two_providers
    official = set(unemployment.providers.filter(official=True))  # loadcontent's, kept as is
    original_body = unemployment.body_es
    first = {"body_es": FIRST_BODY, "title_en": "Unemployment cover (first)"}
    save(editor_client, change_url(unemployment), guide_form(unemployment, **first))
    unemployment.refresh_from_db()
    second = {"body_es": SECOND_BODY, "title_en": "Unemployment cover (second)"}
    save(
        editor_client,
        change_url(unemployment),
        guide_form(unemployment, add_providers=[second_provider], **second),
    )
    unemployment.refresh_from_db()
    assert "Segunda versión" in unemployment.body_html
    assert set(unemployment.providers.all()) == {first_provider, second_provider, *official}

    # The history: newest first, who, what; the state from before the first edit is kept.
    page = editor_client.get(history_url(unemployment))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<title>Historial: " in html and "Versión actual" in html
    assert html.count("<td>editora</td>") == 2 and "Texto (markdown)" in html
    # loadcontent's imports (the Spanish file, then its English twin) come before.
    newest, first_edit, before, spanish_import = versions_of(unemployment)
    assert before.field_dict["body_es"] == original_body
    assert before.revision.comment.endswith(".en.md")
    assert spanish_import.field_dict["body_en"] in ("", None)
    assert first_edit.field_dict["body_es"] == FIRST_BODY
    assert first_edit.revision.user.username == "editora"
    assert (
        f'action="/admin/guides/guide/{unemployment.pk}/historial/{first_edit.pk}/restaurar/"'
        in html
    )

    # A renderer that changed since is used on restore: the stored HTML is not trusted.
    stored = json.loads(first_edit.serialized_data)
    stored[0]["fields"]["body_html_es"] = "<p>HTML viejo</p>"
    Version.objects.filter(pk=first_edit.pk).update(serialized_data=json.dumps(stored))
    restored = editor_client.post(
        f"/admin/guides/guide/{unemployment.pk}/historial/{first_edit.pk}/restaurar/"
    )
    assert restored.status_code == 302 and restored["Location"] == change_url(unemployment)
    unemployment.refresh_from_db()
    assert unemployment.title_en == "Unemployment cover (first)"  # every language's columns
    assert "Primera versión del paso." in unemployment.body_html
    assert "HTML viejo" not in unemployment.body_html
    assert unemployment.howto["es"]["steps"] == ["Primera versión del paso."]
    # The added one is gone; the official rows stay linked.
    assert set(unemployment.providers.all()) == {first_provider, *official}
    assert second_provider in Provider.objects.all()  # unlinked, never deleted
    assert unemployment.title in client.get("/guias/?q=primera").content.decode()

    # The restore is a version too, so it can be undone.
    after = editor_client.get(history_url(unemployment)).content.decode()
    assert "Restaurada la versión del" in after
    assert len(versions_of(unemployment)) == 5


def test_the_date_shows_that_version_in_the_form_with_its_tabs_and_inline(
    editor_client, unemployment, two_providers
):
    save(editor_client, change_url(unemployment), guide_form(unemployment, body_es=FIRST_BODY))
    unemployment.refresh_from_db()
    save(editor_client, change_url(unemployment), guide_form(unemployment, body_es=SECOND_BODY))
    first_edit = versions_of(unemployment)[1]
    url = f"/admin/guides/guide/{unemployment.pk}/history/{first_edit.pk}/"
    page = editor_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Primera versión del paso." in html and 'id="id_body_en"' in html
    assert " | Versión del " in html and "Así era esta versión." in html
    assert f'name="{INLINE}-TOTAL_FORMS"' in html
    unemployment.refresh_from_db()
    assert "Segunda versión" in unemployment.body_es  # looking changes nothing
    # Saving that form restores it, through the guide's own save (rendered again).
    unemployment_v1 = Guide.objects.get(pk=unemployment.pk)
    unemployment_v1.body_es = FIRST_BODY
    save(editor_client, url, guide_form(unemployment_v1))
    unemployment.refresh_from_db()
    assert "Primera versión del paso." in unemployment.body_html


def test_providers_and_categories_have_history_and_restore(editor_client, admin_client):
    provider = Provider.objects.create(name="Gestoría Historia", cost_soles=50, verified=True)
    form = {"name_es": "Gestoría Historia", "turnaround_es": "2 días", "verified": "on"}
    save(editor_client, change_url(provider), {**form, "cost_soles": "60.00"})
    save(editor_client, change_url(provider), {**form, "cost_soles": "70.00"})
    sixty = versions_of(provider)[1]
    assert sixty.field_dict["cost_soles"] == 60
    save(editor_client, f"/admin/guides/provider/{provider.pk}/historial/{sixty.pk}/restaurar/", {})
    provider.refresh_from_db()
    assert provider.cost_soles == 60

    category = Category.objects.get(slug="peru")
    save(
        admin_client,
        change_url(category),
        {"name_es": "Perú (editado)", "slug": "peru", "kind": "pais"},
    )
    assert admin_client.get(history_url(category)).status_code == 200
    before = versions_of(category)[-1]
    save(admin_client, f"/admin/guides/category/{category.pk}/historial/{before.pk}/restaurar/", {})
    category.refresh_from_db()
    assert category.name_es == "Perú"


def test_restore_is_a_post_by_someone_who_may_change_the_object(
    editor_client, unemployment, django_user_model
):
    save(editor_client, change_url(unemployment), guide_form(unemployment, body_es=FIRST_BODY))
    version = versions_of(unemployment)[-1]
    url = f"/admin/guides/guide/{unemployment.pk}/historial/{version.pk}/restaurar/"
    assert editor_client.get(url).status_code == 405
    client = Client()
    assert client.post(url).status_code == 302  # to the login page
    reader = django_user_model.objects.create_user("lectora", password="x", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_guide"))
    client.force_login(reader)
    assert client.get(history_url(unemployment)).status_code == 200
    assert "restaurar/" not in client.get(history_url(unemployment)).content.decode()
    assert client.post(url).status_code == 403
    unemployment.refresh_from_db()
    assert unemployment.body_es == FIRST_BODY


def test_each_guide_of_an_action_gets_a_revision_of_its_own(editor_client, make_guide):
    drafts = [make_guide(f"accion-{n}", f"Acción {n}", draft=True) for n in range(2)]
    editor_client.post(
        "/admin/guides/guide/", {"action": "publish", "_selected_action": [g.pk for g in drafts]}
    )
    for guide in drafts:
        before, published = reversed(versions_of(guide))
        assert published.revision.version_set.count() == 1
        assert published.revision.get_comment() == "Publicada."
        assert before.field_dict["draft"] is True


IMPORTED = """---
title: Guía importada con historia
translationKey: guia-importada-historia
date: 2026-11-01
draft: false
---
## Procedimiento

1. {step}
"""


def test_a_suggestion_starts_its_history(client):
    guide = Guide.objects.get(translation_key="essalud-change-health-facility")
    client.post(f"/guias/{guide.slug}/sugerir-proveedor/", {"nombre": "Sugerida Historia"})
    (suggested,) = versions_of(Provider.objects.get(name="Sugerida Historia"))
    assert "Sugerencia del público" in suggested.revision.get_comment()
    assert suggested.field_dict["guides"] == [guide.pk]


def test_an_import_can_be_undone(editor_client, tmp_path):
    from django.core.management import call_command

    path = tmp_path / "importada.md"
    path.write_text(IMPORTED.format(step="Paso importado primero."), encoding="utf-8")
    call_command("import_guides", str(path), verbosity=0, stdout=StringIO())
    path.write_text(IMPORTED.format(step="Paso importado después."), encoding="utf-8")
    call_command("import_guides", str(path), verbosity=0, stdout=StringIO())
    guide = Guide.objects.get(translation_key="guia-importada-historia")
    second, first = versions_of(guide)
    assert (
        first.revision.get_comment() == second.revision.get_comment() == f"Importada desde {path}"
    )
    assert first.revision.user is None
    history = editor_client.get(history_url(guide)).content.decode()
    assert "el sistema (importación o carga)" in history
    save(editor_client, f"/admin/guides/guide/{guide.pk}/historial/{first.pk}/restaurar/", {})
    guide.refresh_from_db()
    assert "Paso importado primero." in guide.body_html


def test_loadcontent_gives_objects_without_history_a_first_version(make_guide):
    from django.core.management import call_command

    guide = make_guide("sin-historia", "Sin historia")  # saved in code, outside any revision
    assert versions_of(guide) == []
    call_command("loadcontent", verbosity=0, stdout=StringIO())
    (first,) = versions_of(guide)
    assert first.field_dict["title_es"] == "Sin historia"
    call_command("loadcontent", verbosity=0, stdout=StringIO())
    assert len(versions_of(guide)) == 1


def test_what_a_superuser_deleted_can_be_recovered(admin_client, editor_client, make_guide):
    guide = make_guide("se-borra", "Se borra y vuelve")
    guide_pk = guide.pk
    assert (
        admin_client.post(f"/admin/guides/guide/{guide_pk}/delete/", {"post": "yes"}).status_code
        == 302
    )
    assert not Guide.objects.filter(pk=guide_pk).exists()
    listing = editor_client.get("/admin/guides/guide/")
    assert "Recuperar lo eliminado" in listing.content.decode()
    page = editor_client.get("/admin/guides/guide/recover/")
    assert page.status_code == 200 and "Se borra y vuelve" in page.content.decode()
    (deleted,) = page.context["deleted"]
    form = editor_client.get(f"/admin/guides/guide/recover/{deleted.pk}/")
    assert form.status_code == 200
    data = guide_form(guide)
    data |= {f"{INLINE}-TOTAL_FORMS": 0, f"{INLINE}-INITIAL_FORMS": 0}
    save(editor_client, f"/admin/guides/guide/recover/{deleted.pk}/", data)
    recovered = Guide.objects.get(pk=guide_pk)
    assert "Un paso." in recovered.body_html
