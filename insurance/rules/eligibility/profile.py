"""A person's answers: the ``Profile`` and the kinds it is made of, checked on creation.

The values of the enums are the wizard's answers (what the query string carries), so the
wizard, its forms and these rules use one vocabulary.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from ..errors import InvalidInput
from ..inputs import MAX_AGE, RiskLevel
from ..text import _

# The Potestativo titular is "persona mayor de edad" (EsSalud, Seguro Potestativo, sección 2.1).
ADULT_AGE = 18
MAX_FAMILY = 20  # A sanity bound on input, not a norm.


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


@dataclass(frozen=True, kw_only=True)
class Profile:
    """A person's answers. Fields a situation does not use stay ``None``/empty.

    ``monthly_amount`` is the monthly pay (employees), the pension (pensioners) or the
    value of the product sold (artisanal fishers); ``None`` when not given.
    ``job_ended`` (the last day of the job, or the start of a suspensión perfecta de
    labores) and ``contributions_last_3_years`` (the employer's monthly contributions in the
    3 years before it) are the unemployed's, for latency.
    """

    situation: Situation
    employee_kind: EmployeeKind | None = None
    independent_kind: IndependentKind | None = None
    agrarian_enrolled: bool | None = None
    pension: PensionKind | None = None
    job_ended: date | None = None
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
            Situation.UNEMPLOYED: ("job_ended", "cese"),
        }
        if self.situation in needs:
            name, answer = needs[self.situation]
            if getattr(self, name) is None:
                raise InvalidInput(
                    _("Falta la respuesta «%(answer)s».", answer=answer), field=answer
                )
        if self.situation is Situation.UNEMPLOYED and self.contributions_last_3_years is None:
            raise InvalidInput(
                _("Falta la respuesta «%(answer)s».", answer="aportes"), field="aportes"
            )
        if (
            self.independent_kind is IndependentKind.FARMER
            and self.situation is Situation.INDEPENDENT
            and self.agrarian_enrolled is None
        ):
            raise InvalidInput(
                _("Falta la respuesta «%(answer)s».", answer="agrario"), field="agrario"
            )
        if self.other_cover is not None and self.situation not in (
            Situation.INDEPENDENT,
            Situation.STUDENT,
            Situation.NONE,
        ):
            raise InvalidInput(
                _(
                    "«asegurado» solo se pregunta a independientes, estudiantes y a quien no "
                    "trabaja."
                ),
                field="asegurado",
            )
        if self.firefighter and self.age is None:
            raise InvalidInput(_("Falta la edad."), field="edad")
        for age in (self.age, *self.family_ages):
            if age is not None and (isinstance(age, bool) or not 0 <= age <= MAX_AGE):
                raise InvalidInput(_("La edad %(age)s no es válida.", age=age), field="edad")
        if len(self.family_ages) > MAX_FAMILY:
            raise InvalidInput(_("Demasiadas edades."), field="edades")
        if self.monthly_amount is not None and self.monthly_amount < 0:
            raise InvalidInput(_("El monto no puede ser negativo."), field="monto")

    def relatives_among(self, allowed: tuple[Relative, ...]) -> tuple[Relative, ...]:
        """The chosen relatives a plan can cover, in the plan's order."""
        return tuple(r for r in allowed if r in self.family)
