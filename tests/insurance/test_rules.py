"""The rules package itself: purity, the parameter file, dated look-ups, money formatting.

Contributions are in test_rules_contributions.py, waiting periods and latency in
test_rules_coverage.py, property tests in test_rules_properties.py. No database here.
"""

import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from insurance import rules
from insurance.rules import parameters as parameters_module
from insurance.rules.parameters import DATA_FILE, load_table

D = Decimal
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_the_package_imports_no_django():
    # A fresh interpreter: other tests in this run may have imported Django already.
    code = (
        "import sys, insurance.rules; assert not any(m.startswith('django') for m in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


# --- The parameter file ----------------------------------------------------------------


def test_the_data_file_loads_and_covers_every_parameter():
    table = load_table(DATA_FILE.read_text(encoding="utf-8"))
    assert table.covered_from == date(2023, 1, 1)
    assert set(table.histories) == set(rules.PARAMETER_NAMES)
    for history in table.histories.values():
        assert history[0].start <= table.covered_from
        for earlier, later in zip(history, history[1:], strict=False):
            assert earlier.end == later.start - timedelta(days=1)
        assert history[-1].end is None


def test_to_confirm_values_carry_the_date_last_checked():
    flagged = {
        (value.name, value.start)
        for name in rules.PARAMETER_NAMES
        for value in rules.parameter_history(name)
        if value.to_confirm
    }
    # figures.md marks exactly these two "to confirm".
    assert flagged == {("rmv", date(2026, 10, 1)), ("vida_premium", date(2023, 1, 1))}
    for name, start in flagged:
        value = next(v for v in rules.parameter_history(name) if v.start == start)
        assert value.checked == date(2026, 11, 22)
        assert str(value.confidence.label) == "por confirmar"


def test_every_entry_says_when_its_source_was_last_verified():
    # figures.md gives one verification date, 2026-11-22; every entry carries it until
    # someone checks its source again.
    checked = {
        value.checked for name in rules.PARAMETER_NAMES for value in rules.parameter_history(name)
    }
    assert checked == {date(2026, 11, 22)}


def test_values_in_force_before_2023_say_so_instead_of_a_made_up_start():
    # "Desde el 01/01/2023 ... Vigente desde antes de 2023" contradicted itself (issue 14).
    assert rules.parameter_history("regular_rate")[0].start_kind is rules.StartKind.BEFORE_COVERAGE
    assert rules.parameter_history("vida_premium")[0].start_kind is rules.StartKind.UNDOCUMENTED
    assert rules.parameter_history("rmv")[0].start_kind is rules.StartKind.DATED
    notes = [str(v.note) for n in rules.PARAMETER_NAMES for v in rules.parameter_history(n)]
    assert not any("antes de 2023" in note or "periodo cubierto" in note for note in notes)


# The end of the agrarian 6% (2024-01 to 2027-12) is to confirm: reports say "hasta 2028",
# which may include 2028. Rows on both sides of 2028-01 and of 2029-01.
AGRARIAN_RATE_CASES = [
    # day,               rate, to confirm, alternative
    (date(2027, 12, 31), "6", False, None),
    (date(2028, 1, 1), "9", True, "6"),
    (date(2028, 12, 31), "9", True, "6"),
    (date(2029, 1, 1), "9", False, None),
]


@pytest.mark.parametrize(("day", "rate", "to_confirm", "alternative"), AGRARIAN_RATE_CASES)
def test_a_rate_whose_start_depends_on_an_end_to_confirm(day, rate, to_confirm, alternative):
    p = rules.parameters_on(day)
    for value in (p.agrarian_rate_large, p.agrarian_rate_small):
        assert value.value == D(rate)
        assert value.to_confirm is to_confirm
        assert (value.alternative and str(value.alternative.value)) == alternative
        # Every entry was verified on 2026-11-22; in the months to confirm the date is the
        # day the uncertain end was checked (the same day here).
        assert value.checked == date(2026, 11, 22)
    # The history itself keeps figures.md's confidence: only the boundary is to confirm.
    history = rules.parameter_history("agrarian_rate_large")
    assert [v.confidence.value for v in history[-2:]] == ["medium", "medium"]
    assert history[-2].uncertain_end.may_last_until == date(2028, 12, 31)


def test_history_shows_since_when_and_until_when():
    rmv = rules.parameter_history("rmv")
    assert [(v.value, v.start, v.end) for v in rmv] == [
        (D("1025.00"), date(2022, 5, 1), date(2024, 12, 31)),
        (D("1130.00"), date(2025, 1, 1), date(2026, 9, 30)),
        (D("1230.00"), date(2026, 10, 1), None),
    ]
    assert rmv[1].source == "D.S. 006-2024-TR"
    with pytest.raises(KeyError):
        rules.parameter_history("igv")


# Rows on both sides of every change date of the RMV and the UIT (figures.md).
PARAMETER_CASES = [
    # day,              RMV,       UIT
    (date(2023, 1, 1), "1025.00", "4950.00"),  # first covered day
    (date(2023, 12, 31), "1025.00", "4950.00"),
    (date(2024, 1, 1), "1025.00", "5150.00"),  # D.S. 309-2023-EF
    (date(2024, 12, 31), "1025.00", "5150.00"),
    (date(2025, 1, 1), "1130.00", "5350.00"),  # D.S. 006-2024-TR and D.S. 260-2024-EF
    (date(2025, 12, 31), "1130.00", "5350.00"),
    (date(2026, 1, 1), "1130.00", "5500.00"),  # D.S. 301-2025-EF
    (date(2026, 9, 30), "1130.00", "5500.00"),
    (date(2026, 10, 1), "1230.00", "5500.00"),  # D.S. 015-2026-TR (to confirm)
    (date(2031, 6, 1), "1230.00", "5500.00"),  # the last value holds until a new one
]


@pytest.mark.parametrize(("day", "rmv", "uit"), PARAMETER_CASES)
def test_parameters_on(day, rmv, uit):
    p = rules.parameters_on(day)
    assert (p.rmv.value, p.uit.value) == (D(rmv), D(uit))
    assert p.on == day


def test_a_day_before_2023_is_not_covered():
    with pytest.raises(rules.PeriodNotCovered) as caught:
        rules.parameters_on(date(2022, 12, 31))
    assert str(caught.value.message) == "Las reglas cubren periodos desde enero de 2023."
    with pytest.raises(rules.PeriodNotCovered):
        rules.regular_dependent(monthly_pay=D("1000"), on=date(2022, 12, 1))


def test_next_years_uit_is_a_data_change_only(monkeypatch):
    # A made-up 2027 UIT, only to show that one more entry in the file is enough.
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    data["parameters"]["uit"]["history"].append(
        {"from": date(2027, 1, 1), "value": "5600.00", "source": "D.S. de prueba",
         "confidence": "high", "checked": date(2026, 11, 22)}
    )  # fmt: skip
    table = load_table(yaml.safe_dump(data, allow_unicode=True))
    monkeypatch.setattr(parameters_module, "_table", lambda: table)
    result = rules.sctr_independent(risk_level="II", on=date(2027, 3, 1))
    # 0.5 × 5,600 = 2,800; × 1.23% = 34.44 -> pays 34.00.
    assert (result.exact_formatted, result.payable) == ("S/ 34.44", D("34.00"))
    assert rules.parameter_history("uit")[-2].end == date(2026, 12, 31)


def test_the_values_of_a_day_are_read_once_per_table(monkeypatch):
    day = date(2025, 3, 1)
    kept = rules.parameters_on(day)
    assert rules.parameters_on(day) is kept
    assert rules.parameters_on(date(2025, 4, 1)) is not kept
    # Another reading of the file, as a test or a reload makes, never gets the kept values.
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    data["parameters"]["rmv"]["history"][-1]["value"] = "9999.00"
    table = load_table(yaml.safe_dump(data, allow_unicode=True))
    monkeypatch.setattr(parameters_module, "_table", lambda: table)
    today = date(2026, 11, 1)
    assert rules.parameters_on(today).rmv.value == Decimal("9999.00")
    monkeypatch.undo()
    assert rules.parameters_on(today).rmv.value != Decimal("9999.00")


_END = {"checked": date(2026, 11, 22), "may_last_until": date(2025, 6, 30), "note": "Prueba."}


def _broken(edit):
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    edit(data["parameters"])
    return yaml.safe_dump(data, allow_unicode=True)


BROKEN_FILES = [
    ("unsorted dates", lambda p: p["uit"]["history"].reverse()),
    ("duplicate date", lambda p: p["uit"]["history"][1].update({"from": date(2023, 1, 1)})),
    ("unknown confidence", lambda p: p["rmv"]["history"][0].update({"confidence": "sure"})),
    ("to-confirm without checked", lambda p: p["rmv"]["history"][2].pop("checked")),
    ("high value without checked", lambda p: p["uit"]["history"][0].pop("checked")),
    ("checked not a date", lambda p: p["uit"]["history"][0].update({"checked": "ayer"})),
    ("float value", lambda p: p["rmv"]["history"][0].update({"value": 1025.0})),
    ("negative value", lambda p: p["rmv"]["history"][0].update({"value": "-1"})),
    ("not a number", lambda p: p["rmv"]["history"][0].update({"value": "mil"})),
    ("value and bands", lambda p: p["rmv"]["history"][0].update({"bands": []})),
    ("missing source", lambda p: p["rmv"]["history"][0].pop("source")),
    ("typo in a key", lambda p: p["rmv"]["history"][0].update({"form": "x"})),
    ("missing parameter", lambda p: p.pop("uit")),
    ("unknown parameter", lambda p: p.update({"igv": p["uit"]})),
    ("unknown unit", lambda p: p["uit"].update({"unit": "dollars"})),
    ("starts after 2023-01-01", lambda p: p["uit"]["history"].pop(0)),
    ("bands with a gap", lambda p: p["potestativo_premiums"]["history"][0]["bands"][1].update(
        {"min": 19})),
    ("open band not last", lambda p: p["latency_months"]["history"][0]["bands"][0].update(
        {"max": None})),
    ("start on a later entry", lambda p: p["rmv"]["history"][1].update(
        {"start": "undocumented"})),
    ("start away from covered_from", lambda p: p["rmv"]["history"][0].update(
        {"start": "before-coverage"})),
    ("unknown start", lambda p: p["regular_rate"]["history"][0].update({"start": "always"})),
    ("end to confirm on the last entry", lambda p: p["uit"]["history"][-1].update(
        {"end_to_confirm": _END | {"may_last_until": date(2027, 6, 30)}})),
    ("end to confirm before the end", lambda p: p["uit"]["history"][1].update(
        {"end_to_confirm": _END | {"may_last_until": date(2024, 12, 31)}})),
    ("end to confirm past the next entry", lambda p: p["uit"]["history"][1].update(
        {"end_to_confirm": _END | {"may_last_until": date(2026, 1, 1)}})),
    ("end to confirm without note", lambda p: p["uit"]["history"][1].update(
        {"end_to_confirm": _END | {"note": ""}})),
    ("end to confirm with a typo", lambda p: p["uit"]["history"][1].update(
        {"end_to_confirm": {"checked": date(2026, 11, 22), "until": date(2025, 6, 30),
                            "note": "x"}})),
]  # fmt: skip


@pytest.mark.parametrize(("why", "edit"), BROKEN_FILES, ids=[row[0] for row in BROKEN_FILES])
def test_a_broken_data_file_is_refused_at_load(why, edit):
    with pytest.raises(rules.ParameterDataError):
        load_table(_broken(edit), origin="parameters.yaml")


def test_the_load_error_names_the_parameter_and_entry():
    text = _broken(lambda p: p["rmv"]["history"][0].update({"confidence": "sure"}))
    with pytest.raises(rules.ParameterDataError, match=r"parameters\.yaml, rmv desde 2022-05-01"):
        load_table(text, origin="parameters.yaml")


# --- Money -----------------------------------------------------------------------------

FORMAT_CASES = [
    (D("1025"), "S/ 1,025.00"),
    (1025, "S/ 1,025.00"),
    (D("12.3"), "S/ 12.30"),
    (D("1234567.891"), "S/ 1,234,567.89"),
    (D("0"), "S/ 0.00"),
    (D("0.005"), "S/ 0.01"),  # half up, not half even
    (D("2.675"), "S/ 2.68"),
    (D("999999.995"), "S/ 1,000,000.00"),
]


@pytest.mark.parametrize(("amount", "shown"), FORMAT_CASES)
def test_format_soles(amount, shown):
    assert rules.format_soles(amount) == shown


def test_format_soles_refuses_floats():
    with pytest.raises(TypeError):
        rules.format_soles(12.3)


@pytest.mark.parametrize(
    ("rate", "shown"),
    [(D("9"), "9%"), (D("4.4"), "4.4%"), (D("0.63"), "0.63%"), (D("1.230"), "1.23%")],
)
def test_format_percent(rate, shown):
    assert rules.format_percent(rate) == shown


@pytest.mark.parametrize(
    ("amount", "cent", "sol"),
    [
        (D("12.30"), D("12.30"), D("12.00")),
        (D("31.6725"), D("31.67"), D("32.00")),
        (D("76.50"), D("76.50"), D("77.00")),  # half up: banker's rounding would give 76
        (D("0.125"), D("0.13"), D("0.00")),
    ],
)
def test_named_roundings(amount, cent, sol):
    assert rules.round_to_cent(amount) == cent
    assert rules.round_to_sol(amount) == sol
