"""Random query strings at every public GET page and random posts at every form: never a 500.

Then the inputs that found 500s before: years 0000, 0001 and 9999 in every date and month
field of every form, and a name given twice on every GET form (which pre-filled a field with
a Python list's repr).
"""

import inspect
import re
from urllib.parse import urlencode

import pytest
from django import forms
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insurance import checklists, wizard
from insurance.forms import calculator, estimators
from insurance.forms import checklists as checklist_forms
from insurance.forms import figures as figure_forms
from insurance.forms import wizard as wizard_forms
from insurance.forms.fields import DateRangeMixin

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
    "/cifras/",
    "/cifras/rmv/",
    "/cifras/potestativo_premiums/",
    "/cifras/cambios.xml",
]
# Names the pages read, so random values reach the forms and not only unknown keys.
KNOWN_KEYS = [
    "regimen", "periodo", "monto", "nivel_riesgo", "edades", "trabajadores", "ventas_netas",
    "plan", "aportes", "tramite", "familiar", "motivo", "lugar", "matrimonio", "tercero",
    "situacion", "edad", "q", "categoria", "pagina", "paso", "siguiente", "atencion",
    "primer_aporte", "primer_pago", "tipo", "pensionista", "fecha",
]  # fmt: skip
# Years the rules cannot build a date with (0000), before them (0001) and after (9999).
EDGE_MONTHS = ["0000-01", "01/0000", "0001-01", "01/0001", "9999-12", "12/9999"]
EDGE_DAYS = ["01/01/0000", "0000-01-01", "01/01/0001", "0001-01-01", "31/12/9999", "9999-12-31"]
text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
values = st.one_of(
    text,
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(["", "0", "-1", "1,025.50", "2024-13", "1e999", "NaN", "../../etc"]),
    st.sampled_from(EDGE_MONTHS + EDGE_DAYS),
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


# --- Years 0000, 0001 and 9999 in every date and month field ----------------------------

FORM_MODULES = (calculator, estimators, wizard_forms, checklist_forms, figure_forms)
# Every date or month field of every form, with the page that validates it and the other
# answers that page needs. The test below fails when a form gains a field not listed here.
DATE_FIELDS = {
    ("CalculatorForm", "periodo"): (
        "/calculadora/resultado/", {"regimen": "regular", "monto": "1000"}),
    ("PotestativoStartForm", "primer_pago"): (
        "/calculadora/carencia/resultado/", {"plan": "potestativo"}),
    ("AgrarioStartForm", "primer_aporte"): (
        "/calculadora/carencia/resultado/", {"plan": "agrario"}),
    ("RegularForm", "atencion"): (
        "/calculadora/carencia/meses/", {"plan": "regular", "tipo": "enfermedad"}),
    ("RegularForm", "primer_aporte"): (
        "/calculadora/carencia/meses/",
        {"plan": "regular", "tipo": "enfermedad", "atencion": "2025-06"}),
    ("FigureDateForm", "fecha"): ("/cifras/", {}),
}  # fmt: skip


def _date_fields():
    for module in FORM_MODULES:
        for name, form in inspect.getmembers(module, inspect.isclass):
            if issubclass(form, forms.BaseForm) and form.__module__ == module.__name__:
                for field_name, field in form.base_fields.items():
                    if isinstance(field, DateRangeMixin | forms.DateField | forms.DateTimeField):
                        yield name, field_name


def test_every_date_and_month_field_is_in_the_table():
    assert set(_date_fields()) == set(DATE_FIELDS)


def _edge_cases():
    for (form, field), (path, base) in DATE_FIELDS.items():
        day = form in {"PotestativoStartForm", "FigureDateForm"}
        for value in EDGE_DAYS if day else EDGE_MONTHS:
            yield pytest.param(path, base, field, value, id=f"{form}.{field}={value}")


@pytest.mark.parametrize(("path", "base", "field", "value"), list(_edge_cases()))
def test_years_0000_0001_and_9999_get_a_message_beside_the_field(path, base, field, value):
    response = Client().get(path, {**base, field: value})
    assert response.status_code == 400
    html = response.content.decode()
    message = re.search(rf'id="{field}_error">(.*?)</p>', html, re.S)
    assert message, f"no message beside {field}"
    assert re.search(
        r"Las (reglas|cifras) cubren (periodos|fechas) desde|hasta (diciembre de|el año) 2099",
        message.group(1),
    )
    assert f'value="{value}"' in html  # what was typed is kept


# --- A name given twice, on every GET form ----------------------------------------------

REPR = re.compile(r"\[(?:&#x27;|')")  # the start of a Python list repr: ['


def _twice(items: dict[str, tuple[str, str]]) -> str:
    return urlencode([(key, value) for key, pair in items.items() for value in pair])


def _wizard_pages():
    for question in wizard.QUESTIONS:
        field = question.form().fields[question.id]
        choices = [str(v) for v, _ in getattr(field, "choices", [])][:2] or ["30", "40"]
        yield f"/que-seguro-me-corresponde/{question.id}/?" + _twice(
            {question.id: (choices[0], choices[-1]), wizard.SUBMIT: ("1", "1")}
        )


def _checklist_pages():
    pairs = {q: (words[0], words[-1]) for q, words in checklists.VOCABULARY.items()}
    for slug in ("regular", "potestativo", "sctr", "agrario"):
        yield f"/seguros/{slug}/requisitos/?" + _twice(pairs)


CALCULATOR_TWICE = {
    "regimen": ("regular", "sctr-dependiente"), "periodo": ("2024-05", "2025-01"),
    "monto": ("1000", "2,000"), "nivel_riesgo": ("1", "2"), "edades": ("35", "40, 2"),
    "trabajadores": ("10", "20"), "ventas_netas": ("0", "1"),
}  # fmt: skip
ESTIMATOR_TWICE = {
    "atencion": ("2025-01", "2025-06"), "tipo": ("accidente", "enfermedad"),
    "primer_aporte": ("2024-01", "2025-03"), "primer_pago": ("15/03/2025", "16/03/2025"),
    "aportes": ("2025-01", "2025-02"),
}  # fmt: skip
GET_FORMS = [
    "/calculadora/?" + _twice(CALCULATOR_TWICE),
    "/calculadora/?siguiente=1&" + _twice({"regimen": ("x", "vida")}),
    "/calculadora/resultado/?" + _twice(CALCULATOR_TWICE),
    *(f"/calculadora/carencia/?plan={plan}&" + _twice(ESTIMATOR_TWICE)
      for plan in ("regular", "potestativo", "agrario")),
    "/calculadora/carencia/?" + _twice({"plan": ("agrario", "regular")}),
    "/calculadora/carencia/meses/?plan=regular&" + _twice(ESTIMATOR_TWICE),
    *(f"/calculadora/carencia/resultado/?plan={plan}&" + _twice(ESTIMATOR_TWICE)
      for plan in ("regular", "potestativo", "agrario")),
    "/calculadora/latencia/?" + _twice({"aportes": ("10", "20")}),
    "/cifras/?" + _twice({"fecha": ("2024-01-01", "x")}),
    "/cifras/uit/?" + _twice({"fecha": ("x", "2024-01-01")}),
    "/calculadora/latencia/resultado/?" + _twice({"aportes": ("10", "x")}),
    *_wizard_pages(),
    "/que-seguro-me-corresponde/revisar/?" + _twice({"situacion": ("ninguna", "estudiante")}),
    "/que-seguro-me-corresponde/resultado/?" + _twice({"situacion": ("ninguna", "estudiante")}),
    *_checklist_pages(),
    "/guias/?" + _twice({"q": ("hijos", "seguro"), "categoria": ("a", "b"), "pagina": ("1", "2")}),
]  # fmt: skip


@pytest.mark.parametrize("path", GET_FORMS)
def test_a_name_given_twice_never_shows_a_python_list(path):
    response = Client().get(path, follow=True)
    assert response.status_code in (200, 400), path
    html = response.content.decode()
    assert not REPR.search(html), REPR.search(html) and html[REPR.search(html).start() - 80 :][:160]


def test_the_calculator_takes_the_last_value_of_a_name_given_twice():
    client = Client()
    form = client.get("/calculadora/?" + _twice({"regimen": ("regular", "vida")}))
    assert '<input type="hidden" name="regimen" value="vida"' in form.content.decode()
    result = client.get("/calculadora/resultado/?" + _twice(CALCULATOR_TWICE))
    assert result.context["result"].regimen == "sctr-dependiente"
    assert result.context["result"].payable == 25  # 2,000 × 1.23% = 24.60 -> 25
    # The change link carries each value once: the one used.
    assert result.context["change_url"] == (
        "/calculadora/?regimen=sctr-dependiente&periodo=2025-01&monto=2%2C000&nivel_riesgo=2"
    )
