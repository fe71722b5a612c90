"""Input kinds the rules accept, and their validation with Spanish messages.

``field`` on each error names the calculator field, so a form can show it in place.
"""

from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum

from .errors import InvalidInput
from .parameters import Parameters, ParameterValue

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
                f"Nivel de riesgo desconocido: «{raw}». Elige I, II, III o IV.",
                field="nivel_riesgo",
            ) from None

    def rate(self, parameters: Parameters) -> ParameterValue:
        return getattr(parameters, f"sctr_rate_{self.value.lower()}")


class EmployerSize(StrEnum):
    """Agrarian employer size on the prior fiscal year (Ley 31110, art. 9)."""

    LARGE = "large"
    SMALL = "small"

    @property
    def label(self) -> str:
        return "grande" if self is EmployerSize.LARGE else "pequeño"

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
                f"Tamaño de empleador desconocido: «{raw}».", field="tamano_empleador"
            ) from None


def money_input(value: Decimal | int, *, field: str = "monto") -> Decimal:
    """A non-negative, finite amount; a float is a programming error (it lost cents)."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"Money must be Decimal or int, not {type(value).__name__}.")
    amount = Decimal(value)
    if not amount.is_finite():
        raise InvalidInput("El monto debe ser un número.", field=field)
    if amount < 0:
        raise InvalidInput("El monto no puede ser negativo.", field=field)
    return amount


def count_input(value: int, *, field: str, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{what} debe ser un número entero.", field=field)
    if value < 0:
        raise InvalidInput(f"{what} no puede ser negativo.", field=field)
    return value


def ages_input(ages: Sequence[int]) -> tuple[int, ...]:
    """Ages of the insured people, each a whole number from 0 to MAX_AGE."""
    if isinstance(ages, str | bytes) or not ages:
        raise InvalidInput("Indica la edad de al menos una persona.", field="edades")
    for age in ages:
        if isinstance(age, bool) or not isinstance(age, int):
            raise InvalidInput(f"«{age}» no es una edad en años.", field="edades")
        if not 0 <= age <= MAX_AGE:
            raise InvalidInput(
                f"La edad {age} no es válida: debe estar entre 0 y {MAX_AGE} años.",
                field="edades",
            )
    return tuple(ages)
