"""/cifras/, /cifras/<parameter>/ and /cifras/cambios.xml: every dated value of the rules,
its history, a step chart per parameter, any day through ?fecha=, and a feed of changes."""

import re
from datetime import date
from xml.etree import ElementTree

import pytest

from insurance import rules
from insurance.figure_pages import GROUPS, changes
from insurance.step_chart import LABEL_GAP, step_chart

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 22)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def _today(settings):
    settings.RULES_DATE = DAY


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_every_parameter_is_in_exactly_one_group():
    listed = [name for _slug, _title, names in GROUPS for name in names]
    assert sorted(listed) == sorted(rules.PARAMETER_NAMES)
    plans = {group[0] for group in GROUPS} - {"general"}
    assert plans == {regimen.plan for regimen in rules.REGIMENES.values()}


def test_the_list_shows_every_parameter_with_its_value_source_and_freshness(client):
    html = page(client, "/cifras/")
    for name in rules.PARAMETER_NAMES:
        value = getattr(rules.parameters_on(DAY), name)
        assert f'href="/cifras/{name}/"' in html, name
        assert str(value.label) in html, name
    # The RMV in force is "por confirmar", marked as on the calculator.
    assert (
        'S/ 1,230.00</strong> <span class="confirm">por confirmar (revisado el 22/11/2026)' in html
    )
    assert "verificado el 22/11/2026" in html
    # Every history entry is a row of its parameter's table.
    entries = sum(len(rules.parameter_history(name)) for name in rules.PARAMETER_NAMES)
    assert len(re.findall(r'<tr id="[a-z_]+-desde-', html)) == entries
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # a row id names its parameter


def test_each_plan_group_links_to_its_plan_page_and_calculator_presets(client):
    html = page(client, "/cifras/")
    for slug, _title, _names in GROUPS[1:]:
        assert f'<section id="{slug}"' in html
        assert f'href="/seguros/{slug}/"' in html
    for regimen in rules.REGIMENES:
        assert f'href="/calculadora/?regimen={regimen}"' in html, regimen
        assert client.get(f"/calculadora/?regimen={regimen}").status_code == 200


# day asked, RMV in force, UIT in force
DAY_CASES = [
    ("2023-01-01", "S/ 1,025.00", "S/ 4,950.00"),
    ("2024-03-15", "S/ 1,025.00", "S/ 5,150.00"),
    ("15/03/2025", "S/ 1,130.00", "S/ 5,350.00"),
    ("2026-10-01", "S/ 1,230.00", "S/ 5,500.00"),
]


@pytest.mark.parametrize(("fecha", "rmv", "uit"), DAY_CASES)
def test_fecha_shows_the_values_in_force_that_day(client, fecha, rmv, uit):
    html = page(client, f"/cifras/?fecha={fecha}")
    current = re.findall(r'<strong class="figure-value">([^<]+)</strong>', html)
    assert current[:2] == [rmv, uit]
    current_row = r'<tr id="[a-z_]+-desde-[0-9-]+" class="current">\s*<th[^>]*>[^<]*<strong>'
    assert re.search(current_row, html)
    detail = page(client, f"/cifras/rmv/?fecha={fecha}")
    assert re.findall(r'<strong class="figure-value">([^<]+)</strong>', detail) == [rmv]


BAD_DATES = [
    # typed, message
    ("abc", "Escribe la fecha como año-mes-día, por ejemplo 2025-03-15."),
    ("2025-03", "Escribe la fecha como año-mes-día, por ejemplo 2025-03-15."),
    ("2026-13-01", "Esa fecha no existe: revisa el mes (1 a 12) y el día."),
    ("2025-02-30", "Esa fecha no existe: revisa el mes (1 a 12) y el día."),
    ("31/04/2025", "Esa fecha no existe: revisa el mes (1 a 12) y el día."),
    ("0000-01-01", "Las cifras cubren fechas desde enero de 2023."),
    ("2022-12-31", "Las cifras cubren fechas desde enero de 2023."),
    ("2100-01-01", "Indica una fecha hasta el año 2099."),
]


@pytest.mark.parametrize("url", ["/cifras/", "/cifras/uit/"])
@pytest.mark.parametrize(("typed", "message"), BAD_DATES)
def test_a_bad_date_is_a_400_with_the_message_beside_the_field(client, url, typed, message):
    html = page(client, f"{url}?fecha={typed}", status=400)
    error = '<p class="error-message" id="fecha_error"><span class="visually-hidden">Error: </span>'
    assert f"{error}{message}</p>" in html
    assert f'name="fecha" value="{typed}"' in html  # shown again as typed
    assert 'aria-invalid="true"' in html
    assert "<svg" not in html and 'class="parameter"' not in html


