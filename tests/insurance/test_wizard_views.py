"""The eligibility wizard's pages: every node and outcome renders, personas click through
the real GET URLs, tampered URLs go back to the first unanswered question."""

import re
from datetime import date
from decimal import Decimal
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insurance import checklists, rules, wizard
from insurance import wizard_links as links
from insurance.rules import MatchCode
from insurance.snapshot import snapshot

from .personas import ON, PERSONAS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rules_date")]

START = "/que-seguro-me-corresponde/"
REVIEW = START + "revisar/"
RESULT = START + "resultado/"
BY_NAME = {p.name: p for p in PERSONAS}
QUESTION_MAX_QUERIES = 0
# The content version: the plans and their checklists are the worker's copy (once warm, as
# on a running server; insurance.snapshot).
RESULT_MAX_QUERIES = 1
MAX_QUESTIONS = 9  # a persona never answers more than this


@pytest.fixture
def rules_date():
    with override_settings(RULES_DATE=ON):
        yield


def qs(answers: dict) -> list[tuple[str, str]]:
    """A persona's answers as query-string items."""
    return [
        (key, item)
        for key, value in answers.items()
        for item in (value if isinstance(value, list) else [value])
    ]


def query_of(url: str) -> MultiValueDict:
    data = MultiValueDict()
    for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        data.appendlist(key, value)
    return data


def path_of(persona) -> list[str]:
    state = wizard.walk(query_of("?" + urlencode(qs(persona.answers))), on=ON)
    return [q.id for q in state.path]


def optional_url(name, **kwargs):
    try:
        return reverse(name, **kwargs)
    except NoReverseMatch:
        return None


# --- The flow as data ---------------------------------------------------------------------


def test_question_ids_are_unique_and_never_clash_with_the_other_pages():
    ids = [q.id for q in wizard.QUESTIONS]
    assert len(ids) == len(set(ids))
    assert not {wizard.REVIEW, wizard.RESULT} & set(ids)
    for q in wizard.QUESTIONS:
        assert q.form.base_fields.keys() == {q.id}, q.id


@pytest.mark.parametrize("persona", PERSONAS, ids=str)
def test_the_wizard_builds_the_personas_profile(persona):
    state = wizard.walk(query_of("?" + urlencode(qs(persona.answers))), on=ON)
    assert state.complete, state.pending
    # Every answer was asked, in this order, and nothing else.
    assert [q.id for q in state.path] == list(persona.answers)
    assert state.profile() == persona.profile


def test_next_node_skips_what_earlier_answers_make_irrelevant():
    employee = {"situacion": rules.Situation.EMPLOYEE}
    assert wizard.next_node(wizard.BY_ID["situacion"], employee).id == "dependiente"
    pensioner = {"situacion": rules.Situation.PENSIONER}
    assert wizard.next_node(wizard.BY_ID["situacion"], pensioner).id == "pension"
    assert wizard.next_node(wizard.BY_ID["pension"], pensioner).id == "bombero"
    done = {**pensioner, "bombero": False, "familia": frozenset()}
    assert wizard.next_node(wizard.BY_ID["monto"], done) is None


# --- Every node and every outcome renders -------------------------------------------------


def route_to(question_id: str) -> list[tuple[str, str]]:
    """The answers of the first persona who is asked ``question_id``, before it."""
    for persona in PERSONAS:
        path = path_of(persona)
        if question_id in path:
            before = path[: path.index(question_id)]
            return qs({k: persona.answers[k] for k in before})
    raise AssertionError(f"No persona is asked {question_id}")


