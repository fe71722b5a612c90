"""Coverage after a job ends: derecho especial de cobertura por desempleo (latencia)."""

from dataclasses import dataclass
from datetime import date

from .dates import add_months
from .errors import InvalidInput
from .inputs import count_input
from .parameters import ParameterValue, parameters_on
from .text import _


@dataclass(frozen=True)
class Latency:
    """Months of coverage after the job ends (derecho especial de cobertura por desempleo)."""

    contributions: int
    months: int
    parameter: ParameterValue


def latency_months(*, contributions_last_3_years: int, on: date) -> Latency:
    """Months of latency for the employer's contributions in the 3 years before the end of
    the job; ``last_day_covered`` dates them, given the day the job ended.
    """
    count = count_input(contributions_last_3_years, field="aportes")
    table = parameters_on(on).latency_months
    last = table.value[-1].high
    if last is not None and count > last:
        raise InvalidInput(
            _("En 3 años no puede haber más de %(last)s aportes mensuales.", last=last),
            field="aportes",
        )
    return Latency(count, int(table.band_for(count).value), table)


def last_day_covered(*, job_ended: date, months: int) -> date:
    """The last day of ``months`` of latency for a job whose last day was ``job_ended``.

    Counted from the day after ``job_ended``, so the months end on the same day of the
    month, ``months`` later (on that month's last day where it has no such day):
    15/03/2026 and 4 months -> 15/07/2026; 31/10/2025 and 4 months -> 28/02/2026. The
    sources leave this open: figures.md says coverage starts when the employer reports the
    end of the job in the T-Registro, which may be later, and neither says how the months
    are counted. This is the reading that starts it earliest; the pages say so.
    """
    return add_months(job_ended, months)
