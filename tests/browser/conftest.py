"""Browser tests: Debian's headless Chromium, driven by Playwright, against ``live_server``.

``make browser`` runs this folder (the unit run ignores it: see pyproject's ``addopts``).
The browser is the system's ``/usr/bin/chromium`` (``CHROMIUM`` overrides it), launched
with the flags that work on these machines; ``playwright install`` is never needed and
never run (it downloads a browser, which fails here). Every journey saves screenshots at
390 px and 1280 px wide into ``artifacts/browser/``; the session prints that path last.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from playwright.sync_api import sync_playwright

from .viewports import DESKTOP, WIDTHS

# Playwright's sync API keeps an asyncio loop running in this thread, and Django refuses
# ORM calls from a thread with a running loop. The test code only sets data up and checks
# it between page loads; the live server answers from its own thread.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(settings.BASE_DIR) / "artifacts" / "browser"
TIMEOUT_MS = 15_000


@pytest.fixture(scope="session", autouse=True)
def artifacts() -> Path:
    """The screenshots folder, emptied at the start so it holds only this run's pictures."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    return ARTIFACTS


def pytest_terminal_summary(terminalreporter):
    if ARTIFACTS.is_dir():
        count = len(list(ARTIFACTS.rglob("*.png")))
        terminalreporter.write_line(f"Browser screenshots ({count}): {ARTIFACTS}")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"No Chromium at {CHROMIUM}. `make browser` installs Debian's package "
            "(apt-get install -y chromium); never `playwright install`.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def django_db_setup(browser, django_db_setup, django_db_blocker):
    """Snapshot the database once the content is loaded (``tests/conftest.py``).

    ``live_server`` tests run as a TransactionTestCase, which empties every table after
    each test; with ``serialized_rollback`` Django reloads this snapshot before each test,
    much faster than running ``loadcontent`` again.

    The browser starts first on purpose: while Playwright's loop runs, Django keeps its
    connections per async context rather than per thread, so a connection opened before
    the browser started would not be the one the tests use, snapshot included.
    """
    with django_db_blocker.unblock():
        connection = connections["default"]
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def _content_in_every_test(transactional_db, django_db_serialized_rollback):
    """Every browser test starts from the real content (see ``django_db_setup``)."""


@pytest.fixture
def page(browser, live_server):
    """A fresh page in a Peruvian-Spanish context, 1280 px wide, addressed relative to the
    live server; uncaught JavaScript errors and anything the Content-Security-Policy blocks
    fail the test."""
    context = browser.new_context(locale="es-PE", viewport=DESKTOP, base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors = []

    def blocked_by_csp(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            errors.append(message.text)

    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", blocked_by_csp)
    yield page
    context.close()
    assert not errors, f"Errors in the browser: {errors}"


@pytest.fixture
def artifact_dir(artifacts, request) -> Path:
    """This test's own folder under ``artifacts/browser/``."""
    folder = artifacts / re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def screenshot(page, artifact_dir):
    """``screenshot("name")`` saves the whole page at 390 px and at 1280 px wide as
    ``artifacts/browser/<test>/<NN>-<name>-<width>.png``, then restores the width;
    ``around=locator`` saves only the screen around that element, for long pages."""
    count = 0

    def take(name: str, *, around=None) -> None:
        nonlocal count
        count += 1
        size = page.viewport_size
        for width in WIDTHS:
            page.set_viewport_size(width)
            path = artifact_dir / f"{count:02d}-{name}-{width['width']}.png"
            if around is not None:
                around.scroll_into_view_if_needed()
            page.screenshot(path=path, full_page=around is None)
        page.set_viewport_size(size)

    return take
