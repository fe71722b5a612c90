"""The rules' results as the API's plain data: money and decimals as strings, texts in the
active language, dates as dates. Only presentation: every number comes from the rules.
"""

from decimal import Decimal

from .. import rules
from ..forms.fields import month_text
from ..rules.money import decimals_of

# What the rows of a table count, by the unit of its values: premiums in soles by age,
# months of latency by contributions (parameters.yaml).
ROW_UNITS = {rules.Unit.SOLES: rules.Unit.YEARS, rules.Unit.MONTHS: rules.Unit.CONTRIBUTIONS}


def money(amount: Decimal, places: int | None = None) -> str:
    """Soles with two decimals, or every decimal an exact amount has: "92.295"."""
    places = places if places is not None else max(2, decimals_of(amount))
    return f"{amount:.{places}f}"


def number(value: Decimal, unit: rules.Unit) -> str:
    if unit is rules.Unit.SOLES:
        return money(value)
    return format(value.normalize(), "f")  # "9", "1.23", "100" (never "1E+2")


def text(value) -> str | None:
    return None if value is None else str(value)


def band(row: rules.Band, unit: rules.Unit) -> dict:
    return {
        "low": row.low,
        "high": row.high,
        "value": number(row.value, unit),
        "label": str(row.range_label(ROW_UNITS[unit])) if unit in ROW_UNITS else None,
    }


def figure(value: rules.ParameterValue) -> dict:
    table = isinstance(value.value, tuple)
    return {
        "name": value.name,
        "label": str(value.label),
        "unit": value.unit.value,
        "value": [band(row, value.unit) for row in value.value]
        if table
        else number(value.value, value.unit),
        "formatted": None if table else str(value.formatted),
        "since": value.start,
        "until": value.end,
        "start_kind": value.start_kind.value,
        "source": str(value.source),
        "confidence": value.confidence.value,
        "confidence_label": str(value.confidence.label),
        "checked": value.checked,
        "note": text(value.note),
    }


def step(item: rules.Step) -> dict:
    value = (
        money(item.value, item.places)
        if item.unit is rules.Unit.SOLES
        else number(item.value, item.unit)
    )
    return {
        "text": str(item.text),
        "value": value,
        "unit": item.unit.value,
        "formatted": str(item.formatted),
        "reference": str(item.reference),
        "to_confirm": item.to_confirm,
        "checked": item.checked,
    }


def contribution(result: rules.Contribution, *, label, amount_title, notes) -> dict:
    return {
        "regimen": result.regimen,
        "regimen_label": str(label),
        "period": month_text(result.on),
        "amount_title": str(amount_title),
        "payable": money(result.payable, 2),
        "exact": money(result.exact),
        "rounding": result.rounding.value,
        "rounding_label": str(result.rounding.label),
        "paid_by": [payer.value for payer in result.paid_by],
        "paid_by_label": str(result.paid_by_label),
        "withheld_by": text(result.withheld_by),
        "floor_applied": result.floor_applied,
        "unconfirmed": result.unconfirmed,
        "checked": result.checked,
        "steps": [step(item) for item in result.steps],
        "people": [
            {
                "age": person.age,
                "premium": money(person.premium, 2),
                "band": band(person.band, rules.Unit.SOLES),
            }
            for person in result.people
        ],
        "alternatives": [
            {"text": str(other.text), "payable": money(other.payable, 2)}
            for other in result.alternatives
        ],
        "notes": [str(note) for note in notes],
        "figures": [figure(value) for value in result.parameters],
    }


def coverage_start(start: rules.CoverageStart | None) -> dict | None:
    if start is None:
        return None
    return {
        "first_contribution": start.first_contribution,
        "starts_on": start.starts_on,
        "conditions": [str(condition) for condition in start.conditions],
        "exceptions": [
            {
                "contingency": exception.contingency.value,
                "covered_from": exception.covered_from,
                "condition": str(exception.condition),
                "reference": str(exception.reference),
            }
            for exception in start.exceptions
        ],
        "figures": [figure(value) for value in start.parameters],
    }


def regular_coverage(coverage: rules.RegularCoverage, *, contingency, pensioner) -> dict:
    return {
        "covered": coverage.covered,
        "reason": str(coverage.reason),
        "contingency": contingency.value,
        "pensioner": pensioner,
        "window": [month_text(month) for month in coverage.window],
        "contributed_in_window": [month_text(month) for month in coverage.contributed_in_window],
        "longest_run": coverage.longest_run,
        "figures": [figure(value) for value in coverage.parameters],
    }


def latency(result: rules.Latency) -> dict:
    table = result.parameter
    return {
        "contributions": result.contributions,
        "months": result.months,
        "band": band(table.band_for(result.contributions), table.unit),
        "table": figure(table),
    }


def plan_cost(cost) -> dict | None:
    if cost is None:
        return None
    paid = cost.contribution
    return {
        "rule": str(cost.rule),
        "minimum": cost.minimum,
        "payable": money(paid.payable, 2) if paid else None,
        "exact": money(paid.exact) if paid else None,
        "paid_by": [payer.value for payer in paid.paid_by] if paid else [],
    }
