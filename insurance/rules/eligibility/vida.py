"""+Vida Seguro de Accidentes: accident insurance any EsSalud titular can add, and the way
in for active volunteer firefighters who have no other EsSalud plan.
"""

from datetime import date

from ..registry import CalculatorInput, calculate
from ..text import _, sentences
from .match import FIGURES, VIDA, Cost, Coverage, Match, MatchCode, Status
from .profile import OtherCover, Profile, Situation

# +Vida for volunteer firefighters: "desde los 15 hasta los 70 años" (EsSalud, +Vida, sección 1).
FIREFIGHTER_MIN_AGE = 15
FIREFIGHTER_MAX_AGE = 70
MONTHLY_POLICY = _(
    "La póliza es mensual y se renueva con el pago adelantado de la prima de cada mes (sección "
    "1.2)."
)


def match_for(profile: Profile, matches: list[Match], on: date) -> Match:
    """+Vida, given the person's other matches: open to whoever holds or can take a health
    plan as titular, and to active volunteer firefighters of 15 to 70 (sección 1); closed,
    saying why, to everyone else."""
    titular = any(m.titular for m in matches)
    may_be = any(m.may_be_titular for m in matches)
    firefighter = profile.firefighter
    in_age = profile.age is not None and FIREFIGHTER_MIN_AGE <= profile.age <= FIREFIGHTER_MAX_AGE
    calc = CalculatorInput(regimen="vida", on=on)
    cost = Cost(
        rule=_(
            "Una prima mensual fija por titular, que cubre también al cónyuge o concubino(a) "
            "declarado(a) (%(figures)s; sección 1.1).",
            figures=FIGURES,
        ),
        contribution=calculate(calc),
    )
    ages = {"low": FIREFIGHTER_MIN_AGE, "high": FIREFIGHTER_MAX_AGE}
    section_1 = _("%(vida)s, sección 1", vida=VIDA)
    if titular or may_be:
        reason = (
            _(
                "Como titular de un seguro de EsSalud, puedes añadir el +Vida, sin límite de "
                "edad: indemniza la muerte o la invalidez por accidente."
            )
            if titular
            else _(
                "Si te afilias a un seguro de EsSalud como titular, puedes añadir el +Vida, sin "
                "límite de edad: indemniza la muerte o la invalidez por accidente."
            )
        )
        notes = ()
        if firefighter and not in_age:
            notes = (
                _(
                    "La vía para bomberos voluntarios es de %(low)s a %(high)s años; como "
                    "titular de un seguro de EsSalud no tienes límite de edad.",
                    **ages,
                ),
            )
        elif firefighter:
            notes = (_("También puedes afiliarte como bombero(a) voluntario(a) activo(a)."),)
        if profile.situation is Situation.EMPLOYEE or profile.other_cover is OtherCover.EMPLOYER:
            # Section 1.4 says the employer pays through SUNAT; the deduction from pay with
            # the worker's written consent is figures.md's.
            enrolled_by = _(
                "Tu empleador: descuenta la prima de tu remuneración con tu consentimiento "
                "escrito (%(figures)s) y la paga a través de los mecanismos de la SUNAT (sección "
                "1.4).",
                figures=FIGURES,
            )
        elif profile.situation in (Situation.PENSIONER, Situation.COOPERATIVE):
            enrolled_by = _(
                "La fuente describe la afiliación de trabajadores dependientes (por el "
                "empleador) e independientes (en una OSPE), no la de pensionistas ni la de "
                "socios de cooperativas: pregunta en una OSPE."
            )
        else:
            enrolled_by = _(
                "Tú, en una OSPE, con el Formulario 6012 (%(figures)s); pagas por los medios de "
                "recaudación de EsSalud (sección 1.4).",
                figures=FIGURES,
            )
        return Match(
            plan="vida",
            code=MatchCode.VIDA_HOLDER,
            status=Status.OPTIONAL,
            reason=reason,
            source=_("%(vida)s, secciones 1 y 2", vida=VIDA),
            enrolled_by=enrolled_by,
            cost=cost,
            coverage=Coverage(summary=MONTHLY_POLICY),
            calculator=calc,
            notes=notes,
        )
    if not firefighter:
        # +Vida is offered only to titulars: say so to whoever has no plan to hold.
        return Match(
            plan="vida",
            code=MatchCode.VIDA_NO_PLAN,
            status=Status.CLOSED,
            reason=_(
                "El +Vida se añade a un seguro de EsSalud del que eres titular, o es para los "
                "bomberos voluntarios activos de %(low)s a %(high)s años, y con tus respuestas "
                "no hay un seguro de EsSalud que puedas tomar como titular.",
                **ages,
            ),
            source=section_1,
        )
    if not in_age:
        return Match(
            plan="vida",
            code=MatchCode.VIDA_FIREFIGHTER_AGE,
            status=Status.CLOSED,
            reason=_(
                "Los bomberos voluntarios pueden afiliarse al +Vida desde los %(low)s hasta los "
                "%(high)s años, y tienes %(age)s.",
                age=profile.age,
                **ages,
            ),
            source=section_1,
        )
    return Match(
        plan="vida",
        code=MatchCode.VIDA_FIREFIGHTER,
        status=Status.OPTIONAL,
        reason=_(
            "Como miembro activo del Cuerpo General de Bomberos Voluntarios del Perú de %(low)s "
            "a %(high)s años, puedes afiliarte al +Vida aunque no tengas otro seguro de "
            "EsSalud.",
            **ages,
        ),
        source=section_1,
        enrolled_by=_(
            "La fuente no dice cómo se afilian los bomberos voluntarios: pregunta en una OSPE."
        ),
        cost=cost,
        coverage=Coverage(
            summary=sentences(
                MONTHLY_POLICY, _("Para bomberos, la cobertura es dentro del país (sección 1.1).")
            )
        ),
        calculator=calc,
    )
