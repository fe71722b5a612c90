"""The checklist selection: for each case of the source, exactly the papers it asks for.

Each document of a plan is named below by a phrase only its own wording contains, so a
case's expected papers are a set of names. A case passes when its checklist holds exactly
those papers: each required one present, none that belongs only to another case.
"""

import itertools

import pytest

from insurance import checklists
from insurance.checklists import (
    AUTOMATIC_REMOVAL,
    INVALID,
    MISSING,
    QUESTIONS,
    REQUIRED,
    ROUTES,
    UNUSED_INVALID,
    Answers,
    Complete,
    Explained,
    Flow,
    NextQuestion,
    NotDescribed,
    Row,
    build_checklist,
    describe,
    load_plan_content,
)
from insurance.models import Plan, Requirement, Section

# Every document of each plan, by a phrase unique to its wording.
DOCUMENTS = {
    "regular": {
        # 5.1, for every dependant
        "form-5.1": "firmado por el empleador o titular",
        "ids-5.1": "Documento de identidad del titular y de la persona",
        "death-peru-5.1": "emitida por Reniec o municipalidad",
        "death-abroad-5.1": "inscrita en el Consulado Peruano del país de origen",
        "other-reason-5.1": "distintos al fallecimiento",
        "third-party-5.1": "carta poder simple",
        # 5.1.1 and 5.1.2
        "divorce-5.1.1": "anotación marginal de divorcio",
        "divorce-abroad-5.1.1": "reconocimiento de sentencia de divorcio",
        "end-cohabitation-5.1.2": "uno o ambos ex concubinos",
        # 6 Cónyuge
        "spouse-form": "firmado por el asegurado titular y/o cónyuge",
        "married-peru": "en caso de matrimonio celebrado en el Perú",
        "married-abroad-enrol": "en caso de matrimonio celebrado en el extranjero",
        "death-peru-form": "Si falleció en el Perú",
        "death-abroad": "Si falleció en el extranjero",
        "divorce-peru": "Si el divorcio ocurrió en el Perú",
        "divorce-abroad": "Si el divorcio ocurrió en el extranjero",
        "married-abroad-register": "Registro Consular Peruano",
        "married-abroad-consulate": "Consulado Peruano del lugar de celebración del acto.",
        "married-abroad-apostille": "Consulado Peruano de su jurisdicción",
        # 7 Concubino(a)
        "partner-form": "firmado por el asegurado titular y/o concubino(a)",
        "union-recognition": "Reconocimiento de la Unión de Hecho",
        "end-cohabitation-7.1.2.1": "señalando la fecha de fin",
        # 8 Hijo(a) menor
        "child-form-enrol": "firmado por el asegurado titular o firma del padre",
        "child-birth": "Partida o acta de nacimiento del menor",
        "child-form-remove": "firmado por el titular del seguro o firma del padre",
        # 9 Hijo(a) mayor incapacitado
        "adult-child-form-enrol": "curador del hijo mayor incapacitado.",
        "disability-ruling": "Dictamen de Incapacidad otorgado",
        "adult-child-birth": "Formato de Declaración Jurada debidamente llenado y firmado, en el",
        "adult-child-form-remove": "curador del hijo mayor incapacitado en forma total",
        # 10 Gestante
        "pregnant-form-enrol": "Formulario N°1010, llenado y firmado por el asegurado titular.",
        "paternity": "reconocimiento del concebido",
        "pregnant-form-remove": "firma y sello del representante legal",
        # 13 and 15
        "accreditation": "acreditación vigente",
        "identity-13.1": "Permiso Temporal de permanencia",
        "change-form": "Formulario N°1010 debidamente llenado y firmado.",
        "work-reasons": "motivos laborales",
    },
    "potestativo": {
        "identity": "DNI o carnet de extranjería vigente",
        "contract": "Suscripción del contrato",
        "form": "sin borrones ni enmendaduras",
        "marriage": "matrimonio civil, con una antigüedad no mayor a 6 meses",
        "union": "reconocimiento de unión de hecho",
        "child-birth": "Copia simple y legible del acta o partida de nacimiento",
        "adult-child-birth": "Copia del acta o partida de nacimiento",
        "disability-statement": "dictamen médico de incapacidad",
    },
    "sctr": {
        "form-6004": "Formulario N° 6004",
        "clauses": "Cláusulas Generales",
        "ruc": "Contar con RUC",
        "foreigner-id": "carné de extranjería",
        "form-6056": "Formulario N° 6056",
        "private-contract": "(Entidades Privadas)",
        "public-conditions": "(Entidades Públicas)",
    },
    "agrario": {
        "identity": "Presentar su documento de identidad",
        "medical-evaluation": "Constancia de evaluación médica",
    },
}

