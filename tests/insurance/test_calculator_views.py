"""The calculator pages: contribution, waiting period (carencia) and latency.

Node by node: each page renders, a valid answer reaches the next page, every kind of bad
answer is re-shown beside its field with status 400 and the typed value kept, and random
query strings only ever get 200 or 400. Amounts are hand-computed from figures.md.
"""

from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insurance import rules

pytestmark = pytest.mark.django_db

D = Decimal
# The pages read no table; the bound leaves room for the session and i18n middleware.
CALCULATOR_MAX_QUERIES = 2
TODAY = date(2025, 6, 15)


@pytest.fixture(autouse=True)
def fixed_today(settings):
    settings.RULES_DATE = TODAY


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class Page(HTMLParser):
    """Inputs by name, fieldsets and the text of elements by id, to check a field's message."""

    def __init__(self, html: str):
        super().__init__()
        self.inputs: dict[str, list[dict]] = {}
        self.fieldsets: list[dict] = []
        self.text: dict[str, str] = {}
        self._open: list[str | None] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input":
            self.inputs.setdefault(attrs.get("name"), []).append(attrs)
        if tag == "fieldset":
            self.fieldsets.append(attrs)
        if tag in VOID:
            return
        self._open.append(attrs.get("id"))
        if attrs.get("id"):
            self.text[attrs["id"]] = ""

    def handle_endtag(self, tag):
        if tag not in VOID and self._open:
            self._open.pop()

    def handle_data(self, data):
        for element in self._open:
            if element:
                self.text[element] += data

    def field(self, name: str) -> dict:
        return self.inputs[name][0]


def assert_error_beside(response, field: str, words: str, typed: str | None = None):
    """The message is in the field's error element, which the input points at."""
    assert response.status_code == 400
    page = Page(response.content.decode())
    assert words in page.text.get(f"{field}_error", ""), page.text.get(f"{field}_error")
    summary = page.text.get("error-summary-title", "")
    assert summary == "Revisa estos datos"
    inputs = page.inputs[field]
    if inputs[0].get("type") == "text":
        assert inputs[0]["aria-invalid"] == "true"
        assert f"{field}_error" in inputs[0]["aria-describedby"].split()
        assert inputs[0].get("value", "") == typed
    else:  # a radio or checkbox group: its fieldset points at the message
        described = [f.get("aria-describedby", "").split() for f in page.fieldsets]
        assert any(f"{field}_error" in ids for ids in described)


def get(client, name: str, **query):
    return client.get(reverse(f"insurance:{name}"), query)


# --- Monthly contribution ---------------------------------------------------------------


