"""Which EsSalud plans apply to a person: compulsory, optional, closed, or to ask at an OSPE.

A ``Profile`` holds a person's answers; ``eligible_plans`` turns it into ``Match``es, each
with the one-sentence reason and its source, who enrols the person, the monthly cost
(computed by this rules package where the answers allow, else the rule in words), when
coverage starts, and what to open next (calculator inputs, checklists).

Every reason comes from the source text (``shared/seeds/003``, cited as "EsSalud, <plan>,
sección N") or ``figures.md``. Where the source is silent, the match says what the source
does say and sends the person to an OSPE (status ``ASK``): no rule is made up here.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from .coverage import CoverageStart, coverage_start
from .dates import month_label
from .errors import InvalidInput
from .inputs import MAX_AGE, RiskLevel
from .latency import latency_months
from .money import format_soles
from .parameters import Parameters, parameters_on
from .registry import CalculatorInput, calculate
from .results import Contribution

# The source, as cited in every reason. Section numbers are those of the source text.
REGULAR = "EsSalud, Seguro Regular"
POTESTATIVO = "EsSalud, Seguro Potestativo"
SCTR = "EsSalud, +Protección SCTR"
AGRARIO = "EsSalud, Seguro de Salud Agrario"
VIDA = "EsSalud, +Vida Seguro de Accidentes"
ANEXO_5 = "Anexo 5 del Reglamento de la Ley 26790, D.S. 009-97-SA"

# +Vida for volunteer firefighters: "desde los 15 hasta los 70 años" (EsSalud, +Vida, sección 1).
FIREFIGHTER_MIN_AGE = 15
FIREFIGHTER_MAX_AGE = 70
# Agrario: "las personas de 70 años a más que deseen afiliarse" need a medical evaluation
# (EsSalud, Seguro de Salud Agrario, sección 2).
AGRARIO_EVALUATION_AGE = 70
# The Potestativo titular is "persona mayor de edad" (EsSalud, Seguro Potestativo, sección 2.1).
ADULT_AGE = 18
MAX_FAMILY = 20  # A sanity bound on input, not a norm.
OSPE = "Oficina de Seguros y Prestaciones Económicas (OSPE)"


class Situation(StrEnum):
    """The person's main situation; the value is the wizard's answer."""

    EMPLOYEE = "dependiente"
    INDEPENDENT = "independiente"
    PENSIONER = "pensionista"
    COOPERATIVE = "cooperativa"
    STUDENT = "estudiante"
    UNEMPLOYED = "desempleado"
    NONE = "ninguna"


class EmployeeKind(StrEnum):
    """Kinds of dependent worker the source names (Seguro Regular, secciones 1 y 3)."""

    HOUSEHOLD = "hogar"
    CONSTRUCTION = "construccion"
    PORT = "portuario"
    AGRARIAN = "agrario"
    EX_CBSSP_FISHER = "pesquero"
    OTHER = "otro"


class IndependentKind(StrEnum):
    PROFESSIONAL = "profesional"  # professionals, technicians, artisans, traders, artists...
    ARTISANAL_FISHER = "pescador"  # artisanal fisher or fish processor
    FARMER = "agricultor"  # crops or livestock on own or third-party land
    OTHER = "otro"


class PensionKind(StrEnum):
    ONP_AFP = "onp-afp"
    EX_CBSSP = "ex-cbssp"


class OtherCover(StrEnum):
    """Whether the person already has EsSalud some other way."""

    EMPLOYER = "empleador"  # also works for an employer who insures them
    DEPENDANT = "familiar"  # covered as a relative (derechohabiente) of an insured titular
    NONE = "no"


class Risk(StrEnum):
    """High-risk activity (Anexo 5) and its SCTR risk level, as the person answered."""

    NONE = "no"
    LEVEL_I = "nivel-1"
    LEVEL_II = "nivel-2"
    LEVEL_III = "nivel-3"
    LEVEL_IV = "nivel-4"
    UNKNOWN = "no-se"

    @property
    def level(self) -> RiskLevel | None:
        return {
            "nivel-1": RiskLevel.I,
            "nivel-2": RiskLevel.II,
            "nivel-3": RiskLevel.III,
            "nivel-4": RiskLevel.IV,
        }.get(self.value)


class Document(StrEnum):
    """Identity document in Peru (the source names DNI, carné de extranjería and PTP)."""

    DNI = "dni"
    CE = "ce"
    PTP = "ptp"
    OTHER = "otro"  # a foreigner without CE or PTP: passport, tourist...


class Relative(StrEnum):
    """A family member to cover; the values are the checklist's ``familiar`` slugs."""

    SPOUSE = "conyuge"
    PARTNER = "concubino"
    MINOR_CHILD = "hijo-menor"
    INCAPACITATED_CHILD = "hijo-mayor-incapacitado"
    PREGNANT_PARTNER = "gestante"