REMOVAL_BASE = {"form-5.1", "ids-5.1"}
# The papers each answer brings to a removal, by person: (question, answer) -> documents.
REMOVAL_PARTS = {
    ("motivo", "fallecimiento", "peru"): {"death-peru-5.1", "death-peru-form"},
    ("motivo", "fallecimiento", "extranjero"): {"death-abroad-5.1", "death-abroad"},
    ("motivo", "otro", None): {"other-reason-5.1"},
    ("tercero", "si"): {"third-party-5.1"},
    ("tercero", "no"): set(),
}
SPOUSE_REMOVAL_PARTS = {
    ("motivo", "divorcio", "peru"): {"divorce-5.1.1", "divorce-peru"},
    ("motivo", "divorcio", "extranjero"): {
        "divorce-5.1.1",
        "divorce-abroad-5.1.1",
        "divorce-abroad",
    },
    ("matrimonio", "peru"): set(),
    ("matrimonio", "extranjero"): {
        "married-abroad-register",
        "married-abroad-consulate",
        "married-abroad-apostille",
    },
}
PERSON_REMOVAL_FORM = {
    "conyuge": "spouse-form",
    "concubino": "partner-form",
    "hijo-menor": "child-form-remove",
    "hijo-mayor-incapacitado": "adult-child-form-remove",
}


def _removal_cases():
    """Every removal of Seguro Regular 5 to 9, with the papers each answer brings."""
    motives = [
        ("fallecimiento", "peru"),
        ("fallecimiento", "extranjero"),
        ("otro", None),
    ]
    for person, form in PERSON_REMOVAL_FORM.items():
        person_motives = list(motives)
        if person == "conyuge":
            person_motives += [("divorcio", "peru"), ("divorcio", "extranjero")]
        if person == "concubino":
            person_motives += [("fin-concubinato", None)]
        marriages = ["peru", "extranjero"] if person == "conyuge" else [None]
        for (motive, place), marriage, third in itertools.product(
            person_motives, marriages, ["no", "si"]
        ):
            answers = {"tramite": "baja", "familiar": person, "motivo": motive}
            expected = REMOVAL_BASE | {form} | REMOVAL_PARTS[("tercero", third)]
            parts = {**REMOVAL_PARTS, **SPOUSE_REMOVAL_PARTS}
            if motive == "fin-concubinato":
                expected |= {"end-cohabitation-5.1.2", "end-cohabitation-7.1.2.1"}
            else:
                expected |= parts[("motivo", motive, place)]
            if place:
                answers["lugar"] = place
            if marriage:
                answers["matrimonio"] = marriage
                expected |= parts[("matrimonio", marriage)]
            answers["tercero"] = third
            yield pytest.param("regular", answers, expected, id="-".join(answers.values()))


