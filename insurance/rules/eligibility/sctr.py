"""+Protección SCTR: work accident cover for high-risk activities (Anexo 5). Compulsory
for the employer of a dependent worker, optional for an independent one.
"""

from datetime import date

from ..inputs import RiskLevel
from ..parameters import Parameters
from ..registry import CalculatorInput, calculate
from ..text import Text, _
from .match import ANEXO_5, SCTR, Checklist, Cost, Coverage, Match, MatchCode, Status
from .profile import Document, EmployeeKind, IndependentKind, OtherCover, Profile, Risk, Situation

# Work whose sector the source's list of risk levels names (EsSalud, +Protección SCTR,
# sección 5: "Nivel de riesgo III [...] Agricultura, ganadería, silvicultura y pesca,
# construcción"), with the words the reason uses. Not the artisanal fisher's answer: it also
# covers fish processors, whose sector the list does not name.
FARMING = _("la agricultura y la ganadería")
SECTOR_RISK: dict[EmployeeKind | IndependentKind, tuple[Risk, Text]] = {
    EmployeeKind.CONSTRUCTION: (Risk.LEVEL_III, _("la construcción")),
    EmployeeKind.AGRARIAN: (Risk.LEVEL_III, FARMING),
    EmployeeKind.EX_CBSSP_FISHER: (Risk.LEVEL_III, _("la pesca")),
    IndependentKind.FARMER: (Risk.LEVEL_III, FARMING),
}


def _sector(
    situation: Situation,
    employee_kind: EmployeeKind | None,
    independent_kind: IndependentKind | None,
    other_cover: OtherCover | None,
) -> tuple[Risk, Text] | None:
    """The level and the sector's words for work whose sector section 5 names, else
    ``None``. An independent who also has an employer answers for the employer's job, whose
    sector is not the one answered."""
    if situation is Situation.EMPLOYEE:
        return SECTOR_RISK.get(employee_kind)
    if situation is Situation.INDEPENDENT and other_cover is not OtherCover.EMPLOYER:
        return SECTOR_RISK.get(independent_kind)
    return None


def implied_risk(
    *,
    situation: Situation,
    employee_kind: EmployeeKind | None = None,
    independent_kind: IndependentKind | None = None,
    other_cover: OtherCover | None = None,
) -> Risk | None:
    """The risk level the person's work already tells (sección 5), or ``None``: then it is
    asked."""
    sector = _sector(situation, employee_kind, independent_kind, other_cover)
    return sector[0] if sector else None