def test_step_one_lists_every_situation_with_its_hint(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(CALCULATOR_MAX_QUERIES):
        response = client.get("/calculadora/")
    assert response.status_code == 200
    assert "insurance/calculator/start.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "<fieldset" in html and "<legend" in html
    for slug, regimen in rules.REGIMENES.items():
        assert f'value="{slug}"' in html
        assert str(regimen.label) in html


def test_step_one_needs_a_choice(client):
    response = client.get("/calculadora/", {"siguiente": "1"})
    assert_error_beside(response, "regimen", "Elige tu situación.")


@pytest.mark.parametrize("slug", ["seguro-privado", "REGULAR", "<script>", ""])
def test_an_unknown_situation_is_refused(client, slug):
    response = client.get("/calculadora/", {"regimen": slug})
    assert response.status_code == 400
    assert "No conocemos la situación" in response.content.decode() or not slug


@pytest.mark.parametrize("slug", list(rules.REGIMENES))
def test_step_two_shows_only_the_situations_fields(client, slug, django_assert_max_num_queries):
    with django_assert_max_num_queries(CALCULATOR_MAX_QUERIES):
        response = client.get("/calculadora/", {"regimen": slug})
    assert response.status_code == 200
    page = Page(response.content.decode())
    wanted = {"regimen", "periodo", *(i.value for i in rules.REGIMENES[slug].inputs)}
    assert set(page.inputs) == wanted
    assert page.field("periodo")["value"] == "2025-06"  # the current month
    assert f'action="{reverse("insurance:calculator_result")}"' in response.content.decode()


def test_step_two_keeps_the_inputs_of_a_change_link(client):
    response = client.get(
        "/calculadora/",
        {"regimen": "sctr-dependiente", "periodo": "2024-05", "monto": "1,000", "nivel_riesgo": 2},
    )
    page = Page(response.content.decode())
    assert page.field("periodo")["value"] == "2024-05"
    assert page.field("monto")["value"] == "1,000"
    checked = [radio["value"] for radio in page.inputs["nivel_riesgo"] if "checked" in radio]
    assert checked == ["2"]


# Hand-computed from figures.md: (query, payable, the exact amount as the page writes it).
# fmt: off
CASES = [
    # 9% of pay, the base never below the RMV (1,025 until 2024-12; 1,130 from 2025-01).
    ({"regimen": "regular", "periodo": "2024-05", "monto": "800"}, "92.25", "92.25"),
    ({"regimen": "regular", "periodo": "2024-12", "monto": "1,025.50"}, "92.30", "92.295"),
    ({"regimen": "regular", "periodo": "2025-01", "monto": "1000"}, "101.70", "101.70"),
    # Agrarian: large 8% in 2023, 6% in 2024-2027, 9% from 2028.
    ({"regimen": "agrario-dependiente", "periodo": "2023-05", "monto": "2,000",
      "trabajadores": "120", "ventas_netas": "0"}, "160.00", "160.00"),
    ({"regimen": "agrario-dependiente", "periodo": "2023-05", "monto": "2000",
      "trabajadores": "10", "ventas_netas": "1000000"}, "120.00", "120.00"),
    ({"regimen": "agrario-dependiente", "periodo": "2024-05", "monto": "2000",
      "trabajadores": "120", "ventas_netas": "0"}, "120.00", "120.00"),
    ({"regimen": "agrario-dependiente", "periodo": "2028-01", "monto": "2000",
      "trabajadores": "10", "ventas_netas": "0"}, "180.00", "180.00"),
    # Fisher: 9% of the sales value, never below 9% of the RMV.
    ({"regimen": "pescador-artesanal", "periodo": "2024-05", "monto": "500"}, "92.25", "92.25"),
    ({"regimen": "pescador-artesanal", "periodo": "2024-05", "monto": "2000"}, "180.00",
     "180.00"),
    # Ex-CBSSP: 9% of pay, never below 4.4% of the RMV (45.10 with 1,025; 49.72 with 1,130).
    ({"regimen": "ex-cbssp", "periodo": "2024-05", "monto": "500"}, "45.10", "45.10"),
    ({"regimen": "ex-cbssp", "periodo": "2025-05", "monto": "500"}, "49.72", "49.72"),
    ({"regimen": "ex-cbssp", "periodo": "2024-05", "monto": "1000"}, "90.00", "90.00"),
    # Pensioner: 4% of the pension.
    ({"regimen": "pensionista", "periodo": "2024-05", "monto": "1500"}, "60.00", "60.00"),
    # Potestativo: 138 + 137; 138 + 138 + 137 + 215.
    ({"regimen": "potestativo", "periodo": "2024-05", "edades": "35, 5"}, "275.00", "275.00"),
    ({"regimen": "potestativo", "periodo": "2024-05", "edades": "35 y 33 y 4 y 61"}, "628.00",
     "628.00"),
    # SCTR: the source's two examples (UIT 5,150 in 2024), and 2026 (UIT 5,500).
    ({"regimen": "sctr-dependiente", "periodo": "2024-05", "monto": "1,000.00",
      "nivel_riesgo": "2"}, "12.00", "12.30"),
    # 1,016 × 1.23% = 12.4968: rounded once, to 12 (not 12.50 and then 13).
    ({"regimen": "sctr-dependiente", "periodo": "2024-05", "monto": "1016",
      "nivel_riesgo": "2"}, "12.00", "12.4968"),
    ({"regimen": "sctr-independiente", "periodo": "2024-05", "nivel_riesgo": "2"}, "32.00",
     "31.67"),
    ({"regimen": "sctr-independiente", "periodo": "2026-02", "nivel_riesgo": "1"}, "17.00",
     "17.33"),
    ({"regimen": "sctr-independiente", "periodo": "2026-02", "nivel_riesgo": "4"}, "50.00",
     "50.33"),
    # Independent agrarian: 6% of the RMV.
    ({"regimen": "agrario-independiente", "periodo": "2024-05"}, "61.50", "61.50"),
    ({"regimen": "agrario-independiente", "periodo": "2025-05"}, "67.80", "67.80"),
    # +Vida: S/ 5.00 per titular, to confirm.
    ({"regimen": "vida", "periodo": "2024-05"}, "5.00", "5.00"),
]
# fmt: on


@pytest.mark.parametrize(
    ("query", "payable", "amount"),
    CASES,
    ids=[f"{c[0]['regimen']}-{c[0]['periodo']}" for c in CASES],
)
def test_result_gives_the_hand_computed_amount(
    client, query, payable, amount, django_assert_max_num_queries
):
    with django_assert_max_num_queries(CALCULATOR_MAX_QUERIES):
        response = client.get("/calculadora/resultado/", query)
    assert response.status_code == 200
    assert "insurance/calculator/result.html" in [t.name for t in response.templates]
    result = response.context["result"]
    assert result.payable == D(payable)
    assert result.exact_formatted == f"S/ {amount}"
    page = Page(response.content.decode())
    assert page.text["resultado-importe"] == rules.format_soles(D(payable))


def test_sctr_result_explains_the_source_example(client):
    response = client.get(
        "/calculadora/resultado/",
        {"regimen": "sctr-dependiente", "periodo": "2024-05", "monto": "1000", "nivel_riesgo": "2"},
    )
    html = response.content.decode()
    assert "S/ 12.00" in html and "S/ 12.30" in html
    assert "1.23%" in html
    assert "Anexo 5, D.S. 009-97-SA" in html
    assert "La entidad empleadora" in html
    assert "redondeado al sol entero" in html
    change = "/calculadora/?regimen=sctr-dependiente&amp;periodo=2024-05&amp;monto=1000"
    assert f'href="{change}&amp;nivel_riesgo=2"' in html
    assert "Cambiar los datos" in html


def test_result_shows_the_floor_and_each_parameter_with_its_source(client):
    response = client.get(
        "/calculadora/resultado/", {"regimen": "regular", "periodo": "2024-12", "monto": "800"}
    )
    html = response.content.decode()
    assert "se aplica la RMV" in html
    assert "Remuneración Mínima Vital (RMV)" in html
    assert "D.S. 003-2022-TR" in html and "Desde el 01/05/2022" in html
    assert "Ley 26790, art. 6" in html and "Vigente antes de 2023" in html
    # Confidence is shown only where a value is to confirm (issue 14, point 4).
    assert "confianza" not in html and "por confirmar" not in html
    assert "Desde el 01/01/2023" not in html


def test_result_marks_values_to_confirm(client):
    response = client.get(
        "/calculadora/resultado/", {"regimen": "regular", "periodo": "2026-10", "monto": "800"}
    )
    html = response.content.decode()
    assert "S/ 110.70" in html  # 9% of the RMV of 1,230, to confirm
    assert "por confirmar" in html and "22/11/2026" in html


def test_result_of_a_future_month_says_values_may_change(client):
    response = client.get("/calculadora/resultado/", {"regimen": "vida", "periodo": "2027-01"})
    assert "Es un mes futuro" in response.content.decode()
    assert "por confirmar" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ({"regimen": "agrario-independiente", "periodo": "2024-05"}, "suspendidas"),
        ({"regimen": "pescador-artesanal", "periodo": "2024-05", "monto": "9"}, "proporción"),
        ({"regimen": "pensionista", "periodo": "2024-05", "monto": "9"}, "ONP o la AFP"),
        ({"regimen": "potestativo", "periodo": "2024-05", "edades": "40"}, "30 a 59"),
    ],
)
def test_result_shows_the_notes_of_the_situation(client, query, words):
    response = client.get("/calculadora/resultado/", query)
    assert response.status_code == 200
    assert words in response.content.decode()