# Derechohabientes of the Seguro Regular (sección 2; gestante: sección 10).
REGULAR_RELATIVES = tuple(Relative)
# The Potestativo covers the titular, spouse or partner and children (secciones 2.1 y 4).
POTESTATIVO_RELATIVES = (
    Relative.SPOUSE,
    Relative.PARTNER,
    Relative.MINOR_CHILD,
    Relative.INCAPACITATED_CHILD,
)


class Status(StrEnum):
    COMPULSORY = "obligatorio"
    ENTITLED = "te-corresponde"  # a right the person already has (latency, dependant)
    OPTIONAL = "opcional"
    ASK = "consultar"  # the source is silent: ask at an OSPE
    CLOSED = "cerrado"


STATUS_ORDER = tuple(Status)
PLAN_ORDER = ("regular", "agrario", "potestativo", "sctr", "vida")
# The plans whose titulares can add +Vida: "regular, agrario, potestativo, independientes,
# pescador – procesador artesanal independiente" (EsSalud, +Vida, sección 1).
HEALTH_PLANS = ("regular", "agrario", "potestativo")


class MatchCode(StrEnum):
    """Which rule produced a match; every code has a persona in the tests."""

    REGULAR_EMPLOYEE = "regular-dependiente"
    REGULAR_EX_CBSSP = "regular-ex-cbssp"
    REGULAR_FISHER = "regular-pescador-artesanal"
    REGULAR_PENSIONER = "regular-pensionista"
    REGULAR_COOPERATIVE = "regular-cooperativa"
    REGULAR_DEPENDANT = "regular-derechohabiente"
    REGULAR_LATENCY = "regular-latencia"
    REGULAR_NO_LATENCY = "regular-sin-latencia"
    REGULAR_ADULT_STUDENT = "regular-hijo-mayor-estudiante"
    AGRARIAN_EMPLOYEE = "agrario-dependiente"
    AGRARIAN_INDEPENDENT = "agrario-independiente"
    AGRARIAN_SUSPENDED = "agrario-independiente-suspendido"
    POTESTATIVO = "potestativo"
    POTESTATIVO_PTP = "potestativo-ptp"
    POTESTATIVO_NO_DOCUMENT = "potestativo-sin-documento"
    POTESTATIVO_DEPENDANT = "potestativo-derechohabiente"
    POTESTATIVO_EMPLOYER = "potestativo-con-empleador"
    POTESTATIVO_MINOR = "potestativo-menor-de-edad"
    SCTR_EMPLOYEE = "sctr-dependiente"
    SCTR_INDEPENDENT = "sctr-independiente"
    SCTR_COOPERATIVE = "sctr-cooperativa"
    SCTR_CHECK = "sctr-verificar"
    VIDA_HOLDER = "vida-titular"
    VIDA_FIREFIGHTER = "vida-bombero"
    VIDA_FIREFIGHTER_AGE = "vida-bombero-edad"


@dataclass(frozen=True, kw_only=True)
class Profile:
    """A person's answers. Fields a situation does not use stay ``None``/empty.

    ``monthly_amount`` is the monthly pay (employees), the pension (pensioners) or the
    value of the product sold (artisanal fishers); ``None`` when not given.
    ``contributions_last_3_years`` is the employer's monthly contributions in the 3 years
    before the job ended (unemployed, for latency).
    """

    situation: Situation
    employee_kind: EmployeeKind | None = None
    independent_kind: IndependentKind | None = None
    agrarian_enrolled: bool | None = None
    pension: PensionKind | None = None
    contributions_last_3_years: int | None = None
    other_cover: OtherCover | None = None
    risk: Risk | None = None
    firefighter: bool = False
    age: int | None = None
    document: Document | None = None
    family: frozenset[Relative] = field(default_factory=frozenset)
    family_ages: tuple[int, ...] = ()
    monthly_amount: Decimal | None = None

    def __post_init__(self):
        needs = {
            Situation.EMPLOYEE: ("employee_kind", "dependiente"),
            Situation.INDEPENDENT: ("independent_kind", "independiente"),
            Situation.PENSIONER: ("pension", "pension"),
            Situation.UNEMPLOYED: ("contributions_last_3_years", "aportes"),
        }
        if self.situation in needs:
            name, answer = needs[self.situation]
            if getattr(self, name) is None:
                raise InvalidInput(f"Falta la respuesta «{answer}».", field=answer)
        if (
            self.independent_kind is IndependentKind.FARMER
            and self.situation is Situation.INDEPENDENT
            and self.agrarian_enrolled is None
        ):
            raise InvalidInput("Falta la respuesta «agrario».", field="agrario")
        if self.other_cover is not None and self.situation not in (
            Situation.INDEPENDENT,
            Situation.STUDENT,
            Situation.NONE,
        ):
            raise InvalidInput(
                "«asegurado» solo se pregunta a independientes, estudiantes y a quien no trabaja.",
                field="asegurado",
            )
        if self.firefighter and self.age is None:
            raise InvalidInput("Falta la edad.", field="edad")
        for age in (self.age, *self.family_ages):
            if age is not None and (isinstance(age, bool) or not 0 <= age <= MAX_AGE):
                raise InvalidInput(f"La edad {age} no es válida.", field="edad")
        if len(self.family_ages) > MAX_FAMILY:
            raise InvalidInput("Demasiadas edades.", field="edades")
        if self.monthly_amount is not None and self.monthly_amount < 0:
            raise InvalidInput("El monto no puede ser negativo.", field="monto")


