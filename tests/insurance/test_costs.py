"""What each plan costs a month, as its card and page say it: computed by the rules for the
day asked, with rows on both sides of the dates where a figure changes."""

from datetime import date

import pytest

from insurance.costs import monthly_cost

# (plan, day, the amounts in order, the parameter each line must mark "por confirmar")
CASES = [
    # Regular: agrarian dependants are in it too (section 1), at their own rates (3.2)
    ("regular", date(2023, 12, 31),
     ["9% de tu remuneración (si eres trabajador agrario: 8% (empleador grande) o 6% (pequeño))",
      "4% de tu pensión"], [None, None]),
    ("regular", date(2024, 5, 1),
     ["9% de tu remuneración (si eres trabajador agrario: 6%)", "4% de tu pensión"],
     [None, None]),
    ("regular", date(2027, 12, 31),
     ["9% de tu remuneración (si eres trabajador agrario: 6%)", "4% de tu pensión"],
     [None, None]),
    # the agrarian 9% of 2028 is to confirm (figures.md): the line that states it says so
    ("regular", date(2028, 1, 1),
     ["9% de tu remuneración (si eres trabajador agrario: 9%)", "4% de tu pensión"],
     ["agrarian_rate_large", None]),
    ("potestativo", date(2024, 5, 1), ["S/ 132.00"], [None]),
    # SCTR independent: ½ UIT × 0.63% and × 1.83%, paid in whole soles (figures.md)
    ("sctr", date(2024, 5, 1),
     ["de 0.63% a 1.83% de tu remuneración", "de S/ 16.00 a S/ 47.00 al mes"], [None, None]),
    ("sctr", date(2025, 12, 31),
     ["de 0.63% a 1.83% de tu remuneración", "de S/ 17.00 a S/ 49.00 al mes"], [None, None]),
    ("sctr", date(2026, 1, 1),
     ["de 0.63% a 1.83% de tu remuneración", "de S/ 17.00 a S/ 50.00 al mes"], [None, None]),
    # agrarian: 8% / 6% in 2023, 6% for all from 2024; independents 6% of the RMV
    ("agrario", date(2023, 12, 31),
     ["8% (empleador grande) o 6% (pequeño) de tu remuneración", "S/ 61.50 al mes"],
     [None, None]),
    ("agrario", date(2024, 1, 1), ["6% de tu remuneración", "S/ 61.50 al mes"], [None, None]),
    ("agrario", date(2025, 1, 1), ["6% de tu remuneración", "S/ 67.80 al mes"], [None, None]),
    # the RMV of 2026-10 is to confirm (figures.md): so is what it makes
    ("agrario", date(2026, 10, 1), ["6% de tu remuneración", "S/ 73.80 al mes"], [None, "rmv"]),
    ("vida", date(2024, 5, 1), ["S/ 5.00 al mes"], ["vida_premium"]),
]  # fmt: skip


@pytest.mark.parametrize(("slug", "on", "amounts", "unconfirmed"), CASES)
def test_monthly_cost_comes_from_the_rules(slug, on, amounts, unconfirmed):
    lines = monthly_cost(slug, on)
    assert [line.amount for line in lines] == amounts
    assert [line.unconfirmed and line.unconfirmed.name for line in lines] == unconfirmed


def test_each_line_reads_as_one_sentence_around_its_amount():
    potestativo = monthly_cost("potestativo", date(2024, 5, 1))[0]
    sentence = potestativo.before + potestativo.amount + potestativo.after
    assert sentence == "Desde S/ 132.00 al mes por persona, según su edad (hasta S/ 215.00)."
    regular = monthly_cost("regular", date(2024, 5, 1))[0]
    assert regular.before.endswith("lo paga él: ") and regular.after == "; tú no pagas nada."


def test_a_plan_the_rules_do_not_know_costs_nothing_said():
    assert monthly_cost("no-existe", date(2024, 5, 1)) == []