@pytest.mark.parametrize("question", wizard.QUESTIONS, ids=lambda q: q.id)
def test_every_question_renders(client, question, django_assert_max_num_queries):
    url = wizard.question_url(question, route_to(question.id))
    with django_assert_max_num_queries(QUESTION_MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert question.template in [t.name for t in response.templates]
    html = response.content.decode()
    assert "<h1" in html and str(response.context["field"].label) in html
    assert 'href="' + response.context["back_url"].replace("&", "&amp;") + '"' in html
    # Indexable, kept by search engines under the wizard's start page (ADR 4).
    assert '<meta name="robots"' not in html
    assert '<link rel="canonical" href="http://testserver/que-seguro-me-corresponde/">' in html
    assert "sessionid" not in response.cookies


@pytest.mark.parametrize("code", list(MatchCode), ids=str)
def test_every_outcome_renders(client, code, django_assert_max_num_queries):
    persona = next(p for p in PERSONAS if code in p.expected)
    snapshot()  # warm, as a running worker is
    with django_assert_max_num_queries(RESULT_MAX_QUERIES):
        response = client.get(RESULT, qs(persona.answers))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="{code.value}"' in html
    assert f"wz-match-{persona.expected[code].value}" in html


def test_start_page(client):
    response = client.get(reverse("insurance:wizard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "¿Qué seguro de EsSalud me corresponde?" in html
    assert 'href="/que-seguro-me-corresponde/situacion/"' in html
    assert f'href="{reverse("insurance:home")}"' in html  # back link


# --- Personas clicking through the pages --------------------------------------------------


def click_through(client, persona) -> tuple:
    """Start, answer each question the pages ask by submitting its GET form, review, result."""
    response = client.get(START)
    url = response.context["start_url"]
    asked = []
    while True:
        response = client.get(url)
        assert response.status_code == 200, url
        if "question" not in response.context:
            break
        question = response.context["question"]
        assert len(asked) < MAX_QUESTIONS, asked
        asked.append(question.id)
        data = MultiValueDict()
        for key, value in response.context["hidden"]:
            data.appendlist(key, value)
        answer = persona.answers[question.id]
        data.setlist(question.id, answer if isinstance(answer, list) else [answer])
        data[wizard.SUBMIT] = "1"
        submitted = client.get(response.context["action"], data)
        assert submitted.status_code == 302, (question.id, submitted.content.decode()[:500])
        url = submitted["Location"]
    assert response.templates[0].name == "insurance/wizard/review.html"
    result = client.get(response.context["result_url"])
    return asked, response, result


@pytest.mark.parametrize(
    "name",
    [
        "lima-employee-wife-two-children",
        "venezuelan-freelancer-carne-extranjeria-34",
        "artisanal-fisherman",
        "miner-employed-by-a-contractor",
        "farmer-72-independent-not-enrolled",
        "lost-job-after-14-months-of-contributions",
        "volunteer-firefighter-16",
        "retired-expat-couple",
    ],
)
def test_persona_end_to_end(client, name):
    persona = BY_NAME[name]
    asked, review, result = click_through(client, persona)
    assert asked == list(persona.answers)
    assert [row["id"] for row in review.context["rows"] if not row["implied"]] == asked
    assert result.status_code == 200
    html = result.content.decode()
    entries = result.context["entries"]
    assert {e["match"].code: e["match"].status for e in entries} == persona.expected
    for code, payable in persona.payable.items():
        assert rules.format_soles(Decimal(payable)) in html, code
    for entry in entries:
        assert entry["plan_url"] == f"/seguros/{entry['match'].plan}/"
        assert f'href="{entry["plan_url"]}"' in html


def test_result_links_to_the_calculator_and_the_checklists(client):
    persona = BY_NAME["lima-employee-wife-two-children"]
    response = client.get(RESULT, qs(persona.answers))
    entry = next(
        e for e in response.context["entries"] if e["match"].code is MatchCode.REGULAR_EMPLOYEE
    )
    calculator = optional_url("insurance:calculator_result")
    if calculator:
        assert entry["calculator_url"] == f"{calculator}?regimen=regular&periodo=2026-11&monto=3000"
    else:
        assert entry["calculator_url"] is None
    checklist = optional_url("insurance:checklist", kwargs={"slug": "regular"})
    if checklist:
        assert [link["url"] for link in entry["checklists"]] == [
            f"{checklist}?tramite=inscripcion&familiar=conyuge",
            f"{checklist}?tramite=inscripcion&familiar=hijo-menor&titular=trabajador",
        ]
    html = response.content.decode()
    for link in entry["checklists"]:
        assert link["url"].replace("&", "&amp;") in html


@pytest.mark.parametrize("persona", PERSONAS, ids=str)
def test_the_links_the_outcome_gives_open(client, persona):
    """The pre-filled calculator and checklist URLs land on real pages, not on errors."""
    response = client.get(RESULT, qs(persona.answers))
    for entry in response.context["entries"]:
        urls = [link["url"] for link in entry["checklists"]]
        urls += [u for u in (entry["calculator_url"], entry["latency_url"]) if u]
        for url in urls:
            assert client.get(url).status_code == 200, url


# --- Checklist links carry the case (issue 13.11) -----------------------------------------


def checklist_outcomes(client, answers):
    """(link, the checklist page's outcome) for every checklist link of an outcome."""
    response = client.get(RESULT, qs(answers))
    found = []
    for entry in response.context["entries"]:
        for link in entry["checklists"]:
            page = client.get(link["url"])
            assert page.status_code == 200, link["url"]
            found.append((entry["match"], link, page.context["outcome"]))
    return found


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p.checklists], ids=str)
def test_every_checklist_link_opens_the_case_as_far_as_the_answers_tell(client, persona):
    profile = persona.profile
    opened = checklist_outcomes(client, persona.answers)
    matches = rules.eligible_plans(profile=profile, on=ON)
    assert len(opened) == sum(len(m.checklists) for m in matches)  # every one has its page
    for match, link, outcome in opened:
        (checklist,) = [
            c for c in match.checklists if links.CHECKLIST_LABELS[c.person] == link["label"]
        ]
        known = links.known_answers(checklist, profile)
        given = dict(outcome.answers.pairs)
        assert given["tramite"] == "inscripcion" and given["familiar"] == checklist.person
        # Every known answer the checklist asked on the way is kept...
        assert all(given[q] == known[q] for q in given if q in known)
        # ...and where it still asks, it is a question the wizard cannot answer.
        if isinstance(outcome, checklists.NextQuestion):
            assert outcome.question not in known, (link["url"], outcome.question)
        else:
            assert isinstance(outcome, checklists.Complete), link["url"]


@pytest.mark.parametrize(
    ("name", "change", "plan", "outcome", "answers"),
    [
        # SCTR: an independent with a DNI: the checklist is complete.
        ("independent-electrician-high-risk", {}, "sctr", "complete",
         {"trabajador": "independiente", "nacionalidad": "peruana"}),
        # The same with a carné de extranjería.
        ("independent-electrician-high-risk", {"documento": "ce"}, "sctr", "complete",
         {"trabajador": "independiente", "nacionalidad": "extranjera"}),
        # The fisher is not asked a document: the checklist asks the nationality only.
        ("artisanal-fisherman", {}, "sctr", "nacionalidad", {"trabajador": "independiente"}),
        ("venezuelan-freelancer-carne-extranjeria-34", {}, "potestativo", "complete",
         {"familiar": "titular"}),
        ("agrarian-employee", {}, "agrario", "complete", {"edad": "menos-de-70"}),
        ("agrarian-employee", {"edad": "72"}, "agrario", "complete", {"edad": "70-o-mas"}),
        # Where they married is not a wizard question: the checklist asks it, and the
        # kind of titular (who registers the spouse) is already known: an employee.
        ("lima-employee-wife-two-children", {}, "regular", "matrimonio",
         {"tramite": "inscripcion", "familiar": "conyuge"}),
    ],
)  # fmt: skip
def test_checklist_links_by_case(client, name, change, plan, outcome, answers):
    opened = [
        (link, found)
        for match, link, found in checklist_outcomes(client, BY_NAME[name].answers | change)
        if match.plan == plan
    ]
    link, found = opened[0]
    given = dict(found.answers.pairs)
    assert answers.items() <= given.items(), link["url"]
    if outcome == "complete":
        assert isinstance(found, checklists.Complete), link["url"]
    else:
        assert isinstance(found, checklists.NextQuestion) and found.question == outcome


def test_checklist_link_words_are_the_checklists_own():
    """The wizard writes the checklist's query keys and words: they must still exist."""
    profiles = [p.profile for p in PERSONAS]
    for profile in profiles:
        for checklist in (
            rules.Checklist("sctr", "titular"),
            rules.Checklist("regular", "conyuge"),
        ):
            for question, value in links.known_answers(checklist, profile).items():
                assert question in checklists.QUESTIONS
                assert value in checklists.VOCABULARY[question], (question, value)
    assert set(links.NATIONALITY) == set(rules.Document)
    assert set(links.CHECKLIST_LABELS) == set(checklists.VOCABULARY["familiar"])


@pytest.mark.parametrize(
    ("name", "nothing_open"),
    [("tourist-with-passport", True), ("venezuelan-freelancer-carne-extranjeria-34", False)],
)
def test_an_outcome_with_no_plan_open_says_so_first(client, name, nothing_open):
    response = client.get(RESULT, qs(BY_NAME[name].answers))
    html = response.content.decode()
    said = "Hoy no hay un seguro de EsSalud al que puedas afiliarte"
    assert (said in html) is nothing_open
    if nothing_open:
        assert html.index(said) < html.index('id="potestativo-sin-documento"')
        assert "seguro de salud privado es otra opción" in html


def test_potestativo_family_links_and_premiums(client):
    response = client.get(RESULT, qs(BY_NAME["retired-expat-couple"].answers))
    entry = next(e for e in response.context["entries"] if e["match"].code is MatchCode.POTESTATIVO)
    if optional_url("insurance:calculator_result"):
        assert "regimen=potestativo" in entry["calculator_url"]
        assert "edades=65%2C62" in entry["calculator_url"]
    html = response.content.decode()
    assert "S/ 430.00" in html and "S/ 215.00" in html


# --- Back links, review and "Cambiar" -----------------------------------------------------


def test_back_links_walk_the_path_backwards(client):
    persona = BY_NAME["venezuelan-freelancer-carne-extranjeria-34"]
    path = list(persona.answers)
    items = qs(persona.answers)
    for index, question_id in enumerate(path):
        response = client.get(wizard.question_url(wizard.BY_ID[question_id], items))
        back = urlsplit(response.context["back_url"]).path
        expected = START if index == 0 else f"{START}{path[index - 1]}/"
        assert back == expected
    review = client.get(REVIEW, items)
    assert urlsplit(review.context["back_url"]).path == f"{START}{path[-1]}/"
    result = client.get(RESULT, items)
    assert urlsplit(result.context["back_url"]).path == REVIEW


def test_review_lists_every_answer_with_a_change_link(client):
    persona = BY_NAME["lima-employee-wife-two-children"]
    response = client.get(REVIEW, qs(persona.answers))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Revisa tus respuestas" in html
    rows = response.context["rows"]
    assert [r["answer"] for r in rows] == [
        "Trabajo para un empleador en el Perú (en planilla)",
        "Otro trabajo",
        "No",
        "No",
        "Mi cónyuge, Hijos o hijas menores de edad",
        "S/ 3,000.00",
    ]
    for row in rows:
        change = row["change_url"]
        assert urlsplit(change).path == f"{START}{row['id']}/"
        assert sorted(query_of(change).lists()) == sorted(
            query_of("?" + urlencode(qs(persona.answers))).lists()
        )
        assert change.replace("&", "&amp;") in html


def test_change_link_prefills_the_answer_and_returns_to_the_review(client):
    persona = BY_NAME["lima-employee-wife-two-children"]
    items = qs(persona.answers)
    page = client.get(wizard.question_url(wizard.BY_ID["monto"], items))
    assert 'value="3,000"' in page.content.decode()
    data = MultiValueDict()
    for key, value in page.context["hidden"]:
        data.appendlist(key, value)
    data["monto"] = "4,500.50"
    data[wizard.SUBMIT] = "1"
    response = client.get(page.context["action"], data)
    assert response.status_code == 302
    location = response["Location"]
    assert urlsplit(location).path == REVIEW
    kept = query_of(location)
    assert kept.getlist("familia") == ["conyuge", "hijo-menor"]
    assert kept["monto"] == "4,500.50" and wizard.SUBMIT not in kept


def test_changing_the_situation_asks_only_the_new_questions(client):
    persona = BY_NAME["lima-employee-wife-two-children"]
    items = [(k, v) for k, v in qs(persona.answers) if k != "situacion"] + [
        ("situacion", "independiente"),
        (wizard.SUBMIT, "1"),
    ]
    response = client.get(f"{START}situacion/", items)
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == f"{START}independiente/"
    kept = query_of(response["Location"])
    assert kept["riesgo"] == "no" and kept.getlist("familia") == ["conyuge", "hijo-menor"]
    assert "dependiente" not in kept  # the path no longer asks it


# --- "Pregunta 3 de 7" (issue 14.6) -------------------------------------------------------


def totals_along(answers: dict) -> list[tuple[int, int]]:
    """(step, total) on each question page a person answering ``answers`` sees."""
    seen, items = [], []
    for key, value in answers.items():
        state = wizard.walk(query_of("?" + urlencode(items)), on=ON)
        assert state.pending.id == key
        seen.append((state.path.index(state.pending) + 1, state.total))
        items += qs({key: value})
    return seen


@pytest.mark.parametrize("persona", PERSONAS, ids=str)
def test_the_counter_never_grows_and_never_undercounts(persona):
    seen = totals_along(persona.answers)
    asked = len(persona.answers)
    assert [step for step, _ in seen] == list(range(1, asked + 1))
    totals = [total for _, total in seen]
    assert totals == sorted(totals, reverse=True)  # answering only ever shortens the path
    assert min(totals) >= asked
    assert totals[0] == MAX_QUESTIONS  # the longest path anyone is asked


def test_the_counter_follows_the_answers_of_a_construction_worker(client):
    persona = BY_NAME["construction-worker"]
    # 9 at most; an employee 7 (riesgo, and edad for a firefighter); construction gives the
    # risk level (6); not a firefighter, so no age (5).
    assert totals_along(persona.answers) == [(1, 9), (2, 7), (3, 6), (4, 5), (5, 5)]
    items = qs({k: persona.answers[k] for k in ("situacion", "dependiente")})
    html = client.get(f"{START}bombero/", items).content.decode()
    assert "Pregunta 3 de 6" in html
    # Changing an earlier answer changes the count.
    changed = [("situacion", "independiente")]
    assert "Pregunta 2 de 9" in client.get(f"{START}independiente/", changed).content.decode()


AGES = range(0, rules.inputs.MAX_AGE + 1)


@pytest.mark.parametrize(
    "before",
    [
        {"situacion": "ninguna", "asegurado": "no", "bombero": "no"},
        {"situacion": "estudiante", "asegurado": "no", "bombero": "si"},
        {"situacion": "independiente", "independiente": "otro", "asegurado": "no",
         "riesgo": "no", "bombero": "no"},
    ],
    ids=["none", "student-firefighter", "independent"],
)  # fmt: skip
def test_the_age_samples_give_the_longest_path_of_any_age(before):
    """The counter tries a minor and an adult (AgeForm.samples): it must equal the longest
    path over every age and every family the person could answer."""
    state = wizard.walk(query_of("?" + urlencode(qs(before))), on=ON)
    assert state.pending.id == "edad"
    longest = 0
    for age in AGES:
        for family in ("nadie", "conyuge", "hijo-menor"):
            answers = {**before, "edad": str(age), "documento": "dni", "familia": family}
            answers |= {"edades": "", "monto": ""}
            done = wizard.walk(query_of("?" + urlencode(qs(answers))), on=ON)
            assert done.complete, (age, family)
            longest = max(longest, len(done.path))
    assert state.total == longest


@st.composite
def answer_for(draw, question_id: str) -> list[str]:
    """A valid raw answer to a question, as a person would type or tick it."""
    field = wizard.BY_ID[question_id].form.base_fields[question_id]
    if question_id == "familia":
        relatives = [v for v, _ in field.choices if v != "nadie"]
        chosen = draw(st.lists(st.sampled_from(relatives), unique=True, max_size=3))
        return chosen or ["nadie"]
    if hasattr(field, "choices"):
        return [draw(st.sampled_from([v for v, _ in field.choices]))]
    typed = {
        "edad": st.integers(0, rules.inputs.MAX_AGE).map(str),
        "aportes": st.integers(0, 36).map(str),
        "cese": st.dates(date(2020, 1, 1), ON).map(lambda d: d.strftime("%d/%m/%Y")),
        "edades": st.sampled_from(["", "35, 8"]),
        "monto": st.sampled_from(["", "1500"]),
    }
    return [draw(typed[question_id])]


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_path_is_counted_from_above(data):
    items, totals = [], []
    while True:
        state = wizard.walk(query_of("?" + urlencode(items)), on=ON)
        if state.complete:
            break
        totals.append(state.total)
        items += [(state.pending.id, v) for v in data.draw(answer_for(state.pending.id))]
    assert totals == sorted(totals, reverse=True)
    assert all(total >= len(state.path) for total in totals)


# --- Answers the work already gives (issue 14.7) -------------------------------------------


@pytest.mark.parametrize(
    ("answers", "implied_by"),
    [
        ({"situacion": "dependiente", "dependiente": "construccion"}, "dependiente"),
        ({"situacion": "dependiente", "dependiente": "agrario"}, "dependiente"),
        ({"situacion": "dependiente", "dependiente": "pesquero"}, "dependiente"),
        (
            {
                "situacion": "independiente",
                "independiente": "agricultor",
                "agrario": "no",
                "asegurado": "no",
            },
            "independiente",
        ),
    ],
    ids=["construction", "agrarian", "fishing", "farmer"],
)
def test_the_risk_level_of_a_sector_the_source_lists_is_not_asked(client, answers, implied_by):
    items = qs(answers)
    last = list(answers)[-1]
    response = client.get(f"{START}{last}/", [*items, (wizard.SUBMIT, "1")])
    assert urlsplit(response["Location"]).path == f"{START}bombero/"  # riesgo skipped
    # Asking for it anyway goes on to the next question, without a stale answer.
    response = client.get(f"{START}riesgo/", [*items, ("riesgo", "no")])
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == f"{START}bombero/"
    assert "riesgo" not in query_of(response["Location"])
    state = wizard.walk(query_of("?" + urlencode([*items, ("riesgo", "no")])), on=ON)
    assert state.profile().risk is rules.Risk.LEVEL_III


def test_the_review_shows_an_implied_answer_with_where_it_comes_from(client):
    persona = BY_NAME["construction-worker"]
    response = client.get(REVIEW, qs(persona.answers))
    rows = {row["id"]: row for row in response.context["rows"]}
    risk = rows["riesgo"]
    assert "construcción" in risk["answer"] and "sección 5" in risk["implied"]
    assert "«Tu trabajo»" in risk["implied"]
    assert urlsplit(risk["change_url"]).path == f"{START}dependiente/"
    html = response.content.decode()
    assert risk["implied"] in html
    assert not rows["dependiente"]["implied"]
    result = client.get(RESULT, qs(persona.answers))
    sctr = next(e for e in result.context["entries"] if e["match"].code is MatchCode.SCTR_EMPLOYEE)
    assert "la fuente pone la construcción en el nivel de riesgo III" in str(sctr["match"].reason)


def test_radios_and_checkboxes_are_prefilled(client):
    items = qs(BY_NAME["lima-employee-wife-two-children"].answers)
    html = client.get(wizard.question_url(wizard.BY_ID["familia"], items)).content.decode()
    assert 'value="conyuge" checked' in html and 'value="hijo-menor" checked' in html
    assert 'value="nadie" checked' not in html


# --- Bad answers and tampered URLs --------------------------------------------------------


def test_a_bad_answer_is_shown_beside_the_field(client):
    items = [("situacion", "ninguna"), ("asegurado", "no"), ("bombero", "no")]
    response = client.get(f"{START}edad/", [*items, ("edad", "treinta"), (wizard.SUBMIT, "1")])
    assert response.status_code == 400
    html = response.content.decode()
    assert "Hay un problema" in html and 'href="#edad"' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="edad-hint edad-error"' in html
    assert 'id="edad-error"' in html and 'value="treinta"' in html
    assert "<title>Error:" in html


def test_no_choice_is_an_error_with_a_link_to_the_first_option(client):
    response = client.get(f"{START}situacion/", [(wizard.SUBMIT, "1")])
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#situacion-0"' in html and 'id="situacion-0"' in html
    assert "Elige tu situación." in html


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Escribe el día en que terminó tu trabajo"),
        ("marzo", "día/mes/año"),
        ("31/02/2026", "Esa fecha no existe"),
        ("23/11/2026", "posterior a hoy, 22/11/2026"),  # ON is 22/11/2026
        ("15/03/0000", "Revisa el año"),
    ],
)
def test_a_bad_end_of_job_date_is_shown_beside_the_field(client, typed, message):
    items = [("situacion", "desempleado"), ("cese", typed), (wizard.SUBMIT, "1")]
    response = client.get(f"{START}cese/", items)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and f'value="{typed}"' in html


