"""Plan pages show the figures in force on the day, from the rules' dated parameters."""

import re
from datetime import date

import pytest

from insurance.figures import agrarian_periods, plan_figures
from insurance.models import CoverageItem
from insurance.rules.parameters import PARAMETER_NAMES, parameter_history

CASES = [
    # day, plan, the RMV or UIT shown then
    (date(2024, 12, 31), "regular", "S/ 1,025.00"),
    (date(2025, 1, 1), "regular", "S/ 1,130.00"),
    (date(2026, 9, 30), "agrario", "S/ 1,130.00"),
    (date(2026, 10, 1), "agrario", "S/ 1,230.00"),
    (date(2024, 6, 1), "sctr", "S/ 5,150.00"),
    (date(2026, 1, 1), "sctr", "S/ 5,500.00"),
]


@pytest.mark.parametrize(("day", "slug", "shown"), CASES)
def test_the_value_in_force_that_day_is_shown(day, slug, shown):
    assert plan_figures(slug, day).figures[0].text == shown


def test_agrarian_rate_table_marks_the_period_in_force():
    periods = agrarian_periods(date(2026, 11, 22))
    current = [p for p in periods if p.current]
    assert len(current) == 1
    assert (current[0].start, current[0].end) == (date(2024, 1, 1), date(2027, 12, 31))
    assert [(str(p.large.value), str(p.small.value)) for p in periods] == [
        ("7", "6"),
        ("8", "6"),
        ("6", "6"),
        ("9", "9"),
    ]


@pytest.mark.django_db
def test_plan_page_marks_values_to_confirm(client, settings):
    settings.RULES_DATE = date(2026, 11, 22)
    html = client.get("/seguros/regular/").content.decode()
    assert "S/ 1,230.00" in html
    assert "por confirmar (revisado el 22/11/2026)" in html
    assert 'href="#valores-vigentes"' in html


@pytest.mark.django_db
def test_rules_date_previews_another_day(client, settings):
    settings.RULES_DATE = date(2025, 3, 1)
    html = client.get("/seguros/regular/").content.decode()
    assert "Cifras en vigor al 01/03/2025" in html
    assert "S/ 1,130.00" in html and "S/ 1,230.00" not in html


def test_the_end_of_the_6_percent_period_is_to_confirm():
    periods = agrarian_periods(date(2026, 11, 22))
    six, nine = periods[-2], periods[-1]
    assert six.end_to_confirm.checked == date(2026, 11, 22) and six.later_start is None
    assert nine.start_to_confirm is six.end_to_confirm
    assert nine.later_start == date(2029, 1, 1)
    assert periods[0].end_to_confirm is periods[0].start_to_confirm is None


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["regular", "potestativo", "sctr", "agrario", "vida"])
def test_plan_pages_label_only_the_values_to_confirm(client, settings, slug):
    settings.RULES_DATE = date(2026, 11, 22)
    html = client.get(f"/seguros/{slug}/").content.decode()
    box = html[html.index('id="valores-vigentes"') :]
    box = box[: box.index("</section>")]
    assert "confianza" not in box
    assert "Desde el 01/01/2023" not in box and "desde antes de" not in box


@pytest.mark.django_db
def test_the_agrarian_box_marks_the_boundary_and_gives_the_threshold_in_soles(client, settings):
    settings.RULES_DATE = date(2026, 11, 22)
    html = client.get("/seguros/agrario/").content.decode()
    mark = '<br> <span class="confirm">por confirmar</span>'  # short: the date is below
    assert f"01/2024 – 12/2027 <strong>(vigente)</strong>{mark}" in html
    assert f"01/2028 – en adelante{mark}<br>(o desde 01/2029)</th>" in html
    assert "El fin en 12/2027 está por confirmar (revisado el 22/11/2026)" in html
    assert "Con la UIT de 2026 (S/ 5,500.00), 1,700 UIT son S/ 9,350,000.00." in html
    assert "Las fuentes no dicen qué año de UIT se usa" in html


def test_sources_and_notes_write_dates_the_peruvian_way():
    """A value's source and note are shown as they are: 30/12/2023, never 2023-12-30."""
    iso = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
    shown = [
        text
        for name in PARAMETER_NAMES
        for value in parameter_history(name)
        for text in (str(value.source), str(value.note or ""))
        if iso.search(text)
    ]
    assert shown == []


@pytest.mark.django_db
def test_coverage_items_read_as_sentences():
    """An item is shown as "<title>. <text>": its text starts with a capital letter."""
    texts = CoverageItem.objects.values_list("text", flat=True)
    assert [t for t in texts if t and not t[0].isupper()] == []
