"""Random query strings at every public GET page and random posts at every form: never a 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

GET_PAGES = [
    "/",
    "/seguros/",
    "/seguros/regular/",
    "/seguros/vida/",
    "/seguros/regular/requisitos/",
    "/seguros/agrario/requisitos/",
    "/calculadora/",
    "/calculadora/resultado/",
    "/calculadora/carencia/",
    "/calculadora/carencia/meses/",
    "/calculadora/carencia/resultado/",
    "/calculadora/latencia/",
    "/calculadora/latencia/resultado/",
    "/que-seguro-me-corresponde/",
    "/que-seguro-me-corresponde/situacion/",
    "/que-seguro-me-corresponde/revisar/",
    "/que-seguro-me-corresponde/resultado/",
    "/guias/",
    "/guias/rss.xml",
    "/sitemap.xml",
    "/robots.txt",
    "/en/seguros/sctr/",
]
# Names the pages read, so random values reach the forms and not only unknown keys.
KNOWN_KEYS = [
    "regimen", "periodo", "monto", "nivel_riesgo", "edades", "trabajadores", "ventas_netas",
    "plan", "aportes", "tramite", "familiar", "motivo", "lugar", "matrimonio", "tercero",
    "situacion", "edad", "q", "categoria", "pagina", "paso", "siguiente",
]  # fmt: skip
text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
values = st.one_of(
    text,
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(["", "0", "-1", "1,025.50", "2024-13", "1e999", "NaN", "../../etc"]),
)
query = st.lists(st.tuples(st.one_of(st.sampled_from(KNOWN_KEYS), text), values), max_size=8)
FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.parametrize("path", GET_PAGES)
@FUZZ
@given(params=query)
def test_random_query_strings_never_break_a_page(path, params):
    response = Client().get(path, params)
    assert response.status_code < 500, (path, params)


SUGGESTION_FIELDS = ["nombre", "sitio_web", "plazo", "costo", "correo", "comentario", "apodo"]


@FUZZ
@given(data=st.dictionaries(st.sampled_from([*SUGGESTION_FIELDS, "x"]), values))
def test_random_provider_suggestions_never_break_the_form(data):
    from guides.models import Guide

    guide = Guide.objects.published().first()
    response = Client().post(f"/guias/{guide.slug}/sugerir-proveedor/", data)
    assert response.status_code in {200, 302, 400, 429}, data


@FUZZ
@given(data=st.dictionaries(st.sampled_from(["username", "password", "next"]), values))
def test_random_admin_logins_never_break_the_login(data):
    response = Client().post("/admin/login/", data)
    assert response.status_code in {200, 302, 429}, data
