"""Coverage after a job ends: derecho especial de cobertura por desempleo (latencia)."""

from dataclasses import dataclass
from datetime import date

from .errors import InvalidInput
from .inputs import count_input
from .parameters import ParameterValue, parameters_on


@dataclass(frozen=True)
class Latency:
    """Months of coverage after the job ends (derecho especial de cobertura por desempleo)."""

    contributions: int
    months: int
    parameter: ParameterValue


def latency_months(*, contributions_last_3_years: int, on: date) -> Latency:
    """Months of latency for the employer's contributions in the 3 years before the end of
    the job. The end date is not computed: coverage starts when the employer reports the
    end in the T-Registro, a date the user may not know, and no source says how the months
    are counted from it.
    """
    count = count_input(contributions_last_3_years, field="aportes", what="El número de aportes")
    table = parameters_on(on).latency_months
    last = table.value[-1].high
    if last is not None and count > last:
        raise InvalidInput(
            f"En 3 años no puede haber más de {last} aportes mensuales.", field="aportes"
        )
    return Latency(count, int(table.band_for(count).value), table)
