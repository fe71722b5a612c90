"""Dated parameters: every rate and amount with its start date, legal source, confidence and
the day its source was last verified.

The values live in ``parameters.yaml`` beside this module, read and validated once. A value
holds from its start date until the next entry of the same parameter starts, so next year's
UIT is one more entry in the file, not a code change.
"""

import dataclasses
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache, lru_cache
from pathlib import Path

import yaml

from .dates import month_label
from .errors import ParameterDataError, PeriodNotCovered
from .money import COUNTS, Unit, format_value
from .text import Text, _, given, ngettext, pgettext

DATA_FILE = Path(__file__).with_name("parameters.yaml")


class Confidence(StrEnum):
    """How well a value is sourced (figures.md): the site marks ``to-confirm`` values."""

    HIGH = "high"
    MEDIUM = "medium"
    TO_CONFIRM = "to-confirm"

    @property
    def label(self) -> Text:
        return {
            Confidence.HIGH: pgettext("confianza de una cifra", "alta"),
            Confidence.MEDIUM: pgettext("confianza de una cifra", "media"),
            Confidence.TO_CONFIRM: _("por confirmar"),
        }[self]


class StartKind(StrEnum):
    """What an entry's start date means."""

    DATED = "dated"  # the day the value came into force
    # In force before the covered range; the entry starts at ``covered_from`` only because
    # the rules need no earlier month.
    BEFORE_COVERAGE = "before-coverage"
    # No start date was found: the value is applied to the whole covered range.
    UNDOCUMENTED = "undocumented"


@dataclass(frozen=True)
class UncertainEnd:
    """The last day of an entry is to confirm: it may stay in force until ``may_last_until``.

    Months from the next entry's start to ``may_last_until`` get the next value marked "por
    confirmar", with this entry as the alternative (``ParameterValue.alternative``).
    """

    checked: date
    may_last_until: date
    note: Text

    @property
    def to_confirm(self) -> bool:
        """Always: the pages mark it as they mark a value to confirm."""
        return True


@dataclass(frozen=True)
class Band:
    """One row of a table parameter: ``low`` to ``high`` inclusive (``None``: no limit)."""

    low: int
    high: int | None
    value: Decimal

    def contains(self, number: int) -> bool:
        return self.low <= number and (self.high is None or number <= self.high)

    def range_label(self, unit: Unit) -> Text:
        """What the row covers: "0 a 17 años", "60 años a más", "5 a 9 aportes". The rows of
        a table count years of age or contributions; the form goes by the last number."""
        low, high = self.low, self.high
        if unit is Unit.YEARS and high is None:
            return ngettext("%(low)s año a más", "%(low)s años a más", low, low=low)
        if unit is Unit.YEARS:
            return ngettext(
                "%(low)s a %(high)s año", "%(low)s a %(high)s años", high, low=low, high=high
            )
        if unit is Unit.CONTRIBUTIONS and high is None:
            return ngettext("%(low)s aporte a más", "%(low)s aportes a más", low, low=low)
        if unit is Unit.CONTRIBUTIONS:
            return ngettext(
                "%(low)s a %(high)s aporte", "%(low)s a %(high)s aportes", high, low=low, high=high
            )
        raise ValueError(f"No words for rows of {unit}.")


@dataclass(frozen=True)
class ParameterValue:
    """One entry of a parameter's history, with all a page needs to cite it."""

    name: str
    label: Text
    unit: Unit
    value: Decimal | tuple[Band, ...]
    start: date
    end: date | None  # last day in force; None while no later entry exists
    source: str | Text  # a Text when the file gives source_en
    confidence: Confidence
    # The day the source was last verified; on a day whose value is to confirm because the
    # previous entry's end is, the day that end was checked.
    checked: date | None = None
    note: Text | None = None
    description: Text | None = None
    start_kind: StartKind = StartKind.DATED
    uncertain_end: UncertainEnd | None = None
    # On a day when the previous entry's end is to confirm: that entry, in force if it lasts.
    alternative: "ParameterValue | None" = None

    @property
    def to_confirm(self) -> bool:
        return self.confidence is Confidence.TO_CONFIRM

    @property
    def formatted(self) -> str | Text:
        if isinstance(self.value, tuple):
            raise TypeError(f"{self.name} is a table; format its bands.")
        return format_value(self.value, self.unit)

    @property
    def cited(self) -> str | Text:
        """The value as a sentence quotes it: "S/ 1,230.00 (por confirmar)" while to confirm,
        so the mark stays beside the number in any text."""
        if self.to_confirm:
            return _("%(value)s (por confirmar)", value=self.formatted)
        return self.formatted

    def band_for(self, number: int) -> Band:
        if not isinstance(self.value, tuple):
            raise TypeError(f"{self.name} is not a table.")
        for band in self.value:
            if band.contains(number):
                return band
        raise LookupError(f"{number} is in no band of {self.name}.")


