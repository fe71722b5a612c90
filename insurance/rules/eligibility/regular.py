"""The Seguro Regular for those who must be in it: employees, pensioners, cooperative
members and artisanal fishers (EsSalud, Seguro Regular, secciones 1 y 3), and who pays.
"""

from datetime import date
from decimal import Decimal

from ..contributions import SHARES_UNSAID
from ..coverage import coverage_start
from ..dates import format_day, month_label
from ..parameters import Parameters
from ..registry import CalculatorInput, calculate
from ..text import Text, _
from .match import FIGURES, REGULAR, Checklist, Cost, Coverage, Match, MatchCode, Status
from .profile import REGULAR_RELATIVES, EmployeeKind, PensionKind, Profile, Relative, Situation


def _coverage(on: date, *, pensioner: bool = False) -> Coverage:
    start = coverage_start(plan="regular", first_contribution=on, pensioner=pensioner)
    if pensioner:
        return Coverage(
            summary=_(
                "Los pensionistas no tienen periodo de carencia: la cobertura empieza con la "
                "afiliación."
            ),
            start=start,
        )
    return Coverage(
        summary=_(
            "Con aportes desde %(month)s, la cobertura de salud empieza el %(day)s.",
            month=month_label(start.first_contribution),
            day=format_day(start.starts_on),
        ),
        start=start,
    )


OSPE_DEPENDANTS = _(
    "Tus derechohabientes también se pueden registrar en una OSPE (EsSalud, Seguro Regular, "
    "sección 12)."
)
# Who has no employer: sección 11.
EMPLOYER_REGISTERS = _(
    "Tu empleador, que te registra y declara cada mes en el T-Registro y el PDT PLAME (sección 11)."
)


def _ospe_dependants(profile: Profile) -> tuple[Text, ...]:
    """Who has no employer registers their dependants at an OSPE (sección 12)."""
    return (OSPE_DEPENDANTS,) if profile.relatives_among(REGULAR_RELATIVES) else ()


def _family(profile: Profile) -> dict:
    """The chosen dependants, their checklists, and the notes for someone whose employer
    registers them (``Match`` keywords)."""
    family = profile.relatives_among(REGULAR_RELATIVES)
    notes = ()
    if family:
        notes = (
            _(
                "Tu empleador también registra a tus derechohabientes en el T-Registro; tú le "
                "das los documentos (EsSalud, Seguro Regular, secciones 5 y 12). La fuente no "
                "fija un aporte aparte por cada familiar."
            ),
        )
        if Relative.MINOR_CHILD in family or Relative.PREGNANT_PARTNER in family:
            notes += (
                _(
                    "La cobertura de los hijos se inicia desde la concepción, en la atención a "
                    "la madre gestante (EsSalud, Seguro Regular, sección 2)."
                ),
            )
    return {
        "family": family,
        "checklists": tuple(Checklist("regular", r.value) for r in family),
        "notes": notes,
    }


def _cost(
    regimen: str, on: date, *, rule: Text, monto: Decimal | None, floor: bool
) -> tuple[Cost, CalculatorInput]:
    """The cost of a pay-based regime: computed with the amount if given; else, where the
    regime has a floor, computed on it (what is paid at least); else the rule in words."""
    calc = CalculatorInput(regimen=regimen, on=on, monto=monto)
    if monto is not None:
        return Cost(rule=rule, contribution=calculate(calc)), calc
    if floor:
        minimum = calculate(CalculatorInput(regimen=regimen, on=on, monto=Decimal(0)))
        return Cost(rule=rule, contribution=minimum, minimum=True), calc
    return Cost(rule=rule), calc


