"""+Vida Seguro de Accidentes: accident insurance any EsSalud titular can add, and the way
in for active volunteer firefighters who have no other EsSalud plan.
"""

from datetime import date

from ..registry import CalculatorInput, calculate
from .match import FIGURES, VIDA, Cost, Coverage, Match, MatchCode, Status
from .profile import OtherCover, Profile, Situation

# +Vida for volunteer firefighters: "desde los 15 hasta los 70 años" (EsSalud, +Vida, sección 1).
FIREFIGHTER_MIN_AGE = 15
FIREFIGHTER_MAX_AGE = 70


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
        rule="Una prima mensual fija por titular, que cubre también al cónyuge o concubino(a) "
        f"declarado(a) ({FIGURES}; sección 1.1).",
        contribution=calculate(calc),
    )
    coverage = Coverage(
        summary="La póliza es mensual y se renueva con el pago adelantado de la prima de cada "
        "mes (sección 1.2)."
    )
    if titular or may_be:
        who = (
            "Como titular de un seguro de EsSalud"
            if titular
            else "Si te afilias a un seguro de EsSalud como titular"
        )
        reason = (
            f"{who}, puedes añadir el +Vida, sin límite de edad: indemniza la muerte o la "
            "invalidez por accidente."
        )
        notes = ()
        if firefighter and not in_age:
            notes = (
                f"La vía para bomberos voluntarios es de {FIREFIGHTER_MIN_AGE} a "
                f"{FIREFIGHTER_MAX_AGE} años; como titular de un seguro de EsSalud no tienes "
                "límite de edad.",
            )
        elif firefighter:
            notes = ("También puedes afiliarte como bombero(a) voluntario(a) activo(a).",)
        if profile.situation is Situation.EMPLOYEE or profile.other_cover is OtherCover.EMPLOYER:
            # Section 1.4 says the employer pays through SUNAT; the deduction from pay with
            # the worker's written consent is figures.md's.
            enrolled_by = (
                "Tu empleador: descuenta la prima de tu remuneración con tu consentimiento "
                f"escrito ({FIGURES}) y la paga a través de los mecanismos de la SUNAT "
                "(sección 1.4)."
            )
        elif profile.situation in (Situation.PENSIONER, Situation.COOPERATIVE):
            enrolled_by = (
                "La fuente describe la afiliación de trabajadores dependientes (por el "
                "empleador) e independientes (en una OSPE), no la de pensionistas ni la de "
                "socios de cooperativas: pregunta en una OSPE."
            )
        else:
            enrolled_by = (
                f"Tú, en una OSPE, con el Formulario 6012 ({FIGURES}); pagas por los medios de "
                "recaudación de EsSalud (sección 1.4)."
            )
        return Match(
            plan="vida",
            code=MatchCode.VIDA_HOLDER,
            status=Status.OPTIONAL,
            reason=reason,
            source=f"{VIDA}, secciones 1 y 2",
            enrolled_by=enrolled_by,
            cost=cost,
            coverage=coverage,
            calculator=calc,
            notes=notes,
        )
    if not firefighter:
        # +Vida is offered only to titulars: say so to whoever has no plan to hold.
        return Match(
            plan="vida",
            code=MatchCode.VIDA_NO_PLAN,
            status=Status.CLOSED,
            reason="El +Vida se añade a un seguro de EsSalud del que eres titular, o es para "
            f"los bomberos voluntarios activos de {FIREFIGHTER_MIN_AGE} a {FIREFIGHTER_MAX_AGE} "
            "años, y con tus respuestas no hay un seguro de EsSalud que puedas tomar como "
            "titular.",
            source=f"{VIDA}, sección 1",
        )
    if not in_age:
        return Match(
            plan="vida",
            code=MatchCode.VIDA_FIREFIGHTER_AGE,
            status=Status.CLOSED,
            reason=(
                f"Los bomberos voluntarios pueden afiliarse al +Vida desde los "
                f"{FIREFIGHTER_MIN_AGE} hasta los {FIREFIGHTER_MAX_AGE} años, y tienes "
                f"{profile.age}."
            ),
            source=f"{VIDA}, sección 1",
        )
    return Match(
        plan="vida",
        code=MatchCode.VIDA_FIREFIGHTER,
        status=Status.OPTIONAL,
        reason=(
            "Como miembro activo del Cuerpo General de Bomberos Voluntarios del Perú de "
            f"{FIREFIGHTER_MIN_AGE} a {FIREFIGHTER_MAX_AGE} años, puedes afiliarte al +Vida "
            "aunque no tengas otro seguro de EsSalud."
        ),
        source=f"{VIDA}, sección 1",
        enrolled_by="La fuente no dice cómo se afilian los bomberos voluntarios: pregunta en "
        "una OSPE.",
        cost=cost,
        coverage=Coverage(
            summary=f"{coverage.summary} Para bomberos, la cobertura es dentro del país "
            "(sección 1.1)."
        ),
        calculator=calc,
    )
