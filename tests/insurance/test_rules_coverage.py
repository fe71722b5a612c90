"""Waiting periods (carencia) and unemployment coverage (latencia)."""

from datetime import date

import pytest

from insurance import rules
from insurance.rules import Contingency, Plan


def months(*pairs):
    return [date(year, month, 1) for year, month in pairs]


# Contingency in July 2025: the window is January to June 2025 (6 calendar months before).
# fmt: off
REGULAR_COVERED = [
    # contributed months,                           kind,     covered
    (months((2025, 4), (2025, 5), (2025, 6)), "enfermedad", True),    # 3 consecutive
    (months((2025, 1), (2025, 3), (2025, 5)), "enfermedad", False),   # 3, none consecutive
    (months((2025, 1), (2025, 3), (2025, 5), (2025, 6)), "enfermedad", True),  # 4
    (months((2024, 12), (2025, 1), (2025, 2)), "enfermedad", False),  # Dec 2024 is outside
    (months((2025, 5), (2025, 6), (2025, 7)), "enfermedad", False),   # July itself not counted
    (months((2025, 1), (2025, 2), (2025, 3)), "enfermedad", True),    # oldest 3 of the window
    ([], "gestacion", True),                                           # pregnancy: at once
    ([], "accidente", True),                                           # accident: affiliation
]
# fmt: on


@pytest.mark.parametrize(("contributed", "kind", "covered"), REGULAR_COVERED)
def test_regular_covered(contributed, kind, covered):
    result = rules.regular_covered(
        contributed_months=contributed, contingency_on=date(2025, 7, 15), contingency=kind
    )
    assert result.covered is covered
    assert result.window == tuple(months(*[(2025, m) for m in range(1, 7)]))


@pytest.mark.parametrize(
    ("contributed", "reason"),
    [
        ([], "No hay aportes en los 6 meses anteriores; se necesitan 3 consecutivos o 4 no"),
        (months((2025, 3)), "Hay 1 aporte (como máximo 1 seguido) en los 6 meses anteriores;"),
        (months((2025, 1), (2025, 3), (2025, 5)), "Hay 3 aportes (como máximo 1 seguido)"),
        (months((2025, 1), (2025, 2), (2025, 5)), "Hay 3 aportes (como máximo 2 seguidos)"),
    ],
)
def test_regular_not_covered_says_what_it_found_in_spanish(contributed, reason):
    result = rules.regular_covered(contributed_months=contributed, contingency_on=date(2025, 7, 15))
    assert not result.covered and str(result.reason).startswith(reason)


def test_regular_pensioners_have_no_waiting_period():
    result = rules.regular_covered(
        contributed_months=[], contingency_on=date(2025, 7, 15), pensioner=True
    )
    assert result.covered and "pensionistas" in str(result.reason)


def test_regular_window_crosses_the_year():
    # Contingency in February 2025: window is August 2024 to January 2025.
    result = rules.regular_covered(
        contributed_months=months((2024, 11), (2024, 12), (2025, 1)),
        contingency_on=date(2025, 2, 3),
    )
    assert result.covered and result.longest_run == 3
    assert result.window[0] == date(2024, 8, 1)


# fmt: off
COVERAGE_START = [
    # plan,         first contribution,  starts on           hand computation
    ("regular", date(2025, 3, 10), date(2025, 6, 1)),      # Mar, Apr, May paid -> June
    ("regular", date(2025, 11, 1), date(2026, 2, 1)),      # Nov, Dec, Jan -> February
    ("agrario", date(2024, 12, 20), date(2025, 3, 1)),     # Dec, Jan, Feb -> March
    ("potestativo", date(2025, 1, 15), date(2025, 4, 15)),  # 3 months after payment
    ("potestativo", date(2025, 11, 30), date(2026, 2, 28)),  # no 30 February: last day
]
# fmt: on


@pytest.mark.parametrize(("plan", "first", "starts"), COVERAGE_START)
def test_coverage_start(plan, first, starts):
    assert rules.coverage_start(plan=plan, first_contribution=first).starts_on == starts


def test_coverage_start_lists_the_exceptions():
    regular = rules.coverage_start(plan=Plan.REGULAR, first_contribution=date(2025, 3, 10))
    assert {e.contingency for e in regular.exceptions} == {
        Contingency.PREGNANCY,
        Contingency.ACCIDENT,
    }
    assert all(e.covered_from == date(2025, 3, 1) for e in regular.exceptions)
    assert "Ley 31469" in regular.exceptions[0].reference

    potestativo = rules.coverage_start(plan="potestativo", first_contribution=date(2025, 1, 15))
    (accident,) = potestativo.exceptions
    assert accident.covered_from == date(2025, 1, 15) and "24 horas" in str(accident.condition)
    # Maternity needs more than the wait: affiliation at conception (Potestativo, 5.2).
    assert "afiliada al momento de la concepción" in str(potestativo.conditions[-1])

    agrario = rules.coverage_start(plan="agrario", first_contribution=date(2025, 1, 15))
    assert "estar al día" in str(agrario.conditions[0])
    assert {e.contingency for e in agrario.exceptions} == {
        Contingency.PREGNANCY,
        Contingency.ACCIDENT,
    }


def test_regular_pensioner_starts_at_once():
    result = rules.coverage_start(plan="regular", first_contribution=date(2025, 3, 10),
                                  pensioner=True)  # fmt: skip
    assert result.starts_on == date(2025, 3, 1) and result.conditions == ()


def test_unknown_plan():
    with pytest.raises(rules.InvalidInput, match="Plan desconocido"):
        rules.coverage_start(plan="sctr", first_contribution=date(2025, 1, 1))


# fmt: off
LATENCY = [
    # contributions in 3 years -> months of coverage (figures.md table)
    (0, 0), (4, 0), (5, 2), (9, 2), (10, 4), (14, 4), (15, 6), (19, 6),
    (20, 8), (24, 8), (25, 10), (29, 10), (30, 12), (36, 12),
]
# fmt: on


@pytest.mark.parametrize(("contributions", "expected"), LATENCY)
def test_latency_months(contributions, expected):
    result = rules.latency_months(contributions_last_3_years=contributions, on=date(2025, 5, 1))
    assert result.months == expected
    assert "D.U. 009-2000" in str(result.parameter.source)


@pytest.mark.parametrize("contributions", [37, -1])
def test_latency_impossible_counts(contributions):
    with pytest.raises(rules.InvalidInput) as caught:
        rules.latency_months(contributions_last_3_years=contributions, on=date(2025, 5, 1))
    assert caught.value.field == "aportes"