@dataclass(frozen=True, kw_only=True)
class Cost:
    """What the plan costs each month: the rule in words, and the amount where computable.

    ``minimum``: the amount was computed on the legal floor because the person gave no
    amount, so it is what is paid at least.
    """

    rule: str
    contribution: Contribution | None = None
    minimum: bool = False


@dataclass(frozen=True, kw_only=True)
class Coverage:
    """When coverage starts: a sentence, and the computed start where there is one."""

    summary: str
    start: CoverageStart | None = None


@dataclass(frozen=True)
class Checklist:
    """The checklist of papers to open: ``/seguros/<plan>/requisitos/?tramite=&familiar=``."""

    plan: str
    person: str
    procedure: str = "inscripcion"


@dataclass(frozen=True, kw_only=True)
class Match:
    """One plan and what it means for this person."""

    plan: str  # plan slug: regular, potestativo, sctr, agrario, vida
    code: MatchCode
    status: Status
    reason: str  # one sentence
    source: str  # the section or law the reason comes from
    enrolled_by: str = ""  # empty where nobody enrols (a closed door)
    cost: Cost | None = None
    coverage: Coverage | None = None
    notes: tuple[str, ...] = ()
    family: tuple[Relative, ...] = ()  # the chosen relatives this plan covers
    calculator: CalculatorInput | None = None  # the calculator, pre-filled for this person
    checklists: tuple[Checklist, ...] = ()

    @property
    def titular(self) -> bool:
        """The person is the titular of this health plan (compulsory, or already enrolled)."""
        return self.plan in HEALTH_PLANS and (
            self.status is Status.COMPULSORY or self.code is MatchCode.AGRARIAN_INDEPENDENT
        )

    @property
    def may_be_titular(self) -> bool:
        """The person can choose to become the titular of this health plan."""
        return self.plan in HEALTH_PLANS and self.status in (Status.OPTIONAL, Status.ASK)


def format_day(day: date) -> str:
    """``date(2027, 2, 1)`` -> ``"1 de febrero de 2027"``."""
    return f"{day.day} de {month_label(day)}"


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
    if situation not in (
        Situation.INDEPENDENT,
        Situation.STUDENT,
        Situation.NONE,
        Situation.UNEMPLOYED,
    ):
        return False
    if situation is Situation.INDEPENDENT and (
        independent_kind is IndependentKind.ARTISANAL_FISHER
        or (independent_kind is IndependentKind.FARMER and agrarian_enrolled)
    ):
        return False
    if other_cover in (OtherCover.EMPLOYER, OtherCover.DEPENDANT):
        return False
    return age is not None and age >= ADULT_AGE


def eligible_plans(*, profile: Profile, on: date) -> tuple[Match, ...]:
    """Every plan that applies to ``profile`` on the day ``on``, compulsory first."""
    p = parameters_on(on)
    matches: list[Match] = []
    s = profile.situation
    if s is Situation.EMPLOYEE:
        matches.append(_employee(profile, p, on))
    elif s is Situation.PENSIONER:
        matches.append(_pensioner(profile, p, on))
    elif s is Situation.COOPERATIVE:
        matches.append(_cooperative(profile, on))
    elif s is Situation.UNEMPLOYED:
        matches.append(_latency(profile, on))
    elif s is Situation.INDEPENDENT:
        if profile.independent_kind is IndependentKind.ARTISANAL_FISHER:
            matches.append(_fisher(profile, p, on))
        elif profile.independent_kind is IndependentKind.FARMER:
            matches.append(_independent_farmer(profile, p, on))
    if profile.other_cover is OtherCover.EMPLOYER:
        matches.append(_regular_through_employer(profile, p, on))
    elif profile.other_cover is OtherCover.DEPENDANT:
        matches.append(_dependant(profile))
    if (
        s is Situation.STUDENT
        and profile.age is not None
        and profile.age >= ADULT_AGE
        and profile.other_cover is not OtherCover.DEPENDANT
    ):
        matches.append(_adult_student())
    potestativo = _potestativo(profile, p, on)
    if potestativo:
        matches.append(potestativo)
    sctr = _sctr(profile, p, on)
    if sctr:
        matches.append(sctr)
    vida = _vida(profile, matches, on)
    if vida:
        matches.append(vida)
    return tuple(
        sorted(
            matches,
            key=lambda m: (STATUS_ORDER.index(m.status), PLAN_ORDER.index(m.plan)),
        )
    )


