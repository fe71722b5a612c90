"""A checklist in a real browser: ticks kept on the device, the WhatsApp link, axe at both
widths and the print-out of the longest case on one A4 page (issue 14, point 10)."""

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from .a11y import report, violations
from .test_journeys import MIN_PDF_BYTES, pdf_page_count
from .viewports import WIDTHS

PATH = "/seguros/regular/requisitos/"
# The longest list the builder makes (most papers, notes and an employer's steps).
LONG = PATH + (
    "?tramite=baja&familiar=conyuge&motivo=divorcio&lugar=extranjero&matrimonio=extranjero"
    "&tercero=si&titular=trabajador"
)
SHORT = PATH + "?tramite=inscripcion&familiar=hijo-menor&titular=pensionista"


def boxes(page):
    return page.locator(".checklist-docs input[type=checkbox]")


def test_ticked_boxes_survive_a_reload_and_stay_with_their_own_list(page, screenshot):
    page.goto(LONG)
    first, third = boxes(page).nth(0), boxes(page).nth(2)
    first.check()
    third.check()
    page.reload()
    expect(first).to_be_checked()
    expect(third).to_be_checked()
    expect(boxes(page).nth(1)).not_to_be_checked()
    screenshot("kept-ticks", around=first)

    # Kept on the device, not by the browser's form restoring: a new tab shows them too...
    other = page.context.new_page()
    other.goto(LONG)
    expect(boxes(other).nth(0)).to_be_checked()
    # ...and only for this case.
    other.goto(SHORT)
    expect(boxes(other).nth(0)).not_to_be_checked()
    other.close()

    first.uncheck()
    page.reload()
    expect(first).not_to_be_checked()
    expect(third).to_be_checked()
    kept = page.evaluate("Object.keys(window.localStorage)")
    assert kept == ["tramitit:marcas:" + LONG]


def test_without_javascript_the_list_still_ticks_and_prints(browser, live_server):
    context = browser.new_context(locale="es-PE", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + LONG)
    boxes(page).first.check()
    expect(boxes(page).first).to_be_checked()
    expect(page.get_by_role("button", name="Imprimir")).to_be_hidden()  # print.js shows it
    expect(page.get_by_role("link", name="Compartir por WhatsApp")).to_be_visible()
    context.close()


def test_the_whatsapp_link_sends_the_case_address(page, live_server):
    page.goto(LONG)
    link = page.get_by_role("link", name="Compartir por WhatsApp")
    href = link.get_attribute("href")
    assert href.startswith("https://wa.me/?text=")
    text = parse_qs(urlsplit(href).query)["text"][0]
    title = page.get_by_role("heading", level=1).inner_text()
    assert text == f"{title}: {live_server.url}{LONG}"


def test_checklists_have_no_axe_violations_at_either_width(page):
    found = {}
    for path in (LONG, SHORT):
        for width in WIDTHS:
            page.set_viewport_size(width)
            page.goto(path)
            boxes(page).first.check()  # a ticked box is part of what people see
            if items := violations(page):
                found[f"{path} @{width['width']}px"] = items
    assert not found, "axe found accessibility violations:\n" + report(found)


def test_the_longest_list_prints_on_one_a4_page(page, artifact_dir):
    page.goto(LONG)
    boxes(page).first.check()
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Compartir por WhatsApp")).to_be_hidden()
    pdf = artifact_dir / "longest-checklist.pdf"
    page.pdf(path=pdf, format="A4", print_background=True)
    data = pdf.read_bytes()
    assert len(data) > MIN_PDF_BYTES
    assert pdf_page_count(data) == 1, f"{pdf} has {pdf_page_count(data)} pages"
    # Every paper, with its Aclaraciones, is on that page.
    text = page.locator("main").inner_text()
    assert len(re.findall("Aclaración de tramitit", text)) >= 4