SCTR = {"regimen": "sctr-dependiente", "periodo": "2024-05", "monto": "1000", "nivel_riesgo": "2"}
AGES = {"regimen": "potestativo", "periodo": "2024-05", "edades": "35"}
AGRARIAN = {"regimen": "agrario-dependiente", "periodo": "2024-05", "monto": "2000",
            "trabajadores": "10", "ventas_netas": "0"}  # fmt: skip
BAD_INPUTS = [
    (SCTR | {"monto": "mil"}, "monto", "solo con números"),
    (SCTR | {"monto": "-1000"}, "monto", "no puede ser negativo"),
    (SCTR | {"monto": "1025,50"}, "monto", "Usa el punto para los decimales"),
    (SCTR | {"monto": "1e400"}, "monto", "solo con números"),
    (SCTR | {"monto": "9" * 50}, "monto", "demasiado grande"),
    (SCTR | {"monto": ""}, "monto", "Indica el monto"),
    (SCTR | {"periodo": "2022-12"}, "periodo", "Las reglas cubren periodos desde enero de 2023"),
    (SCTR | {"periodo": "2024-13"}, "periodo", "año-mes"),
    (SCTR | {"periodo": "mayo"}, "periodo", "año-mes"),
    (SCTR | {"periodo": ""}, "periodo", "Indica el mes del aporte"),
    (SCTR | {"nivel_riesgo": "7"}, "nivel_riesgo", "El nivel de riesgo «7» no existe"),
    (SCTR | {"nivel_riesgo": ""}, "nivel_riesgo", "Elige el nivel de riesgo"),
    (AGES | {"edades": "35, 200"}, "edades", "La edad 200 no es válida"),
    (AGES | {"edades": ""}, "edades", "Indica la edad de al menos una persona"),
    (AGES | {"edades": ", ,"}, "edades", "Indica la edad de al menos una persona"),
    (AGES | {"edades": "treinta"}, "edades", "«treinta» no es una edad"),
    # No adult: the titular is of age (Potestativo, sección 2.1).
    (AGES | {"edades": "5"}, "edades", "El titular del Seguro Potestativo es mayor de edad"),
    (AGES | {"edades": "17, 2"}, "edades", "de 18 años o más"),
    (AGRARIAN | {"trabajadores": "-3"}, "trabajadores", "no puede ser negativo"),
    (AGRARIAN | {"ventas_netas": "mucho"}, "ventas_netas", "solo con números"),
]


