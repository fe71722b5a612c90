"""What ``/cifras/`` and ``/cifras/<parameter>/`` show: every dated value of the rules,
grouped by the plan whose rules use it, with its history, all from
``insurance/rules/parameters.yaml`` (no database).
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from . import rules
from .figures import Figure, figure_for
from .step_chart import Chart, step_chart

# Each parameter under the plan whose rules read it; RMV and UIT feed several plans.
GROUPS = (
    ("general", _("Valores generales: RMV y UIT"), ("rmv", "uit")),
    ("regular", _("Seguro Regular (+SEGURO)"), (
        "regular_rate", "fisher_rate", "fisher_floor_rate", "ex_cbssp_rate",
        "ex_cbssp_floor_rate", "pensioner_rate", "regular_waiting_consecutive",
        "regular_waiting_any", "regular_waiting_window", "latency_months",
    )),
    ("potestativo", _("Seguro Potestativo (+Salud)"), (
        "potestativo_premiums", "potestativo_waiting_months",
    )),
    ("sctr", _("SCTR (+PROTECCIÓN)"), (
        "sctr_rate_i", "sctr_rate_ii", "sctr_rate_iii", "sctr_rate_iv",
        "sctr_independent_base_uit",
    )),
    ("agrario", _("Seguro de Salud Agrario"), (
        "agrarian_rate_large", "agrarian_rate_small", "agrarian_large_min_workers",
        "agrarian_large_sales_uit", "agrarian_independent_rate", "agrario_waiting_months",
    )),
    ("vida", _("+Vida Seguro de Accidentes"), ("vida_premium",)),
)  # fmt: skip


@dataclass(frozen=True)
class HistoryRow:
    figure: Figure  # the entry as the pages show it (value or rows)
    current: bool  # in force on the day asked about

    @property
    def value(self) -> rules.ParameterValue:
        return self.figure.value


@dataclass(frozen=True)
class ParameterFigures:
    """One parameter on one day: the value in force (with its "por confirmar" marks) and
    every value it has had."""

    name: str
    current: Figure
    history: tuple[HistoryRow, ...]

    @property
    def value(self) -> rules.ParameterValue:
        return self.current.value


@dataclass(frozen=True)
class Group:
    slug: str  # a plan's slug, or "general"
    title: object
    parameters: tuple[ParameterFigures, ...]
    presets: tuple[rules.Regimen, ...]  # the calculator's situations of this plan

    @property
    def plan(self) -> str | None:
        return None if self.slug == "general" else self.slug


def parameter_figures(name: str, day: date) -> ParameterFigures:
    """``name`` on ``day``; raises KeyError for an unknown name, PeriodNotCovered for a day
    before the rules."""
    history = rules.parameter_history(name)
    current = getattr(rules.parameters_on(day), name)
    rows = tuple(
        HistoryRow(figure_for(entry), current=entry.start == current.start) for entry in history
    )
    return ParameterFigures(name, figure_for(current), rows)


def figure_groups(day: date) -> list[Group]:
    return [
        Group(
            slug,
            title,
            tuple(parameter_figures(name, day) for name in names),
            tuple(r for r in rules.REGIMENES.values() if r.plan == slug),
        )
        for slug, title, names in GROUPS
    ]


def group_of(name: str) -> tuple[str, object]:
    """The slug and title of the group ``name`` is listed in."""
    return next((slug, title) for slug, title, names in GROUPS if name in names)


def chart_for(name: str, day: date) -> Chart:
    history = rules.parameter_history(name)
    return step_chart(history, day, history[0].unit)


@dataclass(frozen=True)
class Change:
    """One value's start: an entry of the feed of changes."""

    name: str
    value: rules.ParameterValue
    figure: Figure


def changes() -> list[Change]:
    """Every value of every parameter, newest start first (ties: in the file's order)."""
    entries = [
        Change(name, entry, figure_for(entry))
        for name in rules.PARAMETER_NAMES
        for entry in rules.parameter_history(name)
    ]
    return sorted(entries, key=lambda change: change.value.start, reverse=True)
