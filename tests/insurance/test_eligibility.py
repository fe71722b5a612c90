"""The eligibility rules, without Django: a persona table, boundaries, and properties."""

import ast
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from insurance import rules
from insurance.rules import (
    REGIMENES,
    Document,
    EmployeeKind,
    IndependentKind,
    InvalidInput,
    MatchCode,
    OtherCover,
    PensionKind,
    Profile,
    Relative,
    Risk,
    Situation,
    Status,
    eligible_plans,
)
from insurance.rules.latency import last_day_covered

from .personas import ON, PERSONAS

BY_NAME = {p.name: p for p in PERSONAS}


def matches_of(profile: Profile, on: date = ON) -> dict[MatchCode, rules.Match]:
    return {m.code: m for m in eligible_plans(profile=profile, on=on)}


@pytest.mark.parametrize("persona", PERSONAS, ids=str)
def test_persona_gets_exactly_the_expected_plans(persona):
    found = matches_of(persona.profile, persona.on)
    assert {code: m.status for code, m in found.items()} == persona.expected


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p.payable], ids=str)
def test_persona_monthly_cost_comes_from_the_rules(persona):
    found = matches_of(persona.profile, persona.on)
    for code, payable in persona.payable.items():
        cost = found[code].cost
        assert cost.contribution is not None, code
        assert cost.contribution.payable == Decimal(payable), code
        assert cost.minimum == (code in persona.minimum), code


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p.family or p.checklists], ids=str)
def test_persona_family_and_checklists(persona):
    found = matches_of(persona.profile, persona.on)
    for code, relatives in persona.family.items():
        assert tuple(r.value for r in found[code].family) == relatives
    for code, people in persona.checklists.items():
        assert tuple(c.person for c in found[code].checklists) == people
        assert {c.plan for c in found[code].checklists} == {found[code].plan}


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p.calculator], ids=str)
def test_persona_calculator_is_prefilled(persona):
    found = matches_of(persona.profile, persona.on)
    for code, expected in persona.calculator.items():
        calc = found[code].calculator
        for name, value in expected.items():
            assert getattr(calc, name) == value, (code, name)
        assert calc.on == persona.on


def test_the_table_has_at_least_20_personas_and_exercises_every_match():
    assert len(PERSONAS) >= 20
    assert len(BY_NAME) == len(PERSONAS)
    produced = {code for p in PERSONAS for code in p.expected}
    assert produced == set(MatchCode)


@pytest.mark.parametrize("persona", PERSONAS, ids=str)
def test_every_match_explains_itself(persona):
    for match in eligible_plans(profile=persona.profile, on=persona.on):
        assert match.plan in rules.eligibility.PLAN_ORDER
        reason = str(match.reason)
        assert reason.endswith(".") and reason[0].isupper(), match.code
        assert match.source, match.code
        if match.status is not Status.CLOSED:
            assert match.enrolled_by, match.code
        if match.calculator is not None:
            assert match.calculator.regimen in REGIMENES
            assert REGIMENES[match.calculator.regimen].plan == match.plan


def test_compulsory_first_closed_last():
    order = list(Status)
    for persona in PERSONAS:
        statuses = [m.status for m in eligible_plans(profile=persona.profile, on=ON)]
        assert statuses == sorted(statuses, key=order.index), persona.name


# --- What the issue asks to say plainly ---------------------------------------------------


def test_independent_agrarian_enrolment_is_closed_and_says_why():
    found = matches_of(BY_NAME["farmer-72-independent-not-enrolled"].profile)
    closed = found[MatchCode.AGRARIAN_SUSPENDED]
    assert "suspendidas" in str(closed.reason)
    assert "31087" in str(closed.source) and "31110" in str(closed.source)
    assert any("evaluación médica" in note for note in map(str, closed.notes))  # 72 years old
    assert found[MatchCode.POTESTATIVO].cost.contribution.payable == Decimal("215.00")


def test_over_70_needs_a_medical_evaluation_in_the_agrarian_insurance():
    enrolled = BY_NAME["farmer-70-enrolled-before-the-suspension"].profile
    assert any(
        "evaluación médica" in str(n)
        for n in matches_of(enrolled)[MatchCode.AGRARIAN_INDEPENDENT].notes
    )
    younger = replace(enrolled, age=69)
    assert not any(
        "evaluación médica" in str(n)
        for n in matches_of(younger)[MatchCode.AGRARIAN_INDEPENDENT].notes
    )


