"""What people come to do, clicked through in a real browser.

Each journey starts where a person would, uses only what is on the screen (links, labels,
buttons) and saves screenshots at 390 px and 1280 px wide (see ``conftest.screenshot``).

"""

import re

from django.conf import settings
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from guides.models import Guide, Provider

from .a11y import assert_no_violations
from .viewports import WIDTHS

MAX_CHECKLIST_QUESTIONS = 10  # a bound on the loop below, far above any real path
MIN_PDF_BYTES = 10_000  # an empty A4 page from Chromium is about 1 KB
PASSWORD = "una-clave-de-prueba-larga"  # a throwaway editor in the test database


def press_continue(page):
    page.get_by_role("button", name="Continuar").click()


def answer(page, *choices: str) -> None:
    """Tick the options with these exact labels and go on to the next question."""
    for label in choices:
        page.get_by_label(label, exact=True).check()
    press_continue(page)


def heading(page):
    return page.get_by_role("heading", level=1)


def pdf_page_count(data: bytes) -> int:
    """Pages in a PDF from Chromium, which writes each page object as plain text."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def test_newcomer_finds_their_plan_and_prints_the_checklist(page, screenshot, artifact_dir):
    page.goto("/")
    screenshot("home")
    page.get_by_role("link", name="¿Qué seguro me corresponde?").click()
    expect(heading(page)).to_have_text("¿Qué seguro de EsSalud me corresponde?")
    page.get_by_role("link", name="Empezar").click()

    # Going on without choosing is answered beside the question, not with a new page.
    expect(heading(page)).to_have_text("¿Cuál es tu situación?")
    press_continue(page)
    expect(page.locator(".wz-error")).to_contain_text("Elige tu situación.")
    screenshot("question-error")
    answer(page, "Trabajo para un empleador en el Perú (en planilla)")

    expect(heading(page)).to_have_text("¿Qué tipo de trabajo haces para tu empleador?")
    answer(page, "Otro trabajo")
    expect(heading(page)).to_have_text("¿Haces un trabajo de alto riesgo?")
    answer(page, "No")
    expect(heading(page)).to_have_text("¿Eres bombero(a) voluntario(a) activo(a)?")
    answer(page, "No")
    expect(heading(page)).to_have_text("¿A quién más quieres cubrir?")
    screenshot("question-family")
    answer(page, "Mi cónyuge")
    expect(heading(page)).to_have_text("¿Cuánto ganas al mes?")
    page.get_by_label("¿Cuánto ganas al mes?").fill("3,000")
    press_continue(page)

    expect(heading(page)).to_have_text("Revisa tus respuestas")
    page.get_by_role("link", name="Ver qué seguro me corresponde").click()

    expect(heading(page)).to_have_text("Los seguros de EsSalud que te corresponden")
    regular = page.locator("article", has=page.get_by_role("heading", name=re.compile("Regular")))
    expect(regular.locator(".wz-status")).to_have_text("Obligatorio")
    expect(regular.locator(".wz-amount")).to_have_text("S/ 270.00")  # 9% of S/ 3,000.00
    screenshot("outcome")
    regular.get_by_role("link", name="Requisitos para inscribir a tu cónyuge").click()

    # The outcome's link answers what it knows; the builder asks the rest, if anything.
    for _ in range(MAX_CHECKLIST_QUESTIONS):
        if page.locator("[data-outcome=checklist]").count():
            break
        screenshot("checklist-question")
        page.locator("fieldset#pregunta input[type=radio]").first.check()
        press_continue(page)
    expect(page.locator("[data-outcome=checklist]")).to_be_visible()
    expect(heading(page)).to_contain_text("Inscribir a tu cónyuge")
    documents = page.locator(".checklist-docs input[type=checkbox]")
    expect(documents.first).to_be_visible()
    documents.first.check()
    expect(page.get_by_role("button", name="Imprimir")).to_be_visible()  # shown by print.js
    screenshot("checklist")

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Imprimir")).to_be_hidden()
    pdf = artifact_dir / "checklist.pdf"
    page.pdf(path=pdf, format="A4", print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > MIN_PDF_BYTES, f"{pdf} is only {len(data)} bytes"
    assert pdf_page_count(data) == 1, f"{pdf} has {pdf_page_count(data)} pages"


def test_calculator_result_then_changed_data(page, screenshot):
    page.goto("/")
    page.get_by_role("link", name="Calcula tu aporte").click()
    expect(heading(page)).to_have_text("Calculadora de aportes a EsSalud")
    page.get_by_label("SCTR, trabajador dependiente").check()
    press_continue(page)

    expect(heading(page)).to_have_text("SCTR, trabajador dependiente")
    page.get_by_label("Mes del aporte").fill("2024-05")
    page.get_by_label("Remuneración mensual").fill("mil soles")
    page.get_by_label("Nivel II", exact=True).check()
    screenshot("form")
    page.get_by_role("button", name="Calcular el aporte").click()

    # A bad amount: the summary links to the field, the message sits beside it.
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Revisa estos datos")
    expect(summary.get_by_role("link")).to_have_attribute("href", "#monto")
    expect(page.get_by_label("Remuneración mensual")).to_have_attribute("aria-invalid", "true")
    screenshot("error")
    page.get_by_label("Remuneración mensual").fill("1000")
    page.get_by_role("button", name="Calcular el aporte").click()

    # SCTR health, risk level II: 1.23% of S/ 1,000.00 is S/ 12.30, paid rounded to the sol.
    expect(heading(page)).to_have_text("Aporte de mayo de 2024")
    expect(page.locator("#resultado-importe")).to_have_text("S/ 12.00")
    expect(page.get_by_text("El cálculo da S/ 12.30")).to_be_visible()
    screenshot("result")

    page.get_by_role("link", name="Cambiar los datos").click()
    amount = page.get_by_label("Remuneración mensual")
    expect(amount).to_have_value("1000")
    expect(page.get_by_label("Mes del aporte")).to_have_value("2024-05")
    expect(page.get_by_label("Nivel II", exact=True)).to_be_checked()
    amount.fill("2,500")
    page.get_by_role("button", name="Calcular el aporte").click()

    # 1.23% of S/ 2,500.00 is S/ 30.75, rounded half up to S/ 31.00.
    expect(page.locator("#resultado-importe")).to_have_text("S/ 31.00")
    expect(page.get_by_text("El cálculo da S/ 30.75")).to_be_visible()
    screenshot("changed-result")


def test_guide_found_by_search(page, screenshot):
    page.goto("/")
    page.get_by_role("navigation", name="Principal").get_by_role("link", name="Guías").click()
    expect(heading(page)).to_have_text("Guías de trámites")
    # Typed as people type on a phone: no accents.
    page.get_by_label("Buscar en las guías").fill("conyuge")
    page.get_by_role("button", name="Buscar").click()

    expect(page).to_have_url(re.compile(r"/guias/\?q=conyuge$"))
    expect(page.locator("#resultados-titulo")).to_contain_text("para «conyuge»")
    screenshot("results")
    page.get_by_role("link", name="Afiliar a un familiar a EsSalud (derechohabientes)").click()

    expect(heading(page)).to_have_text("Afiliar a un familiar a EsSalud (derechohabientes)")
    expect(page.get_by_role("heading", name="Documentos requeridos")).to_be_visible()
    screenshot("guide")


def test_editor_adds_a_verified_provider_that_shows_on_the_guide(page, screenshot):
    guide = Guide.objects.get(slug="afiliar-familiar-essalud")
    editor = User.objects.create_user("editora", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="editores"))

    # Only the official channels loadcontent adds are listed so far.
    assert not guide.providers.verified().filter(official=False).exists()

    page.goto(f"/{settings.ADMIN_URL}")
    page.get_by_label("Nombre de usuario").fill("editora")
    page.get_by_label("Contraseña").fill(PASSWORD)
    screenshot("login")
    page.get_by_role("button", name="Iniciar sesión").click()

    page.get_by_role("link", name="Proveedores").first.click()
    page.get_by_role("link", name=re.compile("Añadir proveedor")).click()
    page.locator("#id_name_es").fill("Trámites Rápidos SAC")
    page.locator("#id_website").fill("tramitesrapidos.pe")
    page.locator("#id_turnaround_es").fill("3 a 5 días hábiles")
    page.locator("#id_cost_soles").fill("80")
    page.locator("#id_guides_from").select_option(label=str(guide))
    page.locator("#id_guides_add").click()
    expect(page.locator("#id_guides_to option")).to_have_text(str(guide))
    page.get_by_label("Verificado").check()
    screenshot("provider-form")
    page.get_by_role("button", name="Guardar", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Trámites Rápidos SAC")

    provider = Provider.objects.get(name="Trámites Rápidos SAC")
    assert provider.verified and list(provider.guides.all()) == [guide]

    page.goto(guide.get_absolute_url())
    table = page.locator(".providers-table")
    row = table.get_by_role("row", name=re.compile("Trámites Rápidos SAC"))
    expect(row).to_contain_text("3 a 5 días hábiles")
    expect(row).to_contain_text("S/ 80.00")
    screenshot("guide-with-provider", around=table)
    # The private provider is listed under the official ones: check the table at both widths.
    for width in WIDTHS:
        page.set_viewport_size(width)
        assert_no_violations(page, f"{guide.get_absolute_url()} with a provider @{width['width']}")


def test_the_language_switch_keeps_the_page_and_the_answers(page, screenshot):
    """An expat lands on a Spanish calculator result someone shared, switches to English,
    reads the same amount, and switches back to the same Spanish page."""
    result = (
        "/calculadora/resultado/?regimen=sctr-dependiente&periodo=2024-05&monto=1000&nivel_riesgo=2"
    )
    page.goto(result)
    amount = page.locator("#resultado-importe").inner_text()
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/calculadora/resultado/\?.*monto=1000"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(heading(page)).to_have_text("Contribution for May 2024")
    assert page.locator("#resultado-importe").inner_text().split()[-2:] == amount.split()[-2:]
    screenshot("english-result")
    page.get_by_role("link", name="Español").click()
    expect(page).to_have_url(re.compile(r"/calculadora/resultado/\?.*nivel_riesgo=2"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert page.locator("#resultado-importe").inner_text() == amount
