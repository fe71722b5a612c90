"""The Seguro Potestativo: the voluntary plan for residents not insured through an
employer. Whether it is the person's own way in, what it takes where the source is silent
(a dependant, a PTP), and why it is closed without a DNI or carné de extranjería.
"""

from datetime import date

from ..coverage import coverage_start
from ..dates import format_day
from ..money import Unit, format_soles
from ..parameters import Parameters
from ..registry import CalculatorInput, calculate
from ..text import _, join_commas
from .match import POTESTATIVO, REGULAR, Checklist, Cost, Coverage, Match, MatchCode, Status
from .profile import (
    ADULT_AGE,
    POTESTATIVO_RELATIVES,
    Document,
    IndependentKind,
    OtherCover,
    Profile,
    Relative,
    Situation,
)


def potestativo_candidate(
    *,
    situation: Situation,
    independent_kind: IndependentKind | None = None,
    agrarian_enrolled: bool | None = None,
    other_cover: OtherCover | None = None,
    age: int | None = None,
) -> bool:
    """Whether the Potestativo is this person's own way in, so its questions (document,
    family ages) matter: not insured through an employer or as a relative, adult, and not
    already in a plan of their own (fisher, enrolled farmer)."""
    if not _considered(situation, independent_kind, agrarian_enrolled):
        return False
    if other_cover in (OtherCover.EMPLOYER, OtherCover.DEPENDANT):
        return False
    return age is not None and age >= ADULT_AGE


def _considered(
    situation: Situation, independent_kind: IndependentKind | None, agrarian_enrolled: bool | None
) -> bool:
    """Not on a payroll, a pension or in a cooperative, and not already in a plan of their
    own (an artisanal fisher is in the Regular, an enrolled farmer in the Agrario)."""
    if situation not in (
        Situation.INDEPENDENT,
        Situation.STUDENT,
        Situation.NONE,
        Situation.UNEMPLOYED,
    ):
        return False
    return not (
        situation is Situation.INDEPENDENT
        and (
            independent_kind is IndependentKind.ARTISANAL_FISHER
            or (independent_kind is IndependentKind.FARMER and agrarian_enrolled)
        )
    )