@pytest.mark.parametrize(
    ("age", "code", "status"),
    [
        (14, MatchCode.VIDA_FIREFIGHTER_AGE, Status.CLOSED),
        (15, MatchCode.VIDA_FIREFIGHTER, Status.OPTIONAL),
        (17, MatchCode.VIDA_FIREFIGHTER, Status.OPTIONAL),
    ],
)
def test_vida_for_volunteer_firefighters_from_15(age, code, status):
    profile = Profile(
        situation=Situation.STUDENT, other_cover=OtherCover.NONE, firefighter=True, age=age
    )
    found = matches_of(profile)
    assert found[code].status is status


@pytest.mark.parametrize(("age", "note"), [(70, False), (71, True)])
def test_firefighter_route_ends_at_70_but_titulars_have_no_age_limit(age, note):
    profile = replace(BY_NAME["firefighter-72-employee"].profile, age=age)
    vida = matches_of(profile)[MatchCode.VIDA_HOLDER]
    assert vida.status is Status.OPTIONAL
    assert any("de 15 a 70 años" in n for n in map(str, vida.notes)) is note


def test_vida_is_an_add_on_for_plan_holders_only():
    dependant = BY_NAME["spouse-of-an-insured-worker"].profile
    # A derechohabiente is not a titular: +Vida is offered only through a plan of their own.
    vida = matches_of(dependant)[MatchCode.VIDA_HOLDER]
    assert str(vida.reason).startswith("Si te afilias")
    employee = matches_of(BY_NAME["lima-employee-wife-two-children"].profile)
    assert str(employee[MatchCode.VIDA_HOLDER].reason).startswith("Como titular")
    assert "SUNAT" in str(employee[MatchCode.VIDA_HOLDER].enrolled_by)
    minor = Profile(situation=Situation.STUDENT, other_cover=OtherCover.NONE, age=16)
    assert MatchCode.VIDA_HOLDER not in matches_of(minor)


def test_a_passport_holder_is_told_there_is_no_base_plan_and_what_to_do_instead():
    found = matches_of(BY_NAME["tourist-with-passport"].profile)
    potestativo = found[MatchCode.POTESTATIVO_NO_DOCUMENT]
    assert potestativo.status is Status.CLOSED and "no puedes afiliarte" in str(potestativo.reason)
    assert "DNI o carné de extranjería vigente" in str(potestativo.reason)
    assert "secciones 2 y 3.1" in str(potestativo.source)
    instead = " ".join(map(str, potestativo.notes))
    assert "carné de extranjería" in instead and "OSPE" in instead and "privado" in instead
    assert potestativo.cost is None and potestativo.checklists == ()
    # No plan to hold as titular: +Vida is not offered, and the outcome says why.
    assert MatchCode.VIDA_HOLDER not in found
    assert found[MatchCode.VIDA_NO_PLAN].status is Status.CLOSED
    assert "titular" in str(found[MatchCode.VIDA_NO_PLAN].reason)


@pytest.mark.parametrize(
    ("persona", "code"),
    [
        ("venezuelan-freelancer-carne-extranjeria-34", MatchCode.VIDA_HOLDER),  # can take one
        ("venezuelan-with-ptp-independent", MatchCode.VIDA_HOLDER),  # may: ask at an OSPE
        ("volunteer-firefighter-16", MatchCode.VIDA_FIREFIGHTER),  # 15-70, no plan needed
        ("firefighter-14", MatchCode.VIDA_FIREFIGHTER_AGE),
        ("tourist-with-passport", MatchCode.VIDA_NO_PLAN),
    ],
)
def test_vida_is_offered_to_titulars_and_firefighters_only(persona, code):
    (vida,) = [
        m for m in eligible_plans(profile=BY_NAME[persona].profile, on=ON) if m.plan == "vida"
    ]
    assert vida.code is code


def test_vida_premium_is_marked_to_confirm():
    vida = matches_of(BY_NAME["onp-pensioner"].profile)[MatchCode.VIDA_HOLDER]
    assert [p.name for p in vida.cost.contribution.to_confirm] == ["vida_premium"]