def employee(profile: Profile, p: Parameters, on: date) -> Match:
    """A dependent worker, other than agrarian (``agrario.employee``)."""
    kind = profile.employee_kind
    if kind is EmployeeKind.EX_CBSSP_FISHER:
        cost, calc = _cost(
            "ex-cbssp",
            on,
            monto=profile.monthly_amount,
            floor=True,
            rule=_(
                "%(rate)s de tu remuneración mensual; el aporte no puede ser menor al "
                "%(floor)s de la RMV vigente, como dice la fuente. Lo paga tu empleador.",
                rate=p.ex_cbssp_rate.formatted,
                floor=p.ex_cbssp_floor_rate.formatted,
            ),
        )
        return Match(
            plan="regular",
            code=MatchCode.REGULAR_EX_CBSSP,
            status=Status.COMPULSORY,
            reason=_(
                "Como trabajador pesquero afiliado a la ex Caja de Beneficios y Seguridad "
                "Social del Pescador (CBSSP), estás en el Seguro Regular."
            ),
            source=_("%(regular)s, secciones 1 y 3.4; Ley 26790", regular=REGULAR),
            enrolled_by=EMPLOYER_REGISTERS,
            cost=cost,
            coverage=_coverage(on),
            calculator=calc,
            **_family(profile),
        )
    reason = {
        EmployeeKind.HOUSEHOLD: _(
            "Como trabajador(a) del hogar, el Seguro Regular es obligatorio y tu empleador paga "
            "el aporte."
        ),
        EmployeeKind.CONSTRUCTION: _(
            "Como trabajador(a) de construcción civil, el Seguro Regular es obligatorio y tu "
            "empleador paga el aporte."
        ),
        EmployeeKind.PORT: _(
            "Como trabajador(a) portuario(a), el Seguro Regular es obligatorio y tu empleador "
            "paga el aporte."
        ),
    }.get(
        kind,
        _(
            "Como trabajador(a) dependiente de un empleador en el Perú, el Seguro Regular es "
            "obligatorio y tu empleador paga el aporte."
        ),
    )
    enrolled_by = (
        _(
            "El contratista, el subcontratista o el propietario de la obra, que te registra y "
            "declara cada mes (sección 11)."
        )
        if kind is EmployeeKind.CONSTRUCTION
        else _(
            "Tu empleador, que te registra y declara cada mes en el T-Registro y el PDT PLAME; "
            "si no apareces en los sistemas de EsSalud, puedes pedir el registro en una OSPE "
            "con los documentos que prueban tu trabajo (sección 11)."
        )
    )
    return _employee_match(profile, p, on, reason=reason, enrolled_by=enrolled_by)


def _employee_match(
    profile: Profile, p: Parameters, on: date, *, reason: Text, enrolled_by: Text, notes=()
) -> Match:
    cost, calc = _cost(
        "regular",
        on,
        monto=profile.monthly_amount if profile.situation is Situation.EMPLOYEE else None,
        floor=True,
        rule=_(
            "%(rate)s de tu remuneración mensual, que nunca se toma menor que la RMV vigente "
            "(%(rmv)s). Lo paga íntegramente tu empleador: no se descuenta de tu sueldo.",
            rate=p.regular_rate.formatted,
            rmv=p.rmv.cited,
        ),
    )
    family = _family(profile)
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_EMPLOYEE,
        status=Status.COMPULSORY,
        reason=reason,
        source=_("%(regular)s, secciones 1, 3.1 y 11; Ley 26790, art. 6", regular=REGULAR),
        enrolled_by=enrolled_by,
        cost=cost,
        coverage=_coverage(on),
        calculator=calc,
        family=family["family"],
        checklists=family["checklists"],
        notes=family["notes"] + tuple(notes),
    )


def through_employer(profile: Profile, p: Parameters, on: date) -> Match:
    """Someone independent, a student or without work who also has an employer that insures
    them."""
    return _employee_match(
        profile,
        p,
        on,
        reason=_(
            "Como también trabajas para un empleador que te asegura, el Seguro Regular es "
            "obligatorio y tu empleador paga el aporte."
        ),
        enrolled_by=EMPLOYER_REGISTERS,
        notes=(
            _(
                "Si tu trabajo para ese empleador es de alto riesgo (Anexo 5), él debe "
                "afiliarte también al +Protección SCTR (EsSalud, +Protección SCTR, sección "
                "3.2)."
            ),
        ),
    )


