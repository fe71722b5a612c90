"""Seguro Regular cover without a job of one's own: latency after the job ends, cover as
a titular's dependant, and the adult student whom the parents' cover does not reach.
"""

from datetime import date, timedelta

from ..dates import format_day
from ..latency import last_day_covered, latency_months
from .match import FIGURES, REGULAR, Coverage, Match, MatchCode, Status
from .profile import REGULAR_RELATIVES, Profile


def latency(profile: Profile, on: date) -> Match:
    latency = latency_months(contributions_last_3_years=profile.contributions_last_3_years, on=on)
    # The months by contributions, and that they start at the T-Registro report, are
    # figures.md's; section 14 says only "hasta 12 meses".
    source = f"{REGULAR}, sección 14; {latency.parameter.source}, según la {FIGURES}"
    if latency.months == 0:
        lowest = latency.parameter.value[1].low
        return Match(
            plan="regular",
            code=MatchCode.REGULAR_NO_LATENCY,
            status=Status.CLOSED,
            reason=(
                f"Con {latency.contributions} aportes en los 3 años anteriores al cese no hay "
                f"cobertura por desempleo: se necesitan al menos {lowest}."
            ),
            source=source,
            notes=("Sin cobertura por desempleo, puedes afiliarte al Seguro Potestativo.",),
        )
    ended, months = profile.job_ended, latency.months
    last = last_day_covered(job_ended=ended, months=months)
    # The day they end on is the job's last day of the month, not the day after's (from
    # 01/07 they end on 28/02, 8 months on from 30/06): say which.
    counted = (
        f"Contamos los {months} meses desde el día siguiente al fin de tu trabajo "
        f"({format_day(ended + timedelta(days=1))}): terminan {months} meses después del día "
        f"en que terminó tu trabajo, un día {ended.day} (o el último día del mes, si ese mes "
        "no tiene ese día)."
    )
    left_open = (
        "Las fuentes no fijan ese día ni cómo se cuentan los meses: la cobertura empieza "
        f"cuando tu empleador comunica el fin del vínculo laboral en el T-Registro ({FIGURES})"
        ", y si lo comunica más tarde, las fechas pueden ser otras. Confírmalo en una OSPE."
    )
    if last < on:
        return Match(
            plan="regular",
            code=MatchCode.REGULAR_LATENCY_ENDED,
            status=Status.CLOSED,
            reason=(
                f"Con {latency.contributions} aportes de tu empleador en los 3 años anteriores "
                f"al cese tenías {months} meses de cobertura por desempleo (latencia), que "
                f"terminaron el {format_day(last)}."
            ),
            source=source,
            notes=(
                counted,
                left_open,
                "Sin cobertura por desempleo, puedes afiliarte al Seguro Potestativo.",
            ),
        )
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_LATENCY,
        status=Status.ENTITLED,
        reason=(
            f"Con {latency.contributions} aportes de tu empleador en los 3 años anteriores al "
            f"cese, tú y tus derechohabientes tienen {months} meses de cobertura por "
            f"desempleo (latencia): hasta el {format_day(last)}, contados desde el día "
            "siguiente al cese."
        ),
        source=source,
        enrolled_by="Nadie: el derecho empieza cuando tu empleador comunica el fin del vínculo "
        f"laboral en el T-Registro ({FIGURES}).",
        coverage=Coverage(summary=f"{counted} {left_open}"),
        family=profile.relatives_among(REGULAR_RELATIVES),
        notes=(
            "Vale también tras una suspensión perfecta de labores (sección 14). No se aplica a "
            f"los pensionistas ni a los seguros voluntarios ({FIGURES}).",
        ),
    )


def dependant(profile: Profile) -> Match:
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_DEPENDANT,
        status=Status.ENTITLED,
        reason="Como derechohabiente (cónyuge o concubino(a), hijo(a) menor de edad o mayor "
        "incapacitado(a) para el trabajo) estás cubierto(a) por el seguro del titular.",
        source=f"{REGULAR}, secciones 2 y 12",
        enrolled_by="El empleador del titular, en el T-Registro; excepcionalmente, una OSPE "
        "(secciones 5 y 12).",
        coverage=Coverage(
            summary="Tu seguro está activo siempre que el empleador del titular te declare "
            "oportunamente (sección 13)."
        ),
        notes=("Comprueba tu seguro en la consulta «¿Dónde me atiendo?» de EsSalud.",),
    )


def adult_student() -> Match:
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_ADULT_STUDENT,
        status=Status.CLOSED,
        reason="Un hijo o hija mayor de edad que estudia no es derechohabiente: el seguro de "
        "sus padres solo cubre a los hijos menores de edad y a los mayores incapacitados en "
        "forma total y permanente para el trabajo.",
        source=f"{REGULAR}, sección 2",
        notes=(
            "Los proyectos de ley para cubrir a hijos solteros de hasta 28 años que estudian "
            "no son ley: el Congreso aprobó uno en 2023, el Ejecutivo lo observó y en 2025 se "
            f"presentó otro ({FIGURES}).",
        ),
    )
