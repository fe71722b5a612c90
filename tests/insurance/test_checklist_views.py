"""The checklist builder's pages: every request answers 200 or 400 with an explanation.

Node by node: each question renders and leads on, bad answers come back with a message
beside the field, the list is printable, and the plan pages link in.
"""

import itertools
import re
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.test import RequestFactory
from django.urls import reverse

from insurance.checklists import (
    DOERS,
    EXPLANATIONS,
    QUESTIONS,
    VOCABULARY,
    Complete,
    Explained,
    load_flow,
)
from insurance.models import ContentVersion, Form, Plan
from insurance.views import checklists as views

from .test_content import BACKSTAGE

pytestmark = pytest.mark.django_db

PLANS = ["regular", "potestativo", "sctr", "agrario"]
# The plan and its requirements' tags (a question: 2); for a list, also the sections,
# requirements, steps, notes and contribution rules. The same whatever the case.
# Once a worker has its copy of the plan content (insurance.snapshot), a page reads only the
# content version; the copy itself is a fixed number of queries, whatever the plan.
CHECKLIST_MAX_QUERIES = 1
COLD_CHECKLIST_MAX_QUERIES = 13
MISSING, JUNK = None, "zz-no-existe"


def url(slug, **params):
    path = reverse("insurance:checklist", args=[slug])
    params = {k: v for k, v in params.items() if v is not None}
    return f"{path}?{urlencode(params)}" if params else path


def check_answer(response):
    """200 with a question, a list or an explanation; 400 with the message beside a field."""
    assert response.status_code in (200, 400), response.status_code
    html = response.content.decode()
    outcome = re.search(r'data-outcome="([a-z-]+)"', html).group(1)
    if response.status_code == 400:
        assert outcome == "question"
        assert "Hay un problema con tu respuesta" in html
        assert 'id="pregunta-error"' in html and 'aria-invalid="true"' in html
    elif outcome == "question":
        assert 'class="builder-question"' in html and "<legend" in html
    elif outcome == "checklist":
        assert 'type="checkbox"' in html
    elif outcome == "not-described":
        assert "EsSalud no describe este caso" in html
    else:
        assert outcome == "explained"
    return outcome


def get(path):
    """The view itself, without the test client's template capture: these loops are long."""
    slug = path.split("/")[2]
    request = RequestFactory().get(path)
    return views.checklist(request, slug=slug)


def _main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


# --- Every combination, valid or not ----------------------------------------------------


def _values(question):
    return [MISSING, *VOCABULARY[question], JUNK]


# Per plan, the questions whose every value (plus none and junk) is combined with every
# value of the others: the plan's own questions, and one it never asks. (All ten at once
# would be millions of pages.)
PRODUCTS = {
    "regular": ("tramite", "familiar", "motivo", "lugar"),
    "potestativo": ("tramite", "familiar", "motivo"),
    "sctr": ("tramite", "familiar", "trabajador", "nacionalidad"),
    "agrario": ("tramite", "familiar", "edad", "lugar"),
}


@pytest.mark.parametrize("slug", PLANS)
def test_every_combination_of_the_plans_questions(slug):
    questions = PRODUCTS[slug]
    seen = set()
    for values in itertools.product(*(_values(q) for q in questions)):
        seen.add(check_answer(get(url(slug, **dict(zip(questions, values, strict=True))))))
    assert {"question", "checklist", "not-described"} <= seen


def test_every_combination_of_the_spouse_removal_details():
    """The remaining questions after "baja, cónyuge, divorcio": none, a word, junk."""
    base = {"tramite": "baja", "familiar": "conyuge", "motivo": "divorcio"}
    others = ("lugar", "matrimonio", "tercero", "laboral", "nacionalidad", "edad", "titular")
    seen = set()
    for values in itertools.product(*([MISSING, VOCABULARY[q][-1], JUNK] for q in others)):
        seen.add(
            check_answer(get(url("regular", **base, **dict(zip(others, values, strict=True)))))
        )
    assert {"question", "checklist", "not-described"} <= seen


@pytest.mark.parametrize("slug", PLANS)
def test_every_complete_case_and_every_explanation_renders(client, slug):
    flow = load_flow(Plan.objects.get(slug=slug))
    kinds = set()
    for outcome in flow.outcomes():
        response = client.get(flow.url(outcome.answers))
        assert response.status_code == 200
        kinds.add(check_answer(response))
    assert "checklist" in kinds