@pytest.mark.parametrize(("query", "field", "words"), BAD_INPUTS)
def test_bad_input_is_shown_beside_its_field(client, query, field, words):
    response = client.get("/calculadora/resultado/", query)
    assert "insurance/calculator/form.html" in [t.name for t in response.templates]
    assert_error_beside(response, field, words, typed=query[field])
    page = Page(response.content.decode())
    assert page.text[f"{field}_error"].startswith("Error:")  # read out by screen readers


def test_missing_fields_are_all_named(client):
    response = client.get("/calculadora/resultado/", {"regimen": "sctr-dependiente"})
    assert response.status_code == 400
    anchors = [anchor for anchor, _ in response.context["form"].error_links]
    assert anchors == ["periodo", "monto", "nivel_riesgo_0"]
    html = response.content.decode()
    assert 'href="#monto"' in html and 'href="#nivel_riesgo_0"' in html


def test_result_without_a_situation_goes_back_to_step_one(client):
    response = client.get("/calculadora/resultado/", {"periodo": "2024-05", "monto": "1000"})
    assert "insurance/calculator/start.html" in [t.name for t in response.templates]
    assert_error_beside(response, "regimen", "Elige tu situación.")


def test_inputs_of_another_situation_are_ignored(client):
    query = {"regimen": "regular", "periodo": "2024-05", "monto": "1000", "nivel_riesgo": "9",
             "edades": "x", "trabajadores": "-1", "csrfmiddlewaretoken": "x"}  # fmt: skip
    response = client.get("/calculadora/resultado/", query)
    assert response.status_code == 200
    assert response.context["result"].payable == D("92.25")