@pytest.mark.parametrize(
    ("contributions", "code", "months"),
    [
        (0, MatchCode.REGULAR_NO_LATENCY, None),
        (4, MatchCode.REGULAR_NO_LATENCY, None),
        (5, MatchCode.REGULAR_LATENCY, 2),
        (14, MatchCode.REGULAR_LATENCY, 4),
        (15, MatchCode.REGULAR_LATENCY, 6),
        (36, MatchCode.REGULAR_LATENCY, 12),
    ],
)
def test_latency_months_after_job_loss(contributions, code, months):
    profile = Profile(
        situation=Situation.UNEMPLOYED,
        job_ended=date(2026, 11, 1),
        contributions_last_3_years=contributions,
        age=40,
        document=Document.DNI,
    )
    match = matches_of(profile)[code]
    if months is not None:
        assert f"tienen {months} meses de cobertura" in str(match.reason)
        assert "T-Registro" in str(match.coverage.summary)
    assert "sección 14" in str(match.source)


# --- Issue 13: what the source says, and where it says it ---------------------------------

AGRARIAN_FAMILY = BY_NAME["agrarian-employee-covering-wife-and-pregnant-partner"].profile


@pytest.mark.parametrize(
    "profile",
    [
        AGRARIAN_FAMILY,
        replace(
            BY_NAME["farmer-70-enrolled-before-the-suspension"].profile,
            family=frozenset({Relative.MINOR_CHILD}),
        ),
    ],
    ids=["employee", "enrolled-independent"],
)
def test_agrario_names_no_relatives_but_the_derechohabiente_gestante(profile):
    (match,) = [m for m in eligible_plans(profile=profile, on=ON) if m.plan == "agrario"]
    assert match.family == ()  # no claim to cover anyone
    assert all(c.person == "titular" for c in match.checklists)  # no relative's checklist
    said = [n for n in map(str, match.notes) if "familiares" in n]
    assert said == [str(rules.eligibility.agrario.FAMILY_NOTE)]
    assert (
        "«La asegurada trabajadora o derechohabiente gestante tendrá cobertura inmediata "
        in (said[0])
    )
    assert "Agrario, sección 2" in said[0] and "OSPE" in said[0]
    texts = [str(t) for t in (match.reason, *match.notes)]
    assert not any("extramatrimonial" in t or "cónyuge" in t for t in texts)


def test_agrario_family_note_only_for_whoever_covers_relatives():
    alone = replace(AGRARIAN_FAMILY, family=frozenset())
    assert (
        rules.eligibility.agrario.FAMILY_NOTE
        not in matches_of(alone)[MatchCode.AGRARIAN_EMPLOYEE].notes
    )


@pytest.mark.parametrize(
    ("persona", "code", "status", "cited"),
    [
        # Dependent agrarian workers: listed in the Seguro Regular's "Comprende" (sección 1).
        ("agrarian-employee", MatchCode.AGRARIAN_EMPLOYEE, Status.COMPULSORY, "Regular, sección 1"),
        # Independents: enrolled before the suspension keep it; new enrolments are suspended.
        (
            "farmer-70-enrolled-before-the-suspension",
            MatchCode.AGRARIAN_INDEPENDENT,
            Status.ENTITLED,
            "Agrario, sección 1",
        ),
        (
            "farmer-72-independent-not-enrolled",
            MatchCode.AGRARIAN_SUSPENDED,
            Status.CLOSED,
            "Agrario, sección 1",
        ),
    ],
)
def test_agrario_status_by_kind_of_worker(persona, code, status, cited):
    match = matches_of(BY_NAME[persona].profile)[code]
    assert match.status is status
    assert cited in str(match.source)


def test_vida_consent_and_form_6012_are_cited_to_the_figures_table():
    figures = str(rules.eligibility.match.FIGURES)
    employee = matches_of(BY_NAME["lima-employee-wife-two-children"].profile)
    paid = str(employee[MatchCode.VIDA_HOLDER].enrolled_by)
    assert f"consentimiento escrito ({figures})" in paid
    assert "SUNAT (sección 1.4)" in paid  # what section 1.4 does say
    freelancer = matches_of(BY_NAME["venezuelan-freelancer-carne-extranjeria-34"].profile)
    assert f"Formulario 6012 ({figures})" in str(freelancer[MatchCode.VIDA_HOLDER].enrolled_by)