@pytest.mark.parametrize("typed", ["15/09/2026", "15-9-2026", "2026-09-15", "22/11/2026"])
def test_the_end_of_job_date_asks_for_the_contributions_before_it(client, typed):
    items = [("situacion", "desempleado"), ("cese", typed), (wizard.SUBMIT, "1")]
    response = client.get(f"{START}cese/", items)
    assert response.status_code == 302
    page = client.get(response["Location"])
    label = str(page.context["field"].label)
    assert "en los 3 años antes del" in label and label.endswith("/2026?")


def test_nobody_and_relatives_together_is_an_error(client):
    items = qs(
        {
            k: v
            for k, v in BY_NAME["onp-pensioner"].answers.items()
            if k in {"situacion", "pension", "bombero"}
        }
    )
    response = client.get(
        f"{START}familia/",
        [*items, ("familia", "nadie"), ("familia", "conyuge"), (wizard.SUBMIT, "1")],
    )
    assert response.status_code == 400
    assert "no las dos cosas" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "query", "expected_path", "expected_query"),
    [
        # Nothing answered: a later question, the review and the outcome go to the first one.
        (f"{START}edad/", [], f"{START}situacion/", {}),
        (REVIEW, [], f"{START}situacion/", {}),
        (RESULT, [], f"{START}situacion/", {}),
        # An unknown answer is dropped and asked again.
        (RESULT, [("situacion", "astronauta")], f"{START}situacion/", {}),
        (
            REVIEW,
            [("situacion", "dependiente"), ("dependiente", "piloto")],
            f"{START}dependiente/",
            {"situacion": ["dependiente"]},
        ),
        # Out of order: a question whose earlier answers are missing.
        (
            f"{START}monto/",
            [("situacion", "dependiente")],
            f"{START}dependiente/",
            {"situacion": ["dependiente"]},
        ),
        # A question these answers never ask.
        (
            f"{START}pension/",
            [("situacion", "dependiente"), ("dependiente", "otro")],
            f"{START}riesgo/",
            {"situacion": ["dependiente"], "dependiente": ["otro"]},
        ),
        # A submission out of order is not accepted.
        (
            f"{START}edad/",
            [("situacion", "dependiente"), ("edad", "30"), (wizard.SUBMIT, "1")],
            f"{START}dependiente/",
            {"situacion": ["dependiente"], "edad": ["30"]},
        ),
        # A missing answer in the middle: the others are kept.
        (
            RESULT,
            [(k, v) for k, v in qs(BY_NAME["onp-pensioner"].answers) if k != "bombero"],
            f"{START}bombero/",
            {
                "situacion": ["pensionista"],
                "pension": ["onp-afp"],
                "familia": ["conyuge"],
                "monto": ["1500"],
            },
        ),
        # Unknown keys are dropped.
        (
            REVIEW,
            [("situacion", "pensionista"), ("utm_source", "x")],
            f"{START}pension/",
            {"situacion": ["pensionista"]},
        ),
    ],
)  # fmt: skip
def test_tampered_urls_go_back_to_the_first_unanswered_question(
    client, url, query, expected_path, expected_query
):
    response = client.get(url, query)
    assert response.status_code == 302
    location = response["Location"]
    assert urlsplit(location).path == expected_path
    assert dict(query_of(location).lists()) == expected_query
    assert client.get(location).status_code == 200