# Cases written out one by one: the rest of the source.
CASES = [
    # Regular 6.1.1: the marriage certificate depends on where they married.
    ("regular", {"tramite": "inscripcion", "familiar": "conyuge", "matrimonio": "peru"},
     {"spouse-form", "married-peru"}),
    ("regular", {"tramite": "inscripcion", "familiar": "conyuge", "matrimonio": "extranjero"},
     {"spouse-form", "married-abroad-enrol"}),
    ("regular", {"tramite": "inscripcion", "familiar": "concubino"},
     {"partner-form", "union-recognition"}),
    ("regular", {"tramite": "inscripcion", "familiar": "hijo-menor"},
     {"child-form-enrol", "child-birth"}),
    ("regular", {"tramite": "inscripcion", "familiar": "hijo-mayor-incapacitado"},
     {"adult-child-form-enrol", "disability-ruling", "adult-child-birth"}),
    ("regular", {"tramite": "inscripcion", "familiar": "gestante"},
     {"pregnant-form-enrol", "paternity"}),
    # Regular 10.1.2: the gestante is removed only if she dies, by the titular himself.
    ("regular", {"tramite": "baja", "familiar": "gestante", "motivo": "fallecimiento",
                 "lugar": "peru"},
     {"form-5.1", "ids-5.1", "pregnant-form-remove", "death-peru-5.1", "death-peru-form"}),
    ("regular", {"tramite": "baja", "familiar": "gestante", "motivo": "fallecimiento",
                 "lugar": "extranjero"},
     {"form-5.1", "ids-5.1", "pregnant-form-remove", "death-abroad-5.1", "death-abroad"}),
    # Regular 13 and 15.
    ("regular", {"tramite": "consulta-establecimiento"}, {"accreditation", "identity-13.1"}),
    ("regular", {"tramite": "cambio-establecimiento", "laboral": "no"}, {"change-form"}),
    ("regular", {"tramite": "cambio-establecimiento", "laboral": "si"},
     {"change-form", "work-reasons"}),
    # Potestativo 3.1 and 4.1.x, person by person.
    ("potestativo", {"familiar": "titular"}, {"identity", "contract", "form"}),
    ("potestativo", {"familiar": "conyuge"}, {"marriage"}),
    ("potestativo", {"familiar": "concubino"}, {"union"}),
    ("potestativo", {"familiar": "hijo-menor"}, {"child-birth"}),
    ("potestativo", {"familiar": "hijo-mayor-incapacitado"},
     {"adult-child-birth", "disability-statement"}),
    # SCTR 2 (the foreigner's paper only for foreigners) and 7.
    ("sctr", {"trabajador": "independiente", "nacionalidad": "peruana"},
     {"form-6004", "clauses", "ruc"}),
    ("sctr", {"trabajador": "independiente", "nacionalidad": "extranjera"},
     {"form-6004", "clauses", "ruc", "foreigner-id"}),
    ("sctr", {"trabajador": "dependiente"}, {"form-6056", "private-contract", "public-conditions"}),
    # Agrario 2: 70 and over add the medical evaluation.
    ("agrario", {"edad": "menos-de-70"}, {"identity"}),
    ("agrario", {"edad": "70-o-mas"}, {"identity", "medical-evaluation"}),
]  # fmt: skip


@pytest.fixture
def contents(db):
    return {slug: load_plan_content(Plan.objects.get(slug=slug)) for slug in DOCUMENTS}


def checklist_for(contents, slug, answers):
    content = contents[slug]
    outcome = content.flow.resolve(answers)
    assert isinstance(outcome, Complete), outcome
    return build_checklist(content, outcome.case)


def names_in(slug, checklist):
    texts = [document.text for document in checklist.documents]
    for text in texts:
        matches = [name for name, phrase in DOCUMENTS[slug].items() if phrase in text]
        assert len(matches) == 1, f"{text!r} is named {matches}"
    return {name for name, phrase in DOCUMENTS[slug].items() if any(phrase in t for t in texts)}


@pytest.mark.parametrize(("slug", "answers", "expected"), [*CASES, *_removal_cases()])
def test_each_case_has_exactly_its_papers(contents, slug, answers, expected):
    checklist = checklist_for(contents, slug, answers)
    assert names_in(slug, checklist) == expected
    assert len(checklist.documents) == len(expected)


def test_the_cases_above_are_every_case_of_the_source(contents):
    tested = {
        (slug, tuple(sorted(answers.items())))
        for slug, answers, _ in [*CASES, *(p.values for p in _removal_cases())]
    }
    reachable = {
        (slug, tuple(sorted(case.answers.asked)))
        for slug, content in contents.items()
        for case in content.flow.complete_cases()
    }
    assert reachable == tested


