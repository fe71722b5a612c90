import pytest
from django.urls import reverse

from insurance.models import Plan

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


def test_plan_list_shows_the_five_plans_in_order(client):
    response = client.get(reverse("insurance:plan_list"))
    assert response.status_code == 200
    slugs = [plan.slug for plan in response.context["plans"]]
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
def test_plan_page_says_its_summary_once_in_section_1(client, slug):
    # The summary is the first paragraph of the plan's section 1; the page says it there and
    # nowhere else in its body (it stays the plans list's text and the meta description).
    html = client.get(f"/seguros/{slug}/").content.decode()
    body = html.split('id="contenido"', 1)[1]
    summary = Plan.objects.get(slug=slug).summary
    assert body.count(summary) == 1
    assert body.index(summary) > body.index('id="descripcion"')


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
    from insurance.models import ContributionRule
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