def match_for(profile: Profile, p: Parameters, on: date) -> Match | None:
    """The SCTR for someone whose work is of high risk (or not sure), else ``None``. Where
    the work's sector tells the level, it wins over the answer."""
    s = profile.situation
    independent = s is Situation.INDEPENDENT and profile.other_cover is not OtherCover.EMPLOYER
    sector = _sector(s, profile.employee_kind, profile.independent_kind, profile.other_cover)
    risk = sector[0] if sector else profile.risk
    if risk is None or risk is Risk.NONE:
        return None
    if risk is Risk.UNKNOWN:
        return Match(
            plan="sctr",
            code=MatchCode.SCTR_CHECK,
            status=Status.ASK,
            reason=_(
                "Si tu actividad está en la lista de actividades de alto riesgo del Anexo 5, "
                "puedes afiliarte tú al +Protección SCTR: revísalo con una OSPE."
            )
            if independent
            else _(
                "Si tu actividad está en la lista de actividades de alto riesgo del Anexo 5, "
                "quien te emplea debe afiliarte al +Protección SCTR: revísalo con tu empleador "
                "o en una OSPE."
            ),
            source=_("%(sctr)s, secciones 1 y 3; %(anexo_5)s", sctr=SCTR, anexo_5=ANEXO_5),
            enrolled_by=_("Tú, en una OSPE.") if independent else _("Tu empleador."),
            cost=Cost(rule=_sctr_rates(p, independent=independent)),
        )
    level = risk.level
    rate = level.rate(p)
    level_words = (
        _(
            "la fuente pone %(sector)s en el nivel de riesgo %(level)s, tasa %(rate)s",
            sector=sector[1],
            level=level.value,
            rate=rate.formatted,
        )
        if sector
        else _("nivel de riesgo %(level)s, tasa %(rate)s", level=level.value, rate=rate.formatted)
    )
    if independent:
        calc = CalculatorInput(
            regimen="sctr-independiente", on=on, nivel_riesgo=_level_number(level)
        )
        return Match(
            plan="sctr",
            code=MatchCode.SCTR_INDEPENDENT,
            status=Status.OPTIONAL,
            reason=_(
                "Como independiente que hace trabajos de alto riesgo (%(level)s), sin vínculo "
                "laboral con un empleador, puedes afiliarte tú al +Protección SCTR; la fuente "
                "no dice que sea obligatorio para ti.",
                level=level_words,
            ),
            source=_("%(sctr)s, secciones 2, 3.2 y 5; %(anexo_5)s", sctr=SCTR, anexo_5=ANEXO_5),
            enrolled_by=_(
                "Tú, en una OSPE, con el Formulario 6004 y tu RUC; pagas cada mes en el Banco de "
                "la Nación con el número de contrato que te asigna EsSalud (secciones 2 y 3.2)."
            ),
            cost=Cost(
                rule=_(
                    "La mitad de la UIT vigente por la tasa de tu nivel de riesgo (%(rate)s), "
                    "redondeado al sol entero.",
                    rate=rate.formatted,
                ),
                contribution=calculate(calc),
            ),
            coverage=_sctr_coverage(),
            calculator=calc,
            checklists=(Checklist("sctr", "titular"),),
            notes=(
                _(
                    "Si eres extranjero(a), muestra tu carné de extranjería u otro documento de "
                    "identidad (sección 2)."
                ),
            )
            if profile.document in (Document.CE, Document.PTP, Document.OTHER)
            else (),
        )
    if s is Situation.COOPERATIVE:
        return Match(
            plan="sctr",
            code=MatchCode.SCTR_COOPERATIVE,
            status=Status.ASK,
            reason=_(
                "La cooperativa de trabajadores que realiza trabajos de alto riesgo está entre "
                "las entidades que afilian a sus trabajadores al +Protección SCTR, pero la "
                "fuente no dice cómo se calcula el aporte de un socio: pregúntalo en tu "
                "cooperativa o en una OSPE."
            ),
            source=_("%(sctr)s, sección 3.1; %(anexo_5)s", sctr=SCTR, anexo_5=ANEXO_5),
            enrolled_by=_("Tu cooperativa (sección 3.1)."),
            cost=Cost(rule=_sctr_rates(p, independent=False)),
            coverage=_sctr_coverage(),
        )
    monto = profile.monthly_amount if s is Situation.EMPLOYEE else None
    calc = CalculatorInput(
        regimen="sctr-dependiente", on=on, monto=monto, nivel_riesgo=_level_number(level)
    )
    return Match(
        plan="sctr",
        code=MatchCode.SCTR_EMPLOYEE,
        status=Status.COMPULSORY,
        reason=_(
            "Tu trabajo es de alto riesgo (%(level)s): tu empleador debe afiliarte al "
            "+Protección SCTR, además de tu seguro de salud, y pagar el aporte.",
            level=level_words,
        ),
        source=_("%(sctr)s, secciones 3 y 5; %(anexo_5)s", sctr=SCTR, anexo_5=ANEXO_5),
        enrolled_by=_(
            "Tu empleador, en el T-Registro de la SUNAT, tras registrarse ante EsSalud (sección "
            "7). Si trabajas para un contratista, subcontratista o intermediario que no contrató "
            "el SCTR, puede afiliarte la empresa que contrató esas obras o servicios (sección "
            "3.1)."
        ),
        cost=Cost(
            rule=_(
                "Tu remuneración mensual por la tasa de tu nivel de riesgo (%(rate)s, incluye "
                "IGV), redondeado al sol entero; lo paga tu empleador.",
                rate=rate.formatted,
            ),
            contribution=calculate(calc) if monto is not None else None,
        ),
        coverage=_sctr_coverage(),
        calculator=calc,
    )


def _level_number(level: RiskLevel) -> str:
    """The calculator's ``nivel_riesgo`` is 1 to 4."""
    return str(tuple(RiskLevel).index(level) + 1)


def _sctr_rates(p: Parameters, *, independent: bool) -> Text:
    rates = ", ".join(f"{level.value}: {level.rate(p).formatted}" for level in RiskLevel)
    if independent:
        return _(
            "Tasa según el nivel de riesgo (%(rates)s) sobre la mitad de la UIT vigente, "
            "redondeado al sol entero.",
            rates=rates,
        )
    return _(
        "Tasa según el nivel de riesgo (%(rates)s) sobre la remuneración mensual, redondeado al "
        "sol entero.",
        rates=rates,
    )


def _sctr_coverage() -> Coverage:
    return Coverage(
        summary=_(
            "La fuente no fija un periodo de carencia para el +Protección SCTR: para estar "
            "cubierto(a) hay que estar al día en los aportes y dar aviso del accidente de "
            "trabajo (secciones 4 y 5)."
        )
    )