# --- Seguro Regular -----------------------------------------------------------------------


def _regular_coverage(on: date, *, pensioner: bool = False) -> Coverage:
    start = coverage_start(plan="regular", first_contribution=on, pensioner=pensioner)
    if pensioner:
        return Coverage(
            summary="Los pensionistas no tienen periodo de carencia: la cobertura empieza "
            "con la afiliación.",
            start=start,
        )
    return Coverage(
        summary=(
            f"Con aportes desde {month_label(start.first_contribution)}, la cobertura de "
            f"salud empieza el {format_day(start.starts_on)}."
        ),
        start=start,
    )


def _family(profile: Profile, allowed: tuple[Relative, ...]) -> tuple[Relative, ...]:
    return tuple(r for r in allowed if r in profile.family)


OSPE_DEPENDANTS = (
    "Tus derechohabientes también se pueden registrar en una OSPE (EsSalud, Seguro Regular, "
    "sección 12)."
)


def _ospe_dependants(profile: Profile) -> tuple[str, ...]:
    """Who has no employer registers their dependants at an OSPE (sección 12)."""
    return (OSPE_DEPENDANTS,) if _family(profile, REGULAR_RELATIVES) else ()


def _regular_family(profile: Profile) -> dict:
    family = _family(profile, REGULAR_RELATIVES)
    notes = ()
    if family:
        notes = (
            "Tu empleador también registra a tus derechohabientes en el T-Registro; tú le "
            "das los documentos (EsSalud, Seguro Regular, secciones 5 y 12). La fuente no "
            "fija un aporte aparte por cada familiar.",
        )
        if Relative.MINOR_CHILD in family or Relative.PREGNANT_PARTNER in family:
            notes += (
                "La cobertura de los hijos se inicia desde la concepción, en la atención a "
                "la madre gestante (EsSalud, Seguro Regular, sección 2).",
            )
    return {
        "family": family,
        "checklists": tuple(Checklist("regular", r.value) for r in family),
        "notes": notes,
    }


def _cost(
    regimen: str, on: date, *, rule: str, monto: Decimal | None, floor: bool
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


def _employee(profile: Profile, p: Parameters, on: date) -> Match:
    kind = profile.employee_kind
    if kind is EmployeeKind.AGRARIAN:
        return _agrarian_employee(profile, p, on)
    if kind is EmployeeKind.EX_CBSSP_FISHER:
        cost, calc = _cost(
            "ex-cbssp",
            on,
            monto=profile.monthly_amount,
            floor=True,
            rule=(
                f"{p.ex_cbssp_rate.formatted} de tu remuneración mensual; el aporte no puede "
                f"ser menor al {p.ex_cbssp_floor_rate.formatted} de la RMV vigente, como dice "
                "la fuente. Lo paga tu empleador."
            ),
        )
        return Match(
            plan="regular",
            code=MatchCode.REGULAR_EX_CBSSP,
            status=Status.COMPULSORY,
            reason="Como trabajador pesquero afiliado a la ex Caja de Beneficios y Seguridad "
            "Social del Pescador (CBSSP), estás en el Seguro Regular.",
            source=f"{REGULAR}, secciones 1 y 3.4; Ley 26790",
            enrolled_by="Tu empleador, que te registra y declara cada mes en el T-Registro y "
            "el PDT PLAME (sección 11).",
            cost=cost,
            coverage=_regular_coverage(on),
            calculator=calc,
            **_regular_family(profile),
        )
    who = {
        EmployeeKind.HOUSEHOLD: "Como trabajador(a) del hogar",
        EmployeeKind.CONSTRUCTION: "Como trabajador(a) de construcción civil",
        EmployeeKind.PORT: "Como trabajador(a) portuario(a)",
    }.get(kind, "Como trabajador(a) dependiente de un empleador en el Perú")
    enrolled_by = (
        "El contratista, el subcontratista o el propietario de la obra, que te registra y "
        "declara cada mes (sección 11)."
        if kind is EmployeeKind.CONSTRUCTION
        else "Tu empleador, que te registra y declara cada mes en el T-Registro y el PDT PLAME; "
        "si no apareces en los sistemas de EsSalud, puedes pedir el registro en una OSPE con "
        "los documentos que prueban tu trabajo (sección 11)."
    )
    return _regular_employee_match(profile, p, on, who=who, enrolled_by=enrolled_by)


def _regular_employee_match(
    profile: Profile, p: Parameters, on: date, *, who: str, enrolled_by: str, notes=()
) -> Match:
    cost, calc = _cost(
        "regular",
        on,
        monto=profile.monthly_amount if profile.situation is Situation.EMPLOYEE else None,
        floor=True,
        rule=(
            f"{p.regular_rate.formatted} de tu remuneración mensual, que nunca se toma menor "
            f"que la RMV vigente ({p.rmv.formatted}). Lo paga íntegramente tu empleador: no "
            "se descuenta de tu sueldo."
        ),
    )
    family = _regular_family(profile)
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_EMPLOYEE,
        status=Status.COMPULSORY,
        reason=f"{who}, el Seguro Regular es obligatorio y tu empleador paga el aporte.",
        source=f"{REGULAR}, secciones 1, 3.1 y 11; Ley 26790, art. 6",
        enrolled_by=enrolled_by,
        cost=cost,
        coverage=_regular_coverage(on),
        calculator=calc,
        family=family["family"],
        checklists=family["checklists"],
        notes=family["notes"] + tuple(notes),
    )


