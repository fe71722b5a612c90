"""What each kind of page tells search engines (ADR 4): every 200 page is indexable, with the
canonical URL it should be kept under and hreflang alternates that agree with it; errors,
draft previews and the admin lockout are noindex."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from guides.models import Guide

pytestmark = pytest.mark.django_db

GUIDE = "/guias/afiliar-familiar-essalud/"
CHECKLIST = "/seguros/regular/requisitos/"
CALCULATOR_RESULT = "/calculadora/resultado/?regimen=regular&periodo=2025-06&monto=3000"
WAITING = "/calculadora/carencia/"
WIZARD = "/que-seguro-me-corresponde/"
ANSWERS = (
    "?situacion=dependiente&dependiente=otro&riesgo=no&bombero=no&familia=conyuge"
    "&familia=hijo-menor&monto=3000"
)
ROBOTS = re.compile(r'<meta name="robots"[^>]*>')

# (kind, path, canonical path): every kind of page that answers 200.
INDEXABLE = [
    ("home", "/", "/"),
    ("plans list", "/seguros/", "/seguros/"),
    ("plan", "/seguros/regular/", "/seguros/regular/"),
    ("checklist builder", CHECKLIST, CHECKLIST),
    ("checklist question", CHECKLIST + "?tramite=inscripcion", CHECKLIST),
    ("checklist result", CHECKLIST + "?tramite=inscripcion&familiar=conyuge&matrimonio=peru",
     CHECKLIST),
    ("calculator start", "/calculadora/", "/calculadora/"),
    ("calculator form", "/calculadora/?regimen=regular", "/calculadora/"),
    ("calculator result", CALCULATOR_RESULT, "/calculadora/"),
    ("waiting-period start", WAITING, WAITING),
    ("waiting-period form", WAITING + "?plan=regular", WAITING),
    ("waiting-period months", WAITING + "meses/?plan=regular&atencion=2025-06&tipo=enfermedad",
     WAITING),
    ("waiting-period result",
     WAITING + "resultado/?plan=regular&atencion=2025-06&tipo=accidente", WAITING),
    ("latency form", "/calculadora/latencia/", "/calculadora/latencia/"),
    ("latency result", "/calculadora/latencia/resultado/?aportes=12", "/calculadora/latencia/"),
    ("wizard start", WIZARD, WIZARD),
    ("wizard first question", WIZARD + "situacion/", WIZARD),
    ("wizard later question", WIZARD + "dependiente/?situacion=dependiente", WIZARD),
    ("wizard review", WIZARD + "revisar/" + ANSWERS, WIZARD),
    ("wizard outcome", WIZARD + "resultado/" + ANSWERS, WIZARD),
    ("guides list", "/guias/", "/guias/"),
    ("guides category", "/guias/?categoria=familia", "/guias/?categoria=familia"),
    ("guides unknown category", "/guias/?categoria=no-existe", "/guias/"),
    ("guides search", "/guias/?q=afiliar", "/guias/"),
    ("guides search in a category", "/guias/?q=afiliar&categoria=familia", "/guias/"),
    ("guide", GUIDE, GUIDE),
    ("suggestion form", GUIDE + "sugerir-proveedor/", GUIDE),
    ("suggestion thanks", GUIDE + "sugerir-proveedor/gracias/", GUIDE),
    ("english calculator result", "/en" + CALCULATOR_RESULT, "/en/calculadora/"),
    ("english wizard question", "/en" + WIZARD + "situacion/", "/en" + WIZARD),
    ("figures", "/cifras/", "/cifras/"),
    ("figures on a day", "/cifras/?fecha=2024-03-15", "/cifras/"),
    ("figure", "/cifras/rmv/", "/cifras/rmv/"),
    ("figure on a day", "/cifras/rmv/?fecha=2024-03-15", "/cifras/rmv/"),
    ("english figure", "/en/cifras/uit/", "/en/cifras/uit/"),
]  # fmt: skip

# (kind, path, status): error states, which must never be listed.
NOINDEX = [
    ("calculator start, no choice", "/calculadora/?siguiente=1", 400),
    ("calculator form with errors", CALCULATOR_RESULT.replace("monto=3000", "monto=abc"), 400),
    ("waiting-period start, no choice", WAITING + "?siguiente=1", 400),
    ("waiting-period form with errors", WAITING + "resultado/?plan=potestativo", 400),
    ("latency form with errors", "/calculadora/latencia/resultado/?aportes=abc", 400),
    ("wizard question with errors", WIZARD + "situacion/?enviar=1", 400),
    ("checklist with errors", CHECKLIST + "?paso=tramite", 400),
    ("plan without a checklist", "/seguros/vida/requisitos/", 404),
    ("missing guide", "/guias/no-existe/", 404),
    ("figures with a bad date", "/cifras/?fecha=2026-13-01", 400),
    ("figure with a bad date", "/cifras/rmv/?fecha=abc", 400),
    ("unknown figure", "/cifras/igv/", 404),
    ("missing page", "/no-existe/", 404),
]


def head_links(html: str) -> dict:
    canonical = re.findall(r'<link rel="canonical" href="([^"]*)">', html)
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]*)">', html)
    og_url = re.findall(r'<meta property="og:url" content="([^"]*)">', html)
    return {
        "canonical": [unescape(url) for url in canonical],
        "alternates": {lang: unescape(url) for lang, url in alternates},
        "og:url": [unescape(url) for url in og_url],
    }


def twins(path: str) -> dict[str, str]:
    """The canonical path's URL in each language: Spanish unprefixed, English under /en/."""
    spanish = path.removeprefix("/en")
    return {
        "es": f"http://testserver{spanish}",
        "en": f"http://testserver/en{spanish}",
        "x-default": f"http://testserver{spanish}",
    }


