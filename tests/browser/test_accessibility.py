"""Accessibility in a real browser: axe-core on every main page at 390 px and 1280 px
(zero WCAG 2.2 A/AA violations), and the keyboard: skip link, visible focus, no trap,
error messages tied to their fields."""

import re

import pytest
from django.utils.datastructures import MultiValueDict
from playwright.sync_api import expect

from insurance import wizard
from insurance.models import Plan
from tests.insurance.personas import ON, PERSONAS

from .a11y import report, violations
from .viewports import DESKTOP, WIDTHS

PLAN_SLUGS = ("regular", "potestativo", "sctr", "agrario", "vida")
GUIDE = "/guias/afiliar-familiar-essalud/"
CHECKLIST = "/seguros/regular/requisitos/"
CHECKLIST_RESULT = (
    CHECKLIST + "?tramite=inscripcion&familiar=conyuge&matrimonio=peru&titular=trabajador"
)
CALCULATOR_FORM = "/calculadora/?regimen=sctr-dependiente&siguiente=1"
CALCULATOR_RESULT = (
    "/calculadora/resultado/?regimen=sctr-dependiente&periodo=2024-05&monto=1000&nivel_riesgo=2"
)
CALCULATOR_ERROR = CALCULATOR_RESULT.replace("monto=1000", "monto=mil")
MAX_TABS = 400  # more than any page here has stops


def _items(answers: dict) -> list[tuple[str, str]]:
    return [
        (key, value)
        for key, values in answers.items()
        for value in (values if isinstance(values, list) else [values])
    ]


def _question_url(question: wizard.Question) -> str:
    """The question's page, reached with the answers of the first persona asked it."""
    for persona in PERSONAS:
        items = _items(persona.answers)
        path = [q.id for q in wizard.walk(MultiValueDict(_grouped(items)), on=ON).path]
        if question.id in path:
            before = set(path[: path.index(question.id)])
            return wizard.question_url(question, [i for i in items if i[0] in before])
    raise AssertionError(f"No persona is asked {question.id!r}: add one to tests/insurance.")


