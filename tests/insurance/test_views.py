from datetime import date

import pytest
from django.urls import reverse

from insurance.models import Benefit, ContributionRule, InsuredKind, Note, Plan, Section, Step
from insurance.text import SECTIONS

pytestmark = pytest.mark.django_db

# Key facts of each plan, taken from the source text: a figure, a form, a law.
KEY_FACTS = [
    ("regular", ["+SEGURO", "Ley N° 26790", "Formulario N°1010", "9%", "42 días"]),
    ("potestativo", ["S/ 137.00", "S/ 132.00", "S/ 138.00", "S/ 215.00", "30 a 59", "Interbank"]),
    ("sctr", ["+PROTECCIÓN", "0.63", "1.83", "6004", "6056", "S/ 31.67", "Anexo 5"]),
    ("agrario", ["31110", "31087", "6%", "70 años", "012-2019-TR", "01/2028"]),
    (
        "vida",
        ["+Vida", "S/ 80,000.00", "S/ 40,000.00", "Bomberos", "desde los 15 hasta los 70 años"],
    ),
]
# Plan, key page, sections, eight kinds of items, persons covered; plus a margin for the
# session and i18n middleware. Adding content must never add queries.
PLAN_PAGE_MAX_QUERIES = 13


def test_home_offers_the_plans(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html
    for plan in Plan.objects.all():
        assert plan.get_absolute_url() in html


def test_home_claims_only_what_the_sources_say(client):
    html = client.get("/").content.decode()
    # Seguro Regular 13.1: the documents the look-up asks, not "only" one.
    assert "Solo necesitas" not in html
    assert "DNI, carné de extranjería o Permiso Temporal de Permanencia (PTP)" in html
    # The rules cover periods from 2023-01 (figures.md), not "any month".
    assert "cualquier mes" not in html


def test_plan_list_shows_the_five_plans_in_order(client):
    response = client.get(reverse("insurance:plan_list"))
    assert response.status_code == 200
    slugs = [card.plan.slug for card in response.context["cards"]]
    assert slugs == ["regular", "potestativo", "sctr", "agrario", "vida"]


@pytest.mark.parametrize(("slug", "facts"), KEY_FACTS)
def test_plan_page_shows_its_key_facts(client, slug, facts, django_assert_max_num_queries):
    with django_assert_max_num_queries(PLAN_PAGE_MAX_QUERIES):
        response = client.get(f"/seguros/{slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    for fact in facts:
        assert fact in html, f"{slug}: {fact!r} missing"


@pytest.mark.parametrize("slug", ["regular", "potestativo", "sctr", "agrario", "vida"])
def test_every_toc_entry_points_at_a_section(client, slug):
    response = client.get(f"/seguros/{slug}/")
    page, html = response.context["page"], response.content.decode()
    assert len(page.toc) >= 2
    for section in page.toc:
        assert f'href="#{section.anchor}"' in html
        assert f'id="{section.anchor}"' in html


@pytest.mark.parametrize("path", ["/seguros/no-existe/", "/seguros/REGULAR/", "/nada/"])
def test_unknown_pages_get_the_spanish_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "No encontramos esta página" in response.content.decode()


def test_server_error_page_is_friendly(rf):
    from insurance.views.plans import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Algo salió mal" in response.content.decode()


def test_admin_requires_login(client):
    response = client.get("/admin/insurance/plan/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_lists_work_for_staff(admin_client):
    for model in ["plan", "section", "requirement", "contributionrule", "benefit", "note"]:
        response = admin_client.get(f"/admin/insurance/{model}/")
        assert response.status_code == 200, model


def test_healthz(client):
    assert client.get("/healthz").content == b"ok"


def test_healthz_fails_when_the_database_does_not_answer(client, monkeypatch):
    from django.db import DatabaseError, connection

    def broken_cursor(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503


def test_admin_translation_tabs_use_our_jquery_ui(admin_client):
    plan = Plan.objects.get(slug="regular")
    html = admin_client.get(f"/admin/insurance/plan/{plan.pk}/change/").content.decode()
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html


def test_every_contribution_rule_links_to_a_calculator_that_exists(client):
    from insurance.rules import REGIMENES

    rules = ContributionRule.objects.exclude(rule="").select_related("section__plan")
    assert rules.exists()
    for rule in rules:
        assert rule.rule in REGIMENES, rule.rule
        html = client.get(rule.section.plan.get_absolute_url()).content.decode()
        assert f'href="/calculadora/?regimen={rule.rule}"' in html


@pytest.mark.parametrize(
    ("slug", "link", "present"),
    [
        ("regular", "/calculadora/carencia/?plan=regular", True),
        ("regular", "/calculadora/latencia/", True),
        ("potestativo", "/calculadora/carencia/?plan=potestativo", True),
        ("agrario", "/calculadora/carencia/?plan=agrario", True),
        ("sctr", "/calculadora/carencia/", False),
        ("vida", "/calculadora/carencia/", False),
    ],
)
def test_plan_pages_link_to_their_estimators(client, slug, link, present):
    html = client.get(f"/seguros/{slug}/").content.decode()
    assert (f'href="{link}' in html) is present


def test_header_marks_the_current_part_of_the_site(client):
    html = client.get("/calculadora/latencia/").content.decode()
    assert 'href="/calculadora/" aria-current="page"' in html
    assert 'href="/seguros/" aria-current="page"' not in html


# --- Up front: who it is for, what it costs, who enrols you, when coverage starts ----------

ESSENTIALS = ["Cuánto cuesta al mes", "Quién te inscribe", "Cuándo empieza la cobertura"]
# What each plan costs a month on the day the tests compute for, as the rules give it.
COSTS = {
    "regular": "9% de tu remuneración",
    "potestativo": "Desde <strong>S/ 132.00</strong> al mes por persona",
    "sctr": "de S/ 17.00 a S/ 50.00 al mes",
    "agrario": "6% de tu remuneración",
    "vida": "S/ 5.00 al mes",
}
# Home and the plans list: plans, their sections' numbers (for the links); no N+1.
CARDS_MAX_QUERIES = 4


def _facts(html: str) -> str:
    """The "Lo esencial" box of a plan page."""
    return html.split('class="facts"', 1)[1].split("</section>", 1)[0]


def _cards(html: str) -> dict[str, str]:
    """Each plan card's HTML, by the plan's URL."""
    cards = html.split('<li class="card">')[1:]
    return {card.split('href="', 1)[1].split('"', 1)[0]: card for card in cards}


@pytest.fixture
def today(settings):
    settings.RULES_DATE = date(2026, 11, 22)


@pytest.mark.parametrize("slug", list(COSTS))
def test_plan_page_says_the_four_things_first(client, today, slug):
    plan = Plan.objects.get(slug=slug)
    html = client.get(plan.get_absolute_url()).content.decode()
    facts = _facts(html)
    assert html.index('class="facts"') < html.index('class="toc"')
    assert "Para quién es" in facts and all(label in facts for label in ESSENTIALS)
    assert COSTS[slug] in facts
    assert plan.summary in html  # the meta description: plain words, not the legal text


@pytest.mark.parametrize("path", ["/", "/seguros/"])
def test_each_card_says_what_it_costs_who_enrols_and_when_it_starts(
    client, today, path, django_assert_max_num_queries
):
    with django_assert_max_num_queries(CARDS_MAX_QUERIES):
        html = client.get(path).content.decode()
    cards = _cards(html)
    assert len(cards) == 5
    for plan in Plan.objects.all():
        card = cards[plan.get_absolute_url()]
        assert plan.summary in card
        assert all(label in card for label in ESSENTIALS), plan.slug
        assert COSTS[plan.slug] in card, plan.slug


def test_the_summaries_are_short_and_not_the_legal_description():
    for plan in Plan.objects.prefetch_related("sections"):
        description = plan.sections.get(anchor="descripcion").body
        assert len(plan.summary) <= 220, plan.slug
        assert plan.summary not in description, plan.slug
        assert plan.enrolment and plan.audience and plan.waiting_period, plan.slug


def test_section_references_in_cards_point_at_the_plan_page(client):
    card = _cards(client.get("/").content.decode())["/seguros/regular/"]
    assert '<a href="/seguros/regular/#registro-trabajadores">sección 11</a>' in card


# --- Marks, badges, citations (issue 13) --------------------------------------------------

MARK = "por confirmar"


@pytest.mark.parametrize("path", ["/", "/seguros/", "/seguros/vida/", "/seguros/agrario/"])
def test_every_unconfirmed_cost_carries_the_mark_beside_it(client, today, path):
    html = client.get(path).content.decode().split('id="contenido"', 1)[1]
    amounts = ["S/ 5.00 al mes", "S/ 73.80 al mes"]  # +Vida's premium; 6% of the new RMV
    found = 0
    for amount in amounts:
        for piece in html.split(f"<strong>{amount}</strong>")[1:]:
            found += 1
            assert piece.lstrip().startswith(f'<span class="confirm">{MARK}'), path
    assert found


def test_a_confirmed_cost_has_no_mark(client, today):
    facts = _facts(client.get("/seguros/potestativo/").content.decode())
    assert MARK not in facts


def _tags(html: str) -> list[str]:
    return [
        piece.split(">", 1)[1].split("<", 1)[0] for piece in html.split('<span class="tag ')[1:]
    ]


# What the source says about having to join, for each kind of worker (issue 13, point 13).
BADGES = {
    "regular": ["Obligatorio"],  # section 1: "Es el seguro obligatorio"
    "potestativo": ["Voluntario"],  # a plan the person contracts
    "sctr": ["Complementario"],  # "Seguro Complementario", "el seguro adicional"
    "agrario": ["Obligatorio para dependientes", "Independientes: inscripciones suspendidas"],
    "vida": ["Voluntario"],  # section 1: "Es un seguro voluntario"
}


@pytest.mark.parametrize("slug", list(BADGES))
def test_badges_say_what_the_source_says(client, slug):
    url = f"/seguros/{slug}/"
    page = client.get(url).content.decode()
    assert _tags(page.split('class="plan-header"', 1)[1].split("</header>", 1)[0]) == BADGES[slug]
    for path in ["/", "/seguros/"]:
        card = _cards(client.get(path).content.decode())[url]
        assert _tags(card) == BADGES[slug], (path, slug)


def test_agrario_says_what_the_source_says_of_its_dependants_once(client):
    plan = Plan.objects.get(slug="agrario")
    assert [person.slug for person in plan.covers.all()] == ["titular"]
    facts = _facts(client.get("/seguros/agrario/").content.decode())
    covers = facts.split("A quién cubre", 1)[1]
    assert "no dice qué familiares cubre" in covers
    assert "derechohabiente gestante" in covers and "OSPE" in covers
    assert '<a href="#condiciones">sección 2</a>' in covers
    page = client.get("/seguros/agrario/").content.decode().lower()
    for wrong in ["solo al titular", "sólo al titular", "extramatrimonial", "cónyuge e hijos"]:
        assert wrong not in page, wrong


def test_vida_says_where_its_premium_and_consent_come_from(client):
    html = client.get("/seguros/vida/").content.decode()
    section = html.split('id="dos-tipos-afiliacion"', 1)[1].split("<section", 1)[0]
    rules, note = section.split('class="note note-aclaracion"', 1)
    for outside_the_source in ["autorización escrita", "6012", "S/ 5.00"]:
        assert outside_the_source not in rules, outside_the_source
    assert "no viene de ese texto" in note and "autorización escrita" in note


def test_every_section_reference_names_a_section_of_its_plan():

    texts = [
        (plan.slug, getattr(plan, name))
        for plan in Plan.objects.all()
        for name in ("audience", "enrolment", "waiting_period", "covers_note")
    ]
    texts += [(s.plan.slug, s.body) for s in Section.objects.select_related("plan")]
    for model, fields in [
        (InsuredKind, ("description", "enrolled_by")),
        (ContributionRule, ("text",)),
        (Note, ("text",)),
        (Step, ("body",)),
    ]:
        for item in model.objects.select_related("section__plan"):
            texts += [(item.section.plan.slug, getattr(item, f)) for f in fields]
    numbers = {}
    for slug, number in Section.objects.values_list("plan__slug", "number"):
        numbers.setdefault(slug, set()).add(number)
    cited = 0
    for slug, text in texts:
        for match in SECTIONS.finditer(text or ""):
            for number in match[1].replace(" y ", ", ").split(", "):
                cited += 1
                assert number in numbers[slug], f"{slug}: «{match[0]}» names no section"
    assert cited >= 10


# --- Phones: readable links, a way back, tables (issue 14) --------------------------------


@pytest.mark.parametrize("slug", list(COSTS))
def test_no_link_shows_a_bare_address(client, slug):
    html = client.get(f"/seguros/{slug}/").content.decode()
    texts = [piece.split(">", 1)[1].split("<", 1)[0] for piece in html.split("<a ")[1:]]
    assert not [text for text in texts if text.startswith(("http", "www."))]


def test_regular_links_its_official_pages_with_readable_words(client):
    html = client.get("/seguros/regular/").content.decode()
    assert (
        '<a href="https://dondemeatiendo.essalud.gob.pe/#/consulta">'
        "Consulta tu centro asignado en ¿Dónde me atiendo?</a>"
    ) in html
    assert 'latencia-eps">La latencia si tienes EPS, en gob.pe</a>' in html


def test_regular_section_references_are_links_and_the_index_stays_reachable(client):
    html = client.get("/seguros/regular/").content.decode()
    assert html.count('<a href="#registro-trabajadores">sección 11</a>') >= 9
    assert "(sección 11)" not in html
    back = html.split('class="to-toc"', 1)[1].split("</p>", 1)[0]
    assert 'href="#toc-title"' in back and "Volver al índice" in back
    assert 'id="toc-title"' in html
    assert html.index('class="to-toc"') > html.index('id="acreditacion"')  # after every section


def test_vida_table_says_where_the_source_gives_no_amount(client):
    html = client.get("/seguros/vida/").content.decode()
    table = html.split('class="benefits"', 1)[1].split("</table>", 1)[0]
    blank = Benefit.objects.filter(spouse_amount__isnull=True).count()
    assert blank == 6
    assert table.count(">sin monto indicado</td>") == blank
    assert "No aplica" not in html


@pytest.mark.parametrize("slug", list(COSTS))
def test_every_link_within_a_plan_page_lands_on_something(client, slug):
    html = client.get(f"/seguros/{slug}/").content.decode()
    targets = {piece.split('"', 1)[0] for piece in html.split('href="#')[1:]}
    assert "valores-vigentes" in targets and "toc-title" in targets
    missing = [target for target in targets if f'id="{target}"' not in html]
    assert not missing, f"{slug}: links to missing ids {missing}"
