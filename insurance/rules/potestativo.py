"""Seguro Potestativo (+Salud): a monthly premium per insured person by age band."""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from .eligibility.profile import ADULT_AGE
from .errors import InvalidInput
from .inputs import ages_input
from .money import Rounding, Unit
from .parameters import parameters_on
from .results import Contribution, Payer, PersonPremium, Step
from .text import Text, _, ngettext


def potestativo(*, ages: Sequence[int], on: date) -> Contribution:
    """Premium of each person by the age band of the month ``on``, and the family total.

    The titular is "persona mayor de edad" (EsSalud, Seguro Potestativo, sección 2.1), so
    a family needs someone of 18 or more. Fixed premiums are paid as published: no rounding.
    """
    ages = ages_input(ages)
    if max(ages) < ADULT_AGE:
        raise InvalidInput(
            _(
                "El titular del Seguro Potestativo es mayor de edad (sección 2.1): incluye la "
                "edad del titular, de %(adult)s años o más.",
                adult=ADULT_AGE,
            ),
            field="edades",
        )
    table = parameters_on(on).potestativo_premiums
    people = tuple(
        PersonPremium(age=age, band=band, premium=band.value)
        for age in ages
        for band in (table.band_for(age),)
    )
    total = sum((person.premium for person in people), Decimal(0))
    steps = [Step(_person(person), person.premium, Unit.SOLES, table.source) for person in people]
    steps.append(
        Step(
            ngettext(
                "Total mensual (%(count)s persona)",
                "Total mensual (%(count)s personas)",
                len(people),
                count=len(people),
            ),
            total,
            Unit.SOLES,
            table.source,
        )
    )
    return Contribution(
        regimen="potestativo",
        on=on,
        exact=total,
        payable=total,
        rounding=Rounding.NONE,
        paid_by=(Payer.TITULAR,),
        steps=tuple(steps),
        parameters=(table,),
        people=people,
        notes=(_("El pago es por adelantado, según cronograma."), table.note),
    )


def _person(person: PersonPremium) -> Text:
    """ "Persona de 35 años (de 30 a 59 años)": the age and the band it falls in."""
    band = person.band
    if band.high is None:
        return ngettext(
            "Persona de %(age)s año (de %(low)s años a más)",
            "Persona de %(age)s años (de %(low)s años a más)",
            person.age,
            age=person.age,
            low=band.low,
        )
    return ngettext(
        "Persona de %(age)s año (de %(low)s a %(high)s años)",
        "Persona de %(age)s años (de %(low)s a %(high)s años)",
        person.age,
        age=person.age,
        low=band.low,
        high=band.high,
    )