def _regular_through_employer(profile: Profile, p: Parameters, on: date) -> Match:
    return _regular_employee_match(
        profile,
        p,
        on,
        who="Como también trabajas para un empleador que te asegura",
        enrolled_by="Tu empleador, que te registra y declara cada mes en el T-Registro y el "
        "PDT PLAME (sección 11).",
        notes=(
            "Si tu trabajo para ese empleador es de alto riesgo (Anexo 5), él debe afiliarte "
            "también al +Protección SCTR (EsSalud, +Protección SCTR, sección 3.2).",
        ),
    )


def _pensioner(profile: Profile, p: Parameters, on: date) -> Match:
    ex_cbssp = profile.pension is PensionKind.EX_CBSSP
    cost, calc = _cost(
        "pensionista",
        on,
        monto=profile.monthly_amount,
        floor=False,
        rule=(
            f"{p.pensioner_rate.formatted} de tu pensión, sin mínimo; lo pagas tú y se "
            "descuenta de tu pensión."
        ),
    )
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_PENSIONER,
        status=Status.COMPULSORY,
        reason=(
            "Como pensionista de la ex Caja de Beneficios y Seguridad Social del Pescador "
            "(CBSSP), estás en el Seguro Regular y aportas sobre tu pensión."
            if ex_cbssp
            else "Como pensionista de la ONP o de una AFP, estás en el Seguro Regular y "
            "aportas sobre tu pensión."
        ),
        source=f"{REGULAR}, secciones 1, 3.5 y 11; Ley 26790",
        enrolled_by=(
            "La entidad que te otorga la pensión: te registra, te declara y paga tu aporte "
            "con cargo a tu pensión (sección 11)."
            if ex_cbssp
            else "La ONP o tu AFP: te registra, te declara y paga tu aporte con cargo a tu "
            "pensión (sección 11)."
        ),
        cost=cost,
        coverage=_regular_coverage(on, pensioner=True),
        calculator=calc,
        family=_family(profile, REGULAR_RELATIVES),
        checklists=_regular_family(profile)["checklists"],
        notes=("La cobertura por desempleo (latencia) no se aplica a los pensionistas.",)
        + _ospe_dependants(profile),
    )


def _cooperative(profile: Profile, on: date) -> Match:
    family = _regular_family(profile)
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_COOPERATIVE,
        status=Status.COMPULSORY,
        reason="Como socio(a) de una cooperativa de trabajadores o agraria, estás en el "
        "Seguro Regular.",
        source=f"{REGULAR}, sección 1",
        enrolled_by="La fuente no dice quién registra a los socios de cooperativas: "
        "pregúntalo en tu cooperativa o en una OSPE.",
        cost=Cost(
            rule="La fuente no da una regla de aporte propia para los socios de cooperativas: "
            "confirma el aporte en una OSPE."
        ),
        coverage=_regular_coverage(on),
        family=family["family"],
        checklists=family["checklists"],
        notes=_ospe_dependants(profile),
    )


def _fisher(profile: Profile, p: Parameters, on: date) -> Match:
    cost, calc = _cost(
        "pescador-artesanal",
        on,
        monto=profile.monthly_amount,
        floor=True,
        rule=(
            f"{p.fisher_rate.formatted} del valor del producto que vendes, nunca menos del "
            f"{p.fisher_floor_rate.formatted} de la RMV vigente; lo pagan el comercializador, "
            "el armador y el pescador o procesador."
        ),
    )
    family = _regular_family(profile)
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_FISHER,
        status=Status.COMPULSORY,
        reason="Los pescadores y procesadores pesqueros artesanales independientes están en el "
        "Seguro Regular por mandato de la ley.",
        source=f"{REGULAR}, secciones 1 y 3.3; Ley 26790, art. 6",
        enrolled_by="La Organización Social a la que debes estar afiliado(a): ella te declara "
        "ante EsSalud (sección 11).",
        cost=cost,
        coverage=_regular_coverage(on),
        calculator=calc,
        family=family["family"],
        checklists=family["checklists"],
        notes=("La fuente no dice en qué proporción aporta cada uno.",) + _ospe_dependants(profile),
    )


