"""Every number shown from a to-confirm figure carries the "por confirmar" mark beside it,
on every page (issue 13, point 3).

"Beside" means in the same block of text (paragraph, list item, cell, term or definition):
the reader sees the mark with the number, not somewhere else on the page. The numbers are
the formatted values of every to-confirm entry of the parameter data (the RMV of 2026-10,
+Vida's premium) and, on results, an amount computed from one (a calculator result or a
wizard cost). The pages are rendered on a day when those values are in force.
"""

from datetime import date
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest

from insurance import rules
from insurance.checklists.flow import load_flow
from insurance.models import Plan

from .personas import PERSONAS
from .test_wizard_views import RESULT, qs

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 22)  # RMV S/ 1,230.00 (to confirm) in force; +Vida S/ 5.00 always
MARK = "por confirmar"
# The innermost of these around a number is its block of text.
BLOCKS = {
    "p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption",
    "figcaption", "blockquote", "div", "section", "article", "aside", "main", "header",
    "footer", "nav", "body", "summary", "label", "legend", "ul", "ol", "dl", "table", "tr",
    "fieldset", "form",
}  # fmt: skip
HIDDEN = {"script", "style", "template"}
VOID = {"br", "hr", "img", "input", "link", "meta", "source", "wbr", "area", "col", "embed"}


@pytest.fixture(autouse=True)
def on_the_day(settings):
    settings.RULES_DATE = DAY


def to_confirm_numbers() -> set[str]:
    """The formatted value of every to-confirm amount in the parameter data."""
    return {
        value.formatted
        for name in rules.PARAMETER_NAMES
        for value in rules.parameter_history(name)
        if value.to_confirm and value.unit is rules.Unit.SOLES
    }


class Blocks(HTMLParser):
    """The text of each block element, without the text of the blocks inside it."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._open: list[list[str]] = [[]]
        self._tags: list[str] = []
        self._hidden = 0
        self.feed(html)
        self.close()
        self.blocks.append(" ".join("".join(self._open[0]).split()))

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self._tags.append(tag)
        self._hidden += tag in HIDDEN
        if tag in BLOCKS:
            self._open.append([])

    def handle_endtag(self, tag):
        if tag in VOID or tag not in self._tags:
            return
        while self._tags:  # close what was left open inside it
            open_tag = self._tags.pop()
            self._hidden -= open_tag in HIDDEN
            if open_tag in BLOCKS and len(self._open) > 1:
                self.blocks.append(" ".join("".join(self._open.pop()).split()))
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self._hidden:
            self._open[-1].append(data)


def unmarked(html: str, numbers: set[str]) -> list[str]:
    """The blocks that show one of ``numbers`` without the mark."""
    return [
        block
        for block in Blocks(html).blocks
        if any(number in block for number in numbers) and MARK not in block
    ]


# --- The pages --------------------------------------------------------------------------

PLAN_SLUGS = ["regular", "potestativo", "sctr", "agrario", "vida"]
PLAN_PAGES = ["/", "/seguros/", *(f"/seguros/{slug}/" for slug in PLAN_SLUGS)]
PERIODS = ["2026-11", "2028-06"]  # RMV to confirm; and the agrarian 9% to confirm
CALCULATOR_INPUTS = {
    "regular": [{"monto": "800"}, {"monto": "3000"}],
    "agrario-dependiente": [{"monto": "800", "trabajadores": "10", "ventas_netas": "0"},
                            {"monto": "3000", "trabajadores": "10", "ventas_netas": "9300000"}],
    "pescador-artesanal": [{"monto": "500"}, {"monto": "5000"}],
    "ex-cbssp": [{"monto": "500"}, {"monto": "5000"}],
    "pensionista": [{"monto": "1500"}],
    "potestativo": [{"edades": "35, 5"}],
    "sctr-dependiente": [{"monto": "1500", "nivel_riesgo": "2"}],
    "sctr-independiente": [{"nivel_riesgo": "4"}],
    "agrario-independiente": [{}],
    "vida": [{}],
}  # fmt: skip
ESTIMATOR_PAGES = [
    "/calculadora/carencia/resultado/?plan=potestativo&primer_pago=15/11/2026",
    "/calculadora/carencia/resultado/?plan=agrario&primer_aporte=2026-11",
    "/calculadora/carencia/resultado/?plan=regular&atencion=2026-11&tipo=accidente",
    "/calculadora/carencia/resultado/?plan=regular&atencion=2026-11&tipo=enfermedad"
    "&primer_aporte=2026-05&aportes=2026-05&aportes=2026-06&aportes=2026-07",
    "/calculadora/latencia/resultado/?aportes=20",
]


def test_the_numbers_looked_for_are_the_to_confirm_figures():
    assert to_confirm_numbers() == {"S/ 1,230.00", "S/ 5.00"}


def test_the_check_finds_a_number_without_its_mark():
    html = "<p>Prima de S/ 5.00.</p><dd><strong>S/ 5.00</strong> <span>por confirmar</span></dd>"
    assert unmarked(html, {"S/ 5.00"}) == ["Prima de S/ 5.00."]
    assert unmarked("<li>S/ 5.00<p>por confirmar</p></li>", {"S/ 5.00"}) == ["S/ 5.00"]


@pytest.mark.parametrize("path", PLAN_PAGES)
def test_home_plans_and_plan_pages(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert unmarked(response.content.decode(), to_confirm_numbers()) == []


def _calculator_cases():
    for slug, inputs in CALCULATOR_INPUTS.items():
        for period in PERIODS:
            for given in inputs:
                query = {"regimen": slug, "periodo": period, **given}
                yield pytest.param(query, id=urlencode(query))


@pytest.mark.parametrize("query", list(_calculator_cases()))
def test_calculator_results_of_every_regime(client, query):
    response = client.get("/calculadora/resultado/", query)
    assert response.status_code == 200
    result = response.context["result"]
    numbers = to_confirm_numbers()
    if result.unconfirmed:
        numbers.add(rules.format_soles(result.payable))
    assert unmarked(response.content.decode(), numbers) == []


@pytest.mark.parametrize("path", ESTIMATOR_PAGES)
def test_estimators(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert unmarked(response.content.decode(), to_confirm_numbers()) == []


@pytest.mark.parametrize("persona", PERSONAS, ids=str)
def test_wizard_outcomes(client, persona):
    response = client.get(RESULT, qs(persona.answers))
    assert response.status_code == 200
    numbers = to_confirm_numbers()
    for entry in response.context["entries"]:
        contribution = entry["match"].cost and entry["match"].cost.contribution
        if contribution and contribution.unconfirmed:
            numbers.add(rules.format_soles(contribution.payable))
    assert unmarked(response.content.decode(), numbers) == []


@pytest.mark.parametrize("slug", ["regular", "potestativo", "sctr", "agrario"])
def test_checklists(client, slug):
    flow = load_flow(Plan.objects.get(slug=slug))
    numbers = to_confirm_numbers()
    for outcome in flow.outcomes():
        html = client.get(flow.url(outcome.answers)).content.decode()
        assert unmarked(html, numbers) == [], flow.url(outcome.answers)