def _fixture_sections() -> dict[str, set[str]]:
    """The section numbers of each plan, from its fixture (the source's numbering)."""
    numbers: dict[str, set[str]] = {}
    for path in sorted((Path(__file__).parents[2] / "fixtures" / "plans").glob("*.yaml")):
        for row in yaml.safe_load(path.read_text(encoding="utf-8")):
            fields = row["fields"]
            if row["model"] == "insurance.section" and fields.get("number"):
                numbers.setdefault(fields["plan"][0], set()).add(str(fields["number"]))
    return numbers


PLAN_CITED = {
    rules.eligibility.match.REGULAR: "regular",
    rules.eligibility.match.POTESTATIVO: "potestativo",
    rules.eligibility.match.SCTR: "sctr",
    rules.eligibility.match.AGRARIO: "agrario",
    rules.eligibility.match.VIDA: "vida",
}
CITATION = re.compile(
    r"(?:(" + "|".join(re.escape(name) for name in PLAN_CITED) + r"), )?"
    r"secci(?:ón|ones) ([0-9.]*[0-9](?:(?:, | y )[0-9.]*[0-9])*)"
)


def _texts(match: rules.Match) -> list[str]:
    texts = [match.reason, match.source, match.enrolled_by, *match.notes]
    if match.cost:
        texts.append(match.cost.rule)
    if match.coverage:
        texts.append(match.coverage.summary)
    return [str(text) for text in texts if text]


@pytest.mark.parametrize("persona", PERSONAS, ids=str)
def test_every_section_cited_exists_in_the_plan_cited(persona):
    """A "sección N" names its plan, or is the match's own plan: it must be one of the
    source's sections of that plan."""
    sections = _fixture_sections()
    for match in eligible_plans(profile=persona.profile, on=persona.on):
        for text in _texts(match):
            for name, cited in CITATION.findall(text):
                plan = PLAN_CITED[name] if name else match.plan
                for number in re.split(r", | y ", cited):
                    assert number in sections[plan], (match.code, plan, number, text)


# --- Latency: the last day covered (issue 14.9) -------------------------------------------


@pytest.mark.parametrize(
    ("job_ended", "months", "last"),
    [
        (date(2026, 3, 15), 4, date(2026, 7, 15)),  # from 16/03: the same day, 4 months on
        (date(2026, 9, 15), 4, date(2027, 1, 15)),  # across the year
        (date(2025, 10, 31), 4, date(2026, 2, 28)),  # February has no 31st: its last day
        (date(2023, 10, 31), 4, date(2024, 2, 29)),  # a leap year
        (date(2026, 1, 30), 1, date(2026, 2, 28)),
        (date(2026, 1, 28), 1, date(2026, 2, 28)),
        (date(2026, 12, 31), 12, date(2027, 12, 31)),
        (date(2026, 5, 1), 2, date(2026, 7, 1)),
    ],
)
def test_last_day_covered_by_latency(job_ended, months, last):
    assert last_day_covered(job_ended=job_ended, months=months) == last


UNEMPLOYED = BY_NAME["lost-job-after-14-months-of-contributions"].profile  # 15/09/2026, 14


@pytest.mark.parametrize(
    ("on", "code", "status"),
    [
        (date(2027, 1, 15), MatchCode.REGULAR_LATENCY, Status.ENTITLED),  # the last day
        (date(2027, 1, 16), MatchCode.REGULAR_LATENCY_ENDED, Status.CLOSED),
    ],
)
def test_latency_is_over_the_day_after_the_last_day_covered(on, code, status):
    match = matches_of(UNEMPLOYED, on)[code]
    assert match.status is status
    assert "15 de enero de 2027" in str(match.reason)