def test_unknown_question_is_a_404(client):
    assert client.get(f"{START}no-existe/").status_code == 404


def test_an_answer_to_a_skipped_question_is_ignored_on_the_outcome(client):
    persona = BY_NAME["onp-pensioner"]
    response = client.get(RESULT, [*qs(persona.answers), ("riesgo", "nivel-4"), ("edad", "15")])
    assert response.status_code == 200
    codes = {e["match"].code for e in response.context["entries"]}
    assert codes == set(persona.expected)


WIZARD_URLS = [START, REVIEW, RESULT] + [f"{START}{q.id}/" for q in wizard.QUESTIONS]
KEYS = [q.id for q in wizard.QUESTIONS] + [wizard.SUBMIT, "x", ""]
VALUES = sorted(
    {
        str(value)
        for q in wizard.QUESTIONS
        for value, _ in getattr(q.form.base_fields[q.id], "choices", [])
    }
    | {"", "0", "16", "72", "36", "37", "-1", "1,500", "S/ 2000", "4, 1", "nadie", "si"}
)


@settings(
    max_examples=75,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    items=st.lists(
        st.tuples(
            st.sampled_from(KEYS) | st.text(max_size=12),
            st.sampled_from(VALUES) | st.text(max_size=30),
        ),
        max_size=16,
    )
)
@pytest.mark.parametrize("url", WIZARD_URLS)
def test_random_query_strings_never_fail(client, url, items):
    response = client.get(url, items)
    assert response.status_code in {200, 302, 400}
    if response.status_code == 302:
        assert response["Location"].startswith(START)


