"""The public "Sugerir un proveedor" form: POST, CSRF, honeypot, Spanish messages."""

from decimal import Decimal

import pytest
from django.test import Client

from guides.models import Guide, Provider

pytestmark = pytest.mark.django_db

GUIDE_KEY = "essalud-change-health-facility"


@pytest.fixture
def guide():
    return Guide.objects.get(translation_key=GUIDE_KEY)


def url(guide):
    return f"/guias/{guide.slug}/sugerir-proveedor/"


GOOD = {
    "nombre": "  Trámites   Rápidos SAC ",
    "sitio_web": "tramitesrapidos.pe",
    "plazo": "3 a 5 días hábiles",
    "costo": "S/ 1,025.50",
    "correo": "ana@ejemplo.pe",
    "comentario": "Me ayudaron con el cambio.",
    "apodo": "",
}


def test_the_form_page_is_accessible(client, guide):
    response = client.get(url(guide))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<label for="id_nombre">Nombre del proveedor</label>' in html
    assert "<legend>Datos del proveedor</legend>" in html
    assert 'aria-describedby="id_costo_helptext"' in html
    assert '<div class="hp" aria-hidden="true">' in html and 'tabindex="-1"' in html


BAD_INPUT = [
    ({"nombre": ""}, "nombre", "Escribe el nombre del proveedor."),
    ({"nombre": "   "}, "nombre", "Escribe el nombre del proveedor."),
    ({"nombre": "x" * 121}, "nombre", "El nombre es demasiado largo"),
    ({"sitio_web": "no es una web"}, "sitio_web", "Escribe una dirección web válida"),
    ({"sitio_web": "javascript:alert(1)"}, "sitio_web", "Escribe una dirección web válida"),
    ({"costo": "barato"}, "costo", "Escribe el costo en soles con números"),
    ({"costo": "-5"}, "costo", "Escribe el costo en soles con números"),
    ({"costo": "1.234"}, "costo", "Escribe el costo en soles con números"),
    ({"costo": "NaN"}, "costo", "Escribe el costo en soles con números"),
    ({"costo": "99999999"}, "costo", "Ese costo es demasiado alto"),
    ({"correo": "ana@"}, "correo", "Escribe un correo válido"),
    ({"comentario": "x" * 1001}, "comentario", "El comentario es demasiado largo"),
]


@pytest.mark.parametrize(("change", "field", "message"), BAD_INPUT)
def test_bad_input_is_reshown_with_messages_and_nothing_saved(
    client, guide, change, field, message
):
    count = Provider.objects.count()
    response = client.post(url(guide), {**GOOD, **change})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'<a href="#id_{field}">' in html  # the error summary links to the field
    assert f'id="id_{field}_error"' in html
    assert 'aria-invalid="true"' in html
    assert f'value="{GOOD["plazo"]}"' in html  # what was typed is kept
    assert "<title>Error: " in html
    assert Provider.objects.count() == count


def test_a_good_suggestion_is_saved_unverified_and_not_shown(client, guide):
    response = client.post(url(guide), GOOD)
    assert response.status_code == 302
    assert response["Location"] == f"/guias/{guide.slug}/sugerir-proveedor/gracias/"
    provider = Provider.objects.get(name="Trámites Rápidos SAC")
    assert provider.verified is False
    assert provider.source == Provider.Source.SUGGESTION
    assert provider.website == "https://tramitesrapidos.pe"
    assert provider.cost_soles == Decimal("1025.50")
    assert provider.turnaround == "3 a 5 días hábiles"
    assert (provider.contact_email, provider.notes) == ("ana@ejemplo.pe", GOOD["comentario"])
    assert list(provider.guides.all()) == [guide]

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Gracias por tu sugerencia" in thanks.content.decode()
    assert "Trámites Rápidos" not in client.get(guide.get_absolute_url()).content.decode()

    provider.verified = True
    provider.save()
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "Trámites Rápidos SAC" in html and "S/ 1,025.50" in html
    assert "ana@ejemplo.pe" not in html and "Me ayudaron" not in html


@pytest.mark.parametrize(
    ("typed", "amount"), [("150", "150"), ("150,5", "150.50"), ("S/. 80", "80")]
)
def test_costs_are_read_the_way_people_write_them(client, guide, typed, amount):
    client.post(url(guide), {**GOOD, "nombre": f"Costo {typed}", "costo": typed})
    assert Provider.objects.get(name=f"Costo {typed}").cost_soles == Decimal(amount)


def test_only_the_name_is_required(client, guide):
    response = client.post(url(guide), {"nombre": "Solo nombre"})
    assert response.status_code == 302
    assert Provider.objects.get(name="Solo nombre").cost_soles is None


def test_the_honeypot_pretends_and_saves_nothing(client, guide):
    count = Provider.objects.count()
    response = client.post(url(guide), {**GOOD, "apodo": "bot"})
    assert response.status_code == 302
    assert Provider.objects.count() == count


def test_csrf_is_enforced(guide):
    client = Client(enforce_csrf_checks=True)
    assert client.post(url(guide), GOOD).status_code == 403
    page = client.get(url(guide))
    token = page.cookies["csrftoken"].value
    response = client.post(url(guide), {**GOOD, "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_other_methods_are_refused(client, guide):
    assert client.put(url(guide)).status_code == 405