def test_latency_gives_the_last_day_and_says_how_it_is_counted():
    match = matches_of(UNEMPLOYED)[MatchCode.REGULAR_LATENCY]
    assert "4 meses de cobertura por desempleo (latencia): hasta el 15 de enero de 2027" in (
        str(match.reason)
    )
    how = str(match.coverage.summary)
    assert "desde el día siguiente al fin de tu trabajo (16 de septiembre de 2026)" in how
    assert "T-Registro" in how and "no fijan" in how and "OSPE" in how
    source = str(match.source)
    assert str(rules.eligibility.match.FIGURES) in source and "sección 14" in source
    assert "terminan 4 meses después del día en que terminó tu trabajo, un día 15" in how
    ended = matches_of(BY_NAME["lost-job-a-year-ago-after-12-contributions"].profile)
    over = ended[MatchCode.REGULAR_LATENCY_ENDED]
    assert "terminaron el 28 de febrero de 2026" in str(over.reason)
    assert any("Potestativo" in note for note in map(str, over.notes))


# --- Dated values on both sides of each change --------------------------------------------

HOUSEHOLD = BY_NAME["household-worker-pay-not-given"].profile
AGRARIAN = replace(BY_NAME["agrarian-employee"].profile, monthly_amount=Decimal(2000))
ELECTRICIAN = BY_NAME["independent-electrician-high-risk"].profile


@pytest.mark.parametrize(
    ("profile", "code", "on", "payable"),
    [
        # Minimum of a dependent worker: 9% of the RMV (1,130 then 1,230 from 2026-10-01).
        (HOUSEHOLD, MatchCode.REGULAR_EMPLOYEE, date(2026, 9, 30), "101.70"),
        (HOUSEHOLD, MatchCode.REGULAR_EMPLOYEE, date(2026, 10, 1), "110.70"),
        (HOUSEHOLD, MatchCode.REGULAR_EMPLOYEE, date(2024, 12, 31), "92.25"),
        # Agrarian employee: 6% for every employer until 2027-12, 9% from 2028-01.
        (AGRARIAN, MatchCode.AGRARIAN_EMPLOYEE, date(2027, 12, 31), "120.00"),
        (AGRARIAN, MatchCode.AGRARIAN_EMPLOYEE, date(2028, 1, 1), "180.00"),
        # SCTR independent, level II: ½ UIT × 1.23% (2025: 32.90 -> 33; 2026: 33.83 -> 34).
        (ELECTRICIAN, MatchCode.SCTR_INDEPENDENT, date(2025, 12, 31), "33.00"),
        (ELECTRICIAN, MatchCode.SCTR_INDEPENDENT, date(2026, 1, 1), "34.00"),
        (ELECTRICIAN, MatchCode.SCTR_INDEPENDENT, date(2024, 6, 1), "32.00"),  # the source's
    ],
)
def test_costs_follow_the_dated_parameters(profile, code, on, payable):
    assert matches_of(profile, on)[code].cost.contribution.payable == Decimal(payable)


def test_agrarian_cost_names_both_sizes_when_the_rates_differ():
    # 2023: 8% for large employers, 6% for small ones.
    match = matches_of(AGRARIAN, date(2023, 6, 1))[MatchCode.AGRARIAN_EMPLOYEE]
    assert match.cost.contribution is None
    assert "S/ 120.00" in str(match.cost.rule) and "S/ 160.00" in str(match.cost.rule)


@pytest.mark.parametrize(
    ("age", "payable"),
    [
        (17, "137.00"),
        (18, "132.00"),
        (29, "132.00"),
        (30, "138.00"),
        (59, "138.00"),
        (60, "215.00"),
    ],
)
def test_potestativo_premium_by_age_band(age, payable):
    profile = replace(BY_NAME["venezuelan-freelancer-carne-extranjeria-34"].profile, age=age)
    found = matches_of(profile)
    if age < 18:
        assert found[MatchCode.POTESTATIVO_MINOR].status is Status.CLOSED
    else:
        assert found[MatchCode.POTESTATIVO].cost.contribution.payable == Decimal(payable)


def test_coverage_starts_after_the_waiting_period():
    employee = matches_of(BY_NAME["lima-employee-wife-two-children"].profile)
    start = employee[MatchCode.REGULAR_EMPLOYEE].coverage.start
    assert start.starts_on == date(2027, 2, 1)
    assert "1 de febrero de 2027" in str(employee[MatchCode.REGULAR_EMPLOYEE].coverage.summary)
    pensioner = matches_of(BY_NAME["onp-pensioner"].profile)[MatchCode.REGULAR_PENSIONER]
    assert pensioner.coverage.start.starts_on == date(2026, 11, 1)
    potestativo = matches_of(BY_NAME["university-student-20"].profile)[MatchCode.POTESTATIVO]
    assert potestativo.coverage.start.starts_on == date(2027, 2, 22)


