"""No page scrolls sideways: at 320, 390 and 1280 px the document is never wider than the
window, on every page type of the site (issue 14, point 1). A table too wide for a phone
scrolls inside its own labelled region, which does not widen the page.

Each test walks one area and loads each page once, then narrows the window: a failure names
every page, width and the elements that stick out, so one run shows all there is to fix.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from guides.models import Guide
from insurance import checklists, wizard
from insurance.checklists.flow import NextQuestion
from insurance.models import Plan
from insurance.rules import REGIMENES, Input
from tests.insurance.personas import ON, PERSONAS

WIDTHS = (320, 390, 1280)
HEIGHT = 844

# The document's width and the outermost elements that end past the window's right edge
# (children of an element already reported, or inside a scrolling region, are left out).
OVERFLOW = """() => {
  const root = document.documentElement;
  const limit = root.clientWidth;
  const found = [];
  const walk = (el) => {
    for (const child of el.children) {
      const style = getComputedStyle(child);
      if (child.getBoundingClientRect().right > limit + 0.5 && style.position !== 'fixed') {
        const name = child.tagName.toLowerCase() + (child.id ? '#' + child.id : '') +
          (child.classList.length ? '.' + [...child.classList].join('.') : '');
        found.push(name + ': ' + (child.textContent || '').trim().slice(0, 60));
      } else if (style.overflowX === 'visible') {
        walk(child);
      }
    }
  };
  walk(document.body);
  return {width: root.scrollWidth, limit, found: found.slice(0, 5)};
}"""

# One valid input per calculator field, for a result page of every regime.
CALCULATOR_INPUTS = {
    Input.MONTO: "3,000",
    Input.NIVEL_RIESGO: "3",
    Input.EDADES: "35, 33, 4",
    Input.TRABAJADORES: "120",
    Input.VENTAS_NETAS: "1,000,000",
}


def assert_no_overflow(page, paths):
    wide = []
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[-1], "height": HEIGHT})
        response = page.goto(path)
        assert response.status < 500, f"{path}: {response.status}"
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": HEIGHT})
            seen = page.evaluate(OVERFLOW)
            if seen["width"] > seen["limit"]:
                wide.append(f"{path} @{width}px is {seen['width']} px wide: {seen['found']}")
    assert not wide, "pages wider than the window:\n" + "\n".join(wide)
    assert paths


def _items(answers: dict) -> list[tuple[str, str]]:
    return [
        (key, value)
        for key, values in answers.items()
        for value in (values if isinstance(values, list) else [values])
    ]


def _checklist_pages(flow) -> list[str]:
    """The builder's first page, each question as first reached, and every outcome."""
    pages, asked = [flow.url(checklists.Answers())], set()

    def walk(step: NextQuestion):
        for value in step.options:
            outcome = flow.resolve(dict(step.answers.pairs) | {step.question: value})
            if isinstance(outcome, NextQuestion):
                if outcome.question not in asked:
                    asked.add(outcome.question)
                    pages.append(flow.url(outcome.answers))
                walk(outcome)
            else:
                pages.append(flow.url(outcome.answers))

    try:
        first = flow.first_question()
    except ValueError:  # a plan without requirements (+Vida) has no questions
        return pages
    walk(first)
    return pages


def test_plan_pages_fit_the_window(page):
    plans = [plan.get_absolute_url() for plan in Plan.objects.all()]
    assert len(plans) == 5
    assert_no_overflow(page, ["/", "/seguros/", *plans, "/no-existe/"])


def test_calculator_and_estimator_pages_fit_the_window(page):
    paths = ["/calculadora/"]
    for slug, regimen in REGIMENES.items():
        values = {i.value: CALCULATOR_INPUTS[i] for i in regimen.inputs}
        paths.append("/calculadora/?" + urlencode({"regimen": slug, "siguiente": 1}))
        query = {"regimen": slug, "periodo": "2026-11", **values}
        paths.append("/calculadora/resultado/?" + urlencode(query))
    waiting = {"plan": "regular", "atencion": "2026-06", "tipo": "enfermedad"}
    paths += [
        "/calculadora/resultado/?regimen=regular&periodo=2026-11&monto=mil",
        "/calculadora/carencia/",
        "/calculadora/carencia/meses/?" + urlencode(waiting),
        "/calculadora/carencia/resultado/?"
        + urlencode(waiting | {"aportes": ["2026-03", "2026-04", "2026-05"]}, doseq=True),
        "/calculadora/latencia/",
        "/calculadora/latencia/resultado/?aportes=22",
    ]
    assert_no_overflow(page, paths)


def test_wizard_pages_fit_the_window(page):
    paths = [reverse("insurance:wizard")]
    asked = set()
    for persona in PERSONAS:
        items = _items(persona.answers)
        grouped = MultiValueDict()
        for key, value in items:
            grouped.appendlist(key, value)
        path = [question.id for question in wizard.walk(grouped, on=ON).path]
        for index, question_id in enumerate(path):
            if question_id not in asked:
                asked.add(question_id)
                before = set(path[:index])
                paths.append(
                    wizard.question_url(
                        wizard.BY_ID[question_id], [i for i in items if i[0] in before]
                    )
                )
        paths += [wizard.review_url(items), wizard.result_url(items)]
    assert asked == {question.id for question in wizard.QUESTIONS}
    assert_no_overflow(page, paths)


def test_checklist_pages_fit_the_window(page):
    paths = []
    for plan in Plan.objects.all():
        paths += _checklist_pages(checklists.load_flow(plan))
    assert_no_overflow(page, paths)


def test_guide_pages_fit_the_window(page):
    paths = ["/guias/", "/guias/?q=afiliar", "/guias/?q=zzzz"]
    for guide in Guide.objects.published():
        url = guide.get_absolute_url()
        paths += [url, url + "sugerir-proveedor/"]
    paths.append(paths[-1] + "gracias/")
    assert_no_overflow(page, paths)


# How many plan cards share each row of the grid, top to bottom.
CARD_ROWS = """() => {
  const rows = {};
  for (const card of document.querySelectorAll('.card')) {
    const top = Math.round(card.getBoundingClientRect().top);
    rows[top] = (rows[top] || 0) + 1;
  }
  return Object.keys(rows).map(Number).sort((a, b) => a - b).map((top) => rows[top]);
}"""


def test_the_five_plan_cards_never_leave_one_alone_on_a_row(page):
    # One column on a phone; on wider screens no row holds a single card.
    expected = {390: [1, 1, 1, 1, 1], 800: [2, 2, 1], 1280: [2, 3]}
    for path in ["/", "/seguros/"]:
        page.goto(path)
        for width, rows in expected.items():
            page.set_viewport_size({"width": width, "height": HEIGHT})
            assert page.evaluate(CARD_ROWS) == rows, (path, width)
        # at 800 px the fifth card spans the row: no card sits beside an empty cell
        page.set_viewport_size({"width": 800, "height": HEIGHT})
        widths = page.eval_on_selector_all(".card", "cards => cards.map(c => c.offsetWidth)")
        assert widths[4] > 1.9 * widths[0], (path, widths)
