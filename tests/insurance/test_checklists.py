"""The checklist selection: for each case of the source, exactly the papers it asks for,
each paper once (``checklist_cases`` writes the cases and their papers out by hand)."""

import pytest
from django.core.exceptions import ValidationError

from insurance.checklists import ROUTES, Answers, describe, load_plan_content
from insurance.models import Note, Plan, Requirement, Section, Step

from .checklist_cases import (
    ALL_CASES,
    DOCUMENTS,
    checklist_for,
    every_checklist,
    name_of,
    names_in,
    papers_of,
)

LONG_REMOVAL = {"tramite": "baja", "familiar": "conyuge", "tercero": "no", "titular": "trabajador"}


@pytest.mark.parametrize(("slug", "answers", "expected"), ALL_CASES)
def test_each_case_has_exactly_its_papers(contents, slug, answers, expected):
    checklist = checklist_for(contents, slug, answers)
    assert names_in(slug, checklist) == expected


def test_the_cases_above_are_every_case_of_the_source(contents):
    tested = {(slug, tuple(sorted(answers.items()))) for slug, answers, _ in
              (p.values for p in ALL_CASES)}  # fmt: skip
    reachable = {
        (slug, tuple(sorted(case.answers.asked)))
        for slug, content in contents.items()
        for case in content.flow.complete_cases()
    }
    assert reachable == tested


def test_every_requirement_of_the_source_is_in_some_checklist(contents):
    shown = {
        r.pk for _slug, checklist in every_checklist(contents) for d in checklist.documents
        for r in d.requirements
    }  # fmt: skip
    assert shown == set(Requirement.objects.values_list("pk", flat=True))


# --- One paper, one item (issue 13, point 7) ----------------------------------------------


def test_no_list_asks_for_a_paper_twice(contents):
    """Walk every case of every plan: no two items of a list ask for the same paper."""
    for slug, checklist in every_checklist(contents):
        seen: dict[str, str] = {}
        for group in checklist.groups:
            for item in group.items:
                for paper in papers_of(slug, item):
                    shown = name_of(slug, item.documents[0].text)
                    assert paper not in seen, (
                        f"{checklist.title}: {paper} in {seen.get(paper)} and {shown}"
                    )
                    seen[paper] = shown


@pytest.mark.parametrize(
    ("answers", "shown", "merged", "sections"),
    [
        # The Formulario 1010, up to three times: 5.1, the person's removal, and "Si falleció
        # en el Perú: Formulario N°1010".
        ({**LONG_REMOVAL, "motivo": "fallecimiento", "lugar": "peru", "matrimonio": "peru"},
         "spouse-form", {"form-5.1", "death-peru-form"}, ["5.1", "6.1.2", "6.1.2.1"]),
        ({"tramite": "baja", "familiar": "gestante", "motivo": "fallecimiento", "lugar": "peru"},
         "pregnant-form-remove", {"form-5.1", "death-peru-form"}, ["5.1", "10.1.2", "10.1.2.1"]),
        ({"tramite": "baja", "familiar": "hijo-menor", "motivo": "otro", "tercero": "no",
          "titular": "pensionista"}, "child-form-remove", {"form-5.1"}, ["5.1", "8.1.2"]),
        # Two death certificates with different legalisation and age rules: 5.1's, stricter.
        ({**LONG_REMOVAL, "motivo": "fallecimiento", "lugar": "extranjero", "matrimonio": "peru"},
         "death-abroad-5.1", {"death-abroad"}, ["5.1", "6.1.2.1"]),
        ({"tramite": "baja", "familiar": "hijo-mayor-incapacitado", "motivo": "fallecimiento",
          "lugar": "extranjero", "tercero": "si", "titular": "otro"},
         "death-abroad-5.1", {"death-abroad"}, ["5.1", "9.1.2.1"]),
        # Two sworn statements for one end of cohabitation: 7.1.2.1's, with the date.
        ({"tramite": "baja", "familiar": "concubino", "motivo": "fin-concubinato",
          "tercero": "no", "titular": "trabajador"},
         "end-cohabitation-7.1.2.1", {"end-cohabitation-5.1.2"}, ["5.1.2", "7.1.2.1"]),
        # The proof of a divorce: in Peru each section has its list; abroad, 5.1.1's is stricter.
        ({**LONG_REMOVAL, "motivo": "divorcio", "lugar": "peru", "matrimonio": "peru"},
         "divorce-5.1.1", {"divorce-peru"}, ["5.1.1", "6.1.2.2"]),
        ({**LONG_REMOVAL, "motivo": "divorcio", "lugar": "extranjero", "matrimonio": "extranjero"},
         "divorce-abroad-5.1.1", {"divorce-5.1.1", "divorce-abroad"}, ["5.1.1", "6.1.2.2"]),
    ],
)  # fmt: skip
def test_a_paper_asked_twice_is_one_item_citing_each_section(
    contents, answers, shown, merged, sections
):
    checklist = checklist_for(contents, "regular", answers)
    document = next(d for d in checklist.documents if name_of("regular", d.text) == shown)
    assert {name_of("regular", r.text) for r in document.requirements} == {shown, *merged}
    assert [source.label for source in document.sources] == sections
    # Where the sections' words differ, an Aclaración names them.
    assert document.clarifications
    for label in sections[:2]:
        assert f"{label} " in " ".join(document.clarifications).replace(",", " ")


