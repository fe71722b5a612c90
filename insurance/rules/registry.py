"""The calculator's regimes: slug -> Spanish label, the inputs it needs, and its rule.

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
from .contributions import artisanal_fisher, ex_cbssp_worker, pensioner, regular_dependent
from .errors import InvalidInput
from .money import format_soles
from .potestativo import potestativo
from .results import Alternative, Contribution
from .sctr import sctr_dependent, sctr_independent
from .vida import vida_premium


class Input(StrEnum):
    """A calculator field; the value is the query-string key."""

    MONTO = "monto"
    NIVEL_RIESGO = "nivel_riesgo"
    EDADES = "edades"
    TRABAJADORES = "trabajadores"
    VENTAS_NETAS = "ventas_netas"


MISSING = {
    Input.MONTO: "Indica el monto.",
    Input.NIVEL_RIESGO: "Elige el nivel de riesgo (I, II, III o IV).",
    Input.EDADES: "Indica la edad de al menos una persona.",
    Input.TRABAJADORES: "Indica el número de trabajadores del año fiscal anterior.",
    Input.VENTAS_NETAS: "Indica las ventas netas del año fiscal anterior.",
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
    label: str
    plan: str  # slug of the plan page under /seguros/
    inputs: tuple[Input, ...]
    compute: Callable[[CalculatorInput], Contribution] = field(repr=False)
    amount_label: str = ""  # how this regime names ``monto``


def _agrarian(i: CalculatorInput) -> Contribution:
    """The employer's size, then the rate of that size; where the size is to confirm and the
    other size's rate differs, the other amount is an alternative."""
    employer = agrarian_employer_size(workers=i.trabajadores, net_sales=i.ventas_netas, on=i.on)
    result = agrarian_dependent(monthly_pay=i.monto, employer_size=employer.size, on=i.on)
    alternatives = result.alternatives
    notes = employer.notes + result.notes
    if employer.size_to_confirm:
        other = agrarian_dependent(monthly_pay=i.monto, employer_size=employer.size.other, on=i.on)
        label = employer.size.other.label
        if other.payable != result.payable:
            alternatives += (
                Alternative(
                    f"Si el empleador es {label}, serían {format_soles(other.payable)}.",
                    other.payable,
                ),
            )
        else:
            notes += (f"Con un empleador {label} el aporte sería el mismo.",)
    return replace(
        result,
        steps=employer.steps + result.steps,
        parameters=employer.parameters + result.parameters,
        notes=notes,
        alternatives=alternatives,
    )


_PAY = "Remuneración mensual"
_REGIMENES = (
    Regimen("regular", "Trabajador dependiente", "regular", (Input.MONTO,),
            lambda i: regular_dependent(monthly_pay=i.monto, on=i.on), _PAY),
    Regimen("agrario-dependiente", "Trabajador agrario dependiente", "agrario",
            (Input.MONTO, Input.TRABAJADORES, Input.VENTAS_NETAS), _agrarian, _PAY),
    Regimen("pescador-artesanal", "Pescador o procesador pesquero artesanal independiente",
            "regular", (Input.MONTO,),
            lambda i: artisanal_fisher(sales_value=i.monto, on=i.on),
            "Valor del producto comercializado"),
    Regimen("ex-cbssp", "Trabajador de la ex CBSSP", "regular", (Input.MONTO,),
            lambda i: ex_cbssp_worker(monthly_pay=i.monto, on=i.on), _PAY),
    Regimen("pensionista", "Pensionista", "regular", (Input.MONTO,),
            lambda i: pensioner(pension=i.monto, on=i.on), "Pensión mensual"),
    Regimen("potestativo", "Seguro Potestativo (+Salud)", "potestativo", (Input.EDADES,),
            lambda i: potestativo(ages=i.edades, on=i.on)),
    Regimen("sctr-dependiente", "SCTR, trabajador dependiente", "sctr",
            (Input.MONTO, Input.NIVEL_RIESGO),
            lambda i: sctr_dependent(monthly_pay=i.monto, risk_level=i.nivel_riesgo, on=i.on),
            _PAY),
    Regimen("sctr-independiente", "SCTR, trabajador independiente", "sctr",
            (Input.NIVEL_RIESGO,),
            lambda i: sctr_independent(risk_level=i.nivel_riesgo, on=i.on)),
    Regimen("agrario-independiente", "Trabajador agrario independiente (inscrito antes)",
            "agrario", (), lambda i: agrarian_independent(on=i.on)),
    Regimen("vida", "+Vida Seguro de Accidentes", "vida", (),
            lambda i: vida_premium(on=i.on)),
)  # fmt: skip

REGIMENES: Mapping[str, Regimen] = MappingProxyType({r.slug: r for r in _REGIMENES})


def calculate(request: CalculatorInput) -> Contribution:
    """Check the regime and its required inputs, then run its rule."""
    regimen = REGIMENES.get(request.regimen)
    if regimen is None:
        raise InvalidInput(f"Régimen desconocido: «{request.regimen}».", field="regimen")
    for needed in regimen.inputs:
        if getattr(request, needed.value) in (None, (), ""):
            raise InvalidInput(MISSING[needed], field=needed.value)
    return regimen.compute(request)
