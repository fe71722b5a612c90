"""The guides in English (issue 11, points 3, 4 and 6): English-only guides stay out of the
Spanish pages, and a guide not yet translated shows its Spanish on /en/, marked."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from guides.models import Category, Guide, Provider

pytestmark = pytest.mark.django_db

# The mark is in the page's language: an English reader is told "(in Spanish)".
MARK = ' <span class="lang-mark">(in Spanish)</span>'


@pytest.fixture
def english_only(db):
    guide = Guide(
        translation_key="english-only",
        slug="digital-nomads-and-essalud",
        title_en="Digital nomads and EsSalud",
        description_en="Only in English.",
        body_en="## Procedure\n\n1. Read the Seguro Potestativo page.\n",
        author_en="Tramitit Salud team",
        draft=False,
    )
    guide.full_clean()
    guide.save()
    return guide


@pytest.fixture
def spanish_only(make_guide):
    guide = make_guide(
        "solo-espanol",
        "Guía solo en español",
        body="## Procedimiento\n\n1. Ve a la OSPE.\n\n## Proveedores que pueden hacerlo por ti"
        "\n\nLos canales de EsSalud van primero.\n\n## Detalles adicionales\n\nNada más.\n",
        description_es="Aún sin traducir.",
    )
    guide.categories.add(Category.objects.get(slug="inscripcion"))
    return guide


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"title_es": "T", "body_es": "B"}, None),
        ({"title_en": "T", "body_en": "B"}, None),  # English-only
        ({"title_es": "T", "body_es": "B", "title_en": "T"}, None),  # body falls back
        ({"title_es": "T"}, "body_es"),
        ({"body_es": "B"}, "title_es"),
        ({"title_es": "T", "title_en": "T", "body_en": "B"}, "body_es"),
        ({"title_en": "T"}, "title_es"),  # nothing whole in any language
        ({}, "title_es"),
    ],
)
def test_a_guide_has_its_title_and_text_in_spanish_or_only_in_english(fields, error_field):
    guide = Guide(translation_key="k", slug="k", **fields)
    if error_field is None:
        guide.full_clean(validate_unique=False, validate_constraints=False)
        return
    with pytest.raises(ValidationError) as raised:
        guide.full_clean(validate_unique=False, validate_constraints=False)
    assert list(raised.value.message_dict) == [error_field]


@pytest.mark.parametrize(
    ("fields", "languages"),
    [
        ({"title_es": "T", "body_es": "B"}, ["es", "en"]),
        ({"title_es": "T", "body_es": "B", "title_en": "T", "body_en": "B"}, ["es", "en"]),
        ({"title_en": "T", "body_en": "B"}, ["en"]),
    ],
)
def test_in_language_and_languages_agree(fields, languages):
    guide = Guide.objects.create(translation_key="k", slug="k", draft=False, **fields)
    assert guide.languages == languages
    for code in ["es", "en"]:
        listed = Guide.objects.in_language(code).filter(pk=guide.pk).exists()
        assert listed == (code in languages), code


def test_an_english_only_guide_is_listed_only_in_english(client, english_only):
    slug = english_only.slug
    for path in ["/guias/", "/guias/?q=nomads", "/guias/rss.xml", "/guias/atom.xml"]:
        assert slug not in client.get(path).content.decode(), path
    for path in ["/en/guias/", "/en/guias/?q=nomads", "/en/guias/rss.xml", "/en/guias/atom.xml"]:
        assert slug in client.get(path).content.decode(), path
    # No other guide names it as related in Spanish; the sitemap lists its English URL only.
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://testserver/en/guias/{slug}/</loc>" in sitemap
    assert f"http://testserver/guias/{slug}/" not in sitemap


def test_an_english_only_guides_spanish_url_is_a_404_that_points_to_english(client, english_only):
    response = client.get(f"/guias/{english_only.slug}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Esta guía no está en español</h1>" in html
    assert (
        f'<a href="/en/guias/{english_only.slug}/" hreflang="en"><span lang="en">'
        "Digital nomads and EsSalud</span></a> (en inglés)"
    ) in html
    assert '<meta name="robots" content="noindex, follow">' in html
    assert client.get(f"/guias/{english_only.slug}/sugerir-proveedor/").status_code == 404


def test_an_english_only_guide_names_only_its_english_url(client, english_only):
    html = client.get(f"/en/guias/{english_only.slug}/").content.decode()
    url = f"http://testserver/en/guias/{english_only.slug}/"
    assert f'<link rel="alternate" hreflang="en" href="{url}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{url}">' in html
    assert '<link rel="alternate" hreflang="es"' not in html
    assert 'og:locale:alternate" content="es_PE"' not in html
    # The language switch still leads a Spanish reader somewhere: the Spanish home.
    assert '<a class="lang-switch" href="/" hreflang="es" lang="es">Español</a>' in html
    assert "<h1>Digital nomads and EsSalud</h1>" in html
    assert MARK not in html


def test_a_spanish_only_guide_shows_its_spanish_on_english_pages_marked(client, spanish_only):
    html = client.get(f"/en/guias/{spanish_only.slug}/").content.decode()
    assert f'<h1><span lang="es">Guía solo en español</span>{MARK}</h1>' in html
    assert '<p class="lead" lang="es">Aún sin traducir.</p>' in html
    assert "This guide has not been translated yet: we show it in Spanish." in html
    body = html[html.index('<div class="guide-body"') :]
    assert body.startswith('<div class="guide-body" lang="es">')
    # The providers table is the page's own, in the page's language, inside the Spanish body;
    # the intro written in the guide stays Spanish.
    assert '<section class="providers" aria-labelledby="proveedores" lang="en">' in body
    assert re.search(r'<div lang="es">\s*<p>Los canales de EsSalud van primero.</p>\s*</div>', body)
    assert '<span aria-current="page"><span lang="es">Guía solo en español</span></span>' in html
    # Its category has an English name: no mark, no lang.
    assert '?categoria=inscripcion">Enrolment</a>' in html
    # Both languages exist for it: both hreflang alternates.
    assert f'hreflang="es" href="http://testserver/guias/{spanish_only.slug}/"' in html


def test_a_spanish_only_guide_on_the_english_list_is_marked(client, spanish_only):
    html = client.get("/en/guias/").content.decode()
    card = html[html.index(f'href="/en/guias/{spanish_only.slug}/"') :]
    card = card[: card.index("</li>")]
    assert f'<span lang="es">Guía solo en español</span></a>{MARK}</h3>' in card
    assert '<p lang="es">Aún sin traducir.</p>' in card
    # The starter guides are translated: their cards carry no mark.
    assert html.count(MARK) == 1


def test_spanish_pages_carry_no_mark_and_no_lang(client, spanish_only):
    for path in ["/guias/", f"/guias/{spanish_only.slug}/", "/guias/registro-salud-peru/"]:
        html = client.get(path).content.decode()
        assert "lang-mark" not in html and "lang-note" not in html, path
        assert ' lang="es"' not in html.split("<body", 1)[1], path


def test_a_translated_guide_shows_its_english_with_no_mark(client):
    html = client.get("/en/guias/registro-salud-peru/").content.decode()
    assert "<h1>Health registration in Peru: how to get insured with EsSalud</h1>" in html
    assert '<div class="guide-body">' in html and "lang-note" not in html
    assert "<strong>Updated 2 December 2026.</strong> We corrected this guide" in html
    assert 'href="/en/guias/afiliar-familiar-essalud/"' in html
    assert "Ricardo Batista and the Tramitit Salud team" in html


def test_official_providers_have_english_names(client):
    guide = Guide.objects.get(translation_key="essalud-change-health-facility")
    english = client.get(f"/en/guias/{guide.slug}/").content.decode()
    spanish = client.get(f"/guias/{guide.slug}/").content.decode()
    assert "EsSalud&#x27;s OSPE: changing your health centre" in english
    assert "OSPE de EsSalud: cambio de establecimiento de salud" not in english
    assert "OSPE de EsSalud: cambio de establecimiento de salud" in spanish
    assert "¿Dónde me atiendo?: check your cover and your assigned health centre" in english


def test_an_editors_provider_without_an_english_name_is_marked_spanish(client):
    guide = Guide.objects.get(translation_key="essalud-change-health-facility")
    provider = Provider.objects.create(name="Trámites Arequipa", turnaround="2 días", verified=True)
    provider.guides.add(guide)
    html = client.get(f"/en/guias/{guide.slug}/").content.decode()
    assert '<th scope="row"><span lang="es">Trámites Arequipa</span></th>' in html
    assert f'<span lang="es">2 días</span>{MARK}</td>' in html


def test_every_official_provider_has_its_english_name():
    for provider in Provider.objects.filter(official=True):
        assert provider.name_en and provider.name_en != provider.name_es, provider.content_key


def test_a_suggestion_from_the_english_page_keeps_its_name_as_the_spanish_one():
    guide = Guide.objects.get(translation_key="essalud-change-health-facility")
    response = Client().post(
        f"/en/guias/{guide.slug}/sugerir-proveedor/",
        {"nombre": "Lima Paperwork", "plazo": "2 days", "apodo": ""},
    )
    assert response.status_code == 302
    provider = Provider.objects.get(name_es="Lima Paperwork")
    assert not provider.name_en and not provider.verified
    assert provider.turnaround_en == "2 days"  # typed in English on the English page


def test_english_pages_list_only_links_to_english_guide_pages():
    for guide in Guide.objects.filter(translation_key__startswith="essalud-"):
        for href in re.findall(r'href="(/[^"]*)"', guide.body_html_en):
            assert href.startswith("/en/"), (guide.slug, href)


def _add_form(**fields):
    """The admin's "add guide" form as a browser posts it, empty but for ``fields``."""
    data = {
        f"{name}_{code}": ""
        for name in ("title", "description", "body", "meta_title", "author")
        for code in ("es", "en")
    }
    data |= {
        "slug": "added-in-the-admin",
        "translation_key": "added-in-the-admin",
        "published_on": "2026-12-01",
        "initial-published_on": "2026-12-01",
        "Provider_guides-TOTAL_FORMS": 0,
        "Provider_guides-INITIAL_FORMS": 0,
    }
    return data | fields


def test_an_editor_can_add_an_english_only_guide_but_not_an_empty_one(admin_client):
    response = admin_client.post("/admin/guides/guide/add/", _add_form())
    assert response.status_code == 200
    assert "Una guía necesita título y texto en español" in response.content.decode()
    assert not Guide.objects.filter(slug="added-in-the-admin").exists()
    response = admin_client.post(
        "/admin/guides/guide/add/", _add_form(title_en="Added in English", body_en="Text.")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Guide.objects.get(slug="added-in-the-admin").languages == ["en"]