@pytest.mark.parametrize(
    ("name", "change", "titular"),
    [
        ("lima-employee-wife-two-children", {}, "trabajador"),
        ("onp-pensioner", {"familia": ["hijo-menor"]}, "pensionista"),
    ],
)
def test_a_relatives_checklist_knows_who_registers_them(client, name, change, titular):
    """The kind of titular (Regular 11: the employer, the ONP/AFP...) is a wizard answer:
    a minor child's checklist, which asks nothing else the wizard cannot answer, opens
    complete with it."""
    opened = [
        (link, found)
        for match, link, found in checklist_outcomes(client, BY_NAME[name].answers | change)
        if match.plan == "regular" and link["label"] == links.CHECKLIST_LABELS["hijo-menor"]
    ]
    link, found = opened[0]
    assert isinstance(found, checklists.Complete), link["url"]
    assert dict(found.answers.pairs)["titular"] == titular


def test_a_valid_answer_is_bound_once_per_answer_earlier_answers_and_day():
    situation = wizard.QUESTIONS[0]
    first = wizard.answered(situation, ("dependiente",), {}, ON)
    assert first is not None and first.value is rules.Situation.EMPLOYEE
    assert wizard.answered(situation, ("dependiente",), {}, ON) is first
    assert wizard.answered(situation, ("independiente",), {}, ON) is not first
    assert wizard.answered(situation, ("dependiente",), {}, date(2025, 1, 1)) is not first
    assert wizard.answered(situation, ("no-existe",), {}, ON) is None