def test_repeated_and_unknown_parameters_are_harmless(client):
    response = client.get(
        "/seguros/regular/requisitos/?tramite=baja&tramite=inscripcion&utm_source=x&familiar=gestante"
    )
    check_answer(response)
    response = client.get("/seguros/regular/requisitos/?tramite=" + "x" * 5000)
    assert response.status_code == 400
    assert "x" * 41 not in response.content.decode()


# --- Node by node ------------------------------------------------------------------------


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_question_renders(client, question):
    """Every node has its template: reach each question on some plan and draw it."""
    for slug in PLANS:
        flow = load_flow(Plan.objects.get(slug=slug))
        for outcome in flow.outcomes():
            answers = outcome.answers
            if question in answers and question not in answers.implied:
                response = client.get(flow.url(answers.before(question)))
                assert response.status_code == 200
                assert response.context["question"]["name"] == question
                assert f'name="{question}"' in response.content.decode()
                return
    pytest.fail(f"no plan asks {question}")


def test_every_doer_and_explanation_is_reached_and_worded(client):
    doers, explanations, main = set(), set(), []
    for slug in PLANS:
        flow = load_flow(Plan.objects.get(slug=slug))
        for outcome in flow.outcomes():
            response = client.get(flow.url(outcome.answers))
            if isinstance(outcome, Complete):
                doers.add(response.context["checklist"].doer)
                main.append(_main(response))
            elif isinstance(outcome, Explained):
                explanations.add(outcome.code)
    assert doers == set(DOERS)
    assert explanations == set(EXPLANATIONS)
    for html in main:  # each doer's paragraph says who, in words
        assert re.search(r'<p class="checklist-doer-main">\s*\S', html)
        assert [word for word in BACKSTAGE if word in html] == []  # sources, not our workings


def test_the_first_step_asks_the_first_question_of_each_plan(client):
    first = {
        "regular": "tramite",
        "potestativo": "familiar",
        "sctr": "trabajador",
        "agrario": "edad",
    }
    for slug, question in first.items():
        response = client.get(url(slug))
        assert response.status_code == 200
        assert response.context["question"]["name"] == question


