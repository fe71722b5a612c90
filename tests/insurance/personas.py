"""People who use the eligibility wizard, their answers, and the plans they should get.

Each persona is written as the wizard's raw answers (what the query string carries), so the
view tests can click through the real pages with them; ``profile`` turns the same answers
into a ``rules.Profile`` without Django, for the pure rules tests. A view test checks that
the wizard builds exactly this profile from the answers, so the two never drift apart.

Amounts are computed for ``ON`` unless a persona says otherwise: RMV S/ 1,230.00 (from
2026-10-01, por confirmar), UIT S/ 5,500.00 (2026), agrarian rate 6% (2024-2027).
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from insurance.rules import (
    Document,
    EmployeeKind,
    IndependentKind,
    MatchCode,
    OtherCover,
    PensionKind,
    Profile,
    Relative,
    Risk,
    Situation,
)
from insurance.rules import Status as S
from insurance.rules.eligibility import implied_risk

C = MatchCode
ON = date(2026, 11, 22)

_FIELDS = {
    "situacion": ("situation", Situation),
    "dependiente": ("employee_kind", EmployeeKind),
    "independiente": ("independent_kind", IndependentKind),
    "agrario": ("agrarian_enrolled", lambda v: v == "si"),
    "pension": ("pension", PensionKind),
    "cese": ("job_ended", lambda v: datetime.strptime(v, "%d/%m/%Y").date()),
    "aportes": ("contributions_last_3_years", int),
    "asegurado": ("other_cover", OtherCover),
    "riesgo": ("risk", Risk),
    "bombero": ("firefighter", lambda v: v == "si"),
    "edad": ("age", int),
    "documento": ("document", Document),
    "familia": ("family", lambda v: frozenset(Relative(x) for x in v if x != "nadie")),
    "edades": ("family_ages", lambda v: tuple(int(x) for x in v.split(",") if x.strip())),
    "monto": ("monthly_amount", lambda v: Decimal(v.replace(",", "")) if v else None),
}


@dataclass(frozen=True)
class Persona:
    name: str
    answers: dict[str, str | list[str]]  # the wizard's answers, in the order asked
    expected: dict[MatchCode, S]  # every match, with its status
    payable: dict[MatchCode, str] = field(default_factory=dict)  # monthly amounts computed
    minimum: frozenset[MatchCode] = frozenset()  # amounts computed on the legal floor
    family: dict[MatchCode, tuple[str, ...]] = field(default_factory=dict)
    checklists: dict[MatchCode, tuple[str, ...]] = field(default_factory=dict)  # persons
    calculator: dict[MatchCode, dict] = field(default_factory=dict)  # regimen and inputs
    on: date = ON

    @property
    def profile(self) -> Profile:
        """The answers as the rules take them, with the risk level the work implies (the
        wizard does not ask it then: issue 14.7)."""
        fields = {_FIELDS[k][0]: _FIELDS[k][1](v) for k, v in self.answers.items()}
        implied = implied_risk(
            **{k: fields.get(k) for k in ("employee_kind", "independent_kind", "other_cover")},
            situation=fields["situation"],
        )
        if implied:
            assert "risk" not in fields, f"{self.name}: the wizard does not ask the risk"
            fields["risk"] = implied
        return Profile(**fields)

    def __str__(self):
        return self.name


PERSONAS = (
    Persona(
        "lima-employee-wife-two-children",
        {
            "situacion": "dependiente",
            "dependiente": "otro",
            "riesgo": "no",
            "bombero": "no",
            "familia": ["conyuge", "hijo-menor"],
            "monto": "3,000",
        },
        {C.REGULAR_EMPLOYEE: S.COMPULSORY, C.VIDA_HOLDER: S.OPTIONAL},
        payable={C.REGULAR_EMPLOYEE: "270.00", C.VIDA_HOLDER: "5.00"},
        family={C.REGULAR_EMPLOYEE: ("conyuge", "hijo-menor")},
        checklists={C.REGULAR_EMPLOYEE: ("conyuge", "hijo-menor")},
        calculator={C.REGULAR_EMPLOYEE: {"regimen": "regular", "monto": Decimal(3000)}},
    ),
    Persona(
        "venezuelan-freelancer-carne-extranjeria-34",
        {
            "situacion": "independiente",
            "independiente": "profesional",
            "asegurado": "no",
            "riesgo": "no",
            "bombero": "no",
            "edad": "34",
            "documento": "ce",
            "familia": ["nadie"],
        },
        {C.POTESTATIVO: S.OPTIONAL, C.VIDA_HOLDER: S.OPTIONAL},
        payable={C.POTESTATIVO: "138.00"},
        checklists={C.POTESTATIVO: ("titular",)},
        calculator={C.POTESTATIVO: {"regimen": "potestativo", "edades": (34,)}},
    ),
    Persona(
        "artisanal-fisherman",
        {
            "situacion": "independiente",
            "independiente": "pescador",
            "asegurado": "no",
            "riesgo": "nivel-3",
            "bombero": "no",
            "edad": "47",
            "familia": ["concubino", "hijo-menor"],
            "monto": "1500",
        },
        {C.REGULAR_FISHER: S.COMPULSORY, C.SCTR_INDEPENDENT: S.OPTIONAL, C.VIDA_HOLDER: S.OPTIONAL},
        # 9% × 1,500 = 135.00; SCTR: ½ × 5,500 × 1.53% = 42.075 -> 42.08 -> 42.00.
        payable={C.REGULAR_FISHER: "135.00", C.SCTR_INDEPENDENT: "42.00"},
        family={C.REGULAR_FISHER: ("concubino", "hijo-menor")},
        checklists={C.SCTR_INDEPENDENT: ("titular",)},
    ),
    Persona(
        "miner-employed-by-a-contractor",
        {
            "situacion": "dependiente",
            "dependiente": "otro",
            "riesgo": "nivel-4",
            "bombero": "no",
            "familia": ["nadie"],
            "monto": "4000",
        },
        {
            C.REGULAR_EMPLOYEE: S.COMPULSORY,
            C.SCTR_EMPLOYEE: S.COMPULSORY,
            C.VIDA_HOLDER: S.OPTIONAL,
        },
        # 4,000 × 1.83% = 73.20 -> 73.00 (SCTR pays whole soles).
        payable={C.REGULAR_EMPLOYEE: "360.00", C.SCTR_EMPLOYEE: "73.00"},
        calculator={
            C.SCTR_EMPLOYEE: {
                "regimen": "sctr-dependiente",
                "monto": Decimal(4000),
                "nivel_riesgo": "4",
            }
        },
    ),
    Persona(
        "independent-electrician-high-risk",
        {
            "situacion": "independiente",
            "independiente": "profesional",
            "asegurado": "no",
            "riesgo": "nivel-2",
            "bombero": "no",
            "edad": "41",
            "documento": "dni",
            "familia": ["nadie"],
        },
        {C.POTESTATIVO: S.OPTIONAL, C.SCTR_INDEPENDENT: S.OPTIONAL, C.VIDA_HOLDER: S.OPTIONAL},
        # ½ × 5,500 × 1.23% = 33.825 -> 33.83 -> 34.00 (figures.md check value).
        payable={C.POTESTATIVO: "138.00", C.SCTR_INDEPENDENT: "34.00"},
        calculator={C.SCTR_INDEPENDENT: {"regimen": "sctr-independiente", "nivel_riesgo": "2"}},
    ),
    Persona(
        "onp-pensioner",
        {
            "situacion": "pensionista",
            "pension": "onp-afp",
            "bombero": "no",
            "familia": ["conyuge"],
            "monto": "1500",
        },
        {C.REGULAR_PENSIONER: S.COMPULSORY, C.VIDA_HOLDER: S.OPTIONAL},
        payable={C.REGULAR_PENSIONER: "60.00"},
        family={C.REGULAR_PENSIONER: ("conyuge",)},
    ),
    Persona(
        "farmer-72-independent-not-enrolled",
        {
            "situacion": "independiente",
            "independiente": "agricultor",
            "agrario": "no",
            "asegurado": "no",
            "bombero": "no",
            "edad": "72",
            "documento": "dni",
            "familia": ["nadie"],
        },
        {
            C.AGRARIAN_SUSPENDED: S.CLOSED,
            C.POTESTATIVO: S.OPTIONAL,
            C.SCTR_INDEPENDENT: S.OPTIONAL,  # farming: level III (SCTR, sección 5)
            C.VIDA_HOLDER: S.OPTIONAL,
        },
        payable={C.POTESTATIVO: "215.00", C.SCTR_INDEPENDENT: "42.00"},
    ),
    Persona(
        "lost-job-after-14-months-of-contributions",
        {
            "situacion": "desempleado",
            "cese": "15/09/2026",
            "aportes": "14",
            "bombero": "no",
            "edad": "29",
            "documento": "dni",
            "familia": ["nadie"],
        },
        {C.REGULAR_LATENCY: S.ENTITLED, C.POTESTATIVO: S.OPTIONAL, C.VIDA_HOLDER: S.OPTIONAL},
        payable={C.POTESTATIVO: "132.00"},
    ),
    Persona(
        "household-worker-pay-not-given",
        {
            "situacion": "dependiente",
            "dependiente": "hogar",
            "riesgo": "no",
            "bombero": "no",
            "familia": ["hijo-menor"],
            "monto": "",
        },
        {C.REGULAR_EMPLOYEE: S.COMPULSORY, C.VIDA_HOLDER: S.OPTIONAL},
        # At least 9% of the RMV: 9% × 1,230 = 110.70.
        payable={C.REGULAR_EMPLOYEE: "110.70"},
        minimum=frozenset({C.REGULAR_EMPLOYEE}),
        calculator={C.REGULAR_EMPLOYEE: {"regimen": "regular", "monto": None}},
    ),
    Persona(
        "construction-worker",
        {
            "situacion": "dependiente",
            "dependiente": "construccion",
            "bombero": "no",
            "familia": ["nadie"],
            "monto": "2500",
        },
        {
            C.REGULAR_EMPLOYEE: S.COMPULSORY,
            C.SCTR_EMPLOYEE: S.COMPULSORY,
            C.VIDA_HOLDER: S.OPTIONAL,
        },
        # 2,500 × 1.53% = 38.25 -> 38.00.
        payable={C.REGULAR_EMPLOYEE: "225.00", C.SCTR_EMPLOYEE: "38.00"},
    ),
    Persona(
        "port-worker-pay-not-given",
        {
            "situacion": "dependiente",
            "dependiente": "portuario",
            "riesgo": "nivel-2",
            "bombero": "no",
            "familia": ["nadie"],
            "monto": "",
        },
        {
            C.REGULAR_EMPLOYEE: S.COMPULSORY,
            C.SCTR_EMPLOYEE: S.COMPULSORY,
            C.VIDA_HOLDER: S.OPTIONAL,
        },
        payable={C.REGULAR_EMPLOYEE: "110.70"},
        minimum=frozenset({C.REGULAR_EMPLOYEE}),
    ),
    Persona(
        "agrarian-employee",
        {
            "situacion": "dependiente",
            "dependiente": "agrario",
            "bombero": "no",
            "edad": "45",
            "familia": ["nadie"],
            "monto": "1500",
        },
        {
            C.AGRARIAN_EMPLOYEE: S.COMPULSORY,
            C.SCTR_EMPLOYEE: S.COMPULSORY,  # agriculture: level III (SCTR, sección 5)
            C.VIDA_HOLDER: S.OPTIONAL,
        },
        # 6% for every agrarian employer, 2024-2027; SCTR 1,500 × 1.53% = 22.95 -> 23.00.
        payable={C.AGRARIAN_EMPLOYEE: "90.00", C.SCTR_EMPLOYEE: "23.00"},
    ),
    Persona(
        # The source's Agrario text names no relatives but a "derechohabiente gestante": the
        # outcome claims to cover nobody and says so once (issue 13.12).
        "agrarian-employee-covering-wife-and-pregnant-partner",
        {
            "situacion": "dependiente",
            "dependiente": "agrario",
            "bombero": "no",
            "edad": "38",
            "familia": ["conyuge", "gestante"],
            "monto": "",
        },
        {
            C.AGRARIAN_EMPLOYEE: S.COMPULSORY,
            C.SCTR_EMPLOYEE: S.COMPULSORY,
            C.VIDA_HOLDER: S.OPTIONAL,
        },
        payable={C.AGRARIAN_EMPLOYEE: "73.80"},  # at least 6% of the RMV, 1,230
        minimum=frozenset({C.AGRARIAN_EMPLOYEE}),
        family={C.AGRARIAN_EMPLOYEE: ()},
        checklists={C.AGRARIAN_EMPLOYEE: ("titular",)},
    ),
    Persona(
        "cooperative-member-high-risk",
        {"situacion": "cooperativa", "riesgo": "nivel-3", "bombero": "no", "familia": ["nadie"]},
        {
            C.REGULAR_COOPERATIVE: S.COMPULSORY,
            C.SCTR_COOPERATIVE: S.ASK,
            C.VIDA_HOLDER: S.OPTIONAL,
        },
    ),
    Persona(
        "university-student-20",
        {
            "situacion": "estudiante",
            "asegurado": "no",
            "bombero": "no",
            "edad": "20",
            "documento": "dni",
            "familia": ["nadie"],
        },
        {
            C.POTESTATIVO: S.OPTIONAL,
            C.VIDA_HOLDER: S.OPTIONAL,
            C.REGULAR_ADULT_STUDENT: S.CLOSED,
        },
        payable={C.POTESTATIVO: "132.00"},
    ),
    Persona(
        "ex-cbssp-pensioner",
        {
            "situacion": "pensionista",
            "pension": "ex-cbssp",
            "bombero": "no",
            "familia": ["nadie"],
            "monto": "800",
        },
        {C.REGULAR_PENSIONER: S.COMPULSORY, C.VIDA_HOLDER: S.OPTIONAL},
        payable={C.REGULAR_PENSIONER: "32.00"},
    ),
    Persona(
        "volunteer-firefighter-16",
        {"situacion": "estudiante", "asegurado": "no", "bombero": "si", "edad": "16"},
        {C.VIDA_FIREFIGHTER: S.OPTIONAL, C.POTESTATIVO_MINOR: S.CLOSED},
        payable={C.VIDA_FIREFIGHTER: "5.00"},
    ),
    Persona(
        "ex-cbssp-fishing-worker-pay-not-given",
        {
            "situacion": "dependiente",
            "dependiente": "pesquero",
            "bombero": "no",
            "familia": ["nadie"],
            "monto": "",
        },
        {
            C.REGULAR_EX_CBSSP: S.COMPULSORY,
            C.SCTR_EMPLOYEE: S.COMPULSORY,  # fishing: level III (SCTR, sección 5)
            C.VIDA_HOLDER: S.OPTIONAL,
        },
        # The source's floor: 4.4% × 1,230 = 54.12.
        payable={C.REGULAR_EX_CBSSP: "54.12"},
        minimum=frozenset({C.REGULAR_EX_CBSSP}),
    ),
    Persona(
        "farmer-70-enrolled-before-the-suspension",
        {
            "situacion": "independiente",
            "independiente": "agricultor",
            "agrario": "si",
            "asegurado": "no",
            "bombero": "no",
            "edad": "70",
            "familia": ["nadie"],
        },
        {
            C.AGRARIAN_INDEPENDENT: S.ENTITLED,
            C.SCTR_INDEPENDENT: S.OPTIONAL,
            C.VIDA_HOLDER: S.OPTIONAL,
        },
        payable={C.AGRARIAN_INDEPENDENT: "73.80"},  # 6% × 1,230
    ),
    Persona(
        "venezuelan-with-ptp-independent",
        {
            "situacion": "independiente",
            "independiente": "otro",
            "asegurado": "no",
            "riesgo": "no",
            "bombero": "no",
            "edad": "28",
            "documento": "ptp",
            "familia": ["nadie"],
        },
        {C.POTESTATIVO_PTP: S.ASK, C.VIDA_HOLDER: S.OPTIONAL},
        payable={C.POTESTATIVO_PTP: "132.00"},
    ),
    Persona(
        "tourist-with-passport",
        {
            "situacion": "ninguna",
            "asegurado": "no",
            "bombero": "no",
            "edad": "40",
            "documento": "otro",
            "familia": ["nadie"],
        },
        # No base plan with a passport, so no +Vida either: both say why (issue 14.8).
        {C.POTESTATIVO_NO_DOCUMENT: S.CLOSED, C.VIDA_NO_PLAN: S.CLOSED},
    ),
    Persona(
        "spouse-of-an-insured-worker",
        {
            "situacion": "ninguna",
            "asegurado": "familiar",
            "bombero": "no",
            "edad": "38",
            "familia": ["nadie"],
        },
        {
            C.REGULAR_DEPENDANT: S.ENTITLED,
            C.POTESTATIVO_DEPENDANT: S.ASK,
            C.VIDA_HOLDER: S.OPTIONAL,
        },
    ),
    Persona(
        "freelancer-with-a-payroll-job",
        {
            "situacion": "independiente",
            "independiente": "profesional",
            "asegurado": "empleador",
            "bombero": "no",
            "edad": "33",
            "familia": ["nadie"],
        },
        {
            C.REGULAR_EMPLOYEE: S.COMPULSORY,
            C.VIDA_HOLDER: S.OPTIONAL,
            C.POTESTATIVO_EMPLOYER: S.CLOSED,
        },
    ),
    Persona(
        "lost-job-after-3-contributions",
        {
            "situacion": "desempleado",
            "cese": "30/10/2026",
            "aportes": "3",
            "bombero": "no",
            "edad": "50",
            "documento": "dni",
            "familia": ["nadie"],
        },
        {C.POTESTATIVO: S.OPTIONAL, C.VIDA_HOLDER: S.OPTIONAL, C.REGULAR_NO_LATENCY: S.CLOSED},
    ),
    Persona(
        # 4 months from the day after 31/10/2025 run to 28/02/2026: over by ON (issue 14.9).
        "lost-job-a-year-ago-after-12-contributions",
        {
            "situacion": "desempleado",
            "cese": "31/10/2025",
            "aportes": "12",
            "bombero": "no",
            "edad": "44",
            "documento": "dni",
            "familia": ["nadie"],
        },
        {
            C.POTESTATIVO: S.OPTIONAL,
            C.VIDA_HOLDER: S.OPTIONAL,
            C.REGULAR_LATENCY_ENDED: S.CLOSED,
        },
        payable={C.POTESTATIVO: "138.00"},
    ),
    Persona(
        "retired-expat-couple",
        {
            "situacion": "ninguna",
            "asegurado": "no",
            "bombero": "no",
            "edad": "65",
            "documento": "ce",
            "familia": ["conyuge"],
            "edades": "62",
        },
        {C.POTESTATIVO: S.OPTIONAL, C.VIDA_HOLDER: S.OPTIONAL},
        payable={C.POTESTATIVO: "430.00"},  # 215 + 215
        family={C.POTESTATIVO: ("conyuge",)},
        checklists={C.POTESTATIVO: ("titular", "conyuge")},
        calculator={C.POTESTATIVO: {"regimen": "potestativo", "edades": (65, 62)}},
    ),
    Persona(
        "independent-unsure-about-risk",
        {
            "situacion": "independiente",
            "independiente": "otro",
            "asegurado": "no",
            "riesgo": "no-se",
            "bombero": "no",
            "edad": "30",
            "documento": "dni",
            "familia": ["nadie"],
        },
        {C.POTESTATIVO: S.OPTIONAL, C.VIDA_HOLDER: S.OPTIONAL, C.SCTR_CHECK: S.ASK},
    ),
    Persona(
        "firefighter-14",
        {"situacion": "estudiante", "asegurado": "no", "bombero": "si", "edad": "14"},
        {C.POTESTATIVO_MINOR: S.CLOSED, C.VIDA_FIREFIGHTER_AGE: S.CLOSED},
    ),
    Persona(
        "firefighter-72-employee",
        {
            "situacion": "dependiente",
            "dependiente": "otro",
            "riesgo": "no",
            "bombero": "si",
            "edad": "72",
            "familia": ["nadie"],
            "monto": "2000",
        },
        {C.REGULAR_EMPLOYEE: S.COMPULSORY, C.VIDA_HOLDER: S.OPTIONAL},
    ),
    Persona(
        "independent-with-family-and-pregnant-partner",
        {
            "situacion": "independiente",
            "independiente": "profesional",
            "asegurado": "no",
            "riesgo": "no",
            "bombero": "no",
            "edad": "31",
            "documento": "dni",
            "familia": ["hijo-menor", "gestante"],
            "edades": "4, 1",
        },
        {C.POTESTATIVO: S.OPTIONAL, C.VIDA_HOLDER: S.OPTIONAL},
        payable={C.POTESTATIVO: "412.00"},  # 138 + 137 + 137
        family={C.POTESTATIVO: ("hijo-menor",)},
        checklists={C.POTESTATIVO: ("titular", "hijo-menor")},
    ),
)
