"""The calculator's regimes: slug -> label, the inputs it needs, and its rule.

The calculator form, the plan pages (``ContributionRule.rule``) and the tests all go
through this one table, so a regime cannot be offered without its rule.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from .agrarian import agrarian_dependent, agrarian_employer_size, agrarian_independent
from .contributions import (
    PAY,
    PENSION,
    PRODUCT_SOLD,
    artisanal_fisher,
    ex_cbssp_worker,
    pensioner,
    regular_dependent,
)
from .errors import InvalidInput
from .inputs import EmployerSize
from .money import format_soles
from .potestativo import potestativo
from .results import Alternative, Contribution
from .sctr import sctr_dependent, sctr_independent
from .text import Text, _
from .vida import vida_premium


class Input(StrEnum):
    """A calculator field; the value is the query-string key."""

    MONTO = "monto"
    NIVEL_RIESGO = "nivel_riesgo"
    EDADES = "edades"
    TRABAJADORES = "trabajadores"
    VENTAS_NETAS = "ventas_netas"


MISSING = {
    Input.MONTO: _("Indica el monto."),
    Input.NIVEL_RIESGO: _("Elige el nivel de riesgo (I, II, III o IV)."),
    Input.EDADES: _("Indica la edad de al menos una persona."),
    Input.TRABAJADORES: _("Indica el número de trabajadores del año fiscal anterior."),
    Input.VENTAS_NETAS: _("Indica las ventas netas del año fiscal anterior."),
}


@dataclass(frozen=True)
class CalculatorInput:
    """What the calculator form collected; fields a regime does not use stay empty."""

    regimen: str
    on: date
    monto: Decimal | None = None
    nivel_riesgo: str | None = None
    edades: tuple[int, ...] = ()
    trabajadores: int | None = None
    ventas_netas: Decimal | None = None


@dataclass(frozen=True)
class Regimen:
    slug: str
    label: Text
    plan: str  # slug of the plan page under /seguros/
    inputs: tuple[Input, ...]
    compute: Callable[[CalculatorInput], Contribution] = field(repr=False)
    amount_label: Text | None = None  # how this regime names ``monto``


def _agrarian(i: CalculatorInput) -> Contribution:
    """The employer's size, then the rate of that size; where the size is to confirm and the
    other size's rate differs, the other amount is an alternative."""
    employer = agrarian_employer_size(workers=i.trabajadores, net_sales=i.ventas_netas, on=i.on)
    result = agrarian_dependent(monthly_pay=i.monto, employer_size=employer.size, on=i.on)
    alternatives = result.alternatives
    notes = employer.notes + result.notes
    if employer.size_to_confirm:
        other = agrarian_dependent(monthly_pay=i.monto, employer_size=employer.size.other, on=i.on)
        large = employer.size.other is EmployerSize.LARGE
        amount = format_soles(other.payable)
        if other.payable != result.payable:
            text = (
                _("Si el empleador es grande, serían %(amount)s.", amount=amount)
                if large
                else _("Si el empleador es pequeño, serían %(amount)s.", amount=amount)
            )
            alternatives += (Alternative(text, other.payable),)
        else:
            notes += (
                _("Con un empleador grande el aporte sería el mismo.")
                if large
                else _("Con un empleador pequeño el aporte sería el mismo."),
            )
    return replace(
        result,
        steps=employer.steps + result.steps,
        parameters=employer.parameters + result.parameters,
        notes=notes,
        alternatives=alternatives,
    )


_REGIMENES = (
    Regimen("regular", _("Trabajador dependiente"), "regular", (Input.MONTO,),
            lambda i: regular_dependent(monthly_pay=i.monto, on=i.on), PAY),
    Regimen("agrario-dependiente", _("Trabajador agrario dependiente"), "agrario",
            (Input.MONTO, Input.TRABAJADORES, Input.VENTAS_NETAS), _agrarian, PAY),
    Regimen("pescador-artesanal", _("Pescador o procesador pesquero artesanal independiente"),
            "regular", (Input.MONTO,),
            lambda i: artisanal_fisher(sales_value=i.monto, on=i.on), PRODUCT_SOLD),
    Regimen("ex-cbssp", _("Trabajador de la ex CBSSP"), "regular", (Input.MONTO,),
            lambda i: ex_cbssp_worker(monthly_pay=i.monto, on=i.on), PAY),
    Regimen("pensionista", _("Pensionista"), "regular", (Input.MONTO,),
            lambda i: pensioner(pension=i.monto, on=i.on), PENSION),
    Regimen("potestativo", _("Seguro Potestativo (+Salud)"), "potestativo", (Input.EDADES,),
            lambda i: potestativo(ages=i.edades, on=i.on)),
    Regimen("sctr-dependiente", _("SCTR, trabajador dependiente"), "sctr",
            (Input.MONTO, Input.NIVEL_RIESGO),
            lambda i: sctr_dependent(monthly_pay=i.monto, risk_level=i.nivel_riesgo, on=i.on),
            PAY),
    Regimen("sctr-independiente", _("SCTR, trabajador independiente"), "sctr",
            (Input.NIVEL_RIESGO,),
            lambda i: sctr_independent(risk_level=i.nivel_riesgo, on=i.on)),
    Regimen("agrario-independiente", _("Trabajador agrario independiente (inscrito antes)"),
            "agrario", (), lambda i: agrarian_independent(on=i.on)),
    Regimen("vida", _("+Vida Seguro de Accidentes"), "vida", (),
            lambda i: vida_premium(on=i.on)),
)  # fmt: skip

REGIMENES: Mapping[str, Regimen] = MappingProxyType({r.slug: r for r in _REGIMENES})


def calculate(request: CalculatorInput) -> Contribution:
    """Check the regime and its required inputs, then run its rule."""
    regimen = REGIMENES.get(request.regimen)
    if regimen is None:
        raise InvalidInput(
            _("Régimen desconocido: «%(regimen)s».", regimen=request.regimen), field="regimen"
        )
    for needed in regimen.inputs:
        if getattr(request, needed.value) in (None, (), ""):
            raise InvalidInput(MISSING[needed], field=needed.value)
    return regimen.compute(request)
