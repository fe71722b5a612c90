"""The guides in English in a real browser (issue 11, points 3, 4 and 6): axe-core finds
nothing at 390 px and 1280 px on the English list and a guide, on a guide shown in Spanish
on /en/ (marked «en español») and on an English-only guide's Spanish page (a 404 that links
to the English)."""

import pytest

from guides.models import Category, Guide

from .a11y import report, violations
from .viewports import WIDTHS


@pytest.fixture
def untranslated_guides(db):
    spanish = Guide(
        translation_key="solo-espanol",
        slug="solo-espanol",
        title_es="Guía solo en español",
        description_es="Aún sin traducir.",
        body_es="## Procedimiento\n\n1. Ve a la OSPE.\n\n## Proveedores que pueden hacerlo por ti"
        "\n\nLos canales de EsSalud van primero.\n",
        draft=False,
    )
    spanish.save()
    spanish.categories.add(Category.objects.get(slug="inscripcion"))
    english = Guide(
        translation_key="english-only",
        slug="english-only",
        title_en="Only in English",
        body_en="## Procedure\n\n1. Read the Seguro Potestativo page.\n",
        draft=False,
    )
    english.save()


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/en/guias/", 200),
        ("/en/guias/?q=spouse", 200),
        ("/en/guias/afiliar-familiar-essalud/", 200),
        ("/en/guias/solo-espanol/", 200),
        ("/en/guias/english-only/", 200),
        ("/guias/english-only/", 404),
    ],
)
def test_no_axe_violations_on_the_english_guides(page, untranslated_guides, path, status):
    found = {}
    for width in WIDTHS:
        page.set_viewport_size(width)
        response = page.goto(path)
        assert response.status == status, f"{path}: {response.status}"
        if items := violations(page):
            found[f"{path} @{width['width']}px"] = items
    assert not found, "axe found accessibility violations:\n" + report(found)


def test_the_spanish_shown_on_an_english_page_is_marked_and_tagged(page, untranslated_guides):
    page.goto("/en/guias/solo-espanol/")
    heading = page.locator("h1")
    assert heading.inner_text() == "Guía solo en español (in Spanish)"
    assert heading.locator('span[lang="es"]').inner_text() == "Guía solo en español"
    assert page.locator('.guide-body[lang="es"]').count() == 1
    assert page.locator('.guide-body section.providers[lang="en"]').count() == 1
