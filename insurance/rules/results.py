"""What a contribution calculation returns: the amounts and the explanation behind them."""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from .money import Rounding, Unit, decimals_of, format_soles, format_value
from .parameters import Band, Confidence, ParameterValue
from .text import Text, _, join_and


class Payer(StrEnum):
    """Who pays a contribution, as the source names them."""

    EMPLOYER = "empleador"
    BUYER = "comercializador"
    BOAT_OWNER = "armador"
    FISHER = "pescador"
    PENSIONER = "pensionista"
    TITULAR = "titular"
    WORKER = "trabajador"

    @property
    def label(self) -> Text:
        return {
            Payer.EMPLOYER: _("la entidad empleadora"),
            Payer.BUYER: _("el comercializador"),
            Payer.BOAT_OWNER: _("el armador"),
            Payer.FISHER: _("el pescador o procesador pesquero"),
            Payer.PENSIONER: _("el pensionista"),
            Payer.TITULAR: _("el asegurado titular"),
            Payer.WORKER: _("el propio trabajador"),
        }[self]


@dataclass(frozen=True)
class Step:
    """One line of the explanation: what it is, the number, and the norm it comes from."""

    text: Text
    value: Decimal
    unit: Unit
    reference: str | Text  # a legal source as cited, or our own rule (a Text)
    # Decimals of an amount in soles; None: every decimal it has, at least two (an exact
    # product such as 111.1104 is shown as it is, not already rounded).
    places: int | None = None
    # The number is, or is computed from, a value "por confirmar" (checked that day).
    to_confirm: bool = False
    checked: date | None = None

    def marked(self, *values: ParameterValue) -> "Step":
        """This step, "por confirmar" if any of ``values`` is (a value it shows or uses)."""
        unconfirmed = [value for value in values if value.to_confirm]
        if not unconfirmed:
            return self
        checked = max((value.checked for value in unconfirmed if value.checked), default=None)
        return replace(self, to_confirm=True, checked=checked)

    @property
    def formatted(self) -> str | Text:
        if self.unit is Unit.SOLES:
            places = self.places if self.places is not None else max(2, decimals_of(self.value))
            return format_soles(self.value, places)
        return format_value(self.value, self.unit)


@dataclass(frozen=True)
class PersonPremium:
    """The Potestativo premium of one insured person."""

    age: int
    band: Band
    premium: Decimal

    @property
    def age_label(self) -> str | Text:
        """ "1 año", "35 años": the count's own plural form."""
        return format_value(self.age, Unit.YEARS)


@dataclass(frozen=True)
class Alternative:
    """What the result would be under another reading of a figure that is to confirm."""

    text: Text  # a sentence ending with the amount: "Si el 6% sigue vigente, serían S/ 90.00."
    payable: Decimal


@dataclass(frozen=True)
class Contribution:
    """A monthly contribution for the month ``on``.

    ``exact`` is the unrounded result, ``payable`` what is actually paid: ``rounding``
    applied once to ``exact``. ``floor_applied`` is None where the regime has no floor.
    ``parameters`` are every value the explanation shows; ``not_applied`` names those among
    them that did not change the result (an RMV floor below the pay), so a value to confirm
    there does not make the result "por confirmar". ``alternatives``: the result under the
    other reading of a figure to confirm.
    """

    regimen: str
    on: date
    exact: Decimal
    payable: Decimal
    rounding: Rounding
    paid_by: tuple[Payer, ...]
    steps: tuple[Step, ...]
    parameters: tuple[ParameterValue, ...]
    floor_applied: bool | None = None
    withheld_by: Text | None = None
    notes: tuple[Text, ...] = ()
    people: tuple[PersonPremium, ...] = ()
    not_applied: tuple[str, ...] = ()
    alternatives: tuple[Alternative, ...] = ()

    @property
    def exact_formatted(self) -> str:
        """The exact result, with the decimals that make its rounding evident."""
        return format_soles(self.exact, self.rounding.evident_places(self.exact))

    @property
    def to_confirm(self) -> tuple[ParameterValue, ...]:
        """The values that made this result whose value is still "por confirmar"."""
        return tuple(
            p
            for p in self.parameters
            if p.confidence is Confidence.TO_CONFIRM and p.name not in self.not_applied
        )

    @property
    def unconfirmed(self) -> bool:
        """The amount itself is "por confirmar": a value it used is, or another reading
        of one would change it."""
        return bool(self.to_confirm or self.alternatives)

    @property
    def checked(self) -> date | None:
        """When the values to confirm were last checked (the latest, if several)."""
        return max((p.checked for p in self.to_confirm if p.checked), default=None)

    @property
    def paid_by_label(self) -> Text:
        return join_and(payer.label for payer in self.paid_by)
