"""Properties that hold for every month and every amount, checked with hypothesis."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from insurance import rules
from insurance.rules.dates import add_months

D = Decimal
months = st.dates(min_value=date(2023, 1, 1), max_value=date(2030, 12, 31))
money = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False)
levels = st.sampled_from(list(rules.RiskLevel))
sizes = st.sampled_from(list(rules.EmployerSize))

PAY_RULES = [
    lambda pay, on: rules.regular_dependent(monthly_pay=pay, on=on),
    lambda pay, on: rules.artisanal_fisher(sales_value=pay, on=on),
    lambda pay, on: rules.ex_cbssp_worker(monthly_pay=pay, on=on),
    lambda pay, on: rules.pensioner(pension=pay, on=on),
    lambda pay, on: rules.agrarian_dependent(monthly_pay=pay, employer_size="large", on=on),
    lambda pay, on: rules.agrarian_dependent(monthly_pay=pay, employer_size="small", on=on),
    lambda pay, on: rules.sctr_dependent(monthly_pay=pay, risk_level="IV", on=on),
]


@given(on=months, low=money, high=money, rule=st.sampled_from(PAY_RULES))
def test_never_negative_and_never_decreasing_with_pay(on, low, high, rule):
    low, high = sorted((low, high))
    first, second = rule(low, on), rule(high, on)
    assert D(0) <= first.payable <= second.payable
    assert first.exact <= second.exact


@given(on=months, pay=money)
def test_the_floors_always_hold(on, pay):
    rmv = rules.parameters_on(on).rmv.value
    assert rules.regular_dependent(monthly_pay=pay, on=on).exact >= rmv * 9 / 100
    assert rules.artisanal_fisher(sales_value=pay, on=on).exact >= rmv * 9 / 100
    assert rules.ex_cbssp_worker(monthly_pay=pay, on=on).exact >= rmv * D("4.4") / 100
    agrarian = rules.agrarian_dependent(monthly_pay=pay, employer_size="small", on=on)
    assert agrarian.exact >= rmv * 6 / 100


@given(on=months, pay=money)
def test_floor_flag_matches_the_pay(on, pay):
    rmv = rules.parameters_on(on).rmv.value
    assert rules.regular_dependent(monthly_pay=pay, on=on).floor_applied is (pay < rmv)


def round_half_up(amount: Decimal) -> Decimal:
    return amount.quantize(D(1), rounding=ROUND_HALF_UP)


@given(on=months, pay=money, level=levels)
def test_sctr_dependent_rounds_the_exact_product_once(on, pay, level):
    result = rules.sctr_dependent(monthly_pay=pay, risk_level=level, on=on)
    exact = pay * level.rate(rules.parameters_on(on)).value / 100
    assert result.exact == exact
    assert result.payable == round_half_up(exact)
    # What the page writes before rounding rounds to the same whole soles.
    shown = D(result.exact_formatted.removeprefix("S/ ").replace(",", ""))
    assert round_half_up(shown) == result.payable


@given(on=months, level=levels)
def test_sctr_independent_rounds_the_exact_product_once(on, level):
    p = rules.parameters_on(on)
    result = rules.sctr_independent(risk_level=level, on=on)
    exact = p.uit.value * p.sctr_independent_base_uit.value * level.rate(p).value / 100
    assert result.payable == round_half_up(exact)


@given(
    on=months,
    titular=st.integers(min_value=18, max_value=120),
    family=st.lists(st.integers(min_value=0, max_value=120), max_size=7),
)
def test_potestativo_total_is_the_sum_of_people(on, titular, family):
    result = rules.potestativo(ages=[*family, titular], on=on)
    assert result.payable == sum(person.premium for person in result.people)
    assert all(D("132.00") <= person.premium <= D("215.00") for person in result.people)


@given(first=months)
def test_regular_coverage_start_agrees_with_the_contribution_count(first):
    # Monthly contributions from the first month on: covered from coverage_start's month,
    # not the month before.
    start = rules.coverage_start(plan="regular", first_contribution=first).starts_on
    paid = [add_months(first.replace(day=1), k) for k in range(12)]
    covered = rules.regular_covered(contributed_months=paid, contingency_on=start)
    before = rules.regular_covered(contributed_months=paid, contingency_on=add_months(start, -1))
    assert covered.covered and not before.covered


@given(count=st.integers(min_value=0, max_value=36), more=st.integers(min_value=0, max_value=36))
def test_latency_never_decreases_with_contributions(count, more):
    low, high = sorted((count, more))
    on = date(2025, 1, 1)
    first = rules.latency_months(contributions_last_3_years=low, on=on).months
    second = rules.latency_months(contributions_last_3_years=high, on=on).months
    assert 0 <= first <= second <= 12
