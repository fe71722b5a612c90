"""Monthly contributions of each EsSalud regime, with the explanation of every step.

Rounding: the source gives a rule only for SCTR (the payment rounded to whole soles, half
up). Our sources (the EsSalud text and figures.md) give none for the other regimes, so the
site shows their amount to the cent, half up (``Rounding.CENT_HALF_UP``), and the
explanation says that this is how the site shows it.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from .inputs import money_input
from .money import Rounding, Unit, format_percent, format_soles, percent_of
from .parameters import ParameterValue, parameters_on
from .results import Contribution, Payer, Step
from .text import Text, _

CENT_RULE = _("Tramitit Salud muestra el monto al céntimo")
# The source's SCTR examples are the only rounding rule we have: 31.67 -> 32.00.
SCTR_ROUNDING = _("EsSalud, +Protección SCTR (ejemplos de aportes)")
ROUNDING_STEPS = {
    Rounding.CENT_HALF_UP: (_("Aporte redondeado al céntimo"), CENT_RULE),
    Rounding.SOL_HALF_UP: (_("Aporte a pagar, redondeado al sol entero"), SCTR_ROUNDING),
}
PAY = _("Remuneración mensual")
RMV_IN_FORCE = _("RMV vigente")
RATE = _("Tasa de aporte")
PENSION = _("Pensión mensual")
PRODUCT_SOLD = _("Valor del producto comercializado")
# The artisanal fisher's contribution is shared by three payers (Ley 26790, art. 6).
SHARES_UNSAID = _("La fuente no dice en qué proporción aporta cada uno.")


def param_step(text: Text, parameter: ParameterValue) -> Step:
    return Step(text, parameter.value, parameter.unit, parameter.source).marked(parameter)


def finish(
    *,
    regimen: str,
    on: date,
    exact: Decimal,
    exact_label: Text,
    reference: str,
    steps: list[Step],
    rounding: Rounding = Rounding.CENT_HALF_UP,
    **rest,
) -> Contribution:
    """The exact amount as the last step, then its one rounding: the payable amount is
    ``rounding`` applied to the exact amount, never to an already rounded one."""
    payable = rounding.apply(exact)
    places = rounding.evident_places(exact)
    amounts = [Step(exact_label, exact, Unit.SOLES, reference, places=places)]
    if payable != exact:
        text, rule = ROUNDING_STEPS[rounding]
        amounts.append(Step(text, payable, Unit.SOLES, rule))
    result = Contribution(
        regimen=regimen,
        on=on,
        exact=exact,
        payable=payable,
        rounding=rounding,
        steps=(*steps, *amounts),
        **rest,
    )
    # The amount is "por confirmar" where a value that made it is.
    return replace(result, steps=(*steps, *(s.marked(*result.to_confirm) for s in amounts)))


def rate_on_pay(
    *,
    regimen: str,
    pay: Decimal,
    rate: ParameterValue,
    rmv: ParameterValue,
    on: date,
    notes: tuple[Text, ...] = (),
) -> Contribution:
    """``rate`` of the pay, the base never below the RMV in force (Ley 26790, art. 6)."""
    floor_applied = pay < rmv.value
    base = rmv.value if floor_applied else pay
    exact = percent_of(base, rate.value)
    return finish(
        regimen=regimen,
        on=on,
        exact=exact,
        paid_by=(Payer.EMPLOYER,),
        floor_applied=floor_applied,
        parameters=(rate, rmv),
        not_applied=() if floor_applied else (rmv.name,),
        notes=notes,
        steps=[
            Step(PAY, pay, Unit.SOLES, rate.source),
            param_step(RMV_IN_FORCE, rmv),
            Step(
                _("Base de cálculo: la remuneración, nunca menor que la RMV (se aplica la RMV)")
                if floor_applied
                else _("Base de cálculo: la remuneración, nunca menor que la RMV"),
                base,
                Unit.SOLES,
                rate.source,
            ).marked(*((rmv,) if floor_applied else ())),
            param_step(RATE, rate),
        ],
        exact_label=_(
            "Aporte: %(rate)s de %(base)s",
            rate=format_percent(rate.value),
            base=format_soles(base),
        ),
        reference=rate.source,
    )


def regular_dependent(*, monthly_pay: Decimal, on: date) -> Contribution:
    """Dependent worker (household, construction, port...): 9% of pay, base >= RMV."""
    p = parameters_on(on)
    pay = money_input(monthly_pay)
    return rate_on_pay(regimen="regular", pay=pay, rate=p.regular_rate, rmv=p.rmv, on=on)


def _rate_with_rmv_floor(
    *,
    regimen: str,
    on: date,
    base: Decimal,
    base_label: Text,
    share_label: Text,
    rate: ParameterValue,
    floor_rate: ParameterValue,
    paid_by: tuple[Payer, ...],
    notes: tuple[Text, ...],
) -> Contribution:
    """A rate on a base, the contribution never below a percentage of the RMV in force.
    ``share_label`` names the rate's share of the base: "9% de la remuneración"."""
    rmv = parameters_on(on).rmv
    by_base = percent_of(base, rate.value)
    minimum = percent_of(rmv.value, floor_rate.value)
    floor_applied = by_base < minimum
    return finish(
        regimen=regimen,
        on=on,
        exact=max(by_base, minimum),
        paid_by=paid_by,
        floor_applied=floor_applied,
        parameters=(rate, floor_rate, rmv),
        not_applied=() if floor_applied else (floor_rate.name, rmv.name),
        notes=notes,
        steps=[
            Step(base_label, base, Unit.SOLES, rate.source),
            param_step(RATE, rate),
            Step(share_label, by_base, Unit.SOLES, rate.source),
            param_step(RMV_IN_FORCE, rmv),
            Step(
                _("Mínimo: %(rate)s de la RMV", rate=format_percent(floor_rate.value)),
                minimum,
                Unit.SOLES,
                floor_rate.source,
            ).marked(floor_rate, rmv),
        ],
        exact_label=_("Aporte: el mayor de los dos (se aplica el mínimo)")
        if floor_applied
        else _("Aporte: el mayor de los dos"),
        reference=rate.source,
    )


