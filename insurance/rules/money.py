"""Money and the other numbers the site shows: exact Decimal arithmetic, named rounding,
and the one way each kind of number is written (Peruvian style, as the source writes it).
"""

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from .text import Text, _, ngettext

CENT = Decimal("0.01")
SOL = Decimal("1")
HUNDRED = Decimal("100")


class Rounding(StrEnum):
    """How an exact amount becomes the amount paid: applied once, to the exact amount."""

    # Our sources give no rounding for these amounts: the site shows them to the cent, half up.
    CENT_HALF_UP = "cent-half-up"
    # EsSalud rounds the SCTR payment to whole soles, half up (source, SCTR "Aportes":
    # 12.30 -> 12.00, 31.67 -> 32.00). Rounded from the exact product, never from its
    # two-decimal writing: 12.4968 pays 12, although 12.50 would pay 13.
    SOL_HALF_UP = "sol-half-up"
    # Fixed premiums are paid as published.
    NONE = "none"

    @property
    def label(self) -> Text:
        """Its name in a sentence: "se paga redondeado al sol entero, mitad hacia arriba"."""
        return {
            Rounding.CENT_HALF_UP: _("al céntimo, mitad hacia arriba"),
            Rounding.SOL_HALF_UP: _("al sol entero, mitad hacia arriba"),
            Rounding.NONE: _("sin redondeo"),
        }[self]

    def apply(self, amount: Decimal) -> Decimal:
        match self:
            case Rounding.CENT_HALF_UP:
                return round_to_cent(amount)
            case Rounding.SOL_HALF_UP:
                return round_to_sol(amount)
        return as_money(amount)

    def evident_places(self, exact: Decimal) -> int:
        """Decimals to write ``exact`` with so that what this rounding does is evident.

        Two, as the source writes amounts (12.30 -> 12.00, 31.67 -> 32.00), unless two would
        hide it: to the cent, every decimal (111.1104 -> 111.11); to whole soles, every
        decimal where the two-decimal writing would round the other way (12.4968 -> 12, not
        12.50 -> 13).
        """
        every = max(2, decimals_of(exact))
        if self is Rounding.CENT_HALF_UP:
            return every
        if self is Rounding.SOL_HALF_UP and round_to_sol(round_to_cent(exact)) != round_to_sol(
            exact
        ):
            return every
        return 2


class Unit(StrEnum):
    """What a number counts; decides how it is written."""

    SOLES = "soles"
    PERCENT = "percent"
    UIT = "uit"
    WORKERS = "workers"
    MONTHS = "months"
    CONTRIBUTIONS = "contributions"
    YEARS = "years"


# Units whose values are counts: whole numbers, written with words to translate.
COUNTS = frozenset({Unit.WORKERS, Unit.MONTHS, Unit.CONTRIBUTIONS, Unit.YEARS})


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


def decimals_of(amount: Decimal | int) -> int:
    """Significant decimals: ``Decimal("12.4968")`` -> 4, ``Decimal("12.30")`` -> 1."""
    return max(0, -Decimal(amount).normalize().as_tuple().exponent)


def percent_of(base: Decimal, rate: Decimal) -> Decimal:
    """``rate`` is in percent, as the norms write it (9 means 9%); the result is exact."""
    return base * rate / HUNDRED


def format_soles(amount: Decimal | int, places: int = 2) -> str:
    """``Decimal("1025")`` -> ``"S/ 1,025.00"``: comma thousands, two decimals, half up.

    ``places`` writes more decimals where they matter: ``S/ 12.4968`` before it is rounded.
    """
    rounded = as_money(amount).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    return f"{sign}S/ {abs(rounded):,.{places}f}"


def format_number(value: Decimal | int) -> str:
    """Without trailing zeros: ``Decimal("4.40")`` -> ``"4.4"``, 1700 -> ``"1,700"``."""
    number = Decimal(value).normalize()
    if number == number.to_integral_value():
        return f"{number:,.0f}"
    return f"{number:,f}"


def format_percent(rate: Decimal | int) -> str:
    """``Decimal("1.23")`` -> ``"1.23%"``; rates are kept in percent."""
    return f"{format_number(rate)}%"


def _count(value: Decimal | int) -> int:
    """The number that picks a count's plural form; counts are whole."""
    if Decimal(value) != int(value):
        raise ValueError(f"A count is a whole number, not {value}.")
    return int(value)


def format_value(value: Decimal | int, unit: Unit) -> str | Text:
    """The one place that knows how each unit is written: money, rates and UIT read the
    same in every language; counts are words to translate."""
    match unit:
        case Unit.SOLES:
            return format_soles(value)
        case Unit.PERCENT:
            return format_percent(value)
        case Unit.UIT:
            return f"{format_number(value)} UIT"
    number, count = _count(value), format_number(value)
    match unit:
        case Unit.WORKERS:
            return ngettext("%(count)s trabajador", "%(count)s trabajadores", number, count=count)
        case Unit.MONTHS:
            return ngettext("%(count)s mes", "%(count)s meses", number, count=count)
        case Unit.CONTRIBUTIONS:
            return ngettext("%(count)s aporte", "%(count)s aportes", number, count=count)
        case Unit.YEARS:
            return ngettext("%(count)s año", "%(count)s años", number, count=count)
    raise ValueError(unit)