def test_a_step_sent_without_choosing_says_so(client):
    response = client.get(url("regular", tramite="baja", paso="familiar"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Elige a quién se refiere el trámite." in html
    assert 'href="#familiar-0"' in html and 'id="familiar-0"' in html
    assert 'aria-describedby="pregunta-hint pregunta-error"' in html


def test_a_step_sent_with_a_choice_goes_to_the_clean_address(client):
    response = client.get(url("regular", tramite="baja", familiar="conyuge", paso="familiar"))
    assert response.status_code == 302
    assert response["Location"] == "/seguros/regular/requisitos/?tramite=baja&familiar=conyuge"


def test_a_later_answer_without_an_earlier_one(client):
    response = client.get(url("regular", tramite="baja", motivo="divorcio"))
    assert response.status_code == 400
    assert response.context["question"]["name"] == "familiar"
    assert "responde primero esta" in response.content.decode()


def test_the_form_keeps_earlier_answers_and_links_to_change_them(client):
    response = client.get(url("regular", tramite="baja", familiar="conyuge"))
    html = response.content.decode()
    assert '<input type="hidden" name="tramite" value="baja">' in html
    assert '<input type="hidden" name="familiar" value="conyuge">' in html
    assert 'href="/seguros/regular/requisitos/?tramite=baja">Cambiar' in html
    assert 'href="/seguros/regular/requisitos/">Cambiar' in html


def test_undescribed_combinations_explain_and_link_on(client):
    response = client.get(
        url("regular", tramite="inscripcion", familiar="gestante", motivo="divorcio")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "EsSalud no describe este caso" in html
    assert 'href="/seguros/regular/requisitos/?tramite=inscripcion&amp;familiar=gestante"' in html

    response = client.get(url("sctr", familiar="conyuge"))
    assert response.status_code == 200
    assert "Mi cónyuge" in response.content.decode()

    response = client.get(url("potestativo", tramite="baja"))
    assert response.status_code == 200
    assert "EsSalud no describe este caso" in response.content.decode()


def test_removing_the_pregnant_partner_for_other_reasons(client):
    response = client.get(url("regular", tramite="baja", familiar="gestante", motivo="otro"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "42 días de puerperio" in html
    assert "?tramite=baja&amp;familiar=gestante&amp;motivo=fallecimiento" in html


def test_unknown_plan_and_plan_without_list(client):
    response = client.get("/seguros/no-existe/requisitos/")
    assert response.status_code == 404
    assert "No encontramos esta página" in response.content.decode()
    response = client.get("/seguros/vida/requisitos/")
    assert response.status_code == 404
    assert "No hay lista de requisitos" in response.content.decode()


# --- The checklist page -------------------------------------------------------------------

LONG_CASE = {
    "tramite": "baja",
    "familiar": "conyuge",
    "motivo": "divorcio",
    "lugar": "extranjero",
    "matrimonio": "extranjero",
    "tercero": "si",
    "titular": "trabajador",
}


def test_the_list_stays_within_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for slug, params in [
        ("regular", LONG_CASE),
        ("regular", {"tramite": "baja"}),
        ("potestativo", {"familiar": "hijo-menor"}),
        ("sctr", {"trabajador": "dependiente"}),
    ]:
        ContentVersion.bump()  # a copy to rebuild, as after a loadcontent
        with django_assert_max_num_queries(COLD_CHECKLIST_MAX_QUERIES):
            assert client.get(url(slug, **params)).status_code == 200
        with django_assert_max_num_queries(CHECKLIST_MAX_QUERIES):
            assert client.get(url(slug, **params)).status_code == 200


def test_the_printable_list_has_the_case_on_top_and_its_address_at_the_bottom(client):
    response = client.get(url("regular", **LONG_CASE))
    assert response.status_code == 200
    html = response.content.decode()
    title = (
        "Dar de baja a tu cónyuge por divorcio en el extranjero (casados en el extranjero, "
        "trámite hecho por un tercero, titular con empleador) — Seguro Regular EsSalud"
    )
    address = "http://testserver" + url("regular", **LONG_CASE)
    top = html.index(f'<h1 class="checklist-title">{title}</h1>')
    documents = html.index('type="checkbox"')
    bottom = html.index(f">{address.replace('&', '&amp;')}</a>")
    assert top < documents < bottom
    # Each paper is a tick box with its label, named by its row's natural key (kept ticks).
    boxes = re.findall(r'<input type="checkbox" id="(doc-[a-z0-9-]+)" autocomplete="off"', html)
    assert len(boxes) == len(set(boxes)) == len(response.context["checklist"].documents) == 7
    assert boxes[0] == "doc-conyuge-baja-1"  # the Formulario 1010 in the words of 6.1.2
    for box in boxes:
        assert f'<label for="{box}">' in html
    assert "Uno de estos documentos" in html
    assert "Apostilla" in html and "traducción" in html
    assert "Formulario 1010" in html


def test_the_print_button_needs_javascript_and_no_inline_script(client):
    response = client.get(url("agrario", edad="70-o-mas"))
    html, main = response.content.decode(), _main(response)
    assert '<button type="button" class="button print-button" data-print hidden>' in main
    assert '<script src="/static/js/print.js" defer></script>' in html
    assert "<script" not in main and " style=" not in main and " on" + "click=" not in html


def test_the_list_links_its_source_sections(client):
    html = client.get(url("potestativo", familiar="conyuge")).content.decode()
    assert 'href="/seguros/potestativo/#conyuge"' in html
    assert 'href="/seguros/potestativo/#pasos-afiliacion-familiares"' in html


# --- Links in from the plan pages ---------------------------------------------------------


def _section(html, anchor):
    start = html.index(f'<section id="{anchor}"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize(
    ("slug", "anchor", "links"),
    [
        ("regular", "conyuge", ["?tramite=inscripcion&amp;familiar=conyuge",
                                "?tramite=baja&amp;familiar=conyuge"]),
        ("regular", "concubino", ["?tramite=inscripcion&amp;familiar=concubino",
                                  "?tramite=baja&amp;familiar=concubino"]),
        ("regular", "hijo-menor", ["?tramite=inscripcion&amp;familiar=hijo-menor",
                                   "?tramite=baja&amp;familiar=hijo-menor"]),
        ("regular", "hijo-mayor-incapacitado",
         ["?tramite=inscripcion&amp;familiar=hijo-mayor-incapacitado",
          "?tramite=baja&amp;familiar=hijo-mayor-incapacitado"]),
        ("regular", "gestante", ["?tramite=inscripcion&amp;familiar=gestante",
                                 "?tramite=baja&amp;familiar=gestante"]),
        ("regular", "cambio-establecimiento", ["?tramite=cambio-establecimiento"]),
        ("potestativo", "afiliacion-individual", ["?familiar=titular"]),
        ("potestativo", "conyuge", ["?familiar=conyuge"]),
        ("potestativo", "concubino", ["?familiar=concubino"]),
        ("potestativo", "hijo-menor", ["?familiar=hijo-menor"]),
        ("potestativo", "hijo-mayor-incapacitado", ["?familiar=hijo-mayor-incapacitado"]),
        ("sctr", "afiliacion-independiente", ["?trabajador=independiente"]),
        ("sctr", "afiliacion-dependientes", ["?trabajador=dependiente"]),
        ("agrario", "condiciones", [""]),
    ],
)  # fmt: skip
def test_plan_sections_link_to_their_checklists(client, slug, anchor, links):
    html = client.get(f"/seguros/{slug}/").content.decode()
    section = _section(html, anchor)
    for link in links:
        assert f'href="/seguros/{slug}/requisitos/{link}"' in section
    for link in links:
        target = f"/seguros/{slug}/requisitos/{link}".replace("&amp;", "&")
        check_answer(client.get(target))


@pytest.mark.parametrize("slug", [*PLANS, "vida"])
def test_each_plan_page_links_to_its_builder(client, slug):
    html = client.get(f"/seguros/{slug}/").content.decode()
    builder = f'href="/seguros/{slug}/requisitos/"'
    assert (builder in html) == (slug != "vida")


@pytest.mark.parametrize("question", QUESTIONS)
def test_an_empty_answer_is_an_error(client, question):
    for slug, base in [("regular", {"tramite": "baja", "familiar": "conyuge"}), ("sctr", {})]:
        params = {**base, question: ""}
        response = client.get(url(slug, **params))
        assert response.status_code == 400
        check_answer(response)


def test_a_form_is_linked_only_once_it_has_an_official_address(client):
    page = url("regular", tramite="inscripcion", familiar="hijo-menor", titular="trabajador")
    html = client.get(page).content.decode()
    assert "<strong>Formulario 1010</strong>" in html and "Descargar el Formulario" not in html
    form = Form.objects.get(code="1010")
    form.url = "https://www.gob.pe/formulario-1010"
    form.save()
    html = client.get(page).content.decode()
    assert '<a href="https://www.gob.pe/formulario-1010" rel="noopener">Formulario 1010</a>' in html
    assert "Descargar el Formulario 1010" in html


# --- Who does it, on the page (issue 13, point 10) ---------------------------------------


def _block(html, heading_id):
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


VIVA = '<a href="https://viva.essalud.gob.pe" rel="noopener">EsSalud VIVA (viva.essalud.gob.pe)</a>'
CHILD = {"tramite": "inscripcion", "familiar": "hijo-menor"}


@pytest.mark.parametrize(
    ("titular", "says", "employer"),
    [
        ("trabajador", "<strong>Tu empleador</strong>, a través de la Planilla Electrónica", True),
        ("pensionista", "la ONP o tu AFP (sección 11)", False),
        ("pescador-artesanal", "tu Organización Social (sección 11)", False),
        ("otro", "no dice quién registra a los derechohabientes de tu tipo", False),
    ],
)
def test_each_kind_of_titular_is_told_who_registers_and_where_else(client, titular, says, employer):
    html = client.get(url("regular", **CHILD, titular=titular)).content.decode()
    doer = _block(html, "quien-titulo")
    assert says in doer
    assert "35 Oficinas de Seguros y Prestaciones Económicas (OSPE)" in doer and VIVA in doer
    side = html[html.index('<div class="checklist-side">') : html.index("</footer>")]
    assert ("empleador" in doer + side) == employer


@pytest.mark.parametrize(
    "path",
    [
        url("potestativo", familiar="conyuge"),
        url("potestativo", familiar="titular"),
        url("sctr", trabajador="independiente", nacionalidad="extranjera"),
        url("regular", tramite="baja", familiar="gestante", motivo="fallecimiento", lugar="peru"),
    ],
)
def test_no_one_is_sent_to_an_employer_they_do_not_have(client, path):
    main = _main(client.get(path))
    outside_papers = main.replace(
        main[main.index("documentos-titulo") : main.index("checklist-side")], ""
    )
    assert "empleador" not in outside_papers


def test_a_list_bookmarked_before_the_titular_question_still_opens(client):
    """Addresses from before the kind of titular was asked: every one answers 200 and asks
    it, keeping the answers; choosing it opens the list."""
    flow = load_flow(Plan.objects.get(slug="regular"))
    old = [o for o in flow.outcomes() if isinstance(o, Complete) and o.answers.get("titular")]
    assert len(old) > 100
    for outcome in old[::7]:
        asked = [(q, v) for q, v in outcome.answers.asked if q != "titular"]
        response = client.get(url("regular", **dict(asked)))
        assert response.status_code == 200
        assert response.context["question"]["name"] == "titular"
        assert response.context["question"]["hidden"] == tuple(asked)
    response = client.get(url("regular", **dict(asked), titular="pensionista"))
    assert response.context["checklist"].doer == "entidad-pension"


# --- The Formulario 1010 has no address (issue 14, point 11) -----------------------------


def test_no_page_tells_people_to_download_a_form_it_cannot_link(client):
    for slug in PLANS:
        assert "Descarga," not in client.get(f"/seguros/{slug}/").content.decode()
        flow = load_flow(Plan.objects.get(slug=slug))
        for case in list(flow.complete_cases())[::5]:
            main = _main(client.get(flow.url(case.answers)))
            assert "Descarga," not in main and "descárgalo" not in main
    page = url("regular", tramite="baja", familiar="hijo-menor", motivo="fallecimiento",
               lugar="peru", tercero="no", titular="trabajador")  # fmt: skip
    html = client.get(page).content.decode()
    assert "Pide el Formulario N° 1010 en una Oficina de Seguros" in html
    assert "la fuente dice «Descarga» el Formulario N° 1010" in html  # its Aclaración
    forms = _block(html, "formularios-titulo")
    assert "no da dónde descargarlo: pídelo en una Oficina de Seguros" in forms


def test_the_papers_a_step_names_are_not_listed_again_on_the_plan_page(client):
    html = client.get("/seguros/potestativo/").content.decode()
    steps = _section(html, "pasos-afiliacion-familiares")
    assert "Presenta el formulario correctamente lleno, tu contrato firmado" in steps
    assert '<ul class="requirements">' not in steps and "Tu contrato firmado." not in steps
    assert steps.count('<ol class="steps">') == 1


# --- Merged papers, kept ticks and sharing (issue 13, point 7; issue 14, point 10) -------


def test_a_merged_paper_cites_its_sections_and_says_how_they_differ(client):
    page = url("regular", tramite="baja", familiar="concubino", motivo="fin-concubinato",
               tercero="no", titular="trabajador")  # fmt: skip
    html = client.get(page).content.decode()
    labels = re.findall(r"<label for=\"doc-[a-z0-9-]+\">([^<]+)", html)
    assert len([label for label in labels if "fin de la relación" in label]) == 1
    assert len([label for label in labels if "1010" in label]) == 1
    item = html[html.index('id="doc-concubino-baja-fin-concubinato-1"') :]
    item = item[: item.index("</li>")]
    assert 'aria-describedby="doc-concubino-baja-fin-concubinato-1-mas"' in item
    assert "Un solo documento: lo piden las secciones <a" in item
    sections = re.findall(r'<a href="/seguros/regular/#([a-z-]+)">([\d.]+)</a>', item)
    assert sections == [
        ("requisitos-desafiliacion-concubino", "5.1.2"),
        ("concubino-baja-fin-concubinato", "7.1.2.1"),
    ]
    assert "Te mostramos la regla más estricta, la de la sección 7.1.2.1." in item


def test_the_list_keeps_its_ticks_and_shares_its_address(client):
    response = client.get(url("regular", **LONG_CASE))
    html, main = response.content.decode(), _main(response)
    case = url("regular", **LONG_CASE)
    assert f'<div class="checklist-main" data-ticks="{case.replace("&", "&amp;")}">' in main
    assert '<script src="/static/js/ticks.js" defer></script>' in html
    share = re.search(r'<a class="checklist-share" href="([^"]+)" rel="noopener">', main)
    assert share and ">Compartir por WhatsApp</a>" in main
    text = parse_qs(urlsplit(unescape(share.group(1))).query)["text"][0]
    assert share.group(1).startswith("https://wa.me/?text=")
    assert text == f"{response.context['checklist'].title}: http://testserver{case}"


def test_each_form_gets_its_own_copy_of_the_questions_declared_once():
    from insurance.checklists import QUESTIONS
    from insurance.forms.checklists import ChecklistForm

    flow = load_flow(Plan.objects.get(slug="regular"))
    one = ChecklistForm({"tramite": "inscripcion", "familiar": "x"}, flow=flow)
    two = ChecklistForm({"tramite": "inscripcion"}, flow=flow)
    assert list(one.fields) == ["paso", *QUESTIONS]
    assert one.fields["familiar"] is not two.fields["familiar"]
    assert not one.is_valid() and "familiar" in one.errors
    assert two.is_valid() and not two.errors
    # A form that replaces its choices leaves every other form's alone.
    one.fields["tramite"].choices = [("", "")]
    assert "baja" in dict(two.fields["tramite"].choices)
    assert "baja" in dict(ChecklistForm({}, flow=flow).fields["tramite"].choices)