@dataclass(frozen=True)
class Parameters:
    """The values in force on one day; field names are the keys of ``parameters.yaml``."""

    on: date
    rmv: ParameterValue
    uit: ParameterValue
    regular_rate: ParameterValue
    fisher_rate: ParameterValue
    fisher_floor_rate: ParameterValue
    ex_cbssp_rate: ParameterValue
    ex_cbssp_floor_rate: ParameterValue
    pensioner_rate: ParameterValue
    agrarian_rate_large: ParameterValue
    agrarian_rate_small: ParameterValue
    agrarian_large_min_workers: ParameterValue
    agrarian_large_sales_uit: ParameterValue
    agrarian_independent_rate: ParameterValue
    potestativo_premiums: ParameterValue
    sctr_rate_i: ParameterValue
    sctr_rate_ii: ParameterValue
    sctr_rate_iii: ParameterValue
    sctr_rate_iv: ParameterValue
    sctr_independent_base_uit: ParameterValue
    vida_premium: ParameterValue
    regular_waiting_consecutive: ParameterValue
    regular_waiting_any: ParameterValue
    regular_waiting_window: ParameterValue
    potestativo_waiting_months: ParameterValue
    agrario_waiting_months: ParameterValue
    latency_months: ParameterValue


PARAMETER_NAMES = tuple(f.name for f in dataclasses.fields(Parameters) if f.name != "on")


@dataclass(frozen=True, eq=False)  # one table is one file's reading: known by identity
class ParameterTable:
    covered_from: date
    histories: dict[str, tuple[ParameterValue, ...]]


def parameters_on(day: date) -> Parameters:
    """The values in force on ``day``; a day before the covered range raises PeriodNotCovered."""
    table = _table()
    if day < table.covered_from:
        raise PeriodNotCovered(
            _("Las reglas cubren periodos desde %(first)s.", first=month_label(table.covered_from))
        )
    return _values_on(table, day)


@lru_cache(maxsize=512)  # the months people ask about, and today: a few KB each
def _values_on(table: ParameterTable, day: date) -> Parameters:
    """Kept by table and day: a calculator result asks for the same day three times, and
    every worker answers the same few months all day (issue 15). The key holds the table,
    so a table loaded later (a test's) never gets another's values."""
    values = {name: _in_force(history, day) for name, history in table.histories.items()}
    return Parameters(on=day, **values)


def _in_force(history: tuple[ParameterValue, ...], day: date) -> ParameterValue:
    """The entry in force on ``day``; "por confirmar" while the previous one may still last."""
    index = max(i for i, value in enumerate(history) if value.start <= day)
    value = history[index]
    previous = history[index - 1] if index else None
    end = previous.uncertain_end if previous else None
    if end is None or day > end.may_last_until:
        return value
    return replace(
        value, confidence=Confidence.TO_CONFIRM, checked=end.checked, alternative=previous
    )


def parameter_history(name: str) -> tuple[ParameterValue, ...]:
    """Every value a parameter has had, oldest first (for "vigente desde" on the pages)."""
    histories = _table().histories
    if name not in histories:
        raise KeyError(f"Unknown parameter {name!r}; known: {', '.join(PARAMETER_NAMES)}.")
    return histories[name]


def covered_from() -> date:
    return _table().covered_from


@cache
def _table() -> ParameterTable:
    return load_table(DATA_FILE.read_text(encoding="utf-8"), origin=DATA_FILE.name)