def test_every_requirement_of_the_source_is_in_some_checklist(contents):
    shown = set()
    for content in contents.values():
        for case in content.flow.complete_cases():
            shown |= {d.requirement.pk for d in build_checklist(content, case).documents}
    assert shown == set(Requirement.objects.values_list("pk", flat=True))


def test_apostille_for_divorce_abroad_not_in_peru(contents):
    base = {"tramite": "baja", "familiar": "conyuge", "motivo": "divorcio"}
    rest = {"matrimonio": "peru", "tercero": "no"}
    abroad = checklist_for(contents, "regular", {**base, "lugar": "extranjero", **rest})
    in_peru = checklist_for(contents, "regular", {**base, "lugar": "peru", **rest})
    assert any("Apostilla" in d.text for d in abroad.documents)
    assert not any("Apostilla" in d.text for d in in_peru.documents)
    assert abroad.foreign_documents and not in_peru.foreign_documents


def test_married_abroad_papers_are_one_choice_in_their_own_section(contents):
    checklist = checklist_for(
        contents,
        "regular",
        {"tramite": "baja", "familiar": "conyuge", "motivo": "otro", "matrimonio": "extranjero",
         "tercero": "no"},
    )  # fmt: skip
    group = next(
        g for g in checklist.groups if g.section.anchor == "conyuge-baja-casados-extranjero"
    )
    assert len(group.items) == 1 and group.items[0].is_choice
    assert len(group.items[0].documents) == 3


def test_sctr_employer_brings_contract_or_conditions(contents):
    checklist = checklist_for(contents, "sctr", {"trabajador": "dependiente"})
    choices = [item for g in checklist.groups for item in g.items if item.is_choice]
    assert len(choices) == 1 and len(choices[0].documents) == 2


def test_the_same_paper_in_two_sections_keeps_both_wordings(contents):
    checklist = checklist_for(
        contents,
        "regular",
        {"tramite": "baja", "familiar": "concubino", "motivo": "fin-concubinato", "tercero": "no"},
    )
    anchors = [group.section.anchor for group in checklist.groups]
    assert anchors == [
        "requisitos-desafiliacion",
        "requisitos-desafiliacion-concubino",
        "concubino-baja",
        "concubino-baja-fin-concubinato",
    ]
    assert checklist.groups[0].chapter.anchor == "derechohabientes"


@pytest.mark.parametrize(
    ("slug", "answers", "doer", "steps"),
    [
        ("regular", {"tramite": "inscripcion", "familiar": "hijo-menor"}, "empleador-planilla",
         "hijo-menor-pasos"),
        ("regular", {"tramite": "baja", "familiar": "hijo-menor", "motivo": "otro",
                     "tercero": "no"}, "empleador-planilla", "pasos-desafiliacion"),
        ("regular", {"tramite": "baja", "familiar": "gestante", "motivo": "fallecimiento",
                     "lugar": "peru"}, "titular-ospe", "pasos-desafiliacion"),
        ("regular", {"tramite": "cambio-establecimiento", "laboral": "no"}, "asegurado-ospe",
         "cambio-establecimiento-pasos"),
        ("regular", {"tramite": "consulta-establecimiento"}, "en-linea", None),
        ("potestativo", {"familiar": "titular"}, "titular-o-representante-ospe",
         "pasos-afiliacion-individual"),
        ("potestativo", {"familiar": "hijo-menor"}, "titular-ospe-mac",
         "pasos-afiliacion-familiares"),
        ("sctr", {"trabajador": "independiente", "nacionalidad": "peruana"},
         "independiente-ospe", "pasos-afiliacion-independiente"),
        ("sctr", {"trabajador": "dependiente"}, "empleador-sctr", "pasos-afiliacion-dependientes"),
        ("agrario", {"edad": "70-o-mas"}, "no-indicado", None),
    ],
)  # fmt: skip
def test_who_does_it_and_the_steps(contents, slug, answers, doer, steps):
    checklist = checklist_for(contents, slug, answers)
    assert checklist.doer == doer
    anchors = {item.step.section.anchor for item in checklist.steps}
    assert anchors == ({steps} if steps else set())


