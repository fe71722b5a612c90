"""Money and the other numbers the site shows: exact Decimal arithmetic, named rounding,
and the one way each kind of number is written (Peruvian style, as the source writes it).
"""

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

CENT = Decimal("0.01")
SOL = Decimal("1")
HUNDRED = Decimal("100")


class Rounding(StrEnum):
    """How an exact amount becomes the amount paid."""

    # No norm sets a rounding for these amounts; we show them to the cent, half up.
    CENT_HALF_UP = "al céntimo, mitad hacia arriba"
    # EsSalud rounds the SCTR payment to whole soles (source, SCTR "Aportes": 12.30 -> 12.00,
    # 31.67 -> 32.00), after writing the amount to the cent.
    SOL_HALF_UP = "al sol entero, mitad hacia arriba"
    # Fixed premiums are paid as published.
    NONE = "sin redondeo"


class Unit(StrEnum):
    """What a number counts; decides how it is written."""

    SOLES = "soles"
    PERCENT = "percent"
    UIT = "uit"
    WORKERS = "workers"
    MONTHS = "months"
    CONTRIBUTIONS = "contributions"
    YEARS = "years"


def as_money(value: Decimal | int) -> Decimal:
    """Money as Decimal; a float is refused because it has already lost cents."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"Money must be Decimal or int, not {type(value).__name__}.")
    return Decimal(value)


def round_to_cent(amount: Decimal) -> Decimal:
    return as_money(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def round_to_sol(amount: Decimal) -> Decimal:
    """Whole soles, half up, written with two decimals (``32.00``) as the source does."""
    return as_money(amount).quantize(SOL, rounding=ROUND_HALF_UP).quantize(CENT)


def percent_of(base: Decimal, rate: Decimal) -> Decimal:
    """``rate`` is in percent, as the norms write it (9 means 9%); the result is exact."""
    return base * rate / HUNDRED


def format_soles(amount: Decimal | int) -> str:
    """``Decimal("1025")`` -> ``"S/ 1,025.00"``: comma thousands, two decimals, half up."""
    rounded = round_to_cent(amount)
    sign = "-" if rounded < 0 else ""
    return f"{sign}S/ {abs(rounded):,.2f}"


def format_number(value: Decimal | int) -> str:
    """Without trailing zeros: ``Decimal("4.40")`` -> ``"4.4"``, 1700 -> ``"1,700"``."""
    number = Decimal(value).normalize()
    if number == number.to_integral_value():
        return f"{number:,.0f}"
    return f"{number:,f}"


def format_percent(rate: Decimal | int) -> str:
    """``Decimal("1.23")`` -> ``"1.23%"``; rates are kept in percent."""
    return f"{format_number(rate)}%"


def _count(value: Decimal | int, one: str, many: str) -> str:
    return f"{format_number(value)} {one if value == 1 else many}"


def format_value(value: Decimal | int, unit: Unit) -> str:
    """The one place that knows how each unit is written."""
    match unit:
        case Unit.SOLES:
            return format_soles(value)
        case Unit.PERCENT:
            return format_percent(value)
        case Unit.UIT:
            return f"{format_number(value)} UIT"
        case Unit.WORKERS:
            return _count(value, "trabajador", "trabajadores")
        case Unit.MONTHS:
            return _count(value, "mes", "meses")
        case Unit.CONTRIBUTIONS:
            return _count(value, "aporte", "aportes")
        case Unit.YEARS:
            return _count(value, "año", "años")
    raise ValueError(unit)
