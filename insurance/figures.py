"""The "Valores vigentes" box of a plan page, read from the rules' dated parameters.

Plan texts never write today's RMV or UIT themselves (the source's 2024 figures are out of
date); they point here, so the site shows one value per parameter, with its start date,
legal source and confidence, all from ``insurance/rules/parameters.yaml``.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from . import rules

# Which parameters each plan page shows, in this order.
PLAN_PARAMETERS = {
    "regular": (
        "rmv",
        "regular_rate",
        "fisher_rate",
        "fisher_floor_rate",
        "ex_cbssp_rate",
        "ex_cbssp_floor_rate",
        "pensioner_rate",
        "latency_months",
    ),
    "potestativo": ("potestativo_premiums", "potestativo_waiting_months"),
    "sctr": (
        "uit",
        "sctr_rate_i",
        "sctr_rate_ii",
        "sctr_rate_iii",
        "sctr_rate_iv",
        "sctr_independent_base_uit",
    ),
    "agrario": (
        "rmv",
        "agrarian_independent_rate",
        "agrarian_large_min_workers",
        "agrarian_large_sales_uit",
        "agrario_waiting_months",
    ),
    "vida": ("vida_premium",),
}
# Plans whose page shows the agrarian dependent rates by period ("Cuadro de Agrarios
# Dependientes", which the source names but does not reproduce).
AGRARIAN_TABLE_PLANS = {"regular", "agrario"}
# What the rows of a table parameter count.
BAND_UNITS = {"potestativo_premiums": rules.Unit.YEARS, "latency_months": rules.Unit.CONTRIBUTIONS}


@dataclass(frozen=True)
class Figure:
    """A value as the pages show it; texts are the rules' (rules.Text: the active language)."""

    value: rules.ParameterValue
    text: str | rules.Text = ""
    bands: tuple[tuple[rules.Text, str | rules.Text], ...] = ()


@dataclass(frozen=True)
class AgrarianPeriod:
    start: date
    end: date | None
    large: rules.ParameterValue
    small: rules.ParameterValue
    current: bool
    # The end of this period is to confirm (it may last longer) ...
    end_to_confirm: rules.UncertainEnd | None = None
    # ... or the previous one's is, so this period may start later.
    start_to_confirm: rules.UncertainEnd | None = None

    @property
    def later_start(self) -> date | None:
        """The latest this period may start, if the previous one lasts as long as it may."""
        if self.start_to_confirm is None:
            return None
        return self.start_to_confirm.may_last_until + timedelta(days=1)


@dataclass
class PlanFigures:
    on: date
    figures: list[Figure] = field(default_factory=list)
    agrarian_periods: list[AgrarianPeriod] = field(default_factory=list)
    # The thresholds that make an agrarian employer "large", shown under the rate table;
    # the sales threshold also in soles, with the UIT in force on ``on``.
    large_employer_workers: rules.ParameterValue | None = None
    large_employer_sales: rules.ParameterValue | None = None
    large_employer_sales_soles: Decimal | None = None
    uit: rules.ParameterValue | None = None

    def __bool__(self):
        return bool(self.figures or self.agrarian_periods)


def figure_for(value: rules.ParameterValue) -> Figure:
    """One parameter as the pages show it: its value, or its table of bands."""
    if isinstance(value.value, tuple):
        unit = BAND_UNITS[value.name]
        bands = tuple(
            (band.range_label(unit), rules.format_value(band.value, value.unit))
            for band in value.value
        )
        return Figure(value, bands=bands)
    return Figure(value, text=value.formatted)


def _in_force(history, day: date) -> rules.ParameterValue:
    return [value for value in history if value.start <= day][-1]


def agrarian_periods(on: date) -> list[AgrarianPeriod]:
    """One row per period in which neither rate changes, whichever of the two changed."""
    large = rules.parameter_history("agrarian_rate_large")
    small = rules.parameter_history("agrarian_rate_small")
    starts = sorted({value.start for value in (*large, *small)})
    ends = [next_start - timedelta(days=1) for next_start in starts[1:]] + [None]
    periods = []
    for start, end in zip(starts, ends, strict=True):
        rates = (_in_force(large, start), _in_force(small, start))
        periods.append(
            AgrarianPeriod(
                start,
                end,
                *rates,
                current=start <= on and (end is None or on <= end),
                end_to_confirm=next((r.uncertain_end for r in rates if r.uncertain_end), None),
                start_to_confirm=periods[-1].end_to_confirm if periods else None,
            )
        )
    return periods


def plan_figures(slug: str, on: date) -> PlanFigures:
    parameters = rules.parameters_on(on)
    result = PlanFigures(on)
    result.figures = [
        figure_for(getattr(parameters, name)) for name in PLAN_PARAMETERS.get(slug, ())
    ]
    if slug in AGRARIAN_TABLE_PLANS:
        result.agrarian_periods = agrarian_periods(on)
        result.large_employer_workers = parameters.agrarian_large_min_workers
        result.large_employer_sales = parameters.agrarian_large_sales_uit
        result.large_employer_sales_soles = rules.agrarian_sales_threshold(on=on)
        result.uit = parameters.uit
    return result