def match_for(profile: Profile, p: Parameters, on: date) -> Match | None:
    """The Potestativo for this person, or ``None`` where it is not their question at all."""
    s = profile.situation
    if not _considered(s, profile.independent_kind, profile.agrarian_enrolled):
        return None
    base = {"plan": "potestativo"}
    if profile.other_cover is OtherCover.EMPLOYER:
        return Match(
            **base,
            code=MatchCode.POTESTATIVO_EMPLOYER,
            status=Status.CLOSED,
            reason=_(
                "El Seguro Potestativo es para quienes no están afiliados a EsSalud a través de "
                "un empleador, y tú ya lo estás."
            ),
            source=_("%(potestativo)s, sección 2", potestativo=POTESTATIVO),
        )
    if profile.age is not None and profile.age < ADULT_AGE:
        return Match(
            **base,
            code=MatchCode.POTESTATIVO_MINOR,
            status=Status.CLOSED,
            reason=_(
                "El titular del Seguro Potestativo debe ser mayor de edad; un menor puede estar "
                "cubierto como hijo(a) en el seguro de su padre o madre."
            ),
            source=_(
                "%(potestativo)s, sección 2.1; %(regular)s, sección 2",
                potestativo=POTESTATIVO,
                regular=REGULAR,
            ),
            notes=(
                _(
                    "Si tu padre o madre tiene EsSalud, su empleador (o él o ella, en el "
                    "Potestativo) puede inscribirte como hijo(a) menor de edad."
                ),
            ),
        )
    if profile.document is Document.OTHER:
        return _without_document()
    family = profile.relatives_among(POTESTATIVO_RELATIVES)
    table = p.potestativo_premiums
    ages = (profile.age, *profile.family_ages) if profile.age is not None else ()
    contribution = (
        calculate(CalculatorInput(regimen="potestativo", on=on, edades=ages)) if ages else None
    )
    bands = join_commas(
        _("%(amount)s de %(range)s", amount=format_soles(b.value), range=b.range_label(Unit.YEARS))
        for b in table.value
    )
    rule = (
        _(
            "Un aporte mensual por cada persona afiliada, según su edad: %(bands)s. El monto es "
            "el tuyo; suma el de cada familiar según su edad.",
            bands=bands,
        )
        if family and not profile.family_ages
        else _(
            "Un aporte mensual por cada persona afiliada, según su edad: %(bands)s.", bands=bands
        )
    )
    start = coverage_start(plan="potestativo", first_contribution=on)
    notes = []
    if Relative.PREGNANT_PARTNER in profile.family:
        notes.append(
            _(
                "La gestante de un hijo extramatrimonial no está entre los familiares que se "
                "pueden afiliar al Potestativo (secciones 2.1 y 4)."
            )
        )
    if s is Situation.UNEMPLOYED:
        notes.append(
            _(
                "Mientras tengas cobertura por desempleo ya estás atendido(a); el Potestativo "
                "es la vía cuando termine."
            )
        )
    if s is Situation.STUDENT:
        notes.append(
            _(
                "La fuente nombra a universitarios y practicantes entre las personas a quienes "
                "se dirige el Potestativo; no dice si una empresa donde haces prácticas debe "
                "asegurarte: pregúntalo en una OSPE."
            )
        )
    if profile.independent_kind is IndependentKind.FARMER:
        notes.append(_("Es la alternativa mientras el Seguro Agrario independiente esté cerrado."))
    common = {
        **base,
        "enrolled_by": _(
            "Tú, en una OSPE; para afiliar también a tus familiares, en una OSPE o en un Centro "
            "MAC. Pagas por adelantado en Interbank o el Banco de la Nación (secciones 3.2 y "
            "4.2)."
        ),
        "cost": Cost(rule=rule, contribution=contribution),
        "coverage": Coverage(
            summary=_(
                "Si pagas tu primer aporte el %(first)s, tus atenciones médicas quedan "
                "cubiertas desde el %(start)s.",
                first=format_day(on),
                start=format_day(start.starts_on),
            ),
            start=start,
        ),
        "family": family,
        "calculator": CalculatorInput(regimen="potestativo", on=on, edades=ages),
        "checklists": (Checklist("potestativo", "titular"),)
        + tuple(Checklist("potestativo", r.value) for r in family),
    }
    section_2 = _("%(potestativo)s, sección 2", potestativo=POTESTATIVO)
    if profile.other_cover is OtherCover.DEPENDANT:
        return Match(
            **common,
            code=MatchCode.POTESTATIVO_DEPENDANT,
            status=Status.ASK,
            reason=_(
                "Ya estás cubierto(a) como derechohabiente, y la fuente no dice si un "
                "derechohabiente puede contratar además el Potestativo: pregúntalo en una OSPE."
            ),
            source=section_2,
            notes=tuple(notes),
        )
    if profile.document is Document.PTP:
        return Match(
            **common,
            code=MatchCode.POTESTATIVO_PTP,
            status=Status.ASK,
            reason=_(
                "El Seguro Potestativo es para toda persona residente en el país, peruana o "
                "extranjera, sin límite de edad, que no esté afiliada a EsSalud a través de un "
                "empleador, pero sus requisitos piden DNI o carné de extranjería vigente y la "
                "fuente no menciona el PTP: pregunta en una OSPE si puedes afiliarte con él."
            ),
            source=_("%(potestativo)s, secciones 2 y 3.1", potestativo=POTESTATIVO),
            notes=tuple(notes),
        )
    reason = {
        Situation.STUDENT: _(
            "El Seguro Potestativo es para toda persona residente en el país, peruana o "
            "extranjera, sin límite de edad, que no esté afiliada a EsSalud a través de un "
            "empleador, en especial a universitarios y practicantes."
        ),
        Situation.INDEPENDENT: _(
            "El Seguro Potestativo es para toda persona residente en el país, peruana o "
            "extranjera, sin límite de edad, que no esté afiliada a EsSalud a través de un "
            "empleador, en especial a trabajadores independientes como tú."
        ),
    }.get(
        s,
        _(
            "El Seguro Potestativo es para toda persona residente en el país, peruana o "
            "extranjera, sin límite de edad, que no esté afiliada a EsSalud a través de un "
            "empleador, como tú."
        ),
    )
    return Match(
        **common,
        code=MatchCode.POTESTATIVO,
        status=Status.OPTIONAL,
        reason=reason,
        source=section_2,
        notes=tuple(notes),
    )


def _without_document() -> Match:
    """A passport or tourist visa: the requirements ask for a DNI or a carné de extranjería,
    for residents. What is left is what the sources support: a carné, an OSPE, and a private
    plan, which lies outside EsSalud and this site."""
    return Match(
        plan="potestativo",
        code=MatchCode.POTESTATIVO_NO_DOCUMENT,
        status=Status.CLOSED,
        reason=_(
            "El Seguro Potestativo es para personas residentes en el país y pide DNI o carné de "
            "extranjería vigente: con pasaporte, visa de turista u otro documento no puedes "
            "afiliarte."
        ),
        source=_("%(potestativo)s, secciones 2 y 3.1", potestativo=POTESTATIVO),
        notes=(
            _(
                "Si resides en el Perú como extranjero(a), con tu carné de extranjería vigente "
                "sí puedes afiliarte (%(potestativo)s, secciones 2 y 3.1).",
                potestativo=POTESTATIVO,
            ),
            _(
                "Si crees que tu caso es otro, pregunta en una Oficina de Seguros y "
                "Prestaciones Económicas (OSPE)."
            ),
            _(
                "Fuera de EsSalud, un seguro de salud privado es otra opción; Tramitit Salud no "
                "los describe."
            ),
        ),
    )
