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


def test_expat_freelancer_with_a_carne_gets_the_potestativo_and_its_checklist(page, screenshot):
    page.goto(START + "situacion/")
    answer(page, "Trabajo por mi cuenta (independiente)")
    answer(page, "Profesional, técnico(a), artesano(a), comerciante, transportista o artista")
    answer(page, "No")  # no other EsSalud cover
    answer(page, "No")  # no high-risk work
    answer(page, "No")  # not a firefighter
    page.get_by_label("¿Cuántos años tienes?").fill("34")
    press_continue(page)
    expect(counter(page)).to_contain_text("Pregunta 7 de 9")
    answer(page, "Carné de extranjería")
    answer(page, "Nadie más: solo yo")
    page.get_by_role("link", name="Ver qué seguro me corresponde").click()

    potestativo = page.locator("article#potestativo")
    expect(potestativo.locator(".wz-status")).to_have_text("Opcional")
    expect(potestativo.locator(".wz-amount")).to_have_text("S/ 138.00")  # 30 to 59
    vida = page.locator("article#vida-titular")
    expect(vida.locator(".wz-facts")).to_contain_text("Formulario 6012 (tabla de cifras")
    screenshot("outcome")
    potestativo.get_by_role("link", name="Requisitos para afiliarte").click()
    # The link carries the case: the checklist itself, no question first.
    expect(page.locator("[data-outcome=checklist]")).to_be_visible()
    screenshot("checklist")


def test_tourist_with_a_passport_is_told_there_is_no_plan_and_what_to_do(page, screenshot):
    page.goto(START + "situacion/")
    answer(page, "Ninguna de estas: no trabajo")
    answer(page, "No")
    answer(page, "No")
    page.get_by_label("¿Cuántos años tienes?").fill("40")
    press_continue(page)
    answer(page, "Otro: pasaporte, visa de turista u otro")
    answer(page, "Nadie más: solo yo")
    page.get_by_role("link", name="Ver qué seguro me corresponde").click()

    expect(page.locator(".wz-nothing-open")).to_contain_text("Hoy no hay un seguro de EsSalud")
    expect(page.locator(".wz-match-opcional")).to_have_count(0)
    closed = page.locator("article#potestativo-sin-documento")
    expect(closed.locator(".wz-status")).to_have_text("No disponible")
    expect(closed.locator(".wz-notes")).to_contain_text("carné de extranjería")
    expect(closed.locator(".wz-notes")).to_contain_text("seguro de salud privado")
    expect(page.locator("article#vida-sin-seguro-titular .wz-status")).to_have_text("No disponible")
    screenshot("outcome")
    for width in WIDTHS:
        page.set_viewport_size(width)
        assert_no_violations(page, f"tourist outcome @{width['width']}")