def test_every_merged_paper_says_how_its_sections_differ(contents):
    """A paper shown for several sections carries an Aclaración naming the section whose
    words are shown and another one it stands for."""
    merged = 0
    for _slug, checklist in every_checklist(contents):
        for document in checklist.documents:
            if len(document.sources) < 2:
                continue
            merged += 1
            words = " ".join(document.clarifications)
            labels = [source.label for source in document.sources]
            assert document.requirement.section.number in words, (checklist.title, labels)
            assert sum(label in words for label in labels) >= 2, (checklist.title, labels)
    assert merged > 100


def test_a_merged_paper_has_at_most_one_stricter_rule(contents):
    for _slug, checklist in every_checklist(contents):
        for document in checklist.documents:
            assert sum(r.prevails for r in document.requirements) <= 1, checklist.title


def test_the_merged_paper_stands_where_the_first_section_asks_for_it(contents):
    checklist = checklist_for(
        contents, "regular", {**LONG_REMOVAL, "motivo": "divorcio", "lugar": "peru",
                              "matrimonio": "peru"}
    )  # fmt: skip
    first = checklist.groups[0]
    assert first.section.number == "5.1" and first.chapter.anchor == "derechohabientes"
    assert name_of("regular", first.items[0].documents[0].text) == "spouse-form"
    # 6.1.2 and 6.1.2.2 had only the merged papers: no empty headings are left.
    assert [g.section.number for g in checklist.groups] == ["5.1", "5.1.1"]


def test_the_stricter_rule_keeps_its_six_month_limit(contents):
    checklist = checklist_for(
        contents, "regular", {**LONG_REMOVAL, "motivo": "divorcio", "lugar": "extranjero",
                              "matrimonio": "peru"}
    )  # fmt: skip
    recent = [d for d in checklist.documents if d.recent]
    assert [d.text[:27] for d in recent] == ["Si el divorcio fue en el ex"]
    assert checklist.recent_documents and recent[0].foreign


def test_the_third_partys_id_is_said_to_be_the_titulars(contents):
    for _slug, checklist in every_checklist(contents):
        if checklist.case.get("tercero") == "si":
            third = next(d for d in checklist.documents if "carta poder" in d.text)
            assert "mismo documento de identidad del titular" in third.clarifications[0]


def test_rows_that_would_break_the_merge_are_refused(db):
    section = Section.objects.get(plan__slug="regular", anchor="requisitos-desafiliacion")
    other = Section.objects.get(plan__slug="regular", anchor="conyuge-pasos")
    bad = [
        Requirement(section=section, order=90, procedure="baja", text="x", prevails=True),
        Requirement(section=section, order=91, procedure="baja", text="x", document="d",
                    choice_group="g"),
        Requirement(section=section, order=92, procedure="baja", text="x",
                    step=Step.objects.filter(section=other).first()),
        Note(section=section, order=93, kind="aclaracion", text="x",
             step=Step.objects.filter(section=other).first()),
        Step(section=section, order=94, title="x", circumstance="tercero", unless="tercero"),
    ]  # fmt: skip
    for row in bad:
        with pytest.raises(ValidationError):
            row.full_clean()


