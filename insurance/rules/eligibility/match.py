"""What the rules answer: a ``Match`` per plan, with its status, cost and coverage.

Every reason comes from the source text (``shared/seeds/003``, cited as "EsSalud, <plan>,
sección N") or ``figures.md`` (cited as ``FIGURES``); the citations below are how
``Match.source`` and the texts name them.
"""

from dataclasses import dataclass
from enum import StrEnum

from ..coverage import CoverageStart
from ..registry import CalculatorInput
from ..results import Contribution
from ..text import Text, _
from .profile import Relative

# The source, as cited in every reason: EsSalud's pages keep their names in every language.
# Section numbers are those of the source text.
REGULAR = "EsSalud, Seguro Regular"
POTESTATIVO = "EsSalud, Seguro Potestativo"
SCTR = "EsSalud, +Protección SCTR"
AGRARIO = "EsSalud, Seguro de Salud Agrario"
VIDA = "EsSalud, +Vida Seguro de Accidentes"
ANEXO_5 = _("Anexo 5 del Reglamento de la Ley 26790, D.S. 009-97-SA")
# figures.md, as the plan pages name it ("nuestra tabla de cifras"): for what the source does
# not say (latency months, the +Vida premium and how it is paid...).
FIGURES = _("tabla de cifras de Tramitit Salud")


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
    REGULAR_LATENCY_ENDED = "regular-latencia-terminada"
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
    VIDA_NO_PLAN = "vida-sin-seguro-titular"


@dataclass(frozen=True, kw_only=True)
class Cost:
    """What the plan costs each month: the rule in words, and the amount where computable.

    ``minimum``: the amount was computed on the legal floor because the person gave no
    amount, so it is what is paid at least.
    """

    rule: Text
    contribution: Contribution | None = None
    minimum: bool = False


@dataclass(frozen=True, kw_only=True)
class Coverage:
    """When coverage starts: a sentence, and the computed start where there is one."""

    summary: Text
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
    reason: Text  # one sentence
    source: Text  # the section or law the reason comes from
    enrolled_by: Text | None = None  # None where nobody enrols (a closed door)
    cost: Cost | None = None
    coverage: Coverage | None = None
    notes: tuple[Text, ...] = ()
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
