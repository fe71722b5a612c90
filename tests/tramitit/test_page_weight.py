"""Page weight: each page's HTML plus the CSS and JS files it links, uncompressed, as
production sends them (HTML minified), stays under the budget; no script blocks rendering.

Every main page is measured, with the heaviest variants: every plan, every checklist and
explanation the builder can produce, every wizard persona's outcome, every guide; each in
Spanish and in English."""

from datetime import date
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders

from guides.models import Guide
from insurance import checklists, wizard
from insurance.models import Plan
from insurance.rules import PARAMETER_NAMES
from tramitit.storage import MINIFIED_PREFIX, minify_css

from ..insurance.personas import PERSONAS

pytestmark = pytest.mark.django_db

BUDGET = 60_000  # bytes: HTML + CSS + JS, uncompressed (issue 7, "Performance benchmark")

PAGES = [
    "/",
    "/seguros/",
    "/en/",
    "/calculadora/",
    "/calculadora/?regimen=regular",
    "/calculadora/resultado/?regimen=regular&periodo=2025-06&monto=3000",
    "/calculadora/resultado/?regimen=sctr-dependiente&periodo=2024-05&monto=1000&nivel_riesgo=2",
    "/calculadora/resultado/?regimen=regular&periodo=2025-06&monto=abc",
    "/calculadora/carencia/",
    "/calculadora/carencia/meses/?plan=regular&atencion=2025-06&tipo=enfermedad",
    "/calculadora/carencia/resultado/?plan=regular&atencion=2025-06&tipo=accidente",
    "/calculadora/latencia/",
    "/calculadora/latencia/resultado/?aportes=12",
    "/que-seguro-me-corresponde/",
    "/que-seguro-me-corresponde/situacion/",
    "/que-seguro-me-corresponde/situacion/?situacion=zzz&enviar=1",
    "/guias/",
    "/guias/?q=afiliar",
    "/cifras/",
    "/cifras/?fecha=2024-03-15",
    "/cifras/?fecha=2026-13-01",
    "/en/cifras/",
    *(f"/cifras/{name}/" for name in PARAMETER_NAMES),
    "/no-existe/",
]


class Linked(HTMLParser):
    """The stylesheets and scripts a page makes the browser fetch, and blocking scripts."""

    def __init__(self):
        super().__init__()
        self.files, self.blocking = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.files.append(attrs["href"])
        if tag == "script":
            if attrs.get("src"):
                self.files.append(attrs["src"])
                if "defer" not in attrs and "async" not in attrs and attrs.get("type") != "module":
                    self.blocking.append(attrs["src"])
            elif attrs.get("type") != "application/ld+json":
                self.blocking.append("inline script")


def static_size(url: str) -> int:
    """The file's bytes as collectstatic writes them: our stylesheets minified."""
    prefix = "/static/"
    assert url.startswith(prefix), url
    name = url.removeprefix(prefix).split("?")[0]
    path = finders.find(name)
    assert path, f"{url} is linked but does not exist"
    with open(path, "rb") as file:
        content = file.read()
    if name.startswith(MINIFIED_PREFIX) and name.endswith(".css"):
        content = minify_css(content.decode()).encode()
    return len(content)


def all_pages() -> list[str]:
    pages = list(PAGES)
    for plan in Plan.objects.order_by("slug"):
        pages.append(plan.get_absolute_url())
        flow = checklists.load_flow(plan)
        pages += [flow.url(outcome.answers) for outcome in flow.outcomes()]
        pages.append(flow.url(checklists.Answers()))
    for persona in PERSONAS:
        items = [
            (key, value)
            for key, values in persona.answers.items()
            for value in (values if isinstance(values, list) else [values])
        ]
        pages += [wizard.review_url(items), wizard.result_url(items)]
    for guide in Guide.objects.published():
        url = guide.get_absolute_url()
        pages += [url, url + "sugerir-proveedor/", url + "sugerir-proveedor/gracias/"]
    # Every page again in English (issue 11): same paths under /en/.
    return pages + ["/en" + page for page in pages if not page.startswith("/en/")]


@pytest.fixture
def production_html(settings):
    settings.MINIFY_HTML = True
    settings.RULES_DATE = date(2026, 11, 22)


def test_every_page_is_under_its_weight_budget(client, production_html):
    weights, blocking = {}, {}
    for url in all_pages():
        response = client.get(url)
        assert response.status_code in (200, 400, 404), url
        page = Linked()
        page.feed(response.content.decode())
        weights[url] = len(response.content) + sum(static_size(f) for f in page.files)
        if page.blocking:
            blocking[url] = page.blocking
    assert not blocking, f"render-blocking scripts: {blocking}"
    over = {url: weight for url, weight in weights.items() if weight >= BUDGET}
    assert not over, f"pages over budget (bytes): {over}"
    assert len(weights) > 80


def test_production_html_is_minified(client, production_html):
    html = client.get("/seguros/").content.decode()
    assert "\n  " not in html
    assert "Los cinco seguros de EsSalud" in html


def test_each_area_links_only_its_own_stylesheet(client):
    expected = {
        "/": ["site.css", "home.css"],
        "/seguros/": ["site.css", "home.css"],
        "/seguros/regular/": ["site.css", "plans.css"],
        "/calculadora/": ["site.css", "calculator.css"],
        "/seguros/regular/requisitos/": ["site.css", "checklists.css"],
        "/que-seguro-me-corresponde/situacion/": ["site.css", "wizard.css"],
        "/guias/": ["site.css", "guides.css"],
    }
    for url, sheets in expected.items():
        page = Linked()
        page.feed(client.get(url).content.decode())
        assert [f.rsplit("/", 1)[-1] for f in page.files if f.endswith(".css")] == sheets, url
