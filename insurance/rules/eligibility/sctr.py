"""+Protección SCTR: work accident cover for high-risk activities (Anexo 5). Compulsory
for the employer of a dependent worker, optional for an independent one.
"""

from datetime import date

from ..inputs import RiskLevel
from ..parameters import Parameters
from ..registry import CalculatorInput, calculate
from .match import ANEXO_5, SCTR, Checklist, Cost, Coverage, Match, MatchCode, Status
from .profile import Document, OtherCover, Profile, Risk, Situation


def match_for(profile: Profile, p: Parameters, on: date) -> Match | None:
    """The SCTR for someone who answered a high-risk activity (or not sure), else ``None``."""
    risk = profile.risk
    if risk is None or risk is Risk.NONE:
        return None
    s = profile.situation
    independent = s is Situation.INDEPENDENT and profile.other_cover is not OtherCover.EMPLOYER
    if risk is Risk.UNKNOWN:
        return Match(
            plan="sctr",
            code=MatchCode.SCTR_CHECK,
            status=Status.ASK,
            reason="Si tu actividad está en la lista de actividades de alto riesgo del Anexo 5, "
            + (
                "puedes afiliarte tú al +Protección SCTR"
                if independent
                else "quien te emplea debe afiliarte al +Protección SCTR"
            )
            + ": revísalo con "
            + ("una OSPE." if independent else "tu empleador o en una OSPE."),
            source=f"{SCTR}, secciones 1 y 3; {ANEXO_5}",
            enrolled_by="Tú, en una OSPE." if independent else "Tu empleador.",
            cost=Cost(rule=_sctr_rates(p, independent=independent)),
        )
    level = risk.level
    rate = level.rate(p)
    sector = f"nivel de riesgo {level.value}, tasa {rate.formatted}"
    if independent:
        calc = CalculatorInput(
            regimen="sctr-independiente", on=on, nivel_riesgo=_level_number(level)
        )
        return Match(
            plan="sctr",
            code=MatchCode.SCTR_INDEPENDENT,
            status=Status.OPTIONAL,
            reason=f"Como independiente que hace trabajos de alto riesgo ({sector}), sin "
            "vínculo laboral con un empleador, puedes afiliarte tú al +Protección SCTR; la "
            "fuente no dice que sea obligatorio para ti.",
            source=f"{SCTR}, secciones 2 y 3.2; {ANEXO_5}",
            enrolled_by="Tú, en una OSPE, con el Formulario 6004 y tu RUC; pagas cada mes en "
            "el Banco de la Nación con el número de contrato que te asigna EsSalud "
            "(secciones 2 y 3.2).",
            cost=Cost(
                rule=f"La mitad de la UIT vigente por la tasa de tu nivel de riesgo "
                f"({rate.formatted}), redondeado al sol entero.",
                contribution=calculate(calc),
            ),
            coverage=_sctr_coverage(),
            calculator=calc,
            checklists=(Checklist("sctr", "titular"),),
            notes=(
                "Si eres extranjero(a), muestra tu carné de extranjería u otro documento de "
                "identidad (sección 2).",
            )
            if profile.document in (Document.CE, Document.PTP, Document.OTHER)
            else (),
        )
    if s is Situation.COOPERATIVE:
        return Match(
            plan="sctr",
            code=MatchCode.SCTR_COOPERATIVE,
            status=Status.ASK,
            reason="La cooperativa de trabajadores que realiza trabajos de alto riesgo está "
            "entre las entidades que afilian a sus trabajadores al +Protección SCTR, pero la "
            "fuente no dice cómo se calcula el aporte de un socio: pregúntalo en tu "
            "cooperativa o en una OSPE.",
            source=f"{SCTR}, sección 3.1; {ANEXO_5}",
            enrolled_by="Tu cooperativa (sección 3.1).",
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
        reason=f"Tu trabajo es de alto riesgo ({sector}): tu empleador debe afiliarte al "
        "+Protección SCTR, además de tu seguro de salud, y pagar el aporte.",
        source=f"{SCTR}, secciones 3 y 5; {ANEXO_5}",
        enrolled_by="Tu empleador, en el T-Registro de la SUNAT, tras registrarse ante EsSalud "
        "(sección 7). Si trabajas para un contratista, subcontratista o intermediario que no "
        "contrató el SCTR, puede afiliarte la empresa que contrató esas obras o servicios "
        "(sección 3.1).",
        cost=Cost(
            rule=f"Tu remuneración mensual por la tasa de tu nivel de riesgo ({rate.formatted},"
            " incluye IGV), redondeado al sol entero; lo paga tu empleador.",
            contribution=calculate(calc) if monto is not None else None,
        ),
        coverage=_sctr_coverage(),
        calculator=calc,
    )


def _level_number(level: RiskLevel) -> str:
    """The calculator's ``nivel_riesgo`` is 1 to 4."""
    return str(tuple(RiskLevel).index(level) + 1)


def _sctr_rates(p: Parameters, *, independent: bool) -> str:
    rates = ", ".join(f"{level.value}: {level.rate(p).formatted}" for level in RiskLevel)
    base = "la mitad de la UIT vigente" if independent else "la remuneración mensual"
    return f"Tasa según el nivel de riesgo ({rates}) sobre {base}, redondeado al sol entero."


def _sctr_coverage() -> Coverage:
    return Coverage(
        summary="La fuente no fija un periodo de carencia para el +Protección SCTR: para "
        "estar cubierto(a) hay que estar al día en los aportes y dar aviso del accidente de "
        "trabajo (secciones 4 y 5)."
    )