def _grouped(items: list[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for key, value in items:
        grouped.setdefault(key, []).append(value)
    return grouped


PERSONA = PERSONAS[0]
WIZARD_ANSWERS = _items(PERSONA.answers)
FIRST_QUESTION = wizard.question_url(wizard.FIRST, [])
MONEY_QUESTION = _question_url(wizard.BY_ID["monto"])

# (name, path, status): every main page, and each form in its error state.
PAGES = [
    ("home", "/", 200),
    ("plans", "/seguros/", 200),
    *[(f"plan-{slug}", f"/seguros/{slug}/", 200) for slug in PLAN_SLUGS],
    ("checklist-form", CHECKLIST, 200),
    ("checklist-error", CHECKLIST + "?paso=tramite", 400),
    ("checklist-result", CHECKLIST_RESULT, 200),
    ("calculator-start", "/calculadora/", 200),
    ("calculator-form", CALCULATOR_FORM, 200),
    ("calculator-result", CALCULATOR_RESULT, 200),
    ("calculator-error", CALCULATOR_ERROR, 400),
    # Values "por confirmar" beside the amount and the steps, and an alternative amount.
    (
        "calculator-result-to-confirm",
        "/calculadora/resultado/?regimen=agrario-dependiente"
        "&periodo=2028-06&monto=800&trabajadores=10&ventas_netas=0",
        200,
    ),
    (
        "waiting-period-result",
        "/calculadora/carencia/resultado/?plan=potestativo&primer_pago=15/03/2025",
        200,
    ),
    ("waiting-period-form", "/calculadora/carencia/", 200),
    ("latency-form", "/calculadora/latencia/", 200),
    ("wizard-start", "/que-seguro-me-corresponde/", 200),
    *[(f"wizard-{q.id}", _question_url(q), 200) for q in wizard.QUESTIONS],
    ("wizard-choice-error", FIRST_QUESTION + "?enviar=1", 400),
    ("wizard-text-error", MONEY_QUESTION + "&monto=mil&enviar=1", 400),
    ("wizard-review", wizard.review_url(WIZARD_ANSWERS), 200),
    ("wizard-outcome", wizard.result_url(WIZARD_ANSWERS), 200),
    ("guides", "/guias/", 200),
    ("guide-search", "/guias/?q=conyuge", 200),
    ("guide", GUIDE, 200),
    ("suggest-provider", GUIDE + "sugerir-proveedor/", 200),
    ("figures", "/cifras/", 200),
    ("figure-chart", "/cifras/rmv/", 200),
    ("figure-bands-chart", "/cifras/potestativo_premiums/", 200),
    ("figures-bad-date", "/cifras/?fecha=2026-13-01", 400),
    ("not-found", "/no-existe/", 404),
]


def test_the_page_list_has_every_plan():
    assert set(Plan.objects.values_list("slug", flat=True)) == set(PLAN_SLUGS)


# The same pages in English (issue 11): /en/ and the same path and query.
ENGLISH_PAGES = [(f"en-{name}", "/en" + path, status) for name, path, status in PAGES]


@pytest.mark.parametrize(
    ("path", "status"),
    [p[1:] for p in PAGES + ENGLISH_PAGES],
    ids=[p[0] for p in PAGES + ENGLISH_PAGES],
)
def test_no_axe_violations(page, path, status):
    found = {}
    for width in WIDTHS:
        page.set_viewport_size(width)
        response = page.goto(path)
        assert response.status == status, f"{path}: {response.status}"
        if items := violations(page):
            found[f"{path} @{width['width']}px"] = items
    assert not found, "axe found accessibility violations:\n" + report(found)


# --- Keyboard -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", CALCULATOR_FORM, FIRST_QUESTION, GUIDE])
def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, path):
    for width in WIDTHS:
        page.set_viewport_size(width)
        page.goto(path)
        skip = page.get_by_role("link", name="Saltar al contenido")
        expect(skip).not_to_be_in_viewport()  # out of sight until focused

        page.keyboard.press("Tab")
        expect(skip).to_be_focused()
        expect(skip).to_be_in_viewport(ratio=1)
        page.keyboard.press("Enter")
        expect(page.locator("main")).to_be_focused()
        page.keyboard.press("Tab")
        expect(page.locator("main :focus")).to_have_count(1)


# Every element focused by Tab, in order, until focus comes back to one already seen.
TAB_STOP = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const seen = el.dataset.tabStop !== undefined;
  const html = el.outerHTML.slice(0, 120);
  el.dataset.tabStop = "";
  const style = getComputedStyle(el);
  return {
    seen,
    html,
    tag: el.tagName.toLowerCase(),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== "none",
  };
}"""
# The last element of the page that Tab should reach.
LAST_TABBABLE = """() => {
  const all = document.querySelectorAll(
    'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, ' +
    'textarea, summary, [tabindex="0"]');
  const shown = [...all].filter((el) => el.getClientRects().length > 0);
  return shown.length ? shown[shown.length - 1].outerHTML.slice(0, 120) : null;
}"""


@pytest.mark.parametrize(
    "path", ["/", "/seguros/", CALCULATOR_ERROR, FIRST_QUESTION, CHECKLIST, GUIDE, "/guias/"]
)
def test_tab_shows_focus_on_every_link_and_button_and_never_traps(page, path):
    page.set_viewport_size(DESKTOP)
    page.goto(path)
    last = page.evaluate(LAST_TABBABLE)
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        stop = page.evaluate(TAB_STOP)
        if stop is None or stop["seen"]:
            break
        stops.append(stop)
    else:
        pytest.fail(f"{path}: still tabbing after {MAX_TABS} stops")

    assert last in [s["html"] for s in stops], f"{path}: Tab never reached {last}"
    unmarked = [
        s["html"]
        for s in stops
        if s["tag"] in {"a", "button", "summary"} and not (s["outline"] or s["shadow"])
    ]
    assert not unmarked, f"{path}: no visible focus indicator on {unmarked}"


def test_calculator_error_is_tied_to_its_field(page):
    page.goto(CALCULATOR_ERROR)
    amount = page.get_by_label("Remuneración mensual")
    expect(amount).to_have_attribute("aria-invalid", "true")
    expect(amount).to_have_accessible_description(re.compile("Escribe el monto solo con números"))


def test_wizard_errors_are_tied_to_their_fields(page):
    page.goto(FIRST_QUESTION + "?enviar=1")
    group = page.get_by_role("group", name="¿Cuál es tu situación?")
    expect(group).to_have_accessible_description(re.compile("Elige tu situación"))

    page.goto(MONEY_QUESTION + "&monto=mil&enviar=1")
    amount = page.get_by_label("¿Cuánto ganas al mes?")
    expect(amount).to_have_attribute("aria-invalid", "true")
    expect(amount).to_have_accessible_description(re.compile("Escribe el monto solo con números"))


def test_checklist_error_is_tied_to_its_question(page):
    page.goto(CHECKLIST + "?paso=tramite")
    question = page.get_by_role("group", name="¿Qué trámite quieres hacer?")
    expect(question).to_have_accessible_description(re.compile("Elige qué trámite"))


def test_suggestion_form_errors_are_tied_to_their_fields(page):
    page.goto(GUIDE + "sugerir-proveedor/")
    page.get_by_role("button", name=re.compile("Enviar")).click()
    name = page.get_by_label("Nombre del proveedor")
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(name).to_have_accessible_description(re.compile(r"\S"))


def test_axe_reports_what_it_should(page):
    """The checks above are only as good as axe running with the WCAG rules: a page with
    known faults must fail them."""
    page.set_content(
        '<html lang="es"><body><main><img src="x.png">'
        '<p style="color: #bbb; background: #fff">Texto tenue</p></main></body></html>'
    )
    assert {v["id"] for v in violations(page)} >= {"image-alt", "color-contrast"}


def test_suggestions_over_the_limit_come_back_as_typed(page, settings, screenshot):
    """The 429 page of the suggestion form (guides.views): accessible, and the person's
    text is still in the form to send later."""
    settings.SUGGESTION_RATE = "1/h"
    page.goto(GUIDE + "sugerir-proveedor/")
    page.get_by_role("button", name=re.compile("Enviar")).click()  # the one allowed post
    page.get_by_label("Nombre del proveedor").fill("Gestiones Lima EIRL")
    page.get_by_label("Plazo (opcional)").fill("2 días")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=re.compile("Enviar")).click()
    assert navigation.value.status == 429
    expect(page.get_by_role("alert")).to_contain_text("Vuelve a enviarla dentro de")
    expect(page.get_by_label("Nombre del proveedor")).to_have_value("Gestiones Lima EIRL")
    expect(page.get_by_label("Plazo (opcional)")).to_have_value("2 días")
    screenshot("suggest-provider-too-many")
    found = {}
    for width in WIDTHS:
        page.set_viewport_size(width)
        if items := violations(page):
            found[f"429 @{width['width']}px"] = items
    assert not found, "axe found accessibility violations:\n" + report(found)
