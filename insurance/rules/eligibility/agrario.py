"""The Seguro de Salud Agrario: agrarian employees (compulsory) and independent farmers
(enrolled before the Leyes 31087 y 31110, or closed to new enrolments).
"""

from datetime import date
from decimal import Decimal

from ..coverage import coverage_start
from ..dates import format_day, month_label
from ..money import format_soles
from ..parameters import Parameters
from ..registry import CalculatorInput, calculate
from ..text import Text, _, sentences
from .match import AGRARIO, REGULAR, Checklist, Cost, Coverage, Match, MatchCode, Status
from .profile import Profile

# Agrario: "las personas de 70 años a más que deseen afiliarse" need a medical evaluation
# (EsSalud, Seguro de Salud Agrario, sección 2).
AGRARIO_EVALUATION_AGE = 70

# The source's Agrario text never lists the relatives it covers: it names a "derechohabiente
# gestante" once, and nobody else. Said once, to whoever wants to cover relatives.
# The source quoted in Spanish: its words are what the source says.
FAMILY_NOTE = _(
    "La fuente no dice qué familiares cubre el Seguro Agrario. Solo nombra, una vez, a una "
    "derechohabiente: «La asegurada trabajadora o derechohabiente gestante tendrá cobertura "
    "inmediata desde su afiliación» (%(agrario)s, sección 2). Pregunta en una OSPE a qué "
    "familiares puedes inscribir.",
    agrario=AGRARIO,
)


def _family_notes(profile: Profile) -> tuple[Text, ...]:
    return (FAMILY_NOTE,) if profile.family else ()


def _evaluation_notes(profile: Profile, *, enrolled: bool) -> tuple[Text, ...]:
    """From 70 (AGRARIO_EVALUATION_AGE), so ages are always plural."""
    if profile.age is None or profile.age < AGRARIO_EVALUATION_AGE:
        return ()
    if enrolled:
        return (
            _(
                "Con %(age)s años necesitas una constancia de evaluación médica de EsSalud que "
                "acredite que puedes hacer las actividades de este seguro; se repite cada dos "
                "años y solo la primera tiene costo (EsSalud, Seguro de Salud Agrario, sección "
                "2).",
                age=profile.age,
            ),
        )
    return (
        _(
            "Además, con %(age)s años el Seguro Agrario pide una constancia de evaluación médica "
            "de EsSalud para afiliarse, que se repite cada dos años (solo la primera tiene "
            "costo) (EsSalud, Seguro de Salud Agrario, sección 2).",
            age=profile.age,
        ),
    )


def _coverage(on: date) -> Coverage:
    start = coverage_start(plan="agrario", first_contribution=on)
    return Coverage(
        summary=_(
            "Con aportes desde %(month)s y al día, la cobertura empieza el %(day)s.",
            month=month_label(start.first_contribution),
            day=format_day(start.starts_on),
        ),
        start=start,
    )