# --- Where the source is silent, the match says so and points to an OSPE ------------------


@pytest.mark.parametrize(
    ("persona", "code"),
    [
        ("venezuelan-with-ptp-independent", MatchCode.POTESTATIVO_PTP),
        ("spouse-of-an-insured-worker", MatchCode.POTESTATIVO_DEPENDANT),
        ("cooperative-member-high-risk", MatchCode.SCTR_COOPERATIVE),
        ("independent-unsure-about-risk", MatchCode.SCTR_CHECK),
    ],
)
def test_silent_source_points_to_an_ospe(persona, code):
    match = matches_of(BY_NAME[persona].profile)[code]
    assert match.status is Status.ASK
    assert "OSPE" in str(match.reason)


def test_potestativo_quotes_who_it_is_for():
    freelancer = BY_NAME["venezuelan-freelancer-carne-extranjeria-34"].profile
    match = matches_of(freelancer)[MatchCode.POTESTATIVO]
    # Section 2: "toda persona residente en el país, peruana o extranjera".
    assert "toda persona residente en el país, peruana o extranjera" in str(match.reason)
    student = matches_of(BY_NAME["university-student-20"].profile)[MatchCode.POTESTATIVO]
    assert "universitarios y practicantes" in str(student.reason)
    assert any("practicantes" in n and "OSPE" in n for n in map(str, student.notes))


def test_adult_children_who_study_are_not_dependants():
    closed = matches_of(BY_NAME["university-student-20"].profile)[MatchCode.REGULAR_ADULT_STUDENT]
    assert "no es derechohabiente" in str(closed.reason)
    assert any("no son ley" in note for note in map(str, closed.notes))


def test_cooperative_cost_is_not_invented():
    match = matches_of(BY_NAME["cooperative-member-high-risk"].profile)[
        MatchCode.REGULAR_COOPERATIVE
    ]
    assert match.cost.contribution is None and "OSPE" in str(match.cost.rule)
    assert match.calculator is None


def test_pregnant_partner_is_covered_by_regular_not_by_potestativo():
    employee = replace(
        BY_NAME["lima-employee-wife-two-children"].profile,
        family=frozenset({Relative.PREGNANT_PARTNER}),
    )
    assert matches_of(employee)[MatchCode.REGULAR_EMPLOYEE].family == (Relative.PREGNANT_PARTNER,)
    independent = matches_of(BY_NAME["independent-with-family-and-pregnant-partner"].profile)
    assert any("gestante" in n for n in map(str, independent[MatchCode.POTESTATIVO].notes))


def test_who_enrols():
    enrolled_by = {
        name: {
            m.code: str(m.enrolled_by) for m in eligible_plans(profile=BY_NAME[name].profile, on=ON)
        }
        for name in BY_NAME
    }
    assert "Organización Social" in enrolled_by["artisanal-fisherman"][MatchCode.REGULAR_FISHER]
    assert "ONP" in enrolled_by["onp-pensioner"][MatchCode.REGULAR_PENSIONER]
    assert "otorga la pensión" in enrolled_by["ex-cbssp-pensioner"][MatchCode.REGULAR_PENSIONER]
    assert "contratista" in enrolled_by["construction-worker"][MatchCode.REGULAR_EMPLOYEE]
    assert "contratista" in enrolled_by["miner-employed-by-a-contractor"][MatchCode.SCTR_EMPLOYEE]
    assert (
        "OSPE" in enrolled_by["venezuelan-freelancer-carne-extranjeria-34"][MatchCode.POTESTATIVO]
    )
    assert "6004" in enrolled_by["independent-electrician-high-risk"][MatchCode.SCTR_INDEPENDENT]


