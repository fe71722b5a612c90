"""Which EsSalud plans apply to a person: compulsory, optional, closed, or to ask at an OSPE.

A ``Profile`` holds a person's answers; ``eligible_plans`` turns it into ``Match``es, each
with the one-sentence reason and its source, who enrols the person, the monthly cost
(computed by this rules package where the answers allow, else the rule in words), when
coverage starts, and what to open next (calculator inputs, checklists).

Every reason comes from the source text (``shared/seeds/003``, cited as "EsSalud, <plan>,
sección N") or ``figures.md``. Where the source is silent, the match says what the source
does say and sends the person to an OSPE (status ``ASK``): no rule is made up here.

One module per plan (``regular``, ``regular_cover``, ``agrario``, ``potestativo``, ``sctr``,
``vida``), each keeping its reason texts beside the rule that says them; ``profile`` holds
the answers, ``match`` what the rules answer.
"""

from datetime import date

from ..parameters import parameters_on
from . import agrario, potestativo, regular, regular_cover, sctr, vida
from .match import (
    PLAN_ORDER,
    STATUS_ORDER,
    Checklist,
    Cost,
    Coverage,
    Match,
    MatchCode,
    Status,
)
from .potestativo import potestativo_candidate
from .profile import (
    ADULT_AGE,
    MAX_FAMILY,
    POTESTATIVO_RELATIVES,
    Document,
    EmployeeKind,
    IndependentKind,
    OtherCover,
    PensionKind,
    Profile,
    Relative,
    Risk,
    Situation,
)
from .sctr import implied_risk


def eligible_plans(*, profile: Profile, on: date) -> tuple[Match, ...]:
    """Every plan that applies to ``profile`` on the day ``on``, compulsory first."""
    p = parameters_on(on)
    matches: list[Match] = []
    s = profile.situation
    if s is Situation.EMPLOYEE:
        if profile.employee_kind is EmployeeKind.AGRARIAN:
            matches.append(agrario.employee(profile, p, on))
        else:
            matches.append(regular.employee(profile, p, on))
    elif s is Situation.PENSIONER:
        matches.append(regular.pensioner(profile, p, on))
    elif s is Situation.COOPERATIVE:
        matches.append(regular.cooperative(profile, on))
    elif s is Situation.UNEMPLOYED:
        matches.append(regular_cover.latency(profile, on))
    elif s is Situation.INDEPENDENT:
        if profile.independent_kind is IndependentKind.ARTISANAL_FISHER:
            matches.append(regular.fisher(profile, p, on))
        elif profile.independent_kind is IndependentKind.FARMER:
            matches.append(agrario.independent_farmer(profile, p, on))
    if profile.other_cover is OtherCover.EMPLOYER:
        matches.append(regular.through_employer(profile, p, on))
    elif profile.other_cover is OtherCover.DEPENDANT:
        matches.append(regular_cover.dependant(profile))
    if (
        s is Situation.STUDENT
        and profile.age is not None
        and profile.age >= ADULT_AGE
        and profile.other_cover is not OtherCover.DEPENDANT
    ):
        matches.append(regular_cover.adult_student())
    for optional in (potestativo.match_for(profile, p, on), sctr.match_for(profile, p, on)):
        if optional:
            matches.append(optional)
    # Last: whether +Vida is open depends on the health plans matched above.
    matches.append(vida.match_for(profile, matches, on))
    return tuple(
        sorted(
            matches,
            key=lambda m: (STATUS_ORDER.index(m.status), PLAN_ORDER.index(m.plan)),
        )
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
    "implied_risk",
    "potestativo_candidate",
    # Read as ``rules.eligibility.<name>`` by the wizard, its forms and the tests.
    "ADULT_AGE",
    "MAX_FAMILY",
    "PLAN_ORDER",
    "POTESTATIVO_RELATIVES",
]