@pytest.mark.parametrize("name", rules.PARAMETER_NAMES)
def test_every_parameter_page_renders_its_step_chart(client, name):
    html = page(client, f"/cifras/{name}/")
    history = rules.parameter_history(name)
    svg = re.search(r"<svg [^>]*>.*?</svg>", html, re.S).group()
    assert 'viewBox="0 0 420 220"' in svg and 'width="100%"' in svg
    assert 'role="img" aria-labelledby="chart-caption" aria-describedby="chart-desc"' in svg
    assert '<figcaption id="chart-caption">' in html and '<desc id="chart-desc">' in svg
    rows = len(history[0].value) if isinstance(history[0].value, tuple) else 1
    segments = re.findall(
        r'<line class="line(?: dashed)?" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"',
        svg,
    )
    horizontal = [s for s in segments if s[1] == s[3]]
    assert len(horizontal) >= rows * len(history)
    # Coordinates stay inside the picture and are written with a dot, in any language.
    assert all(0 <= float(n) <= 420 for s in segments for n in s)
    assert html.count(f'<tr id="{name}-desde-') == len(history)


def test_the_chart_steps_where_the_value_changes_and_dashes_what_is_to_confirm():
    rmv = step_chart(rules.parameter_history("rmv"), DAY, rules.Unit.SOLES)
    assert len(rmv.steps) == 2  # 1,025 -> 1,130 -> 1,230
    assert [s.dashed for s in rmv.series[0].segments] == [False, False, True]
    assert rmv.day_x is not None
    agrarian = step_chart(rules.parameter_history("agrarian_rate_large"), DAY, rules.Unit.PERCENT)
    # 7 -> 8 -> 6 -> 9, and the 6% may last through 2028 (dashed).
    assert len(agrarian.steps) == 3
    assert [s.dashed for s in agrarian.series[0].segments] == [False, False, False, True, False]


@pytest.mark.parametrize("name", ["potestativo_premiums", "latency_months"])
def test_a_table_parameter_has_one_line_per_row_with_labels_apart(name):
    history = rules.parameter_history(name)
    chart = step_chart(history, DAY, history[0].unit)
    assert len(chart.series) == len(history[-1].value)
    heights = sorted(series.labels[-1].y for series in chart.series)
    assert all(b - a >= LABEL_GAP - 0.1 for a, b in zip(heights, heights[1:], strict=False))
    assert str(chart.series[0].labels[-1].text).startswith(("0 a 17 años: S/ 137.00", "0 a 4"))


def test_an_unknown_parameter_is_the_sites_404(client):
    html = page(client, "/cifras/igv/", status=404)
    assert "No encontramos esta página" in html


@pytest.mark.parametrize("url", ["/cifras/", "/cifras/rmv/", "/cifras/?fecha=2024-03-15"])
def test_the_pages_need_no_query(client, django_assert_max_num_queries, url):
    with django_assert_max_num_queries(0):
        page(client, url)


def test_the_feed_has_one_entry_per_value_newest_first(client):
    response = client.get("/cifras/cambios.xml")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(changes())
    assert len(entries) == sum(len(rules.parameter_history(n)) for n in rules.PARAMETER_NAMES)
    published = [entry.find(f"{ATOM}published").text[:10] for entry in entries]
    assert published == sorted(published, reverse=True)
    assert published[0] == "2028-01-01"  # the agrarian 9%
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert "http://testserver/cifras/rmv/#rmv-desde-2026-10-01" in links
    rmv = entries[links.index("http://testserver/cifras/rmv/#rmv-desde-2026-10-01")]
    assert rmv.find(f"{ATOM}title").text == "Remuneración Mínima Vital (RMV): S/ 1,230.00"
    assert "Confianza: por confirmar. Verificado el 22/11/2026." in rmv.find(f"{ATOM}summary").text


@pytest.mark.parametrize("url", ["/cifras/", "/cifras/uit/"])
def test_the_pages_announce_the_feed(client, url):
    html = page(client, url)
    feed = 'type="application/atom+xml" title="Cambios en las cifras de EsSalud"'
    assert f'<link rel="alternate" {feed} href="/cifras/cambios.xml">' in html


def test_english_pages_and_feed(client):
    html = page(client, "/en/cifras/")
    assert "RMV (Peru&#x27;s minimum monthly wage)" in html
    assert "to be confirmed (checked on 22/11/2026)" in html
    assert 'href="/en/cifras/rmv/"' in html and 'href="/en/seguros/regular/"' in html
    assert page(client, "/en/cifras/?fecha=abc", status=400).count("Write the date as") == 2
    feed = client.get("/en/cifras/cambios.xml").content.decode()
    assert "http://testserver/en/cifras/uit/#uit-desde-2026-01-01" in feed


@pytest.mark.parametrize(
    ("url", "figure"),
    [
        ("/seguros/regular/", "/cifras/regular_rate/"),
        ("/seguros/potestativo/", "/cifras/potestativo_premiums/"),
        ("/calculadora/resultado/?regimen=regular&periodo=2025-06&monto=3000", "/cifras/rmv/"),
        (
            "/calculadora/resultado/?regimen=sctr-independiente&periodo=2025-06&nivel_riesgo=2",
            "/cifras/sctr_rate_ii/",
        ),
    ],
)
def test_plan_pages_and_results_link_to_the_figures_they_show(client, url, figure):
    html = page(client, url)
    assert f'<dt><a href="{figure}">' in html
    assert '<a href="/cifras/">Cifras de EsSalud</a>' in html  # the footer


def test_the_sitemap_lists_the_figure_pages(client):
    xml = page(client, "/sitemap.xml")
    for path in ["/cifras/", "/cifras/rmv/", "/cifras/latency_months/"]:
        assert f"<loc>http://testserver{path}</loc>" in xml
