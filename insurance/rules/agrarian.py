"""Seguro de Salud Agrario: dependent workers (employer size and the rate of the period,
Ley 31110 art. 9 modified by Ley 31969) and independent workers enrolled before the
suspension of new enrolments."""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from .contributions import RATE, RMV_IN_FORCE, finish, param_step, rate_on_pay
from .dates import month_label, short_day
from .inputs import EmployerSize, count_input, money_input
from .money import Unit, format_percent, format_soles, percent_of
from .parameters import ParameterValue, covered_from, parameters_on
from .results import Alternative, Contribution, Payer, Step
from .text import Text, _


@dataclass(frozen=True)
class EmployerClassification:
    """Why an agrarian employer is large or small.

    ``size_to_confirm``: the sources do not say which year's UIT turns the sales threshold
    into soles, and the prior fiscal year's UIT would give the other size.
    """

    size: EmployerSize
    by_workers: bool
    by_sales: bool
    sales_threshold: Decimal
    size_to_confirm: bool
    steps: tuple[Step, ...]
    parameters: tuple[ParameterValue, ...]
    notes: tuple[Text, ...]


def _uit_of_year(year: int) -> ParameterValue | None:
    """The UIT in force in ``year``, or None for a year before the figures we have."""
    first = date(year, 1, 1)
    return parameters_on(first).uit if first >= covered_from() else None


def agrarian_sales_threshold(*, on: date) -> Decimal:
    """The sales above which an agrarian employer is large, in soles: 1,700 × the UIT in
    force on ``on`` (the sources do not say which year's UIT; see agrarian_employer_size)."""
    p = parameters_on(on)
    return p.agrarian_large_sales_uit.value * p.uit.value


def agrarian_employer_size(*, workers: int, net_sales: Decimal, on: date) -> EmployerClassification:
    """Large = 100 or more workers OR net sales above 1,700 UIT, both in the prior fiscal year.

    The sources do not say which year's UIT turns 1,700 UIT into soles. We use the UIT in
    force on ``on``, the month computed, and compare with the UIT of the prior fiscal year
    (the year the sales are measured): where the two give different sizes, the size is "por
    confirmar". "Near the threshold" is exactly that range, between the two thresholds.
    """
    p = parameters_on(on)
    workers = count_input(workers, field="trabajadores")
    sales = money_input(net_sales, field="ventas_netas")
    min_workers, sales_uit, uit = p.agrarian_large_min_workers, p.agrarian_large_sales_uit, p.uit
    threshold = agrarian_sales_threshold(on=on)
    by_workers = workers >= min_workers.value
    by_sales = sales > threshold
    size = EmployerSize.LARGE if by_workers or by_sales else EmployerSize.SMALL
    fiscal_year = on.year - 1
    other = _uit_of_year(fiscal_year)
    notes = [
        _(
            "Las fuentes no dicen con qué UIT se pasan las %(sales)s a soles: usamos la del mes "
            "del aporte (%(uit)s), que da %(threshold)s.",
            sales=sales_uit.formatted,
            uit=uit.formatted,
            threshold=format_soles(threshold),
        )
    ]
    size_to_confirm = False
    # An employer with enough workers is large whatever the sales threshold.
    if not by_workers and other is None:
        notes.append(
            _(
                "No tenemos la UIT de %(year)s, el año fiscal de las ventas: si las ventas netas "
                "están cerca de ese umbral, confirma el tamaño en una OSPE.",
                year=fiscal_year,
            )
        )
    elif not by_workers and other.value != uit.value:
        other_threshold = sales_uit.value * other.value
        notes.append(
            _(
                "Con la UIT de %(year)s, el año fiscal de las ventas (%(uit)s), serían "
                "%(threshold)s.",
                year=fiscal_year,
                uit=other.formatted,
                threshold=format_soles(other_threshold),
            )
        )
        size_to_confirm = by_sales != (sales > other_threshold)
        if size_to_confirm:
            notes.append(
                _(
                    "Con estas ventas el tamaño del empleador está por confirmar: con la UIT de "
                    "%(year)s sería pequeño.",
                    year=fiscal_year,
                )
                if size is EmployerSize.LARGE
                else _(
                    "Con estas ventas el tamaño del empleador está por confirmar: con la UIT de "
                    "%(year)s sería grande.",
                    year=fiscal_year,
                )
            )
    return EmployerClassification(
        size=size,
        by_workers=by_workers,
        by_sales=by_sales,
        sales_threshold=threshold,
        size_to_confirm=size_to_confirm,
        parameters=(min_workers, sales_uit, uit),
        notes=tuple(notes),
        steps=(
            Step(
                _("Trabajadores en el año fiscal anterior"),
                Decimal(workers),
                Unit.WORKERS,
                min_workers.source,
            ),
            Step(_("Es grande con al menos"), min_workers.value, Unit.WORKERS, min_workers.source),
            Step(_("Ventas netas del año fiscal anterior"), sales, Unit.SOLES, sales_uit.source),
            Step(
                _(
                    "Es grande con ventas netas mayores que %(sales)s (con la UIT del mes del "
                    "aporte)",
                    sales=sales_uit.formatted,
                ),
                threshold,
                Unit.SOLES,
                sales_uit.source,
            ),
        ),
    )


def agrarian_dependent(
    *, monthly_pay: Decimal, employer_size: EmployerSize | str, on: date
) -> Contribution:
    """The rate of the period for the employer's size, on pay never below the RMV.

    Where the rate's period may not have started yet (the end of the previous one is to
    confirm), the result is "por confirmar" and gives the amount under the previous rate.
    """
    p = parameters_on(on)
    pay = money_input(monthly_pay)
    size = EmployerSize.parse(employer_size)
    rate = p.agrarian_rate_large if size is EmployerSize.LARGE else p.agrarian_rate_small
    since = {"rate": rate.formatted, "start": short_day(rate.start)}
    note = (
        _("Empleador grande: tasa %(rate)s desde el %(start)s.", **since)
        if size is EmployerSize.LARGE
        else _("Empleador pequeño: tasa %(rate)s desde el %(start)s.", **since)
    )
    common = {"regimen": "agrario-dependiente", "pay": pay, "rmv": p.rmv, "on": on}
    result = rate_on_pay(**common, rate=rate, notes=(note, rate.note) if rate.note else (note,))
    if rate.alternative is None:
        return result
    previous = rate_on_pay(**common, rate=rate.alternative)
    return replace(
        result,
        alternatives=(
            Alternative(
                _(
                    "Si la tasa de %(rate)s sigue vigente en %(month)s, serían %(amount)s.",
                    rate=rate.alternative.formatted,
                    month=month_label(on),
                    amount=format_soles(previous.payable),
                ),
                previous.payable,
            ),
        ),
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
            _(
                "Las inscripciones nuevas están suspendidas (Leyes 31087 y 31110). Este aporte "
                "rige para quienes se inscribieron antes, según los D.S. 012-2019-TR y "
                "013-2019-TR."
            ),
        ),
        steps=[param_step(RMV_IN_FORCE, rmv), param_step(RATE, rate)],
        exact_label=_("Aporte: %(rate)s de la RMV", rate=format_percent(rate.value)),
        reference=rate.source,
    )
