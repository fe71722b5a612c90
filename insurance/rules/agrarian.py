"""Seguro de Salud Agrario: dependent workers (employer size and the rate of the period,
Ley 31110 art. 9 modified by Ley 31969) and independent workers enrolled before the
suspension of new enrolments."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .contributions import finish, param_step, rate_on_pay
from .inputs import EmployerSize, count_input, money_input
from .money import Unit, format_percent, percent_of
from .parameters import ParameterValue, parameters_on
from .results import Contribution, Payer, Step


@dataclass(frozen=True)
class EmployerClassification:
    """Why an agrarian employer is large or small."""

    size: EmployerSize
    by_workers: bool
    by_sales: bool
    sales_threshold: Decimal
    steps: tuple[Step, ...]
    parameters: tuple[ParameterValue, ...]


def agrarian_employer_size(*, workers: int, net_sales: Decimal, on: date) -> EmployerClassification:
    """Large = 100 or more workers OR net sales above 1,700 UIT, both in the prior fiscal year.

    The norm measures the prior fiscal year but the source does not say which year's UIT
    turns 1,700 UIT into soles; we use the UIT in force on ``on``, the month computed.
    """
    p = parameters_on(on)
    workers = count_input(workers, field="trabajadores", what="El número de trabajadores")
    sales = money_input(net_sales, field="ventas_netas")
    min_workers, sales_uit, uit = p.agrarian_large_min_workers, p.agrarian_large_sales_uit, p.uit
    threshold = sales_uit.value * uit.value
    by_workers = workers >= min_workers.value
    by_sales = sales > threshold
    size = EmployerSize.LARGE if by_workers or by_sales else EmployerSize.SMALL
    return EmployerClassification(
        size=size,
        by_workers=by_workers,
        by_sales=by_sales,
        sales_threshold=threshold,
        parameters=(min_workers, sales_uit, uit),
        steps=(
            Step(
                "Trabajadores en el año fiscal anterior",
                Decimal(workers),
                Unit.WORKERS,
                min_workers.source,
            ),
            Step("Es grande con al menos", min_workers.value, Unit.WORKERS, min_workers.source),
            Step("Ventas netas del año fiscal anterior", sales, Unit.SOLES, sales_uit.source),
            Step(
                f"Es grande con ventas netas mayores que {sales_uit.formatted} (UIT vigente)",
                threshold,
                Unit.SOLES,
                sales_uit.source,
            ),
        ),
    )


def agrarian_dependent(
    *, monthly_pay: Decimal, employer_size: EmployerSize | str, on: date
) -> Contribution:
    """The rate of the period for the employer's size, on pay never below the RMV."""
    p = parameters_on(on)
    pay = money_input(monthly_pay)
    size = EmployerSize.parse(employer_size)
    rate = p.agrarian_rate_large if size is EmployerSize.LARGE else p.agrarian_rate_small
    note = f"Empleador {size.label}: tasa {rate.formatted} desde el {rate.start:%d/%m/%Y}."
    return rate_on_pay(
        regimen="agrario-dependiente",
        pay=pay,
        rate=rate,
        rmv=p.rmv,
        on=on,
        notes=(note, rate.note) if rate.note else (note,),
    )


def agrarian_independent(*, on: date) -> Contribution:
    """Independent agrarian worker enrolled before Leyes 31087 and 31110: 6% of the RMV."""
    p = parameters_on(on)
    rate, rmv = p.agrarian_independent_rate, p.rmv
    exact = percent_of(rmv.value, rate.value)
    return finish(
        regimen="agrario-independiente",
        on=on,
        exact=exact,
        paid_by=(Payer.WORKER,),
        parameters=(rate, rmv),
        notes=(
            "Las inscripciones nuevas están suspendidas (Leyes 31087 y 31110). Este aporte "
            "rige para quienes se inscribieron antes, según los D.S. 012-2019-TR y "
            "013-2019-TR.",
        ),
        steps=[
            param_step("RMV vigente", rmv),
            param_step("Tasa de aporte", rate),
        ],
        exact_label=f"Aporte: {format_percent(rate.value)} de la RMV",
        reference=rate.source,
    )
