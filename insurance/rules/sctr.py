"""SCTR Salud (+Protección): rate by risk level (Anexo 5, D.S. 009-97-SA), paid to whole soles."""

from datetime import date
from decimal import Decimal

from .contributions import PAY, finish, param_step
from .inputs import RiskLevel, money_input
from .money import Rounding, Unit, format_percent, format_soles, percent_of
from .parameters import parameters_on
from .results import Contribution, Payer, Step
from .text import Text, _


def _rate_step(level: RiskLevel) -> Text:
    return _("Tasa del nivel de riesgo %(level)s (incluye IGV)", level=level.value)


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
            Step(PAY, pay, Unit.SOLES, rate.source),
            param_step(_rate_step(level), rate),
        ],
        exact_label=_(
            "Aporte: %(rate)s de %(base)s", rate=format_percent(rate.value), base=format_soles(pay)
        ),
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
            param_step(_("UIT vigente"), uit),
            Step(
                _("Base: %(share)s vigente", share=share.formatted), base, Unit.SOLES, share.source
            ),
            param_step(_rate_step(level), rate),
        ],
        exact_label=_(
            "Aporte: %(rate)s de %(base)s", rate=format_percent(rate.value), base=format_soles(base)
        ),
        reference=rate.source,
    )
