"""Seguro Regular cover without a job of one's own: latency after the job ends, cover as
a titular's dependant, and the adult student whom the parents' cover does not reach.
"""

from datetime import date, timedelta

from ..dates import format_day
from ..latency import last_day_covered, latency_months
from ..text import _, ngettext, sentences
from .match import FIGURES, REGULAR, Coverage, Match, MatchCode, Status
from .profile import REGULAR_RELATIVES, Profile

POTESTATIVO_AFTER = _("Sin cobertura por desempleo, puedes afiliarte al Seguro Potestativo.")


def latency(profile: Profile, on: date) -> Match:
    latency = latency_months(contributions_last_3_years=profile.contributions_last_3_years, on=on)
    # The months by contributions, and that they start at the T-Registro report, are
    # figures.md's; section 14 says only "hasta 12 meses".
    source = _(
        "%(regular)s, sección 14; %(law)s, según la %(figures)s",
        regular=REGULAR,
        law=latency.parameter.source,
        figures=FIGURES,
    )
    contributions = latency.contributions
    if latency.months == 0:
        lowest = latency.parameter.value[1].low
        return Match(
            plan="regular",
            code=MatchCode.REGULAR_NO_LATENCY,
            status=Status.CLOSED,
            reason=ngettext(
                "Con %(count)s aporte en los 3 años anteriores al cese no hay cobertura por "
                "desempleo: se necesitan al menos %(lowest)s.",
                "Con %(count)s aportes en los 3 años anteriores al cese no hay cobertura por "
                "desempleo: se necesitan al menos %(lowest)s.",
                contributions,
                count=contributions,
                lowest=lowest,
            ),
            source=source,
            notes=(POTESTATIVO_AFTER,),
        )
    ended, months = profile.job_ended, latency.months
    last = last_day_covered(job_ended=ended, months=months)
    # The day they end on is the job's last day of the month, not the day after's (from
    # 01/07 they end on 28/02, 8 months on from 30/06): say which.
    # Latency has at least 2 months (the first band with any), so "meses" needs no plural.
    words = {"months": months, "next_day": format_day(ended + timedelta(days=1))}
    words |= {"day": ended.day, "figures": FIGURES}
    counted = _(
        "Contamos los %(months)s meses desde el día siguiente al fin de tu trabajo "
        "(%(next_day)s): terminan %(months)s meses después del día en que terminó tu trabajo, "
        "un día %(day)s (o el último día del mes, si ese mes no tiene ese día).",
        **words,
    )
    left_open = _(
        "Las fuentes no fijan ese día ni cómo se cuentan los meses: la cobertura empieza "
        "cuando tu empleador comunica el fin del vínculo laboral en el T-Registro "
        "(%(figures)s), y si lo comunica más tarde, las fechas pueden ser otras. Confírmalo en "
        "una OSPE.",
        figures=FIGURES,
    )
    if last < on:
        return Match(
            plan="regular",
            code=MatchCode.REGULAR_LATENCY_ENDED,
            status=Status.CLOSED,
            reason=_(
                "Con %(count)s aportes de tu empleador en los 3 años anteriores al cese tenías "
                "%(months)s meses de cobertura por desempleo (latencia), que terminaron el "
                "%(last)s.",
                count=contributions,
                months=months,
                last=format_day(last),
            ),
            source=source,
            notes=(counted, left_open, POTESTATIVO_AFTER),
        )
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_LATENCY,
        status=Status.ENTITLED,
        reason=_(
            "Con %(count)s aportes de tu empleador en los 3 años anteriores al cese, tú y tus "
            "derechohabientes tienen %(months)s meses de cobertura por desempleo (latencia): "
            "hasta el %(last)s, contados desde el día siguiente al cese.",
            count=contributions,
            months=months,
            last=format_day(last),
        ),
        source=source,
        enrolled_by=_(
            "Nadie: el derecho empieza cuando tu empleador comunica el fin del vínculo laboral "
            "en el T-Registro (%(figures)s).",
            figures=FIGURES,
        ),
        coverage=Coverage(summary=sentences(counted, left_open)),
        family=profile.relatives_among(REGULAR_RELATIVES),
        notes=(
            _(
                "Vale también tras una suspensión perfecta de labores (sección 14). No se "
                "aplica a los pensionistas ni a los seguros voluntarios (%(figures)s).",
                figures=FIGURES,
            ),
        ),
    )


def dependant(profile: Profile) -> Match:
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_DEPENDANT,
        status=Status.ENTITLED,
        reason=_(
            "Como derechohabiente (cónyuge o concubino(a), hijo(a) menor de edad o mayor "
            "incapacitado(a) para el trabajo) estás cubierto(a) por el seguro del titular."
        ),
        source=_("%(regular)s, secciones 2 y 12", regular=REGULAR),
        enrolled_by=_(
            "El empleador del titular, en el T-Registro; excepcionalmente, una OSPE (secciones "
            "5 y 12)."
        ),
        coverage=Coverage(
            summary=_(
                "Tu seguro está activo siempre que el empleador del titular te declare "
                "oportunamente (sección 13)."
            )
        ),
        notes=(_("Comprueba tu seguro en la consulta «¿Dónde me atiendo?» de EsSalud."),),
    )


def adult_student() -> Match:
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_ADULT_STUDENT,
        status=Status.CLOSED,
        reason=_(
            "Un hijo o hija mayor de edad que estudia no es derechohabiente: el seguro de sus "
            "padres solo cubre a los hijos menores de edad y a los mayores incapacitados en "
            "forma total y permanente para el trabajo."
        ),
        source=_("%(regular)s, sección 2", regular=REGULAR),
        notes=(
            _(
                "Los proyectos de ley para cubrir a hijos solteros de hasta 28 años que "
                "estudian no son ley: el Congreso aprobó uno en 2023, el Ejecutivo lo observó "
                "y en 2025 se presentó otro (%(figures)s).",
                figures=FIGURES,
            ),
        ),
    )