def _latency(profile: Profile, on: date) -> Match:
    latency = latency_months(contributions_last_3_years=profile.contributions_last_3_years, on=on)
    source = f"{REGULAR}, sección 14; {latency.parameter.source}"
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
    return Match(
        plan="regular",
        code=MatchCode.REGULAR_LATENCY,
        status=Status.ENTITLED,
        reason=(
            f"Con {latency.contributions} aportes de tu empleador en los 3 años anteriores al "
            f"cese, tú y tus derechohabientes tienen {latency.months} meses de cobertura por "
            "desempleo (latencia)."
        ),
        source=source,
        enrolled_by="Nadie: el derecho empieza cuando tu empleador comunica el fin del vínculo "
        "laboral en el T-Registro.",
        coverage=Coverage(
            summary=(
                f"Desde que tu empleador comunica el cese en el T-Registro, durante "
                f"{latency.months} meses."
            )
        ),
        family=_family(profile, REGULAR_RELATIVES),
        notes=(
            "Vale también tras una suspensión perfecta de labores. No se aplica a los "
            "pensionistas ni a los seguros voluntarios.",
        ),
    )


def _dependant(profile: Profile) -> Match:
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


def _adult_student() -> Match:
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
            "presentó otro.",
        ),
    )


# --- Seguro de Salud Agrario --------------------------------------------------------------


def _agrarian_notes(profile: Profile, *, enrolled: bool) -> tuple[str, ...]:
    if profile.age is None or profile.age < AGRARIO_EVALUATION_AGE:
        return ()
    if enrolled:
        return (
            f"Con {profile.age} años necesitas una constancia de evaluación médica de EsSalud "
            "que acredite que puedes hacer las actividades de este seguro; se repite cada dos "
            "años y solo la primera tiene costo (EsSalud, Seguro de Salud Agrario, sección 2).",
        )
    return (
        f"Además, con {profile.age} años el Seguro Agrario pide una constancia de evaluación "
        "médica de EsSalud para afiliarse, que se repite cada dos años (solo la primera tiene "
        "costo) (EsSalud, Seguro de Salud Agrario, sección 2).",
    )


def _agrarian_coverage(on: date) -> Coverage:
    start = coverage_start(plan="agrario", first_contribution=on)
    return Coverage(
        summary=(
            f"Con aportes desde {month_label(start.first_contribution)} y al día, la "
            f"cobertura empieza el {format_day(start.starts_on)}."
        ),
        start=start,
    )


