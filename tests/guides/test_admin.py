"""Editors in the admin: exactly the permissions they need, tabbed translations, review."""

import pytest
from django.contrib.auth.models import Group, User

from guides.models import Guide, Provider

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
            "name": "Asesoría Potestativo",
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
    assert list(provider.guides.all()) == [guide]


@pytest.mark.parametrize("cost", ["-5", "-0.01"])
def test_a_negative_cost_in_the_admin_gets_its_own_message(editor_client, cost):
    response = editor_client.post(
        "/admin/guides/provider/add/",
        {"name": "Costo negativo", "turnaround_es": "1 día", "cost_soles": cost},
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