# --- Papers by case ---------------------------------------------------------------------


def test_apostille_for_divorce_abroad_not_in_peru(contents):
    base = {**LONG_REMOVAL, "motivo": "divorcio", "matrimonio": "peru"}
    abroad = checklist_for(contents, "regular", {**base, "lugar": "extranjero"})
    in_peru = checklist_for(contents, "regular", {**base, "lugar": "peru"})
    assert any("Apostilla" in d.text for d in abroad.documents)
    assert not any("Apostilla" in d.text for d in in_peru.documents)
    assert abroad.foreign_documents and not in_peru.foreign_documents


def test_married_abroad_papers_are_one_choice_in_their_own_section(contents):
    checklist = checklist_for(
        contents, "regular", {**LONG_REMOVAL, "motivo": "otro", "matrimonio": "extranjero"}
    )
    group = next(
        g for g in checklist.groups if g.section.anchor == "conyuge-baja-casados-extranjero"
    )
    assert len(group.items) == 1 and group.items[0].is_choice
    assert len(group.items[0].documents) == 3


def test_sctr_employer_brings_contract_or_conditions(contents):
    checklist = checklist_for(contents, "sctr", {"trabajador": "dependiente"})
    choices = [item for g in checklist.groups for item in g.items if item.is_choice]
    assert len(choices) == 1 and len(choices[0].documents) == 2


@pytest.mark.parametrize(
    "person", ["conyuge", "concubino", "hijo-menor", "hijo-mayor-incapacitado"]
)
def test_potestativo_dependants_bring_what_the_step_says(contents, person):
    """4.2.2: "Presenta el formulario correctamente lleno, tu contrato firmado, tu documento
    de identidad y el de los dependientes que desees afiliar"; the titular alone, 3.1."""
    checklist = checklist_for(contents, "potestativo", {"familiar": person})
    group = next(g for g in checklist.groups if g.section.anchor == "pasos-afiliacion-familiares")
    assert [name_of("potestativo", i.documents[0].text) for i in group.items] == [
        "family-form",
        "family-contract",
        "family-own-id",
        "family-dependants-id",
    ]
    assert "Formulario n.º 1010" in group.items[0].documents[0].clarifications[0]
    assert [form.code for form in checklist.forms] == ["1010"]


def test_waiting_period_goes_with_enrolment_not_removal(contents):
    enrol = checklist_for(
        contents, "regular", {"tramite": "inscripcion", "familiar": "gestante", "titular": "otro"}
    )
    remove = checklist_for(contents, "regular", {**LONG_REMOVAL, "motivo": "otro",
                                                 "familiar": "hijo-menor"})  # fmt: skip
    assert "gestante tiene cobertura de inmediato" in enrol.waiting_period
    assert remove.waiting_period == ""
    assert "pérdida de la cobertura" in remove.effect.body
    assert "se habilita su acreditación" in enrol.effect.body


def _notes(checklist):
    return " ".join(note.text for note in checklist.notes)


def test_the_42_day_rule_only_for_the_pregnant_partner(contents):
    pregnant = checklist_for(
        contents, "regular",
        {"tramite": "inscripcion", "familiar": "gestante", "titular": "trabajador"},
    )  # fmt: skip
    child = checklist_for(
        contents, "regular",
        {"tramite": "inscripcion", "familiar": "hijo-menor", "titular": "trabajador"},
    )  # fmt: skip
    spouse = checklist_for(
        contents, "regular", {**LONG_REMOVAL, "motivo": "otro", "matrimonio": "peru"}
    )
    assert "42 días de puerperio" in _notes(pregnant)
    assert "42 días" not in _notes(child) + _notes(spouse)


def test_translation_note_goes_with_papers_from_abroad(contents):
    base = {**LONG_REMOVAL, "familiar": "hijo-menor", "motivo": "fallecimiento"}
    abroad = checklist_for(contents, "regular", {**base, "lugar": "extranjero"})
    in_peru = checklist_for(contents, "regular", {**base, "lugar": "peru"})
    assert "traducción" in _notes(abroad)
    assert "traducción" not in _notes(in_peru)