def test_waiting_period_goes_with_enrolment_not_removal(contents):
    enrol = checklist_for(contents, "regular", {"tramite": "inscripcion", "familiar": "gestante"})
    remove = checklist_for(
        contents,
        "regular",
        {"tramite": "baja", "familiar": "hijo-menor", "motivo": "otro", "tercero": "no"},
    )
    assert "gestante tiene cobertura de inmediato" in enrol.waiting_period
    assert remove.waiting_period == ""
    assert "pérdida de la cobertura" in remove.effect.body
    assert "se habilita su acreditación" in enrol.effect.body


def _notes(checklist):
    return " ".join(note.text for note in checklist.notes)


def test_the_42_day_rule_only_for_the_pregnant_partner(contents):
    pregnant = checklist_for(
        contents, "regular", {"tramite": "inscripcion", "familiar": "gestante"}
    )
    child = checklist_for(contents, "regular", {"tramite": "inscripcion", "familiar": "hijo-menor"})
    spouse = checklist_for(
        contents,
        "regular",
        {"tramite": "baja", "familiar": "conyuge", "motivo": "otro", "matrimonio": "peru",
         "tercero": "no"},
    )  # fmt: skip
    assert "42 días de puerperio" in _notes(pregnant)
    assert "42 días" not in _notes(child) + _notes(spouse)


def test_translation_note_goes_with_papers_from_abroad(contents):
    base = {"tramite": "baja", "familiar": "hijo-menor", "motivo": "fallecimiento", "tercero": "no"}
    abroad = checklist_for(contents, "regular", {**base, "lugar": "extranjero"})
    in_peru = checklist_for(contents, "regular", {**base, "lugar": "peru"})
    assert "traducción" in _notes(abroad)
    assert "traducción" not in _notes(in_peru)


def test_six_month_validity_is_flagged(contents):
    divorce = checklist_for(
        contents,
        "regular",
        {"tramite": "baja", "familiar": "conyuge", "motivo": "divorcio", "lugar": "extranjero",
         "matrimonio": "peru", "tercero": "no"},
    )  # fmt: skip
    recent = [d for d in divorce.documents if d.recent]
    assert [d.text[:27] for d in recent] == ["Si el divorcio fue en el ex"]
    assert checklist_for(contents, "potestativo", {"familiar": "conyuge"}).recent_documents
    assert not checklist_for(contents, "potestativo", {"familiar": "concubino"}).recent_documents


def test_clarifications_go_with_their_case(contents):
    removal = checklist_for(
        contents, "regular", {"tramite": "baja", "familiar": "gestante", "motivo": "fallecimiento",
                              "lugar": "peru"}
    )  # fmt: skip
    assert "la baja origina la activación" in _notes(removal)
    dependant = checklist_for(contents, "potestativo", {"familiar": "conyuge"})
    assert "30 a 39" in _notes(dependant)
    agrario = checklist_for(contents, "agrario", {"edad": "menos-de-70"})
    assert "suspendidas" in _notes(agrario)


@pytest.mark.parametrize(
    ("slug", "answers", "forms"),
    [
        ("regular", {"tramite": "inscripcion", "familiar": "concubino"}, ["1010"]),
        ("sctr", {"trabajador": "independiente", "nacionalidad": "peruana"}, ["6004"]),
        ("sctr", {"trabajador": "dependiente"}, ["6056"]),
        ("agrario", {"edad": "menos-de-70"}, []),
    ],
)
def test_forms_named(contents, slug, answers, forms):
    checklist = checklist_for(contents, slug, answers)
    assert [form.code for form in checklist.forms] == forms


def test_sources_link_every_section_used(contents):
    checklist = checklist_for(
        contents, "regular", {"tramite": "inscripcion", "familiar": "gestante"}
    )
    assert [s.section.anchor for s in checklist.sources] == [
        "derechohabientes",
        "pasos-desafiliacion",
        "gestante-inscripcion",
        "gestante-pasos",
        "registro-derechohabientes",
    ]