@pytest.mark.parametrize(
    ("path", "canonical"), [row[1:] for row in INDEXABLE], ids=[row[0] for row in INDEXABLE]
)
def test_every_page_is_indexable_with_its_canonical_url(client, path, canonical):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert not ROBOTS.search(html), ROBOTS.search(html).group()
    links = head_links(html)
    assert links["canonical"] == [f"http://testserver{canonical}"]
    assert links["og:url"] == links["canonical"]
    # The alternates are the canonical's twins, never the query string it consolidates.
    assert links["alternates"] == twins(canonical)


def test_robots_txt_disallows_nothing(client):
    # A disallowed page could not show a crawler its canonical URL (Python's robotparser
    # ignores Google's wildcards, so read the rules themselves).
    lines = client.get("/robots.txt").content.decode().splitlines()
    rules = [line.partition(":")[2].strip() for line in lines if line.startswith("Disallow")]
    assert [rule for rule in rules if rule] == []
    assert "Allow: /" in lines


@pytest.mark.parametrize(
    ("path", "status"), [row[1:] for row in NOINDEX], ids=[row[0] for row in NOINDEX]
)
def test_error_states_are_noindex(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert ROBOTS.findall(response.content.decode()) == [
        '<meta name="robots" content="noindex, follow">'
    ]


def test_a_suggestion_with_errors_is_noindex(client):
    response = client.post(GUIDE + "sugerir-proveedor/", {"name": ""})
    assert response.status_code == 400
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


def test_a_draft_preview_is_noindex(client):
    draft = Guide.objects.get(slug="registro-salud-peru")
    draft.draft = True
    draft.save()
    editor = User.objects.create_user("editora", password="x", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="view_guide"))
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


def test_the_admin_lockout_is_noindex(client):
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(login, {"username": "nadie", "password": "mala"})
    assert response.status_code == 429
    assert ROBOTS.search(response.content.decode())
    assert "noindex" in ROBOTS.search(response.content.decode()).group()


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/guias/?pagina=2", "/guias/?pagina=2"),
        ("/guias/?categoria=inscripcion&pagina=2", "/guias/?categoria=inscripcion&pagina=2"),
        ("/guias/?pagina=1", "/guias/"),
        ("/guias/?pagina=no-es-numero", "/guias/"),
        ("/guias/?q=essalud&pagina=2", "/guias/"),
    ],
)
def test_a_later_page_of_a_list_keeps_its_number(client, monkeypatch, path, canonical):
    monkeypatch.setattr("guides.views.GUIDES_PER_PAGE", 2)
    html = client.get(path).content.decode()
    assert not ROBOTS.search(html)
    links = head_links(html)
    assert links["canonical"] == [f"http://testserver{canonical}"]
    assert links["alternates"]["en"] == f"http://testserver/en{canonical}"
