"""Accessibility of the admin the editors work in: axe-core (WCAG 2.2 A/AA, zero
violations) on each page of an editor's round at 390 px and 1280 px, with a screenshot of
each, and the keyboard checks of the main pages on the login page and a guide's form."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client
from playwright.sync_api import expect
from reversion.models import Version

from guides.models import Guide, Provider
from insurance.models import Plan
from tests.guides.admin_forms import guide_form

from . import test_accessibility as main_pages
from .a11y import report, violations
from .viewports import WIDTHS

ADMIN = f"/{settings.ADMIN_URL}"
LOGIN = f"{ADMIN}login/"
PASSWORD = "una-clave-de-prueba-larga"  # throwaway users in the test database
GUIDE_SLUG = "afiliar-familiar-essalud"

# (name, path, who, text on the page): ``{guide}``, ``{provider}``, ``{version}`` (the guide's
# first edit) and ``{plan}`` are filled with the test's objects. Editors have no permission on
# categories or plans, so only a superuser sees those; pages both see are checked as both,
# since each gets different controls.
PAGES = [
    ("index", "", "editor", "Proveedores"),
    ("index", "", "superuser", "Usuarios"),
    ("guides", "guides/guide/", "editor", "Afiliar a un familiar a EsSalud"),
    ("guide-add", "guides/guide/add/", "editor", "Añadir guía"),
    ("guide-change", "guides/guide/{guide}/change/", "editor", "Modificar guía"),
    ("guide-change", "guides/guide/{guide}/change/", "superuser", "Modificar guía"),
    ("providers-unverified", "guides/provider/?verified__exact=0", "editor", "Gestiones Lima"),
    ("provider-add", "guides/provider/add/", "editor", "Añadir proveedor"),
    ("provider-change", "guides/provider/{provider}/change/", "editor", "Modificar proveedor"),
    ("provider-change", "guides/provider/{provider}/change/", "superuser", "Modificar proveedor"),
    ("categories", "guides/category/", "superuser", "Perú"),
    ("guide-history", "guides/guide/{guide}/history/", "editor", "Versión actual"),
    ("guide-version", "guides/guide/{guide}/history/{version}/", "editor", "Primera edición"),
    ("provider-history", "guides/provider/{provider}/history/", "editor", "Sugerencia del público"),
    ("guides-recover", "guides/guide/recover/", "editor", "No hay nada eliminado que recuperar"),
    ("plans-read-only", "insurance/plan/", "superuser", "Solo lectura."),
    ("plan-read-only", "insurance/plan/{plan}/change/", "superuser", "Solo lectura."),
]
# Pages with a form the scripts build on (language tabs, the selectors).
FORMS = {"guide-add", "guide-change", "provider-add", "provider-change", "guide-version"}


@pytest.fixture
def users():
    editor = User.objects.create_user("editora", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="editores"))
    superuser = User.objects.create_superuser("admin", password=PASSWORD)
    return {"editor": editor, "superuser": superuser}


@pytest.fixture
def suggestion(live_server):
    """An unverified suggestion from the public on a guide, sent through the form (so its
    history starts there): what the filter is for."""
    guide = Guide.objects.get(slug=GUIDE_SLUG)
    Client().post(
        f"/guias/{guide.slug}/sugerir-proveedor/",
        {
            "nombre": "Gestiones Lima EIRL",
            "sitio_web": "https://gestioneslima.pe",
            "plazo": "2 días",
            "correo": "ana@example.pe",
            "comentario": "Me ayudaron con la inscripción de mi esposo.",
        },
    )
    return Provider.objects.get(name="Gestiones Lima EIRL")


@pytest.fixture
def first_edit(users):
    """The guide edited twice by the editor: the version its first edit left."""
    client = Client()
    client.force_login(users["editor"])
    guide = Guide.objects.get(slug=GUIDE_SLUG)
    for step in ("Primera edición", "Segunda edición"):
        data = guide_form(guide, body_es=f"{guide.body_es}\n\n{step}.")
        response = client.post(f"{ADMIN}guides/guide/{guide.pk}/change/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
        guide.refresh_from_db()
    return Version.objects.get_for_object(guide).order_by("-pk")[1]


@pytest.fixture
def sign_in(page, live_server):
    """``sign_in(user)``: the page's browser gets a session of that user, as if logged in."""

    def sign_in(user: User) -> None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )

    return sign_in


def axe_at_both_widths(page, where: str) -> dict[str, list[dict]]:
    """axe's violations on the page as it is, at each width (no reload: a form stays in the
    state it was sent to)."""
    found = {}
    for width in WIDTHS:
        page.set_viewport_size(width)
        if items := violations(page):
            found[f"{where} @{width['width']}px"] = items
    return found


def assert_accessible(page, screenshot, name: str) -> None:
    screenshot(name)
    found = axe_at_both_widths(page, f"{name} ({page.url})")
    assert not found, "axe found accessibility violations:\n" + report(found)


def log_in_through_the_form(page, password: str):
    page.get_by_label("Nombre de usuario").fill("editora")
    page.get_by_label("Contraseña").fill(password)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Iniciar sesión").click()
    return navigation.value


