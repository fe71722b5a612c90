"""Input kinds the rules accept, and their validation with messages for people.

``field`` on each error names the calculator field, so a form can show it in place.
"""

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum

from .errors import InvalidInput
from .parameters import Parameters, ParameterValue
from .text import _

MAX_AGE = 120  # A sanity bound on input, not a norm: no plan sets an upper age.


class RiskLevel(StrEnum):
    """SCTR risk level (Anexo 5, D.S. 009-97-SA)."""

    I = "I"  # noqa: E741 - the norm's own name for the level
    II = "II"
    III = "III"
    IV = "IV"

    @classmethod
    def parse(cls, raw: "RiskLevel | str") -> "RiskLevel":
        """Accept the enum, ``"II"`` or ``"2"``; anything else is a Spanish error."""
        if isinstance(raw, RiskLevel):
            return raw
        text = str(raw).strip().upper()
        by_number = {"1": "I", "2": "II", "3": "III", "4": "IV"}
        try:
            return cls(by_number.get(text, text))
        except ValueError:
            raise InvalidInput(
                _("Nivel de riesgo desconocido: «%(level)s». Elige I, II, III o IV.", level=raw),
                field="nivel_riesgo",
            ) from None

    def rate(self, parameters: Parameters) -> ParameterValue:
        return getattr(parameters, f"sctr_rate_{self.value.lower()}")


class EmployerSize(StrEnum):
    """Agrarian employer size on the prior fiscal year (Ley 31110, art. 9)."""

    LARGE = "large"
    SMALL = "small"

    @property
    def other(self) -> "EmployerSize":
        return EmployerSize.SMALL if self is EmployerSize.LARGE else EmployerSize.LARGE

    @classmethod
    def parse(cls, raw: "EmployerSize | str") -> "EmployerSize":
        if isinstance(raw, EmployerSize):
            return raw
        try:
            return cls(str(raw).strip().lower())
        except ValueError:
            raise InvalidInput(
                _("Tamaño de empleador desconocido: «%(size)s».", size=raw),
                field="tamano_empleador",
            ) from None


def money_input(value: Decimal | int, *, field: str = "monto") -> Decimal:
    """A non-negative, finite amount; a float is a programming error (it lost cents)."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"Money must be Decimal or int, not {type(value).__name__}.")
    amount = Decimal(value)
    if not amount.is_finite():
        raise InvalidInput(_("El monto debe ser un número."), field=field)
    if amount < 0:
        raise InvalidInput(_("El monto no puede ser negativo."), field=field)
    return amount


# What is wrong with a count, by field: (not a whole number, negative).
COUNT_MESSAGES = {
    "trabajadores": (
        _("El número de trabajadores debe ser un número entero."),
        _("El número de trabajadores no puede ser negativo."),
    ),
    "aportes": (
        _("El número de aportes debe ser un número entero."),
        _("El número de aportes no puede ser negativo."),
    ),
}


def count_input(value: int, *, field: str) -> int:
    not_whole, negative = COUNT_MESSAGES[field]
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(not_whole, field=field)
    if value < 0:
        raise InvalidInput(negative, field=field)
    return value


def ages_input(ages: Sequence[int]) -> tuple[int, ...]:
    """Ages of the insured people, each a whole number from 0 to MAX_AGE."""
    if isinstance(ages, str | bytes) or not ages:
        raise InvalidInput(_("Indica la edad de al menos una persona."), field="edades")
    for age in ages:
        if isinstance(age, bool) or not isinstance(age, int):
            raise InvalidInput(_("«%(age)s» no es una edad en años.", age=age), field="edades")
        if not 0 <= age <= MAX_AGE:
            raise InvalidInput(
                _(
                    "La edad %(age)s no es válida: debe estar entre 0 y %(max)s años.",
                    age=age,
                    max=MAX_AGE,
                ),
                field="edades",
            )
    return tuple(ages)