def test_error_page_says_error_in_its_title(client):
    response = client.get("/calculadora/resultado/", SCTR | {"monto": "x"})
    assert "<title>Error:" in response.content.decode()


# --- When coverage starts (carencia) ------------------------------------------------------


def test_waiting_period_lists_the_plans(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(CALCULATOR_MAX_QUERIES):
        response = client.get("/calculadora/carencia/")
    assert response.status_code == 200
    for plan in ("regular", "potestativo", "agrario"):
        assert f'value="{plan}"' in response.content.decode()
    assert_error_beside(client.get("/calculadora/carencia/", {"siguiente": "1"}), "plan",
                        "Elige el seguro.")  # fmt: skip
    assert_error_beside(client.get("/calculadora/carencia/", {"plan": "sctr"}), "plan",
                        "No conocemos el seguro «sctr»")  # fmt: skip


@pytest.mark.parametrize(
    ("plan", "fields", "action"),
    [
        ("regular", {"atencion", "tipo", "pensionista", "primer_aporte"}, "waiting_period_months"),
        ("potestativo", {"primer_pago"}, "waiting_period_result"),
        ("agrario", {"primer_aporte"}, "waiting_period_result"),
    ],
)
def test_each_plan_asks_its_questions(client, plan, fields, action, django_assert_max_num_queries):
    with django_assert_max_num_queries(CALCULATOR_MAX_QUERIES):
        response = client.get("/calculadora/carencia/", {"plan": plan})
    assert response.status_code == 200
    page = Page(response.content.decode())
    assert set(page.inputs) == {"plan", *fields}
    assert f'action="{reverse(f"insurance:{action}")}"' in response.content.decode()


REGULAR = {"plan": "regular", "atencion": "2025-06", "tipo": "enfermedad"}


def test_regular_asks_the_six_months_before_the_care(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(CALCULATOR_MAX_QUERIES):
        response = get(client, "waiting_period_months", **REGULAR, primer_aporte="2025-03")
    assert response.status_code == 200
    page = Page(response.content.decode())
    months = [box["value"] for box in page.inputs["aportes"]]
    assert months == ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]
    ticked = [box["value"] for box in page.inputs["aportes"] if "checked" in box]
    assert ticked == ["2025-03", "2025-04", "2025-05"]  # paid every month since the first
    assert [box["value"] for box in page.inputs["atencion"]] == ["2025-06"]  # carried along


@pytest.mark.parametrize(
    "extra", [{"tipo": "accidente"}, {"tipo": "gestacion"}, {"pensionista": "si"}]
)
def test_regular_skips_the_months_when_they_do_not_matter(client, extra):
    response = get(client, "waiting_period_months", **(REGULAR | extra))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("insurance:waiting_period_result"))
    assert client.get(response["Location"]).context["coverage"].covered


