"""Who carries out each case, and the steps and notes it shows: they must fit the case
(issue 13, points 8 and 10; issue 14, point 11)."""

import re

import pytest

from .checklist_cases import (
    TITULARS,
    checklist_for,
    every_checklist,
)

REMOVAL = {"tramite": "baja", "tercero": "no"}


def employer_takes_part(slug, case) -> bool:
    """Where the source has an employer do or sign something, written from the source:
    Regular 5 to 10 for a titular who works for one (not the gestante's removal, which the
    titular does himself, 5.2), Regular 15 for a change for work reasons, SCTR 7."""
    if slug == "regular":
        if case.get("tramite") == "cambio-establecimiento":
            return case.get("laboral") == "si"
        return case.get("titular") == "trabajador"
    return slug == "sctr" and case.get("trabajador") == "dependiente"


def ruled_out(slug, case) -> dict[str, str]:
    """What a step or note must not name for this case: why -> pattern."""
    out = {}
    if not employer_takes_part(slug, case):
        out["no employer in this case"] = r"empleador"
    if "fallecimiento-extranjero" in case.circumstances:
        out["a death abroad: no Peruvian registry issues the certificate"] = r"Reniec|municipalidad"
    if case.get("titular") == "pensionista":
        out["pensioners have no waiting period (figures.md)"] = r"tres meses de aportes"
    return out


def shown_words(checklist) -> str:
    steps = [f"{s.step.title} {s.step.body} {' '.join(n.text for n in s.notes)}"
             for s in checklist.steps]  # fmt: skip
    return " ".join([*steps, *(note.text for note in checklist.notes)])


def test_no_shown_step_or_note_names_what_the_case_rules_out(contents):
    checked = set()
    for slug, checklist in every_checklist(contents):
        words = shown_words(checklist)
        for why, pattern in ruled_out(slug, checklist.case).items():
            checked.add(why)
            assert not re.search(pattern, words, re.IGNORECASE), f"{checklist.title}: {why}"
    assert len(checked) == 3


@pytest.mark.parametrize(
    ("slug", "answers", "doer", "steps"),
    [
        # Regular 6.2 / 8.2: the employer registers its worker's family (6.2.1, 8.2.1) ...
        ("regular", {"tramite": "inscripcion", "familiar": "hijo-menor", "titular": "trabajador"},
         "empleador-planilla", ["8.2.1", "8.2.2"]),
        # ... the source does not say who registers a pensioner's or a fisher's (11): the
        # titular, at an OSPE or online (12, figures.md). Pensioners have no waiting period.
        ("regular", {"tramite": "inscripcion", "familiar": "hijo-menor", "titular": "pensionista"},
         "entidad-pension", []),
        ("regular", {"tramite": "inscripcion", "familiar": "conyuge", "matrimonio": "peru",
                     "titular": "pescador-artesanal"}, "organizacion-social", ["6.2.2"]),
        ("regular", {"tramite": "inscripcion", "familiar": "gestante", "titular": "otro"},
         "titular-ospe-viva", ["10.2.2"]),
        # 5.2: 5.2.1 speaks of a death certificate from Reniec: only for a death in Peru.
        ("regular", {**REMOVAL, "familiar": "hijo-menor", "motivo": "otro",
                     "titular": "trabajador"}, "empleador-planilla", ["5.2.2"]),
        ("regular", {**REMOVAL, "familiar": "concubino", "motivo": "fallecimiento",
                     "lugar": "peru", "titular": "trabajador"},
         "empleador-planilla", ["5.2.1", "5.2.2"]),
        ("regular", {**REMOVAL, "familiar": "concubino", "motivo": "fallecimiento",
                     "lugar": "extranjero", "titular": "trabajador"},
         "empleador-planilla", ["5.2.2"]),
        ("regular", {**REMOVAL, "familiar": "concubino", "motivo": "fallecimiento",
                     "lugar": "peru", "titular": "pensionista"}, "entidad-pension", ["5.2.1"]),
        # 5.2 "Importante": the gestante's death, the titular himself at an OSPE.
        ("regular", {"tramite": "baja", "familiar": "gestante", "motivo": "fallecimiento",
                     "lugar": "peru"}, "titular-ospe", ["5.2.1"]),
        ("regular", {"tramite": "baja", "familiar": "gestante", "motivo": "fallecimiento",
                     "lugar": "extranjero"}, "titular-ospe", []),
        ("regular", {"tramite": "cambio-establecimiento", "laboral": "no"}, "asegurado-ospe",
         ["15.1.1"]),
        ("regular", {"tramite": "consulta-establecimiento"}, "en-linea", []),
        ("potestativo", {"familiar": "titular"}, "titular-o-representante-ospe",
         ["3.2.1", "3.2.2", "3.2.3"]),
        ("potestativo", {"familiar": "hijo-menor"}, "titular-ospe-mac",
         ["4.2.1", "4.2.2", "4.2.3"]),
        ("sctr", {"trabajador": "independiente", "nacionalidad": "peruana"},
         "independiente-ospe", ["2.1.1", "2.1.2", "2.1.3"]),
        ("sctr", {"trabajador": "dependiente"}, "empleador-sctr", ["7.2.1", "7.2.2"]),
        ("agrario", {"edad": "70-o-mas"}, "no-indicado", []),
    ],
)  # fmt: skip
def test_who_does_it_and_the_steps(contents, slug, answers, doer, steps):
    checklist = checklist_for(contents, slug, answers)
    assert checklist.doer == doer
    assert [item.step.number for item in checklist.steps] == steps


@pytest.mark.parametrize("titular", TITULARS)
def test_who_registers_a_regular_titular_is_cited(contents, titular):
    checklist = checklist_for(
        contents, "regular", {"tramite": "inscripcion", "familiar": "concubino", "titular": titular}
    )
    numbers = [section.number for section in checklist.doer_sections]
    assert numbers == {"trabajador": ["5", "12"], "otro": ["12"]}.get(titular, ["11", "12"])


def test_every_tagged_step_is_shown_in_some_case_and_hidden_in_another(contents):
    """A tag no answer brings would hide (or always show) a step without anyone noticing."""
    shown, hidden = set(), set()
    for slug, checklist in every_checklist(contents):
        route = contents[slug].flow.route(checklist.case.answers)
        anchors = route.anchors(route.steps, checklist.case.get("familiar"))
        listed = {item.step.pk for item in checklist.steps}
        for step in contents[slug].steps:
            if step.section.anchor in anchors:
                (shown if step.pk in listed else hidden).add(step.pk)
    tagged = {s.pk for c in contents.values() for s in c.steps if s.circumstance or s.unless}
    assert len(tagged) == 12  # 5.2.1, 5.2.2, and both steps of each of 6.2 to 10.2
    assert tagged <= shown and tagged <= hidden
    assert shown & hidden == tagged  # an untagged step shows in every case of its route


def test_steps_that_depart_from_the_source_carry_their_aclaracion(contents):
    """Issue 14, point 11: the source says "Descarga" a form it gives no address for."""
    for _slug, checklist in every_checklist(contents):
        for item in checklist.steps:
            assert "Descarga" not in item.step.body
            if "Pide" in item.step.body and "OSPE" in item.step.body:
                assert any("«Descarga»" in note.text for note in item.notes), item.step.number
    potestativo = checklist_for(contents, "potestativo", {"familiar": "conyuge"})
    notes = {item.step.number: [n.text for n in item.notes] for item in potestativo.steps}
    assert "«Descarga»" in notes["4.2.1"][0]
    assert "30 a 39" in notes["4.2.3"][0]  # the premium band the source misprints
    assert notes["4.2.2"] == []