def test_six_month_validity_is_flagged_for_potestativo_spouses(contents):
    assert checklist_for(contents, "potestativo", {"familiar": "conyuge"}).recent_documents
    assert not checklist_for(contents, "potestativo", {"familiar": "concubino"}).recent_documents


def test_clarifications_go_with_their_case(contents):
    removal = checklist_for(
        contents, "regular", {"tramite": "baja", "familiar": "gestante", "motivo": "fallecimiento",
                              "lugar": "peru"}
    )  # fmt: skip
    assert "la baja origina la activación" in _notes(removal)
    agrario = checklist_for(contents, "agrario", {"edad": "menos-de-70"})
    assert "suspendidas" in _notes(agrario)


@pytest.mark.parametrize("place", ["peru", "extranjero"])
def test_the_pregnant_partners_removal_says_she_loses_cover(contents, place):
    """10.1.2 of the source says the removal "origina la activación": a typo the page
    corrects (its Aclaración quotes the source), so the checklist's outcome is not
    "activation" beside the removal it describes."""
    removal = checklist_for(
        contents, "regular", {"tramite": "baja", "familiar": "gestante", "motivo": "fallecimiento",
                              "lugar": place}
    )  # fmt: skip
    assert removal.effect.body.startswith("La baja origina la desafiliación de la Gestante")
    assert "activación" not in removal.effect.body


@pytest.mark.parametrize(
    ("slug", "answers", "forms"),
    [
        ("regular", {"tramite": "inscripcion", "familiar": "concubino", "titular": "trabajador"},
         ["1010"]),
        ("regular", {**LONG_REMOVAL, "motivo": "fallecimiento", "lugar": "peru",
                     "matrimonio": "peru"}, ["1010"]),
        ("sctr", {"trabajador": "independiente", "nacionalidad": "peruana"}, ["6004"]),
        ("sctr", {"trabajador": "dependiente"}, ["6056"]),
        ("agrario", {"edad": "menos-de-70"}, []),
    ],
)  # fmt: skip
def test_forms_named(contents, slug, answers, forms):
    checklist = checklist_for(contents, slug, answers)
    assert [form.code for form in checklist.forms] == forms


def test_sources_link_every_section_used(contents):
    checklist = checklist_for(
        contents, "regular",
        {"tramite": "inscripcion", "familiar": "gestante", "titular": "trabajador"},
    )  # fmt: skip
    assert [s.section.anchor for s in checklist.sources] == [
        "derechohabientes",
        "pasos-desafiliacion",
        "gestante-inscripcion",
        "gestante-pasos",
        "registro-derechohabientes",
    ]


def test_a_section_without_a_number_is_named_by_its_chapter(contents):
    checklist = checklist_for(
        contents, "regular", {"tramite": "cambio-establecimiento", "laboral": "no"}
    )
    assert [s.label for s in checklist.sources] == ["15", "15 (Requisitos)", "15.1"]


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
    answers = answers.with_answer("titular", "pensionista")
    assert describe(plan, answers, with_plan=False) == (
        "Dar de baja a tu cónyuge por divorcio en el extranjero "
        "(casados en el extranjero, trámite hecho por un tercero, titular pensionista)"
    )


def test_each_phrase_names_some_requirement_and_each_requirement_one_phrase(db):
    for slug, names in DOCUMENTS.items():
        texts = Requirement.objects.filter(section__plan__slug=slug).values_list("text", flat=True)
        assert {name_of(slug, text) for text in texts} == set(names)


# --- The routes agree with the fixtures -------------------------------------------------


def test_every_anchor_the_routes_name_exists(db):
    anchors = {(s.plan.slug, s.anchor) for s in Section.objects.select_related("plan")}
    for route in ROUTES:
        for person in route.persons or (None,):
            names = (
                *(section for doer in route.doers for section in doer.sections),
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


def test_six_month_validity_is_flagged_in_english_too(contents):
    """The rule is read in the source's Spanish: an English page keeps the tag."""
    from django.utils import translation

    with translation.override("en"):
        assert checklist_for(contents, "potestativo", {"familiar": "conyuge"}).recent_documents
        assert not checklist_for(
            contents, "potestativo", {"familiar": "concubino"}
        ).recent_documents