def test_login_page_and_its_error_state(page, users, screenshot):
    page.goto(ADMIN)
    expect(page).to_have_url(re.compile(re.escape(LOGIN)))
    assert_accessible(page, screenshot, "login")

    log_in_through_the_form(page, "no-es-la-clave")
    expect(page.locator(".errornote")).to_be_visible()
    assert_accessible(page, screenshot, "login-error")


def test_lockout_page(page, users, screenshot):
    page.goto(LOGIN)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in_through_the_form(page, "no-es-la-clave").status == 200
    assert log_in_through_the_form(page, "no-es-la-clave").status == 429
    expect(page.get_by_role("heading", level=1)).to_have_text("Demasiados intentos fallidos")
    assert_accessible(page, screenshot, "lockout")


@pytest.mark.parametrize(
    ("name", "path", "who", "text"), PAGES, ids=[f"{p[0]}-{p[2]}" for p in PAGES]
)
def test_admin_page(
    page, users, suggestion, first_edit, sign_in, screenshot, name, path, who, text
):
    sign_in(users[who])
    guide = Guide.objects.get(slug=GUIDE_SLUG)
    plan = Plan.objects.get(slug="regular")
    url = ADMIN + path.format(
        guide=guide.pk, provider=suggestion.pk, version=first_edit.pk, plan=plan.pk
    )
    response = page.goto(url)
    assert response.status == 200, f"{url}: {response.status}"
    expect(page.locator("#user-tools")).to_contain_text(users[who].username)
    expect(page.locator("#content")).to_contain_text(text)
    if name in FORMS:
        # Axe checks what the scripts build, once built and mended (admin.js names the
        # language switch last): the tabs and switch on jQuery's ready, selectors on load.
        expect(page.get_by_role("combobox", name="Idioma de todos los campos")).to_be_visible()
        expect(page.get_by_role("tab", selected=True).first).to_be_visible()
        expect(page.locator(".selector-filter input").first).to_be_visible()
    assert_accessible(page, screenshot, name)


def test_restore_from_the_history(page, users, first_edit, sign_in, screenshot):
    """One click on "Restaurar" puts the first edit back and says so, on an accessible page."""
    sign_in(users["editor"])
    guide = Guide.objects.get(slug=GUIDE_SLUG)
    page.goto(f"{ADMIN}guides/guide/{guide.pk}/history/")
    restore = page.get_by_role("button", name=re.compile(r"^Restaurar la versión del "))
    # Every version but the current one: the first edit, and the imports before the edits
    # (the Spanish file and its English twin, a revision each).
    older = Version.objects.get_for_object(guide).count() - 1
    assert older >= 3
    expect(restore).to_have_count(older)
    with page.expect_navigation():
        restore.nth(0).click()
    expect(page.locator(".messagelist .success")).to_contain_text("Restaurada la versión del")
    guide.refresh_from_db()
    assert guide.body_es.endswith("Primera edición.")
    assert_accessible(page, screenshot, "guide-restored")


def test_logout_page(page, users, sign_in, screenshot):
    sign_in(users["editor"])
    page.goto(ADMIN)
    page.get_by_role("button", name="Cerrar sesión").click()
    expect(page.get_by_role("link", name="Iniciar sesión de nuevo")).to_be_visible()
    assert_accessible(page, screenshot, "logged-out")
    page.goto(ADMIN)  # the session really is gone
    expect(page).to_have_url(re.compile(re.escape(LOGIN)))


def test_language_tabs_still_switch_by_mouse_keys_and_the_main_switch(page, users, sign_in):
    """static/admin-overrides/admin.js takes the href off the tabs' links: they must still
    switch, and the tab the keys move to must show its focus."""
    sign_in(users["editor"])
    page.goto(f"{ADMIN}guides/guide/{Guide.objects.get(slug=GUIDE_SLUG).pk}/change/")
    title_tabs = page.get_by_role("tablist").first
    title_tabs.get_by_role("tab", name="en").click()
    expect(page.locator("#id_title_en")).to_be_visible()
    expect(page.locator("#id_title_es")).to_be_hidden()

    page.keyboard.press("ArrowLeft")
    expect(title_tabs.get_by_role("tab", name="es")).to_be_focused()
    expect(page.locator("#id_title_es")).to_be_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused language tab shows no focus"

    page.get_by_role("combobox", name="Idioma de todos los campos").select_option(label="en")
    for field in ("title", "description", "body"):
        expect(page.locator(f"#id_{field}_en")).to_be_visible()
        expect(page.locator(f"#id_{field}_es")).to_be_hidden()


# --- Keyboard: the same check as on the main pages ----------------------------------------


def test_tab_on_the_login_page(page):
    main_pages.test_tab_shows_focus_on_every_link_and_button_and_never_traps(page, LOGIN)


def test_tab_on_a_guide_form(page, users, suggestion, sign_in):
    sign_in(users["editor"])
    guide = Guide.objects.get(slug=GUIDE_SLUG)
    path = f"{ADMIN}guides/guide/{guide.pk}/change/"
    main_pages.test_tab_shows_focus_on_every_link_and_button_and_never_traps(page, path)