# --- Profiles that cannot come out of the wizard ------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"situation": Situation.EMPLOYEE},
        {"situation": Situation.INDEPENDENT},
        {"situation": Situation.PENSIONER},
        {"situation": Situation.UNEMPLOYED},
        {"situation": Situation.INDEPENDENT, "independent_kind": IndependentKind.FARMER},
        {"situation": Situation.NONE, "firefighter": True},
        {"situation": Situation.NONE, "age": -1},
        {"situation": Situation.NONE, "age": 30, "family_ages": (200,)},
        {"situation": Situation.EMPLOYEE, "employee_kind": EmployeeKind.OTHER,
         "other_cover": OtherCover.EMPLOYER},
        {"situation": Situation.PENSIONER, "pension": PensionKind.ONP_AFP,
         "monthly_amount": Decimal(-1)},
    ],
)  # fmt: skip
def test_incomplete_or_inconsistent_profiles_are_refused(kwargs):
    with pytest.raises(InvalidInput):
        Profile(**kwargs)


def test_the_package_is_pure_python():
    package = Path(rules.eligibility.__file__).parent
    modules = sorted(package.glob("*.py"))
    assert len(modules) > 1
    for module in modules:
        imported = {
            (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
            for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        assert not any(name.startswith("django") for name in imported), module.name


def test_profiles_and_matches_are_frozen():
    profile = BY_NAME["onp-pensioner"].profile
    with pytest.raises(AttributeError):
        profile.age = 3
    match = eligible_plans(profile=profile, on=ON)[0]
    with pytest.raises(AttributeError):
        match.status = Status.CLOSED


# --- Any profile the types allow: an answer, never a crash --------------------------------


@st.composite
def profiles(draw) -> Profile:
    situation = draw(st.sampled_from(Situation))
    may_have_other_cover = situation in (Situation.INDEPENDENT, Situation.STUDENT, Situation.NONE)
    return Profile(
        situation=situation,
        employee_kind=draw(st.sampled_from(EmployeeKind)),
        independent_kind=draw(st.sampled_from(IndependentKind)),
        agrarian_enrolled=draw(st.booleans()),
        pension=draw(st.sampled_from(PensionKind)),
        job_ended=draw(st.dates(date(2000, 1, 1), date(2030, 12, 31))),
        contributions_last_3_years=draw(st.integers(0, 36)),
        other_cover=draw(st.none() | st.sampled_from(OtherCover)) if may_have_other_cover else None,
        risk=draw(st.none() | st.sampled_from(Risk)),
        firefighter=draw(st.booleans()),
        age=draw(st.integers(0, 120)),
        document=draw(st.none() | st.sampled_from(Document)),
        family=draw(st.frozensets(st.sampled_from(Relative))),
        family_ages=tuple(draw(st.lists(st.integers(0, 120), max_size=5))),
        monthly_amount=draw(st.none() | st.decimals(0, 100_000, places=2)),
    )


@settings(max_examples=300, deadline=None)
@given(profile=profiles(), on=st.dates(date(2023, 1, 1), date(2030, 12, 31)))
def test_any_profile_gets_consistent_matches(profile, on):
    matches = eligible_plans(profile=profile, on=on)
    codes = [m.code for m in matches]
    assert len(codes) == len(set(codes))
    assert sum(m.plan == "vida" for m in matches) <= 1
    assert sum(m.plan == "potestativo" for m in matches) <= 1
    order = list(Status)
    assert [m.status for m in matches] == sorted((m.status for m in matches), key=order.index)
    for match in matches:
        if match.cost and match.cost.contribution:
            assert match.cost.contribution.payable >= 0


def test_latency_names_the_day_it_ends_on_not_the_day_after_the_job():
    """Ended 30/06/2026 with 22 contributions: 8 months, to 28/02/2027. Counted from 01/07,
    "the same day of the month" would read as 01/03: the text names the 30th."""
    profile = replace(UNEMPLOYED, job_ended=date(2026, 6, 30), contributions_last_3_years=22)
    match = matches_of(profile)[MatchCode.REGULAR_LATENCY]
    assert "8 meses de cobertura por desempleo (latencia): hasta el 28 de febrero de 2027" in (
        str(match.reason)
    )
    how = str(match.coverage.summary)
    assert "(1 de julio de 2026): terminan 8 meses después del día en que terminó tu" in how
    assert "un día 30 (o el último día del mes, si ese mes no tiene ese día)" in how
