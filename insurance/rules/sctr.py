"""SCTR Salud (+Protección): rate by risk level (Anexo 5, D.S. 009-97-SA), paid to whole soles."""

from datetime import date
from decimal import Decimal

from .contributions import finish, param_step
from .inputs import RiskLevel, money_input
from .money import Rounding, Unit, format_percent, format_soles, percent_of
from .parameters import parameters_on
from .results import Contribution, Payer, Step


def sctr_dependent(*, monthly_pay: Decimal, risk_level: RiskLevel | str, on: date) -> Contribution:
    """SCTR Salud for a dependent worker: pay × rate of the risk level, paid by the employer."""
    p = parameters_on(on)
    pay = money_input(monthly_pay)
    level = RiskLevel.parse(risk_level)
    rate = level.rate(p)
    return finish(
        regimen="sctr-dependiente",
        on=on,
        exact=percent_of(pay, rate.value),
        rounding=Rounding.SOL_HALF_UP,
        paid_by=(Payer.EMPLOYER,),
        parameters=(rate,),
        steps=[
            Step("Remuneración mensual", pay, Unit.SOLES, rate.source),
            param_step(f"Tasa del nivel de riesgo {level.value} (incluye IGV)", rate),
        ],
        exact_label=f"Aporte: {format_percent(rate.value)} de {format_soles(pay)}",
        reference=rate.source,
    )


def sctr_independent(*, risk_level: RiskLevel | str, on: date) -> Contribution:
    """SCTR Salud for an independent worker: ½ UIT in force × rate of the risk level."""
    p = parameters_on(on)
    level = RiskLevel.parse(risk_level)
    rate, share, uit = level.rate(p), p.sctr_independent_base_uit, p.uit
    base = uit.value * share.value
    return finish(
        regimen="sctr-independiente",
        on=on,
        exact=percent_of(base, rate.value),
        rounding=Rounding.SOL_HALF_UP,
        paid_by=(Payer.WORKER,),
        parameters=(rate, share, uit),
        steps=[
            param_step("UIT vigente", uit),
            Step(f"Base: {share.formatted} vigente", base, Unit.SOLES, share.source),
            param_step(f"Tasa del nivel de riesgo {level.value} (incluye IGV)", rate),
        ],
        exact_label=f"Aporte: {format_percent(rate.value)} de {format_soles(base)}",
        reference=rate.source,
    )
