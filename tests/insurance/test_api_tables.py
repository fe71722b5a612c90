"""The API and the HTML pages, case by case: the same amounts, plans and papers.

The calculator's hand-computed cases, every wizard persona and every written-out checklist
case are asked of both, and what each shows is compared: the result page's context (what
its template writes) against the JSON twin.
"""

from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.test import override_settings

from insurance import rules

from .checklist_cases import CASES as CHECKLIST_CASES
from .personas import ON, PERSONAS
from .test_calculator_views import CASES as CALCULATOR_CASES
from .test_calculator_views import TODAY
from .test_wizard_views import qs

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "payable", "exact"),
    CALCULATOR_CASES,
    ids=[f"{c[0]['regimen']}-{c[0]['periodo']}" for c in CALCULATOR_CASES],
)
def test_the_calculator_and_the_api_give_the_same_amounts(client, query, payable, exact):
    with override_settings(RULES_DATE=TODAY):
        page = client.get("/calculadora/resultado/", query)
        api = client.get("/api/v1/aportes/", query)
    assert page.status_code == api.status_code == 200
    result, data = page.context["result"], api.json()
    assert Decimal(data["payable"]) == result.payable == Decimal(payable)
    # Every decimal the exact amount has (the page shows as many as make its rounding plain).
    assert Decimal(data["exact"]) == result.exact
    assert rules.round_to_cent(result.exact) == rules.round_to_cent(Decimal(exact))
    assert data["paid_by"] == [payer.value for payer in result.paid_by]
    assert [step["formatted"] for step in data["steps"]] == [
        str(step.formatted) for step in result.steps
    ]
    assert [step["reference"] for step in data["steps"]] == [
        str(step.reference) for step in result.steps
    ]


@pytest.mark.parametrize("persona", PERSONAS, ids=str)
def test_the_wizard_and_the_api_give_the_same_plans(client, persona):
    query = urlencode(qs(persona.answers))
    with override_settings(RULES_DATE=ON):
        page = client.get(f"/que-seguro-me-corresponde/resultado/?{query}")
        api = client.get(f"/api/v1/seguros/?{query}")
    assert page.status_code == api.status_code == 200
    entries, plans = page.context["entries"], api.json()["plans"]
    assert [(p["code"], p["status"]) for p in plans] == [
        (e["match"].code.value, e["match"].status.value) for e in entries
    ]
    assert {p["code"]: p["status"] for p in plans} == {
        code.value: status.value for code, status in persona.expected.items()
    }
    for plan, entry in zip(plans, entries, strict=True):
        contribution = entry["contribution"]
        expected = f"{contribution.payable:.2f}" if contribution else None
        assert (plan["cost"] or {}).get("payable") == expected
        assert [link["url"] for link in plan["checklists"]] == [
            link["url"] for link in entry["checklists"]
        ]
    for code, amount in persona.payable.items():
        assert next(p for p in plans if p["code"] == code.value)["cost"]["payable"] == amount


@pytest.mark.parametrize(("slug", "answers", "expected"), CHECKLIST_CASES)
def test_the_checklist_and_the_api_give_the_same_papers(client, slug, answers, expected):
    query = urlencode(answers)
    page = client.get(f"/seguros/{slug}/requisitos/?{query}")
    api = client.get(f"/api/v1/requisitos/{slug}/?{query}")
    assert page.status_code == api.status_code == 200
    checklist, data = page.context["checklist"], api.json()
    assert data["kind"] == "checklist"
    assert len(data["documents"]) == len(checklist.documents)
    assert [d["text"] for d in data["documents"]] == [d.text for d in checklist.documents]
    assert len(data["steps"]) == len(checklist.steps)
    assert data["title"] == checklist.title
    assert data["url"] == page.context["case_url"]


def test_the_tables_hold_at_least_thirty_cases():
    assert len(CALCULATOR_CASES) + len(PERSONAS) + len(CHECKLIST_CASES) >= 30
    assert min(len(CALCULATOR_CASES), len(PERSONAS), len(CHECKLIST_CASES)) >= 10