def test_a_kept_answer_never_sees_the_answers_given_after_it():
    """Two people share their first answers; a form kept from the first must not carry the
    first person's later answers into the second one's outcome."""
    one = wizard.walk(query_of("?situacion=pensionista&pension=onp-afp&bombero=no"), on=ON)
    two = wizard.walk(query_of("?situacion=pensionista&pension=onp-afp&bombero=si"), on=ON)
    assert [s.form for s in one.steps[:2]] == [s.form for s in two.steps[:2]]  # kept
    situation, pension = two.steps[0].form, two.steps[1].form
    assert situation.answers == {}
    assert pension.answers == {"situacion": rules.Situation.PENSIONER}
    assert one.answers["bombero"] is False and two.answers["bombero"] is True


@pytest.mark.parametrize(
    ("prefix", "shown"),
    [
        ("", ["19 años: S/ 132.00", "1 año: S/ 137.00"]),
        ("/en", ["19 years: S/ 132.00", "1 year: S/ 137.00"]),
    ],
)
def test_each_persons_premium_names_their_age_in_its_plural_form(client, prefix, shown):
    answers = (
        "situacion=independiente&independiente=profesional&asegurado=no&riesgo=no&bombero=no"
        "&edad=19&documento=ce&familia=conyuge&edades=1"
    )
    page = client.get(f"{prefix}{reverse('insurance:wizard_result')}?{answers}")
    assert page.status_code == 200
    people = re.findall(r"<li>([^<]*: S/ [\d.,]+)</li>", page.content.decode())
    assert people[:2] == shown
