"""The checklist builder's questions on their own, from hand-written requirement tags (no
database): which questions a case asks, and where a request's answers lead."""

import pytest

from insurance import checklists
from insurance.checklists import (
    AUTOMATIC_REMOVAL,
    INVALID,
    MISSING,
    QUESTIONS,
    REQUIRED,
    UNUSED_INVALID,
    Answers,
    Complete,
    Explained,
    Flow,
    NextQuestion,
    NotDescribed,
    Row,
)
from insurance.models import Requirement

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


# --- The kind of titular (Regular 11): asked only where it changes who does it -----------

SPOUSE_ENROLMENT = {"tramite": "inscripcion", "familiar": "conyuge"}


def test_the_kind_of_titular_is_asked_last_for_a_regular_dependant(flow):
    outcome = flow.resolve(SPOUSE_ENROLMENT)
    assert isinstance(outcome, NextQuestion)
    assert (outcome.question, outcome.error) == ("titular", "")
    assert outcome.options == ("trabajador", "pensionista", "pescador-artesanal", "otro")
    complete = flow.resolve({**SPOUSE_ENROLMENT, "titular": "pensionista"})
    assert isinstance(complete, Complete)
    assert complete.case.circumstances == {"titular-pensionista"}
    assert flow.resolve({**SPOUSE_ENROLMENT, "titular": "trabajador"}).case.circumstances == {
        "titular-con-empleador"
    }


def test_a_list_bookmarked_before_the_question_existed_asks_it_without_an_error(flow):
    """The question comes last, so an address with every other answer is not "missing" one:
    the page asks the new question and keeps the rest."""
    given = {"tramite": "baja", "familiar": "conyuge", "motivo": "otro", "matrimonio": "peru",
             "tercero": "no"}  # fmt: skip
    outcome = flow.resolve(given)
    assert isinstance(outcome, NextQuestion)
    assert (outcome.question, outcome.error) == ("titular", "")
    assert dict(outcome.answers.asked) == given


@pytest.mark.parametrize(
    "given",
    [
        {"tramite": "baja", "familiar": "gestante", "motivo": "fallecimiento",
         "lugar": "peru"},  # the titular himself, at an OSPE, whoever he is (5.2)
        {"tramite": "cambio-establecimiento", "laboral": "no"},
    ],
)  # fmt: skip
def test_the_kind_of_titular_is_not_asked_where_it_changes_nothing(given):
    rows = (*ROWS, Row("baja", "gestante", "fallecimiento-peru", "gestante-baja-fallecimiento"))
    assert isinstance(Flow("regular", rows).resolve(given), Complete)
    other = Flow("regular", rows).resolve({**given, "titular": "pensionista"})
    assert isinstance(other, NotDescribed) and other.extra == (("titular", "pensionista"),)