def ex_cbssp_worker(*, monthly_pay: Decimal, on: date) -> Contribution:
    """Ex-CBSSP worker: 9% of pay; the contribution is never below 4.4% of the RMV.

    The source says "Esta no puede ser menor al 4.4% de la RMV"; figures.md reads it as a
    floor on the contribution, and the explanation quotes the source's words.
    """
    p = parameters_on(on)
    return _rate_with_rmv_floor(
        regimen="ex-cbssp",
        on=on,
        base=money_input(monthly_pay),
        base_label=PAY,
        share_label=_("%(rate)s de la remuneración", rate=format_percent(p.ex_cbssp_rate.value)),
        rate=p.ex_cbssp_rate,
        floor_rate=p.ex_cbssp_floor_rate,
        paid_by=(Payer.EMPLOYER,),
        notes=(p.ex_cbssp_floor_rate.note,),
    )


def artisanal_fisher(*, sales_value: Decimal, on: date) -> Contribution:
    """Independent artisanal fisher or processor: 9% of the product sold, >= 9% of the RMV."""
    p = parameters_on(on)
    return _rate_with_rmv_floor(
        regimen="pescador-artesanal",
        on=on,
        base=money_input(sales_value),
        base_label=PRODUCT_SOLD,
        share_label=_("%(rate)s del valor", rate=format_percent(p.fisher_rate.value)),
        rate=p.fisher_rate,
        floor_rate=p.fisher_floor_rate,
        paid_by=(Payer.BUYER, Payer.BOAT_OWNER, Payer.FISHER),
        notes=(SHARES_UNSAID,),
    )


def pensioner(*, pension: Decimal, on: date) -> Contribution:
    """Pensioner (including ex-CBSSP pensioners): 4% of the pension, no floor."""
    p = parameters_on(on)
    amount = money_input(pension)
    rate = p.pensioner_rate
    exact = percent_of(amount, rate.value)
    return finish(
        regimen="pensionista",
        on=on,
        exact=exact,
        paid_by=(Payer.PENSIONER,),
        withheld_by=_("la ONP o la AFP"),
        parameters=(rate,),
        steps=[
            Step(PENSION, amount, Unit.SOLES, rate.source),
            param_step(_("Tasa de aporte (sin mínimo)"), rate),
        ],
        exact_label=_("Aporte: %(rate)s de la pensión", rate=format_percent(rate.value)),
        reference=rate.source,
    )