def employee(profile: Profile, p: Parameters, on: date) -> Match:
    large, small = p.agrarian_rate_large, p.agrarian_rate_small
    words = {"month": month_label(on), "large": large.cited, "rmv": p.rmv.cited}
    rule = (
        _(
            "Un porcentaje de tu remuneración, nunca menor que la RMV vigente (%(rmv)s), según "
            "el tamaño de tu empleador en el año fiscal anterior: en %(month)s, %(large)s para "
            "todos los empleadores agrarios. Lo paga tu empleador.",
            **words,
        )
        if large.value == small.value
        else _(
            "Un porcentaje de tu remuneración, nunca menor que la RMV vigente (%(rmv)s), según "
            "el tamaño de tu empleador en el año fiscal anterior: en %(month)s, %(large)s si es "
            "grande y %(small)s si es pequeño. Lo paga tu empleador.",
            small=small.cited,
            **words,
        )
    )
    calc = CalculatorInput(regimen="agrario-dependiente", on=on, monto=profile.monthly_amount)
    pay = profile.monthly_amount if profile.monthly_amount is not None else Decimal(0)
    by_size = [
        calculate(
            CalculatorInput(
                regimen="agrario-dependiente",
                on=on,
                monto=pay,
                trabajadores=workers,
                ventas_netas=Decimal(0),
            )
        )
        for workers in (0, int(p.agrarian_large_min_workers.value))
    ]
    if by_size[0].payable == by_size[1].payable:
        cost = Cost(rule=rule, contribution=by_size[0], minimum=profile.monthly_amount is None)
    else:
        amounts = {
            "small": format_soles(by_size[0].payable),
            "large": format_soles(by_size[1].payable),
        }
        for_you = (
            _(
                "Para ti: al menos %(small)s con un empleador pequeño o %(large)s con uno grande.",
                **amounts,
            )
            if profile.monthly_amount is None
            else _(
                "Para ti: %(small)s con un empleador pequeño o %(large)s con uno grande.", **amounts
            )
        )
        cost = Cost(rule=sentences(rule, for_you))
    return Match(
        plan="agrario",
        code=MatchCode.AGRARIAN_EMPLOYEE,
        status=Status.COMPULSORY,
        # Compulsory: the Seguro Regular, "el seguro obligatorio", "Comprende: trabajadores
        # agrarios dependientes"; the Agrario page gives their rate.
        reason=_(
            "Como trabajador(a) agrario(a) dependiente, tu seguro es obligatorio: la fuente "
            "incluye a los trabajadores agrarios dependientes en el seguro obligatorio de "
            "EsSalud, y tu empleador paga el aporte con la tasa del régimen agrario."
        ),
        source=_(
            "%(regular)s, sección 1; %(agrario)s, secciones 1 y 3; Ley 31110, art. 9 "
            "(modificada por Ley 31969)",
            regular=REGULAR,
            agrario=AGRARIO,
        ),
        enrolled_by=_(
            "Tu empleador, que te registra y declara cada mes en el T-Registro y el PDT PLAME "
            "(%(regular)s, sección 11).",
            regular=REGULAR,
        ),
        cost=cost,
        coverage=_coverage(on),
        calculator=calc,
        notes=_evaluation_notes(profile, enrolled=False) + _family_notes(profile),
        # Section 2's conditions (identity document; from 70, a medical evaluation).
        checklists=(Checklist("agrario", "titular"),),
    )


def independent_farmer(profile: Profile, p: Parameters, on: date) -> Match:
    conditions = (
        _(
            "Es para quien cultiva o cría por cuenta propia, sin trabajadores remunerados a su "
            "cargo; no corresponde al titular de una empresa unipersonal (sección 5)."
        ),
    )
    if profile.agrarian_enrolled:
        calc = CalculatorInput(regimen="agrario-independiente", on=on)
        return Match(
            plan="agrario",
            code=MatchCode.AGRARIAN_INDEPENDENT,
            status=Status.ENTITLED,
            reason=_(
                "Te inscribiste antes de las Leyes 31087 y 31110: sigues en el Seguro Agrario "
                "independiente según los D.S. 012-2019-TR y 013-2019-TR, y pagas tú el aporte."
            ),
            source=_("%(agrario)s, sección 1", agrario=AGRARIO),
            enrolled_by=_("Ya estás inscrito(a): mantente al día en tus aportes."),
            cost=Cost(
                rule=_(
                    "%(rate)s de la RMV vigente, a tu cargo.",
                    rate=p.agrarian_independent_rate.formatted,
                ),
                contribution=calculate(calc),
            ),
            coverage=Coverage(
                summary=_(
                    "Estás cubierto(a) si tienes tres meses de aportación y estás al día en tus "
                    "aportes (sección 2)."
                )
            ),
            calculator=calc,
            notes=_evaluation_notes(profile, enrolled=True) + conditions + _family_notes(profile),
        )
    return Match(
        plan="agrario",
        code=MatchCode.AGRARIAN_SUSPENDED,
        status=Status.CLOSED,
        reason=_(
            "Las inscripciones nuevas al Seguro Agrario independiente están suspendidas hasta "
            "que se aprueben las normas y procedimientos: hoy no puedes inscribirte."
        ),
        source=_("%(agrario)s, sección 1; Leyes 31087 y 31110", agrario=AGRARIO),
        notes=_evaluation_notes(profile, enrolled=False)
        + conditions
        + (
            _(
                "Quienes se inscribieron antes siguen aportando el %(rate)s de la RMV. Mientras "
                "tanto, puedes afiliarte al Seguro Potestativo.",
                rate=p.agrarian_independent_rate.formatted,
            ),
        ),
    )