def _agrarian_employee(profile: Profile, p: Parameters, on: date) -> Match:
    large, small = p.agrarian_rate_large, p.agrarian_rate_small
    today = (
        f"en {month_label(on)}, {large.formatted} para todos los empleadores agrarios"
        if large.value == small.value
        else f"en {month_label(on)}, {large.formatted} si es grande y {small.formatted} si es "
        "pequeño"
    )
    rule = (
        f"Un porcentaje de tu remuneración, nunca menor que la RMV vigente ({p.rmv.formatted}), "
        f"según el tamaño de tu empleador en el año fiscal anterior: {today}. Lo paga tu "
        "empleador."
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
        words = "al menos " if profile.monthly_amount is None else ""
        cost = Cost(
            rule=(
                f"{rule} Para ti: {words}{format_soles(by_size[0].payable)} con un empleador "
                f"pequeño o {format_soles(by_size[1].payable)} con uno grande."
            )
        )
    family = _family(profile, REGULAR_RELATIVES)
    notes = _agrarian_notes(profile, enrolled=False)
    if family:
        notes += (
            "La fuente no detalla qué familiares cubre el Seguro Agrario, salvo la "
            "derechohabiente gestante, cubierta desde la afiliación: confírmalo en una OSPE.",
        )
    return Match(
        plan="agrario",
        code=MatchCode.AGRARIAN_EMPLOYEE,
        status=Status.COMPULSORY,
        reason="Como trabajador(a) agrario(a) dependiente, estás en el régimen agrario de "
        "EsSalud y tu empleador paga el aporte con la tasa que fija la ley.",
        source=f"{AGRARIO}, secciones 1 y 3; Ley 31110, art. 9 (modificada por Ley 31969)",
        enrolled_by="Tu empleador, que te registra y declara cada mes en el T-Registro y el "
        "PDT PLAME (EsSalud, Seguro Regular, sección 11).",
        cost=cost,
        coverage=_agrarian_coverage(on),
        calculator=calc,
        family=family,
        notes=notes,
    )


def _independent_farmer(profile: Profile, p: Parameters, on: date) -> Match:
    conditions = (
        "Es para quien cultiva o cría por cuenta propia, sin trabajadores remunerados a su "
        "cargo; no corresponde al titular de una empresa unipersonal (sección 5).",
    )
    if profile.agrarian_enrolled:
        return Match(
            plan="agrario",
            code=MatchCode.AGRARIAN_INDEPENDENT,
            status=Status.ENTITLED,
            reason="Te inscribiste antes de las Leyes 31087 y 31110: sigues en el Seguro "
            "Agrario independiente según los D.S. 012-2019-TR y 013-2019-TR, y pagas tú el "
            "aporte.",
            source=f"{AGRARIO}, sección 1",
            enrolled_by="Ya estás inscrito(a): mantente al día en tus aportes.",
            cost=Cost(
                rule=f"{p.agrarian_independent_rate.formatted} de la RMV vigente, a tu cargo.",
                contribution=calculate(CalculatorInput(regimen="agrario-independiente", on=on)),
            ),
            coverage=Coverage(
                summary="Estás cubierto(a) si tienes tres meses de aportación y estás al día "
                "en tus aportes (sección 2)."
            ),
            calculator=CalculatorInput(regimen="agrario-independiente", on=on),
            notes=_agrarian_notes(profile, enrolled=True) + conditions,
        )
    return Match(
        plan="agrario",
        code=MatchCode.AGRARIAN_SUSPENDED,
        status=Status.CLOSED,
        reason="Las inscripciones nuevas al Seguro Agrario independiente están suspendidas "
        "hasta que se aprueben las normas y procedimientos: hoy no puedes inscribirte.",
        source=f"{AGRARIO}, sección 1; Leyes 31087 y 31110",
        notes=_agrarian_notes(profile, enrolled=False)
        + conditions
        + (
            f"Quienes se inscribieron antes siguen aportando el "
            f"{p.agrarian_independent_rate.formatted} de la RMV. Mientras tanto, puedes "
            "afiliarte al Seguro Potestativo.",
        ),
    )


# --- Seguro Potestativo -------------------------------------------------------------------


def _potestativo(profile: Profile, p: Parameters, on: date) -> Match | None:
    s = profile.situation
    if s not in (Situation.INDEPENDENT, Situation.STUDENT, Situation.NONE, Situation.UNEMPLOYED):
        return None
    if s is Situation.INDEPENDENT and (
        profile.independent_kind is IndependentKind.ARTISANAL_FISHER
        or (profile.independent_kind is IndependentKind.FARMER and profile.agrarian_enrolled)
    ):
        return None  # already in a plan of their own
    base = {"plan": "potestativo"}
    if profile.other_cover is OtherCover.EMPLOYER:
        return Match(
            **base,
            code=MatchCode.POTESTATIVO_EMPLOYER,
            status=Status.CLOSED,
            reason="El Seguro Potestativo es para quienes no están afiliados a EsSalud a través "
            "de un empleador, y tú ya lo estás.",
            source=f"{POTESTATIVO}, secciones 1 y 2",
        )
    if profile.age is not None and profile.age < ADULT_AGE:
        return Match(
            **base,
            code=MatchCode.POTESTATIVO_MINOR,
            status=Status.CLOSED,
            reason="El titular del Seguro Potestativo debe ser mayor de edad; un menor puede "
            "estar cubierto como hijo(a) en el seguro de su padre o madre.",
            source=f"{POTESTATIVO}, sección 2.1; {REGULAR}, sección 2",
            notes=(
                "Si tu padre o madre tiene EsSalud, su empleador (o él o ella, en el "
                "Potestativo) puede inscribirte como hijo(a) menor de edad.",
            ),
        )
    family = _family(profile, POTESTATIVO_RELATIVES)
    table = p.potestativo_premiums
    ages = (profile.age, *profile.family_ages) if profile.age is not None else ()
    contribution = (
        calculate(CalculatorInput(regimen="potestativo", on=on, edades=ages)) if ages else None
    )
    bands = ", ".join(
        f"{format_soles(b.value)} de {b.low} a {b.high} años"
        if b.high is not None
        else f"{format_soles(b.value)} de {b.low} años a más"
        for b in table.value
    )
    rule = f"Un aporte mensual por cada persona afiliada, según su edad: {bands}."
    if family and not profile.family_ages:
        rule += " El monto es el tuyo; suma el de cada familiar según su edad."
    start = coverage_start(plan="potestativo", first_contribution=on)
    notes = []
    if Relative.PREGNANT_PARTNER in profile.family:
        notes.append(
            "La gestante de un hijo extramatrimonial no está entre los familiares que se "
            "pueden afiliar al Potestativo (secciones 2.1 y 4)."
        )
    if s is Situation.UNEMPLOYED:
        notes.append(
            "Mientras tengas cobertura por desempleo ya estás atendido(a); el Potestativo es "
            "la vía cuando termine."
        )
    if s is Situation.STUDENT:
        notes.append(
            "La fuente nombra a universitarios y practicantes entre las personas a quienes se "
            "dirige el Potestativo; no dice si una empresa donde haces prácticas debe "
            "asegurarte: pregúntalo en una OSPE."
        )
    if profile.independent_kind is IndependentKind.FARMER:
        notes.append("Es la alternativa mientras el Seguro Agrario independiente esté cerrado.")
    common = {
        **base,
        "enrolled_by": "Tú, en una OSPE; para afiliar también a tus familiares, en una OSPE o "
        "en un Centro MAC. Pagas por adelantado en Interbank o el Banco de la Nación "
        "(secciones 3.2 y 4.2).",
        "cost": Cost(rule=rule, contribution=contribution),
        "coverage": Coverage(
            summary=(
                f"Si pagas tu primer aporte el {format_day(on)}, tus atenciones médicas quedan "
                f"cubiertas desde el {format_day(start.starts_on)}."
            ),
            start=start,
        ),
        "family": family,
        "calculator": CalculatorInput(regimen="potestativo", on=on, edades=ages),
        "checklists": (Checklist("potestativo", "titular"),)
        + tuple(Checklist("potestativo", r.value) for r in family),
    }
    resident = (
        "El Seguro Potestativo es para toda persona residente en el país, nacional o "
        "extranjera, sin límite de edad, que no esté afiliada a EsSalud a través de un empleador"
    )
    if profile.other_cover is OtherCover.DEPENDANT:
        return Match(
            **common,
            code=MatchCode.POTESTATIVO_DEPENDANT,
            status=Status.ASK,
            reason="Ya estás cubierto(a) como derechohabiente, y la fuente no dice si un "
            "derechohabiente puede contratar además el Potestativo: pregúntalo en una OSPE.",
            source=f"{POTESTATIVO}, sección 1",
            notes=tuple(notes),
        )
    if profile.document is Document.PTP:
        return Match(
            **common,
            code=MatchCode.POTESTATIVO_PTP,
            status=Status.ASK,
            reason=f"{resident}, pero sus requisitos piden DNI o carné de extranjería vigente "
            "y la fuente no menciona el PTP: pregunta en una OSPE si puedes afiliarte con él.",
            source=f"{POTESTATIVO}, secciones 1 y 3.1",
            notes=tuple(notes),
        )
    if profile.document is Document.OTHER:
        return Match(
            **common,
            code=MatchCode.POTESTATIVO_NO_DOCUMENT,
            status=Status.ASK,
            reason=f"{resident}; la fuente pide DNI o carné de extranjería vigente y no dice "
            "qué hacer sin ellos (p. ej., con pasaporte o visa de turista): pregunta en una "
            "OSPE.",
            source=f"{POTESTATIVO}, secciones 1 y 3.1",
            notes=tuple(notes),
        )
    who = {
        Situation.STUDENT: "en especial a universitarios y practicantes",
        Situation.INDEPENDENT: "en especial a trabajadores independientes como tú",
    }.get(s, "como tú")
    return Match(
        **common,
        code=MatchCode.POTESTATIVO,
        status=Status.OPTIONAL,
        reason=f"{resident}, {who}.",
        source=f"{POTESTATIVO}, secciones 1 y 2",
        notes=tuple(notes),
    )


# --- +Protección SCTR ---------------------------------------------------------------------


def _sctr(profile: Profile, p: Parameters, on: date) -> Match | None:
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


# --- +Vida Seguro de Accidentes -----------------------------------------------------------


def _vida(profile: Profile, matches: list[Match], on: date) -> Match | None:
    titular = any(m.titular for m in matches)
    may_be = any(m.may_be_titular for m in matches)
    firefighter = profile.firefighter
    in_age = profile.age is not None and FIREFIGHTER_MIN_AGE <= profile.age <= FIREFIGHTER_MAX_AGE
    premium = calculate(CalculatorInput(regimen="vida", on=on))
    cost = Cost(
        rule="Una prima mensual fija por titular, que cubre también al cónyuge o concubino(a) "
        "declarado(a).",
        contribution=premium,
    )
    coverage = Coverage(
        summary="La póliza es mensual y se renueva con el pago adelantado de la prima de cada "
        "mes (sección 1.2)."
    )
    calc = CalculatorInput(regimen="vida", on=on)
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
            enrolled_by = (
                "Tu empleador, que descuenta la prima de tu remuneración con tu autorización "
                "escrita y la paga a través de la SUNAT (sección 1.4)."
            )
        elif profile.situation in (Situation.PENSIONER, Situation.COOPERATIVE):
            enrolled_by = (
                "La fuente describe la afiliación de trabajadores dependientes (por el "
                "empleador) e independientes (en una OSPE), no la de pensionistas ni la de "
                "socios de cooperativas: pregunta en una OSPE."
            )
        else:
            enrolled_by = (
                "Tú, en una OSPE (Formulario 6012); pagas por los medios de recaudación de "
                "EsSalud (sección 1.4)."
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
        return None
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


__all__ = [
    "Checklist",
    "Cost",
    "Coverage",
    "Document",
    "EmployeeKind",
    "IndependentKind",
    "Match",
    "MatchCode",
    "OtherCover",
    "PensionKind",
    "Profile",
    "Relative",
    "Risk",
    "Situation",
    "Status",
    "eligible_plans",
    "format_day",
    "potestativo_candidate",
]