def test_the_case_in_words(db):
    plan = Plan.objects.get(slug="regular")
    answers = Answers(
        (
            ("tramite", "baja"),
            ("familiar", "conyuge"),
            ("motivo", "divorcio"),
            ("lugar", "extranjero"),
        )
    )
    assert describe(plan, answers) == (
        "Dar de baja a tu cónyuge por divorcio en el extranjero — Seguro Regular EsSalud"
    )
    answers = answers.with_answer("matrimonio", "extranjero").with_answer("tercero", "si")
    assert describe(plan, answers, with_plan=False) == (
        "Dar de baja a tu cónyuge por divorcio en el extranjero "
        "(casados en el extranjero, trámite hecho por un tercero)"
    )


# --- The routes agree with the fixtures -------------------------------------------------


def test_every_anchor_the_routes_name_exists(db):
    anchors = {(s.plan.slug, s.anchor) for s in Section.objects.select_related("plan")}
    for route in ROUTES:
        for person in route.persons or (None,):
            names = (
                *route.doer_sections,
                *route.only_sections,
                *route.steps,
                *route.notes,
                *route.links_from,
                *([route.effect] if route.effect else []),
            )
            for anchor in route.anchors(names, person):
                assert (route.plan, anchor) in anchors, f"{route.plan}: no section {anchor}"


def test_every_procedure_and_person_of_the_fixtures_has_a_route(contents):
    for slug, content in contents.items():
        flow = content.flow
        for procedure in flow.options("tramite", Answers()):
            answers = Answers((("tramite", procedure),))
            for person in flow.options("familiar", answers) or (None,):
                routes = [r for r in flow.routes if r.matches(procedure, person)]
                assert routes, f"{slug}: no route for {procedure} {person}"


def test_a_plan_without_requirements_has_no_checklist(db):
    content = load_plan_content(Plan.objects.get(slug="vida"))
    assert not content.has_checklists


# --- The flow, on its own (no database) -------------------------------------------------

ROWS = (
    Row("baja", "", "", "requisitos-desafiliacion"),
    Row("baja", "", "fallecimiento-peru", "requisitos-desafiliacion"),
    Row("baja", "", "fallecimiento-extranjero", "requisitos-desafiliacion"),
    Row("baja", "", "otro-motivo", "requisitos-desafiliacion"),
    Row("baja", "", "tercero", "requisitos-desafiliacion"),
    Row("baja", "conyuge", "divorcio", "requisitos-desafiliacion-conyuge"),
    Row("baja", "conyuge", "matrimonio-extranjero", "conyuge-baja-casados-extranjero"),
    Row("baja", "gestante", "", "gestante-baja"),
    Row("inscripcion", "conyuge", "", "conyuge-inscripcion"),
    Row("cambio-establecimiento", "", "motivo-laboral", "cambio-establecimiento-requisitos"),
)


@pytest.fixture
def flow():
    return Flow("regular", ROWS)


def test_options_come_from_the_tags(flow):
    assert flow.options("tramite", Answers()) == ("inscripcion", "baja", "cambio-establecimiento")
    baja = Answers((("tramite", "baja"),))
    assert flow.options("familiar", baja) == ("conyuge", "gestante")
    spouse = baja.with_answer("familiar", "conyuge")
    assert flow.options("motivo", spouse) == ("fallecimiento", "divorcio", "otro")
    assert flow.options("lugar", spouse.with_answer("motivo", "otro")) == ()
    assert flow.options("lugar", spouse.with_answer("motivo", "divorcio")) == ()  # no place tag
    assert flow.options("lugar", spouse.with_answer("motivo", "fallecimiento")) == (
        "peru",
        "extranjero",
    )
    assert flow.options("matrimonio", spouse) == ("peru", "extranjero")
    assert flow.options("tercero", spouse) == ("no", "si")
    # The source rules out a third party, and any motive but death needs no paper (5.2).
    assert flow.options("tercero", baja.with_answer("familiar", "gestante")) == ()
    cambio = Answers((("tramite", "cambio-establecimiento"),))
    assert flow.options("familiar", cambio) == ()
    assert flow.options("laboral", cambio) == ("no", "si")


