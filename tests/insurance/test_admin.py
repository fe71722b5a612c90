"""The plan catalogue in the admin: readable, never writable (ADR 5), and it says why."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User

from insurance.models import Plan

pytestmark = pytest.mark.django_db

CONTENT_ADMINS = [
    model_admin
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label == "insurance"
]
NOTE = "El contenido de los seguros viene de los archivos YAML"


@pytest.fixture
def superuser_client(client):
    client.force_login(User.objects.create_superuser("admin", password="x"))
    return client


def test_every_plan_content_model_is_registered_read_only():
    assert len(CONTENT_ADMINS) == 12
    for model_admin in CONTENT_ADMINS:
        assert model_admin.has_add_permission(None) is False
        assert model_admin.has_change_permission(None) is False
        assert model_admin.has_delete_permission(None) is False


@pytest.mark.parametrize("model_admin", CONTENT_ADMINS, ids=lambda a: a.model.__name__)
def test_even_a_superuser_reads_but_cannot_write(superuser_client, model_admin):
    model = model_admin.model
    obj = model.objects.first()
    base = f"/admin/insurance/{model._meta.model_name}/"
    listing = superuser_client.get(base)
    assert listing.status_code == 200
    assert NOTE in listing.content.decode() and f'href="{base}add/"' not in listing.content.decode()
    page = superuser_client.get(f"{base}{obj.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert NOTE in html and "python manage.py loadcontent" in html
    assert 'name="_save"' not in html and "<textarea" not in html
    assert superuser_client.post(f"{base}{obj.pk}/change/", {}).status_code == 403
    assert superuser_client.get(f"{base}add/").status_code == 403
    assert superuser_client.get(f"{base}{obj.pk}/delete/").status_code == 403


def test_a_posted_edit_changes_nothing(superuser_client):
    plan = Plan.objects.get(slug="regular")
    before = plan.summary
    response = superuser_client.post(
        f"/admin/insurance/plan/{plan.pk}/change/", {"summary_es": "cambiado a mano"}
    )
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.summary == before
