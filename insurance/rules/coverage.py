"""When coverage starts: the waiting period (carencia) of each plan.

Contributions are monthly periods: a month is named by any date in it. Exceptions to a
waiting period are returned, not applied silently, so a page can list them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from .dates import add_months, month_start
from .errors import InvalidInput
from .money import Unit, format_value
from .parameters import ParameterValue, parameters_on
from .text import Text, _, ngettext

ACCIDENT = _("En caso de accidente basta estar afiliado.")


class Plan(StrEnum):
    REGULAR = "regular"
    POTESTATIVO = "potestativo"
    AGRARIO = "agrario"


class Contingency(StrEnum):
    """What happened; some kinds skip the waiting period."""

    ILLNESS = "enfermedad"
    ACCIDENT = "accidente"
    PREGNANCY = "gestacion"


@dataclass(frozen=True)
class WaitingException:
    """A case covered before the waiting period ends."""

    contingency: Contingency
    covered_from: date
    condition: Text
    reference: str


@dataclass(frozen=True)
class CoverageStart:
    """``starts_on``: first day general health benefits are covered, if the ``conditions``
    hold; ``exceptions``: what is covered earlier."""

    plan: Plan
    first_contribution: date
    starts_on: date
    conditions: tuple[Text, ...]
    exceptions: tuple[WaitingException, ...]
    parameters: tuple[ParameterValue, ...]


def coverage_start(
    *, plan: Plan | str, first_contribution: date, pensioner: bool = False
) -> CoverageStart:
    """The waiting period of each plan, counted from the first contribution.

    Regular and Agrario: ``first_contribution`` names the first contributed month; with
    monthly contributions from then on, coverage starts on the first day of the month after
    the third one. Potestativo: it is the date of the first payment, and coverage starts 3
    calendar months later (the source says "esperar 3 meses"). ``pensioner`` only matters
    for Regular, where pensioners have no waiting period.
    """
    try:
        plan = Plan(plan)
    except ValueError:
        raise InvalidInput(_("Plan desconocido: «%(plan)s».", plan=plan), field="plan") from None
    p = parameters_on(first_contribution)
    month = month_start(first_contribution)
    if plan is Plan.REGULAR:
        rule = p.regular_waiting_consecutive
        starts = month if pensioner else add_months(month, int(rule.value))
        conditions = (
            ()
            if pensioner
            else (
                _(
                    "%(consecutive)s consecutivos o %(any)s no consecutivos en los %(window)s "
                    "calendario anteriores a la contingencia.",
                    consecutive=rule.formatted,
                    any=p.regular_waiting_any.formatted,
                    window=p.regular_waiting_window.formatted,
                ),
            )
        )
        return CoverageStart(
            plan=plan,
            first_contribution=month,
            starts_on=starts,
            conditions=conditions,
            parameters=(rule, p.regular_waiting_any, p.regular_waiting_window),
            exceptions=(
                WaitingException(
                    Contingency.PREGNANCY,
                    month,
                    _("La asegurada o derechohabiente gestante: desde la afiliación."),
                    rule.source,
                ),
                WaitingException(Contingency.ACCIDENT, month, ACCIDENT, rule.source),
            ),
        )
    if plan is Plan.POTESTATIVO:
        rule = p.potestativo_waiting_months
        return CoverageStart(
            plan=plan,
            first_contribution=first_contribution,
            starts_on=add_months(first_contribution, int(rule.value)),
            conditions=(
                _("Pagar el aporte mensual por adelantado."),
                # Sección 5.2 of the Potestativo: the wait alone is not enough for maternity.
                _(
                    "Maternidad (embarazo, parto y puerperio): además de superar la espera, la "
                    "asegurada debe haber estado afiliada al momento de la concepción (sección "
                    "5.2)."
                ),
            ),
            parameters=(rule,),
            exceptions=(
                WaitingException(
                    Contingency.ACCIDENT,
                    first_contribution,
                    _(
                        "Emergencia accidental reportada a EsSalud dentro de las 24 horas de "
                        "ocurrida."
                    ),
                    rule.source,
                ),
            ),
        )
    rule = p.agrario_waiting_months
    return CoverageStart(
        plan=plan,
        first_contribution=month,
        starts_on=add_months(month, int(rule.value)),
        conditions=(
            _("%(months)s de aportación y estar al día en los aportes.", months=rule.formatted),
        ),
        parameters=(rule,),
        exceptions=(
            WaitingException(
                Contingency.PREGNANCY,
                month,
                _("La asegurada trabajadora o derechohabiente gestante: desde la afiliación."),
                rule.source,
            ),
            WaitingException(
                Contingency.ACCIDENT,
                month,
                _("Accidentes y emergencias sanitarias, durante la carencia."),
                rule.source,
            ),
        ),
    )


@dataclass(frozen=True)
class RegularCoverage:
    """Whether the Seguro Regular covers a contingency, and why."""

    covered: bool
    reason: Text
    window: tuple[date, ...]
    contributed_in_window: tuple[date, ...]
    longest_run: int
    parameters: tuple[ParameterValue, ...]


def regular_covered(
    *,
    contributed_months: Iterable[date],
    contingency_on: date,
    contingency: Contingency | str = Contingency.ILLNESS,
    pensioner: bool = False,
) -> RegularCoverage:
    """3 consecutive or 4 non-consecutive monthly contributions within the 6 calendar
    months before the contingency's month (Ley 26790 art. 10, as amended by Ley 31469).

    The contingency's own month does not count: the norm says "anteriores". Pregnancy and
    accidents (given affiliation) and pensioners are covered without the count.
    """
    contingency = Contingency(contingency)
    p = parameters_on(contingency_on)
    needed_run, needed_any = (
        int(p.regular_waiting_consecutive.value),
        int(p.regular_waiting_any.value),
    )
    size = int(p.regular_waiting_window.value)
    month = month_start(contingency_on)
    window = tuple(add_months(month, -k) for k in range(size, 0, -1))
    paid = {month_start(m) for m in contributed_months}
    inside = tuple(m for m in window if m in paid)
    run = longest = 0
    for m in window:
        run = run + 1 if m in paid else 0
        longest = max(longest, run)
    params = (p.regular_waiting_consecutive, p.regular_waiting_any, p.regular_waiting_window)
    # "los 6 meses anteriores": the window, in words that agree with its number.
    counts = {"window": p.regular_waiting_window.formatted}
    if pensioner:
        covered, reason = True, _("Los pensionistas no tienen periodo de carencia.")
    elif contingency is Contingency.PREGNANCY:
        covered, reason = True, _("La gestante está cubierta desde la afiliación.")
    elif contingency is Contingency.ACCIDENT:
        covered, reason = True, ACCIDENT
    elif longest >= needed_run:
        covered, reason = (
            True,
            _(
                "Hay %(count)s consecutivos en los %(window)s anteriores.",
                count=_contributions(longest),
                **counts,
            ),
        )
    elif len(inside) >= needed_any:
        covered, reason = (
            True,
            _(
                "Hay %(count)s en los %(window)s anteriores.",
                count=_contributions(len(inside)),
                **counts,
            ),
        )
    elif not inside:
        covered, reason = (
            False,
            _(
                "No hay aportes en los %(window)s anteriores; se necesitan %(run)s consecutivos "
                "o %(any)s no consecutivos.",
                run=needed_run,
                any=needed_any,
                **counts,
            ),
        )
    else:
        covered, reason = (
            False,
            ngettext(
                "Hay %(count)s (como máximo %(longest)s seguido) en los %(window)s anteriores; "
                "se necesitan %(run)s consecutivos o %(any)s no consecutivos.",
                "Hay %(count)s (como máximo %(longest)s seguidos) en los %(window)s anteriores; "
                "se necesitan %(run)s consecutivos o %(any)s no consecutivos.",
                longest,
                count=_contributions(len(inside)),
                longest=longest,
                run=needed_run,
                any=needed_any,
                **counts,
            ),
        )
    return RegularCoverage(covered, reason, window, inside, longest, params)


def _contributions(count: int) -> Text:
    """ "3 aportes", "1 aporte"."""
    return format_value(Decimal(count), Unit.CONTRIBUTIONS)