@pytest.mark.parametrize(
    ("query", "field", "words"),
    [
        (REGULAR | {"atencion": "2025-13"}, "atencion", "año-mes"),
        (REGULAR | {"atencion": "2022-06"}, "atencion", "desde enero de 2023"),
        (REGULAR | {"tipo": "robo"}, "tipo", "«robo» no es una de las opciones"),
        (REGULAR | {"primer_aporte": "2019-05"}, "primer_aporte", "deja este dato vacío"),
    ],
)
def test_regular_bad_answers_are_shown_beside_their_field(client, query, field, words):
    for page in ("waiting_period_months", "waiting_period_result"):
        response = get(client, page, **query)
        assert_error_beside(response, field, words, typed=query[field])


# Care in June 2025: the window is December 2024 to May 2025.
COVERAGE_CASES = [
    (["2025-03", "2025-04", "2025-05"], True),  # 3 consecutive
    (["2024-12", "2025-02", "2025-04", "2025-05"], True),  # 4 not consecutive
    (["2025-01", "2025-03", "2025-05"], False),  # 3 not consecutive
    (["2025-04", "2025-05"], False),
    ([], False),
]


@pytest.mark.parametrize(("months", "covered"), COVERAGE_CASES)
def test_regular_result_says_whether_the_care_is_covered(
    client, months, covered, django_assert_max_num_queries
):
    with django_assert_max_num_queries(CALCULATOR_MAX_QUERIES):
        response = client.get(
            "/calculadora/carencia/resultado/?" + urlencode(REGULAR | {"aportes": months}, True)
        )
    assert response.status_code == 200
    assert response.context["coverage"].covered is covered
    html = response.content.decode()
    assert ("Sí: tienes cobertura en junio de 2025" in html) is covered
    assert "Ley 31469" in html and "D.S. 001-2025-TR" in html
    assert "Cambiar los datos" in html


def test_regular_result_with_a_first_month_says_when_coverage_starts(client):
    query = REGULAR | {"primer_aporte": "2025-03", "aportes": ["2025-03", "2025-04"]}
    response = client.get("/calculadora/carencia/resultado/?" + urlencode(query, True))
    html = response.content.decode()
    assert response.context["start"].starts_on == date(2025, 6, 1)
    assert "1 de junio de 2025" in html
    assert "Todavía no tienes cobertura en junio de 2025" in html  # only 2 months ticked


def test_regular_result_refuses_months_outside_the_window(client):
    query = REGULAR | {"aportes": ["2025-05", "2025-06"]}
    response = client.get("/calculadora/carencia/resultado/?" + urlencode(query, True))
    assert "insurance/calculator/waiting_period_months.html" in [t.name for t in response.templates]
    assert_error_beside(response, "aportes", "«2025-06» no es uno de los meses de la lista")


@pytest.mark.parametrize(
    ("query", "starts"),
    [
        ({"plan": "potestativo", "primer_pago": "15/03/2025"}, date(2025, 6, 15)),
        ({"plan": "potestativo", "primer_pago": "2025-11-30"}, date(2026, 2, 28)),
        ({"plan": "agrario", "primer_aporte": "2025-03"}, date(2025, 6, 1)),
        ({"plan": "agrario", "primer_aporte": "11/2024"}, date(2025, 2, 1)),
    ],
)
def test_voluntary_and_agrarian_plans_give_the_start_date(
    client, query, starts, django_assert_max_num_queries
):
    with django_assert_max_num_queries(CALCULATOR_MAX_QUERIES):
        response = client.get("/calculadora/carencia/resultado/", query)
    assert response.status_code == 200
    assert response.context["start"].starts_on == starts
    html = response.content.decode()
    assert "Qué se cubre antes" in html
    assert ("24 horas" in html) is (query["plan"] == "potestativo")
    assert ("gestante" in html) is (query["plan"] == "agrario")
    # Potestativo: the wait is not all; maternity also needs affiliation at conception (5.2).
    assert ("al momento de la concepción (sección 5.2)" in html) is (query["plan"] == "potestativo")
    assert "todas las prestaciones" not in html