def load_table(text: str, *, origin: str = "<texto>") -> ParameterTable:
    """Parse and validate the parameter file; any fault raises ParameterDataError."""
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or set(data) != {"covered_from", "parameters"}:
        raise ParameterDataError(f"{origin}: se esperan las claves covered_from y parameters.")
    start = data["covered_from"]
    if type(start) is not date:
        raise ParameterDataError(f"{origin}: covered_from debe ser una fecha AAAA-MM-DD.")
    raw = data["parameters"] or {}
    missing, unknown = set(PARAMETER_NAMES) - set(raw), set(raw) - set(PARAMETER_NAMES)
    if missing or unknown:
        raise ParameterDataError(
            f"{origin}: parámetros faltantes {sorted(missing)}, desconocidos {sorted(unknown)}."
        )
    histories = {name: _history(name, raw[name], start, origin) for name in PARAMETER_NAMES}
    return ParameterTable(covered_from=start, histories=histories)


_PARAMETER_KEYS = {"label", "label_en", "unit", "history", "description", "description_en"}
_ENTRY_KEYS = {
    "from", "value", "bands", "source", "source_en", "confidence", "checked", "note", "note_en",
    "start", "end_to_confirm",
}  # fmt: skip
_END_KEYS = {"checked", "may_last_until", "note", "note_en"}


def _words(raw: object) -> str:
    """A text of the file on one line, as the pages show it."""
    return " ".join(str(raw).split()) if isinstance(raw, str) else ""


def _given(raw: dict, key: str, where: str) -> Text | None:
    """``key`` in Spanish and ``key_en`` in English: both, or neither (None)."""
    spanish, english = _words(raw.get(key)), _words(raw.get(f"{key}_en"))
    if key not in raw and f"{key}_en" not in raw:
        return None
    if not spanish or not english:
        raise ParameterDataError(f"{where}: {key} y {key}_en van juntos, y con texto.")
    return given(spanish, en=english)


def _history(name: str, raw: object, covered: date, origin: str) -> tuple[ParameterValue, ...]:
    where = f"{origin}, {name}"
    if not isinstance(raw, dict) or not {"label", "unit", "history"} <= set(raw):
        raise ParameterDataError(f"{where}: faltan label, unit o history.")
    if set(raw) - _PARAMETER_KEYS:
        raise ParameterDataError(
            f"{where}: claves desconocidas {sorted(set(raw) - _PARAMETER_KEYS)}."
        )
    try:
        unit = Unit(raw["unit"])
    except ValueError:
        raise ParameterDataError(f"{where}: unidad desconocida {raw['unit']!r}.") from None
    entries = raw["history"]
    if not isinstance(entries, list) or not entries:
        raise ParameterDataError(f"{where}: history debe ser una lista no vacía.")
    starts = [entry.get("from") if isinstance(entry, dict) else None for entry in entries]
    if any(type(s) is not date for s in starts):
        raise ParameterDataError(f"{where}: cada entrada necesita from: AAAA-MM-DD.")
    if any(a >= b for a, b in zip(starts, starts[1:], strict=False)):
        raise ParameterDataError(f"{where}: las fechas deben ir en orden y sin repetirse.")
    if starts[0] > covered:
        raise ParameterDataError(f"{where}: la primera fecha debe ser a más tardar {covered}.")
    if any("start" in entry for entry in entries[1:]):
        raise ParameterDataError(f"{where}: solo la primera entrada puede llevar start.")
    if "start" in entries[0] and starts[0] != covered:
        raise ParameterDataError(f"{where}: una entrada con start empieza en {covered}.")
    ends = [s - timedelta(days=1) for s in starts[1:]] + [None]
    later = starts[2:] + [None, None]  # the start after the next one, if any
    common = {
        "name": name,
        "label": _given(raw, "label", where),
        "unit": unit,
        "description": _given(raw, "description", where),
    }
    return tuple(
        _entry(entry, end, after, f"{where} desde {entry['from']}", common)
        for entry, end, after in zip(entries, ends, later[: len(entries)], strict=True)
    )


