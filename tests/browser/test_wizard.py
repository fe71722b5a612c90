"""The eligibility wizard in a real browser, as three different people: what the screens
say ("Pregunta 3 de 7"), what they skip, and where the outcome sends each person.

Screenshots at 390 px and 1280 px go to ``artifacts/browser/<test>/``.
"""

import re

from playwright.sync_api import expect

from .a11y import assert_no_violations
from .test_journeys import answer, heading, press_continue
from .viewports import WIDTHS

START = "/que-seguro-me-corresponde/"


def counter(page):
    return page.locator(".wz-caption")


def test_construction_worker_sees_the_count_of_their_own_questions(page, screenshot):
    page.goto(START)
    page.get_by_role("link", name="Empezar").click()
    expect(counter(page)).to_contain_text("Pregunta 1 de 9")
    answer(page, "Trabajo para un empleador en el Perú (en planilla)")
    expect(counter(page)).to_contain_text("Pregunta 2 de 7")
    answer(page, "Construcción civil")

    # The sector gives the risk level: the next question is not the risk one.
    expect(heading(page)).to_have_text("¿Eres bombero(a) voluntario(a) activo(a)?")
    expect(counter(page)).to_contain_text("Pregunta 3 de 6")
    screenshot("counter")
    answer(page, "No")
    expect(counter(page)).to_contain_text("Pregunta 4 de 5")

    # Going back and choosing another kind of work brings the risk question back.
    page.get_by_role("link", name="Atrás").click()
    page.get_by_role("link", name="Atrás").click()
    expect(heading(page)).to_have_text("¿Qué tipo de trabajo haces para tu empleador?")
    answer(page, "Otro trabajo")
    expect(heading(page)).to_have_text("¿Haces un trabajo de alto riesgo?")
    expect(counter(page)).to_contain_text("Pregunta 3 de 7")
    page.get_by_role("link", name="Atrás").click()
    answer(page, "Construcción civil")

    # The answers given are kept: on to the first one missing.
    expect(heading(page)).to_have_text("¿A quién más quieres cubrir?")
    expect(counter(page)).to_contain_text("Pregunta 4 de 5")
    answer(page, "Nadie más: solo yo")
    expect(counter(page)).to_contain_text("Pregunta 5 de 5")
    page.get_by_label("¿Cuánto ganas al mes?").fill("2,500")
    press_continue(page)

    expect(heading(page)).to_have_text("Revisa tus respuestas")
    expect(page.locator(".wz-summary-implied")).to_contain_text("«Tu trabajo»")
    screenshot("review")
    page.get_by_role("link", name="Ver qué seguro me corresponde").click()

    sctr = page.locator(
        "article", has=page.get_by_role("heading", name=re.compile("Trabajo de Riesgo"))
    )
    expect(sctr.locator(".wz-status")).to_have_text("Obligatorio")
    expect(sctr.locator(".wz-reason")).to_contain_text("la construcción en el nivel de riesgo III")
    screenshot("outcome")
    for width in WIDTHS:
        page.set_viewport_size(width)
        assert_no_violations(page, f"construction outcome @{width['width']}")