@pytest.mark.parametrize(
    ("query", "field", "words"),
    [
        ({"plan": "potestativo", "primer_pago": "31/02/2025"}, "primer_pago", "día/mes/año"),
        ({"plan": "potestativo", "primer_pago": "01/12/2022"}, "primer_pago", "enero de 2023"),
        ({"plan": "potestativo", "primer_pago": ""}, "primer_pago", "Indica la fecha"),
        ({"plan": "agrario", "primer_aporte": "marzo"}, "primer_aporte", "año-mes"),
    ],
)
def test_start_date_bad_answers_are_shown_beside_their_field(client, query, field, words):
    response = client.get("/calculadora/carencia/resultado/", query)
    assert_error_beside(response, field, words, typed=query[field])


# --- Coverage after the job ends (latencia) -------------------------------------------------


def test_latency_form(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(CALCULATOR_MAX_QUERIES):
        response = client.get("/calculadora/latencia/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'inputmode="numeric"' in html
    assert "T-Registro" in html and "pensionistas" in html


@pytest.mark.parametrize(
    ("contributions", "months"),
    [("0", 0), ("4", 0), ("5", 2), ("9", 2), ("10", 4), ("14", 4), ("15", 6), ("20", 8),
     ("29", 10), ("30", 12), ("36", 12)],
)  # fmt: skip
def test_latency_result(client, contributions, months, django_assert_max_num_queries):
    with django_assert_max_num_queries(CALCULATOR_MAX_QUERIES):
        response = client.get("/calculadora/latencia/resultado/", {"aportes": contributions})
    assert response.status_code == 200
    assert response.context["latency"].months == months
    html = response.content.decode()
    assert "T-Registro" in html
    assert "No se aplica a los pensionistas ni a los seguros voluntarios" in html
    assert "D.U. 009-2000" in html
    assert 'class="current"' in html
    assert ("Hacen falta al menos 5 aportes para tener 2 meses" in html) is (months == 0)


@pytest.mark.parametrize(
    ("typed", "words"),
    [("37", "como máximo 36"), ("-1", "no puede ser negativo"), ("doce", "número entero"),
     ("", "Indica el número de aportes"), ("12.5", "número entero")],
)  # fmt: skip
def test_latency_bad_answers_are_shown_beside_the_field(client, typed, words):
    response = client.get("/calculadora/latencia/resultado/", {"aportes": typed})
    assert_error_beside(response, "aportes", words, typed=typed)


# --- Anything at all in the query string ---------------------------------------------------

PAGES = [
    "calculator", "calculator_result", "waiting_period", "waiting_period_months",
    "waiting_period_result", "latency", "latency_result",
]  # fmt: skip
KEYS = ["regimen", "periodo", "monto", "nivel_riesgo", "edades", "trabajadores", "ventas_netas",
        "siguiente", "plan", "atencion", "tipo", "pensionista", "primer_aporte", "primer_pago",
        "aportes"]  # fmt: skip
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
VALUES = st.one_of(
    TEXT,
    st.integers().map(str),
    st.integers(min_value=10**20, max_value=10**400).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(list(rules.REGIMENES) + ["regular", "potestativo", "agrario", "enfermedad",
                                             "accidente", "gestacion", "si", "2024-05", "05/2024",
                                             "1,025.50", "15/03/2025", "35, 5", "II", "0", ""]),
)  # fmt: skip
QUERIES = st.dictionaries(
    st.sampled_from(KEYS) | TEXT, st.lists(VALUES, min_size=1, max_size=3), max_size=8
)


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(page=st.sampled_from(PAGES), query=QUERIES)
def test_any_query_string_gets_200_or_400(page, query):
    response = Client().get(f"{reverse(f'insurance:{page}')}?{urlencode(query, doseq=True)}")
    allowed = {200, 302, 400} if page == "waiting_period_months" else {200, 400}
    assert response.status_code in allowed


# --- What the result says about who pays and what is to confirm ------------------------

AMOUNT_TITLES = [
    ({"regimen": "regular", "monto": "3000"}, "Aporte que paga tu empleador"),
    ({"regimen": "sctr-dependiente", "monto": "3000", "nivel_riesgo": "1"},
     "Aporte que paga tu empleador"),
    ({"regimen": "pensionista", "monto": "1500"}, "Aporte que se descuenta de tu pensión"),
    ({"regimen": "potestativo", "edades": "35"}, "Lo que pagas cada mes"),
    ({"regimen": "vida"}, "Lo que pagas cada mes"),
    ({"regimen": "sctr-independiente", "nivel_riesgo": "1"}, "Aporte que pagas"),
    ({"regimen": "pescador-artesanal", "monto": "500"},
     "Aporte a cargo del comercializador, el armador y el pescador"),
]  # fmt: skip


@pytest.mark.parametrize(("query", "title"), AMOUNT_TITLES)
def test_the_amount_is_named_by_who_pays_it(client, query, title):
    response = client.get("/calculadora/resultado/", {"periodo": "2025-05", **query})
    page = Page(response.content.decode())
    assert page.text["result-title"] == title


def _result(client, **query):
    response = client.get("/calculadora/resultado/", query)
    assert response.status_code == 200
    return response.content.decode()


def _marked_amount(html: str) -> bool:
    """The "por confirmar" mark right after the amount, inside the amount's paragraph."""
    start = html.index('id="resultado-importe"')
    return 'class="confirm"' in html[start : html.index("</p>", start)]


def test_an_rmv_to_confirm_is_warned_about_only_when_its_floor_applied(client):
    floor = _result(client, regimen="regular", periodo="2026-10", monto="800")
    assert "Este cálculo usa un valor" in floor and _marked_amount(floor)
    above = _result(client, regimen="regular", periodo="2026-10", monto="3000")
    assert "Este cálculo usa un valor" not in above and not _marked_amount(above)
    # The RMV itself is still listed among the values, with its mark beside it.
    assert 'S/ 1,230.00</strong> <span class="confirm">por confirmar (revisado el 22/11/2026)' in (
        above
    )


@pytest.mark.parametrize(
    ("periodo", "alternative"),
    [("2027-12", None), ("2028-01", "S/ 120.00"), ("2028-12", "S/ 120.00"), ("2029-01", None)],
)
def test_agrarian_results_across_the_2028_boundary(client, periodo, alternative):
    html = _result(client, **(AGRARIAN | {"periodo": periodo}))
    assert _marked_amount(html) is (alternative is not None)
    if alternative:
        assert "Si la tasa de 6% sigue vigente en " in html and f"serían {alternative}." in html
        assert "Por confirmar si rige desde 01/2028" in html  # beside the 9% among the values
    else:
        assert "sigue vigente" not in html


def test_the_agrarian_size_says_which_uit_and_when_it_is_to_confirm(client):
    near = _result(client, **AGRARIAN | {"ventas_netas": "8,600,000"})  # 2024-05
    assert "usamos la del mes del aporte (S/ 5,150.00), que da S/ 8,755,000.00" in near
    assert "el tamaño del empleador está por confirmar" in near
    assert "Con un empleador grande el aporte sería el mismo." in near
    far = _result(client, **AGRARIAN | {"ventas_netas": "100"})
    assert "usamos la del mes del aporte" in far and "está por confirmar" not in far


def test_the_potestativo_titular_of_age_is_said_beside_the_ages(client):
    adult = client.get("/calculadora/resultado/", AGES | {"edades": "18, 2"})
    assert adult.status_code == 200
    form = client.get("/calculadora/", {"regimen": "potestativo"}).content.decode()
    assert "el titular (mayor de edad)" in form
