"""``manage.py figures --stale N``: which entries were not verified in the last N days, by
the rules' clock (RULES_DATE), on both sides of the threshold."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from insurance import rules
from insurance.rules.freshness import stale_entries

ENTRIES = sum(len(rules.parameter_history(name)) for name in rules.PARAMETER_NAMES)


def run(*args):
    out = StringIO()
    try:
        call_command("figures", *args, stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue()
    return 0, out.getvalue()


# today, days, stale entries, exit code
THRESHOLD_CASES = [
    (date(2026, 12, 3), 90, 0, 0),
    (date(2027, 2, 20), 90, 0, 0),  # verified exactly 90 days before: still fresh
    (date(2027, 2, 21), 90, ENTRIES, 1),  # 91 days
    (date(2026, 12, 3), 11, 0, 0),
    (date(2026, 12, 3), 10, ENTRIES, 1),
    (date(2026, 11, 22), 0, 0, 0),
]


@pytest.mark.parametrize(("today", "days", "stale", "code"), THRESHOLD_CASES)
def test_stale_entries_and_exit_code_on_both_sides_of_the_threshold(
    settings, today, days, stale, code
):
    settings.RULES_DATE = today
    returncode, out = run("--stale", str(days))
    assert returncode == code
    assert out.splitlines()[-1] == f"{stale} entradas sin verificar en {days} días ({today})."
    assert len(out.splitlines()) == stale + 1


def test_json_lists_each_stale_entry_for_tooling(settings):
    settings.RULES_DATE = date(2027, 3, 1)
    returncode, out = run("--stale", "90", "--json")
    data = json.loads(out)
    assert returncode == 1
    assert (data["today"], data["days"], len(data["stale"])) == ("2027-03-01", 90, ENTRIES)
    assert data["stale"][0] == {
        "parameter": "rmv",
        "from": "2022-05-01",
        "checked": "2026-11-22",
        "days_since_checked": 99,
        "source": "D.S. 003-2022-TR",
        "confidence": "high",
    }
    assert {row["parameter"] for row in data["stale"]} == set(rules.PARAMETER_NAMES)


def test_json_with_nothing_stale_is_an_empty_list(settings):
    settings.RULES_DATE = date(2026, 12, 3)
    assert run("--stale", "90", "--json") == (
        0,
        json.dumps({"today": "2026-12-03", "days": 90, "stale": []}, indent=2) + "\n",
    )


def test_a_source_verified_later_is_no_longer_stale(monkeypatch):
    history = rules.parameter_history("uit")
    fresh = history[-1].__class__(**{**history[-1].__dict__, "checked": date(2027, 2, 1)})
    real = rules.parameter_history
    monkeypatch.setattr(
        "insurance.rules.freshness.parameter_history",
        lambda name: (*history[:-1], fresh) if name == "uit" else real(name),
    )
    stale = stale_entries(today=date(2027, 3, 1), days=90)
    assert len(stale) == ENTRIES - 1 and fresh not in stale


def test_negative_days_are_refused():
    with pytest.raises(CommandError, match="no negativo"):
        call_command("figures", "--stale", "-1", stdout=StringIO())