def pensioner(profile: Profile, p: Parameters, on: date) -> Match:
    ex_cbssp = profile.pension is PensionKind.EX_CBSSP
    family = _family(profile)
    cost, calc = _cost(
        "pensionista",
        on,
        monto=profile.monthly_amount,
        floor=False,
        rule=_(
            "%(rate)s de tu pensión, sin mínimo; lo pagas tú y se descuenta de tu pensión.",
            rate=p.pensioner_rate.formatted,
        ),
    )
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_PENSIONER,
        status=Status.COMPULSORY,
        reason=_(
            "Como pensionista de la ex Caja de Beneficios y Seguridad Social del Pescador "
            "(CBSSP), estás en el Seguro Regular y aportas sobre tu pensión."
        )
        if ex_cbssp
        else _(
            "Como pensionista de la ONP o de una AFP, estás en el Seguro Regular y aportas "
            "sobre tu pensión."
        ),
        source=_("%(regular)s, secciones 1, 3.5 y 11; Ley 26790", regular=REGULAR),
        enrolled_by=_(
            "La entidad que te otorga la pensión: te registra, te declara y paga tu aporte con "
            "cargo a tu pensión (sección 11)."
        )
        if ex_cbssp
        else _(
            "La ONP o tu AFP: te registra, te declara y paga tu aporte con cargo a tu pensión "
            "(sección 11)."
        ),
        cost=cost,
        coverage=_coverage(on, pensioner=True),
        calculator=calc,
        family=family["family"],
        checklists=family["checklists"],
        notes=(
            _(
                "La cobertura por desempleo (latencia) no se aplica a los pensionistas "
                "(%(figures)s).",
                figures=FIGURES,
            ),
        )
        + _ospe_dependants(profile),
    )


def cooperative(profile: Profile, on: date) -> Match:
    family = _family(profile)
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_COOPERATIVE,
        status=Status.COMPULSORY,
        reason=_(
            "Como socio(a) de una cooperativa de trabajadores o agraria, estás en el Seguro "
            "Regular."
        ),
        source=_("%(regular)s, sección 1", regular=REGULAR),
        enrolled_by=_(
            "La fuente no dice quién registra a los socios de cooperativas: pregúntalo en tu "
            "cooperativa o en una OSPE."
        ),
        cost=Cost(
            rule=_(
                "La fuente no da una regla de aporte propia para los socios de cooperativas: "
                "confirma el aporte en una OSPE."
            )
        ),
        coverage=_coverage(on),
        family=family["family"],
        checklists=family["checklists"],
        notes=_ospe_dependants(profile),
    )


def fisher(profile: Profile, p: Parameters, on: date) -> Match:
    cost, calc = _cost(
        "pescador-artesanal",
        on,
        monto=profile.monthly_amount,
        floor=True,
        rule=_(
            "%(rate)s del valor del producto que vendes, nunca menos del %(floor)s de la RMV "
            "vigente; lo pagan el comercializador, el armador y el pescador o procesador.",
            rate=p.fisher_rate.formatted,
            floor=p.fisher_floor_rate.formatted,
        ),
    )
    family = _family(profile)
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_FISHER,
        status=Status.COMPULSORY,
        reason=_(
            "Los pescadores y procesadores pesqueros artesanales independientes están en el "
            "Seguro Regular por mandato de la ley."
        ),
        source=_("%(regular)s, secciones 1 y 3.3; Ley 26790, art. 6", regular=REGULAR),
        enrolled_by=_(
            "La Organización Social a la que debes estar afiliado(a): ella te declara ante "
            "EsSalud (sección 11)."
        ),
        cost=cost,
        coverage=_coverage(on),
        calculator=calc,
        family=family["family"],
        checklists=family["checklists"],
        notes=(SHARES_UNSAID,) + _ospe_dependants(profile),
    )
