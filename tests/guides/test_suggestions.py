"""The public "Sugerir un proveedor" form: POST, CSRF, honeypot, rate limit, Spanish
messages."""

import re
from decimal import Decimal

import pytest
from django.conf import settings
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
    ({"costo": "-5"}, "costo", "El costo no puede ser negativo"),
    ({"costo": "S/ -150.50"}, "costo", "El costo no puede ser negativo"),
    ({"costo": "\u22125"}, "costo", "El costo no puede ser negativo"),
    ({"nombre": "\u200b\u200b"}, "nombre", "El nombre no tiene letras ni números"),
    ({"nombre": "\u2060\ufeff \u200d\u3164"}, "nombre", "El nombre no tiene letras ni números"),
    ({"nombre": "..."}, "nombre", "El nombre no tiene letras ni números"),
    ({"nombre": "Trámites \u202eCAS\u202c"}, "nombre", "cambian el orden del texto"),
    ({"nombre": "\u2067Gestiones\u2069"}, "nombre", "cambian el orden del texto"),
    ({"sitio_web": 'https://ejemplo.pe/"onmouseover="x'}, "sitio_web", "no puede llevar comillas"),
    ({"sitio_web": "https://ejemplo.pe/<b>"}, "sitio_web", "no puede llevar comillas"),
    ({"sitio_web": "'https://ejemplo.pe'"}, "sitio_web", "no puede llevar comillas"),
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


def test_a_turnaround_with_a_direction_override_is_refused(client, guide):
    response = client.post(url(guide), {**GOOD, "plazo": "3 días\u202d hábiles"})
    assert response.status_code == 400
    assert 'id="id_plazo_error"' in response.content.decode()
    assert "cambian el orden del texto" in response.content.decode()


def test_invisible_characters_are_dropped_from_a_name_that_has_letters(client, guide):
    typed = "\ufeffTrámites\u200b Rápidos\u00ad SAC\u200e"
    assert client.post(url(guide), {**GOOD, "nombre": typed}).status_code == 302
    assert Provider.objects.filter(name="Trámites Rápidos SAC").exists()


# --- Rate limit: SUGGESTION_RATE posts per client address ----------------------------------


def limit() -> int:
    return int(settings.SUGGESTION_RATE.split("/")[0])


def post_until_the_limit(client, guide, **headers):
    """Use up the client's allowance with posts that are refused, so nothing is stored."""
    for _ in range(limit()):
        assert client.post(url(guide), {"nombre": ""}, **headers).status_code == 400


def test_over_the_limit_a_429_in_spanish_keeps_what_was_typed(client, guide):
    post_until_the_limit(client, guide)
    count = Provider.objects.count()
    response = client.post(url(guide), GOOD)
    assert response.status_code == 429
    assert Provider.objects.count() == count
    html = response.content.decode()
    assert "<title>Espera antes de enviar otra sugerencia" in html
    assert "Recibimos muchas sugerencias seguidas desde tu conexión" in html
    wait = int(re.search(r"dentro de (\d+) minutos?", html).group(1))
    assert 1 <= wait <= 60 and int(response["Retry-After"]) == wait * 60
    for field in ("nombre", "sitio_web", "plazo", "costo", "correo"):
        assert f'value="{GOOD[field].strip()}"' in html or f'value="{GOOD[field]}"' in html, field
    assert f">\n{GOOD['comentario']}</textarea>" in html
    assert 'aria-invalid="true"' not in html  # nothing was checked: no field is in error
    assert 'name="csrfmiddlewaretoken"' in html  # it can be sent again from here


def test_the_limit_is_per_client_and_reading_the_form_is_free(client, guide):
    post_until_the_limit(client, guide)
    for _ in range(3):
        assert client.get(url(guide)).status_code == 200
    other = Client(REMOTE_ADDR="198.51.100.23")
    assert other.post(url(guide), {**GOOD, "nombre": "Desde otra conexión"}).status_code == 302


def test_a_forged_x_forwarded_for_does_not_reset_the_limit(client, guide):
    post_until_the_limit(client, guide)
    response = client.post(url(guide), GOOD, HTTP_X_FORWARDED_FOR="198.51.100.77")
    assert response.status_code == 429


def test_behind_one_proxy_the_limit_follows_the_client_not_the_proxy(client, guide, settings):
    settings.PROXY_COUNT = 1
    via_proxy = {"REMOTE_ADDR": "10.0.0.2"}
    post_until_the_limit(client, guide, **via_proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    spoofed = "198.51.100.1, 203.0.113.7"
    assert (
        client.post(url(guide), GOOD, **via_proxy, HTTP_X_FORWARDED_FOR=spoofed).status_code == 429
    )
    another = {**via_proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.8"}
    assert client.post(url(guide), GOOD, **another).status_code == 302


def test_four_hundred_posts_in_a_row_store_at_most_the_limit(client, guide):
    count = Provider.objects.count()
    statuses = [
        client.post(url(guide), {**GOOD, "nombre": f"Inundación {n}"}).status_code
        for n in range(40)
    ]
    assert statuses == [302] * limit() + [429] * (40 - limit())
    assert Provider.objects.count() == count + limit()