def test_a_walk_ends_at_the_next_question(flow):
    outcome = flow.resolve({"tramite": "baja"})
    assert isinstance(outcome, NextQuestion)
    assert (outcome.question, outcome.error) == ("familiar", "")


def test_a_full_walk_is_a_case(flow):
    outcome = flow.resolve(
        {"tramite": "cambio-establecimiento", "laboral": "si"},
    )
    assert isinstance(outcome, Complete)
    assert outcome.case.circumstances == {"motivo-laboral"}
    assert flow.url(outcome.answers) == (
        "/seguros/regular/requisitos/?tramite=cambio-establecimiento&laboral=si"
    )


@pytest.mark.parametrize(
    ("given", "invalid", "submitted", "question", "error"),
    [
        ({}, ["tramite"], "", "tramite", INVALID),
        ({"tramite": "baja"}, [], "familiar", "familiar", REQUIRED),
        ({"tramite": "baja", "motivo": "otro"}, [], "", "familiar", MISSING),
        ({"tramite": "baja"}, ["lugar"], "", "familiar", MISSING),
        ({"tramite": "cambio-establecimiento"}, ["familiar"], "", "laboral", UNUSED_INVALID),
        ({"tramite": "cambio-establecimiento", "laboral": "no"}, ["edad"], "", "laboral",
         UNUSED_INVALID),
    ],
)  # fmt: skip
def test_wrong_requests_show_a_question_again(flow, given, invalid, submitted, question, error):
    outcome = flow.resolve(given, invalid, submitted)
    assert isinstance(outcome, NextQuestion)
    assert (outcome.question, outcome.error) == (question, error)


def test_known_words_the_source_does_not_describe(flow):
    outcome = flow.resolve({"tramite": "inscripcion", "familiar": "gestante"})
    assert isinstance(outcome, NotDescribed)
    assert (outcome.question, outcome.value, outcome.options) == (
        "familiar",
        "gestante",
        ("conyuge",),
    )
    outcome = flow.resolve({"tramite": "cambio-establecimiento", "laboral": "no", "motivo": "otro"})
    assert isinstance(outcome, NotDescribed)
    assert outcome.extra == (("motivo", "otro"),)


def test_removing_the_pregnant_partner_for_other_reasons_is_explained(flow):
    outcome = flow.resolve({"tramite": "baja", "familiar": "gestante", "motivo": "otro"})
    assert outcome == Explained(outcome.answers, AUTOMATIC_REMOVAL)


def test_single_option_questions_are_implied_and_left_out_of_the_url():
    flow = Flow("agrario", (Row("inscripcion", "titular", "mayor-70", "condiciones"),))
    outcome = flow.resolve({"edad": "70-o-mas"})
    assert isinstance(outcome, Complete)
    assert outcome.answers.implied == {"tramite", "familiar"}
    assert flow.url(outcome.answers) == "/seguros/agrario/requisitos/?edad=70-o-mas"
    # Saying the implied answer is fine; another one is a case the source does not describe.
    assert isinstance(flow.resolve({"tramite": "inscripcion", "edad": "70-o-mas"}), Complete)
    assert isinstance(flow.resolve({"tramite": "baja"}), NotDescribed)


def test_every_question_has_a_vocabulary_and_the_order_is_fixed():
    assert set(checklists.VOCABULARY) == set(QUESTIONS)
    assert checklists.VOCABULARY["tramite"] == tuple(Requirement.Procedure.values)


def test_amounts_listed_after_a_step_stay_with_it(contents):
    checklist = checklist_for(contents, "potestativo", {"familiar": "titular"})
    numbers = [item.step.number for item in checklist.steps]
    assert numbers == ["3.2.1", "3.2.2", "3.2.3"]
    amounts = [rule.text for rule in checklist.steps[1].amounts]
    assert amounts[0] == "De 0 a 17 años: S/ 137.00" and len(amounts) == 4


def test_a_section_without_a_number_is_named_by_its_chapter(contents):
    checklist = checklist_for(
        contents, "regular", {"tramite": "cambio-establecimiento", "laboral": "no"}
    )
    assert [s.label for s in checklist.sources] == ["15", "15 (Requisitos)", "15.1"]