def _entry(
    entry: dict, end: date | None, after: date | None, where: str, common: dict
) -> ParameterValue:
    if set(entry) - _ENTRY_KEYS:
        raise ParameterDataError(
            f"{where}: claves desconocidas {sorted(set(entry) - _ENTRY_KEYS)}."
        )
    if ("value" in entry) == ("bands" in entry):
        raise ParameterDataError(f"{where}: indica value o bands (uno solo).")
    try:
        confidence = Confidence(entry.get("confidence"))
    except ValueError:
        raise ParameterDataError(
            f"{where}: confidence debe ser high, medium o to-confirm."
        ) from None
    # Every entry says when its source was last verified (the "verificado el" of /cifras/,
    # and the "revisado el" of a value to confirm); ``figures --stale`` reads it.
    checked = entry.get("checked")
    if type(checked) is not date:
        raise ParameterDataError(f"{where}: falta checked (fecha AAAA-MM-DD de la verificación).")
    source = entry.get("source")
    if not isinstance(source, str) or not source.strip():
        raise ParameterDataError(f"{where}: falta source.")
    try:
        start_kind = StartKind(entry.get("start", StartKind.DATED))
    except ValueError:
        raise ParameterDataError(
            f"{where}: start debe ser before-coverage o undocumented."
        ) from None
    value = _number(entry["value"], where) if "value" in entry else _bands(entry["bands"], where)
    if common["unit"] in COUNTS and not _whole(value):
        raise ParameterDataError(f"{where}: {common['unit']} se cuentan en números enteros.")
    return ParameterValue(
        **common,
        value=value,
        start=entry["from"],
        end=end,
        # A citation reads the same in both languages; one with words of its own (a note in
        # brackets) carries source_en, and is then a Text.
        source=_given(entry, "source", where) if "source_en" in entry else _words(source),
        confidence=confidence,
        checked=checked,
        note=_given(entry, "note", where),
        start_kind=start_kind,
        uncertain_end=_uncertain_end(entry.get("end_to_confirm"), end, after, where),
    )


def _uncertain_end(
    raw: object, end: date | None, after: date | None, where: str
) -> UncertainEnd | None:
    """``end_to_confirm``: the entry may last until ``may_last_until``, within the next one."""
    if raw is None:
        return None
    if end is None:
        raise ParameterDataError(f"{where}: end_to_confirm necesita una entrada posterior.")
    if not isinstance(raw, dict) or set(raw) != _END_KEYS:
        raise ParameterDataError(
            f"{where}: end_to_confirm lleva checked, may_last_until, note y note_en."
        )
    checked, until, note = raw["checked"], raw["may_last_until"], _given(raw, "note", where)
    if type(checked) is not date or type(until) is not date:
        raise ParameterDataError(f"{where}: checked y may_last_until son fechas AAAA-MM-DD.")
    if until <= end or (after is not None and until >= after):
        raise ParameterDataError(
            f"{where}: may_last_until va después del fin y dentro de la entrada siguiente."
        )
    return UncertainEnd(checked=checked, may_last_until=until, note=note)


def _whole(value: Decimal | tuple[Band, ...]) -> bool:
    numbers = [band.value for band in value] if isinstance(value, tuple) else [value]
    return all(number == number.to_integral_value() for number in numbers)


def _number(raw: object, where: str) -> Decimal:
    # A YAML float has already been rounded in binary: numbers must be quoted.
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise ParameterDataError(f'{where}: escribe el número entre comillas, p. ej. "9".')
    try:
        number = Decimal(str(raw))
    except InvalidOperation:
        raise ParameterDataError(f"{where}: {raw!r} no es un número.") from None
    if not number.is_finite() or number < 0:
        raise ParameterDataError(f"{where}: {raw!r} debe ser un número no negativo.")
    return number


def _bands(raw: object, where: str) -> tuple[Band, ...]:
    if not isinstance(raw, list) or not raw:
        raise ParameterDataError(f"{where}: bands debe ser una lista no vacía.")
    bands, expected_low = [], 0
    for row in raw:
        if not isinstance(row, dict) or set(row) != {"min", "max", "value"}:
            raise ParameterDataError(f"{where}: cada fila necesita min, max y value.")
        low, high = row["min"], row["max"]
        if low != expected_low or (high is not None and (type(high) is not int or high < low)):
            raise ParameterDataError(f"{where}: las filas deben ser contiguas desde 0.")
        if high is None and row is not raw[-1]:
            raise ParameterDataError(f"{where}: solo la última fila puede no tener máximo.")
        bands.append(Band(low=low, high=high, value=_number(row["value"], where)))
        expected_low = high + 1 if high is not None else None
    return tuple(bands)
