"""The step chart of a parameter's history, as coordinates for an inline SVG.

Drawn on the server (no JavaScript, no chart library): each value is a horizontal segment
from its start to the next value's start, joined by vertical steps. The value axis starts
at zero, so a change looks as large as it is. A value "por confirmar" is drawn dashed, and
so is the time an entry may still last when its end is to confirm. A table parameter
(rows by age or by contributions) gets one line per row, labelled at the right edge.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from . import rules
from .figures import BAND_UNITS

WIDTH, HEIGHT = 420, 220
TOP, BOTTOM, LEFT = 26, 30, 10
RIGHT_SCALAR, RIGHT_BANDS = 12, 165  # room for the row labels of a table
LABEL_GAP = 14  # least vertical distance between two row labels


@dataclass(frozen=True)
class Segment:
    x1: float
    x2: float
    y: float
    dashed: bool


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: object  # str or rules.Text
    anchor: str = "start"  # SVG text-anchor: "end" keeps a label near the right edge inside


@dataclass
class Series:
    segments: list[Segment] = field(default_factory=list)
    steps: list[tuple[float, float, float, bool]] = field(default_factory=list)  # x, y1, y2, dashed
    labels: list[Label] = field(default_factory=list)


@dataclass
class Chart:
    width: int
    height: int
    baseline: float
    plot_left: float
    plot_right: float
    years: list[Label]
    series: list[Series]
    day_x: float | None

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def dashed(self) -> bool:
        """Some of it is to confirm (the legend explains the dashes)."""
        return any(s.dashed for series in self.series for s in series.segments)

    @property
    def steps(self):
        """Every vertical step as (x, y1, y2, dashed), for the template."""
        return [step for series in self.series for step in series.steps]


def _values(entry: rules.ParameterValue) -> list[Decimal]:
    if isinstance(entry.value, tuple):
        return [band.value for band in entry.value]
    return [entry.value]


def step_chart(history: tuple[rules.ParameterValue, ...], day: date, unit) -> Chart:
    """The chart of ``history`` (oldest first) from the year of its first value to a year
    past the later of its last change and ``day``, with ``day`` marked."""
    bands = isinstance(history[0].value, tuple)
    last = max([history[-1].start, day] + [e.uncertain_end.may_last_until for e in history
                                           if e.uncertain_end])  # fmt: skip
    start, end = date(history[0].start.year, 1, 1), date(last.year + 2, 1, 1)
    left, right = LEFT, WIDTH - (RIGHT_BANDS if bands else RIGHT_SCALAR)
    top, baseline = TOP, HEIGHT - BOTTOM
    span = (end - start).days
    top_value = max(value for entry in history for value in _values(entry)) or Decimal(1)

    def x(when: date) -> float:
        return round(left + (right - left) * (when - start).days / span, 1)

    def y(value: Decimal) -> float:
        return round(baseline - float((baseline - top) * value / (top_value * Decimal("1.1"))), 1)

    rows = len(_values(history[-1]))
    series = [Series() for _ in range(rows)]
    for index, entry in enumerate(history):
        x1 = x(entry.start)
        x2 = x(history[index + 1].start) if index + 1 < len(history) else x(end)
        for row, value in enumerate(_values(entry)[:rows]):
            line = series[row]
            if line.segments and line.segments[-1].y != y(value):
                line.steps.append((x1, line.segments[-1].y, y(value), entry.to_confirm))
            line.segments.append(Segment(x1, x2, y(value), entry.to_confirm))
            if entry.uncertain_end:  # may still hold until may_last_until
                later = x(entry.uncertain_end.may_last_until + timedelta(days=1))
                line.segments.append(Segment(x2, later, y(value), True))
            if not bands:
                text = rules.format_value(value, unit)  # dashed when to confirm (legend)
                if x1 > left + (right - left) * 0.6:
                    line.labels.append(Label(x2 - 3, y(value) - 6, text, "end"))
                else:
                    line.labels.append(Label(x1 + 3, y(value) - 6, text))
    if bands:
        _label_rows(series, history[-1], unit, x(end) + 6)
    years = [
        Label(x(date(year, 1, 1)), baseline + 16, str(year)) for year in range(start.year, end.year)
    ]
    day_x = x(day) if start <= day < end else None
    return Chart(WIDTH, HEIGHT, baseline, left, right, years, series, day_x)


def _label_rows(series: list[Series], entry: rules.ParameterValue, unit, at: float) -> None:
    """Each row's label at the right edge, in value order, pushed apart so none overlap."""
    order = sorted(range(len(series)), key=lambda row: -series[row].segments[-1].y)
    previous = None
    for row in order:
        y = series[row].segments[-1].y + 4
        if previous is not None and previous - y < LABEL_GAP:
            y = previous - LABEL_GAP
        series[row].labels.append(Label(at, round(y, 1), RowText(entry.value[row], entry.name)))
        previous = y


@dataclass(frozen=True)
class RowText:
    """ "0 a 17 años: S/ 137.00", in the language active when the page renders."""

    band: rules.Band
    parameter: str

    def __str__(self) -> str:
        label = self.band.range_label(BAND_UNITS[self.parameter])
        unit = rules.parameter_history(self.parameter)[0].unit
        return f"{label}: {rules.format_value(self.band.value, unit)}"
