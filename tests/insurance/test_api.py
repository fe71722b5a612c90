"""The open-data API (``/api/v1/``): every endpoint answers as its HTML page does.

Happy paths, every kind of bad input (400 with the form's own message, in Spanish and under
/en/ in English), unknown names (404 JSON), repeated parameters, the headers (CORS, cache,
no cookies), query counts, and the schema. The table tests comparing the API with the HTML
pages case by case are in ``test_api_tables.py``.
"""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from insurance import rules

from .test_calculator_views import AGES, AGRARIAN, BAD_INPUTS, SCTR

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 15)
API = "/api/v1"
# The figures and calculator endpoints read no table; the wizard and the checklists read
# the content version (insurance.snapshot), as their pages do once warm.
API_MAX_QUERIES = 1
ENDPOINTS = {
    "figures": f"{API}/cifras/?fecha=2025-06-15",
    "figure": f"{API}/cifras/rmv/",
    "contribution": f"{API}/aportes/?regimen=regular&periodo=2025-01&monto=1000",
    "waiting_period": f"{API}/carencia/?plan=potestativo&primer_pago=15/03/2025",
    "latency": f"{API}/latencia/?aportes=20",
    "plans": f"{API}/seguros/?situacion=dependiente&dependiente=otro&riesgo=no&bombero=no"
    "&familia=conyuge&monto=3000",
    "checklist": f"{API}/requisitos/regular/?tramite=inscripcion&familiar=conyuge"
    "&matrimonio=peru&titular=trabajador",
    "schema": f"{API}/openapi.json",
}


@pytest.fixture(autouse=True)
def fixed_today(settings):
    settings.RULES_DATE = TODAY


def get_json(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


# --- Happy paths ---------------------------------------------------------------------------


def test_figures_gives_every_parameter_in_force_that_day(client):
    data = get_json(client, ENDPOINTS["figures"])
    assert data["on"] == "2025-06-15"
    by_name = {figure["name"]: figure for figure in data["figures"]}
    assert list(by_name) == list(rules.PARAMETER_NAMES)
    rmv = by_name["rmv"]
    assert rmv["value"] == "1130.00"  # RMV from 2025-01-01 (figures.md)
    assert rmv["formatted"] == "S/ 1,130.00"
    assert rmv["since"] == "2025-01-01"
    assert rmv["unit"] == "soles"
    assert rmv["source"] and rmv["confidence"] in {"high", "medium", "to-confirm"}
    assert by_name["regular_rate"]["value"] == "9"
    premiums = by_name["potestativo_premiums"]["value"]
    assert isinstance(premiums, list) and premiums[0]["low"] == 0
    assert all(isinstance(band["value"], str) for band in premiums)


def test_figures_default_to_today(client, settings):
    settings.RULES_DATE = date(2024, 5, 1)
    data = get_json(client, f"{API}/cifras/")
    rmv = next(f for f in data["figures"] if f["name"] == "rmv")
    assert (data["on"], rmv["value"]) == ("2024-05-01", "1025.00")


def test_checked_is_given_as_the_rules_give_it(client):
    data = get_json(client, ENDPOINTS["figures"])
    on = rules.parameters_on(TODAY)
    for figure in data["figures"]:
        checked = getattr(on, figure["name"]).checked
        assert figure["checked"] == (checked.isoformat() if checked else None)


def test_a_figures_history_is_every_value_oldest_first(client):
    data = get_json(client, ENDPOINTS["figure"])
    history = rules.parameter_history("rmv")
    assert [entry["since"] for entry in data["history"]] == [v.start.isoformat() for v in history]
    assert data["history"][0]["value"] == "1025.00"
    assert data["history"][0]["until"] == "2024-12-31"
    assert data["history"][-1]["until"] is None


def test_contribution_gives_the_amount_who_pays_and_every_step(client):
    data = get_json(client, ENDPOINTS["contribution"])
    assert data["payable"] == "101.70"  # 9% of the RMV floor, 1,130
    assert data["exact"] == "101.70"
    assert data["paid_by"] == ["empleador"]
    assert data["floor_applied"] is True
    assert data["steps"] and all(step["reference"] for step in data["steps"])
    assert all(isinstance(step["value"], str) for step in data["steps"])
    assert "rmv" in {figure["name"] for figure in data["figures"]}


def test_sctr_contribution_keeps_the_exact_and_the_rounded_amounts(client):
    data = get_json(
        client, f"{API}/aportes/?regimen=sctr-dependiente&periodo=2024-05&monto=1016&nivel_riesgo=2"
    )
    assert (data["payable"], data["exact"], data["rounding"]) == ("12.00", "12.4968", "sol-half-up")


def test_potestativo_contribution_lists_each_person(client):
    data = get_json(client, f"{API}/aportes/?regimen=potestativo&periodo=2024-05&edades=35,5")
    assert data["payable"] == "275.00"
    assert [(p["age"], p["premium"]) for p in data["people"]] == [(35, "138.00"), (5, "137.00")]


def test_waiting_period_of_the_potestativo(client):
    data = get_json(client, ENDPOINTS["waiting_period"])
    assert data["plan"] == "potestativo" and data["coverage"] is None
    assert data["start"]["starts_on"] == "2025-06-15"  # 3 months after the first payment


REGULAR = f"{API}/carencia/?plan=regular&atencion=2025-06&tipo=enfermedad"


@pytest.mark.parametrize(
    ("months", "covered"),
    [
        (["2025-03", "2025-04", "2025-05"], True),  # 3 consecutive
        (["2024-12", "2025-02", "2025-04", "2025-05"], True),  # 4 of the 6
        (["2025-01", "2025-02"], False),
        ([], False),
    ],
)
def test_waiting_period_of_the_regular_counts_the_months_given(client, months, covered):
    query = "".join(f"&aportes={month}" for month in months)
    data = get_json(client, REGULAR + query)
    assert data["coverage"]["covered"] is covered
    assert data["coverage"]["contributed_in_window"] == months
    assert len(data["coverage"]["window"]) == 6


def test_latency_gives_the_months_and_the_band(client):
    data = get_json(client, ENDPOINTS["latency"])
    assert (data["contributions"], data["band"]["low"], data["band"]["high"]) == (20, 20, 24)
    assert data["months"] == int(data["band"]["value"])
    assert data["table"]["name"] == "latency_months"


def test_plans_gives_each_plan_with_status_reason_source_and_cost(client):
    data = get_json(client, ENDPOINTS["plans"])
    by_plan = {plan["plan"]: plan for plan in data["plans"]}
    regular = by_plan["regular"]
    assert regular["status"] == "obligatorio"
    assert regular["reason"] and regular["source"] and regular["enrolled_by"]
    assert regular["cost"]["payable"] == "270.00"  # 9% of 3,000
    assert regular["family"] == ["conyuge"]
    assert regular["checklists"][0]["url"].startswith("/seguros/regular/requisitos/")
    assert [a["question"] for a in data["answers"]][:2] == ["situacion", "dependiente"]


def test_checklist_gives_the_papers_and_steps_of_the_case(client):
    data = get_json(client, ENDPOINTS["checklist"])
    assert data["kind"] == "checklist"
    assert data["title"].startswith("Inscribir a tu cónyuge")
    texts = " ".join(document["text"] for document in data["documents"])
    assert "en caso de matrimonio celebrado en el Perú" in texts
    assert all(document["sources"] for document in data["documents"])
    assert data["url"].startswith("/seguros/regular/requisitos/?")


def test_checklist_gives_the_next_question_still_to_answer(client):
    data = get_json(client, f"{API}/requisitos/regular/?tramite=inscripcion")
    assert data["kind"] == "question"
    assert data["question"]["id"] == "familiar"
    assert "conyuge" in [option["value"] for option in data["question"]["options"]]
    assert data["documents"] == []


def test_checklist_gives_an_explanation_where_the_source_gives_one(client):
    """A pregnant partner leaves for another reason automatically (Regular 10.1.2)."""
    query = "tramite=baja&familiar=gestante&motivo=otro"
    data = get_json(client, f"{API}/requisitos/regular/?{query}")
    assert (data["kind"], data["explanation"]) == ("explanation", "baja-automatica-gestante")
    assert data["documents"] == [] and data["title"]
    page = client.get(f"/seguros/regular/requisitos/?{query}")
    assert data["title"] == page.context["title"]


# --- Bad input -----------------------------------------------------------------------------


def form_errors(client, url, query) -> dict[str, list[str]]:
    """The messages the HTML page shows, by field."""
    response = client.get(url, query)
    assert response.status_code == 400
    return {name: list(messages) for name, messages in response.context["form"].errors.items()}


@pytest.mark.parametrize(("query", "field", "words"), BAD_INPUTS)
def test_bad_calculator_input_is_a_400_with_the_forms_message(client, query, field, words):
    response = client.get(f"{API}/aportes/", query)
    assert response.status_code == 400
    data = response.json()
    assert words in " ".join(data["errors"][field])
    assert data["errors"] == form_errors(client, "/calculadora/resultado/", query)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        (SCTR | {"monto": "mil"}, "monto"),
        (SCTR | {"periodo": "2022-12"}, "periodo"),
        (SCTR | {"nivel_riesgo": "7"}, "nivel_riesgo"),
        (AGES | {"edades": "treinta"}, "edades"),
        (AGRARIAN | {"trabajadores": "-3"}, "trabajadores"),
    ],
)
def test_bad_input_under_en_is_in_english_as_the_english_form(client, query, field):
    response = client.get(f"/en{API}/aportes/", query)
    assert response.status_code == 400
    english = response.json()["errors"]
    assert english == form_errors(client, "/en/calculadora/resultado/", query)
    spanish = client.get(f"{API}/aportes/", query).json()["errors"]
    assert english[field] != spanish[field]


def test_accept_language_en_gives_english_on_the_unprefixed_path(client):
    query = SCTR | {"monto": "mil"}
    response = client.get(f"{API}/aportes/", query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["errors"] == form_errors(client, "/en/calculadora/resultado/", query)
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]
    spanish = client.get(f"{API}/aportes/", query, HTTP_ACCEPT_LANGUAGE="es")
    assert spanish["Content-Language"] == "es"
    assert spanish.json()["errors"] == form_errors(client, "/calculadora/resultado/", query)


def test_a_200_that_depends_on_the_header_says_so(client):
    response = client.get(ENDPOINTS["figures"], HTTP_ACCEPT_LANGUAGE="en")
    english = client.get("/en" + ENDPOINTS["figures"]).json()
    assert response.json() == english
    assert english != client.get(ENDPOINTS["figures"]).json()
    assert "Accept-Language" in response["Vary"]
    assert response["Cache-Control"].startswith("public")


@pytest.mark.parametrize(
    ("url", "field", "words"),
    [
        (f"{API}/aportes/?periodo=2024-05", "regimen", "Elige tu situación"),
        (f"{API}/aportes/?regimen=nada", "regimen", "No conocemos la situación «nada»"),
        (f"{API}/cifras/?fecha=ayer", "fecha", "Escribe la fecha como día/mes/año"),
        (f"{API}/cifras/?fecha=2020-01-01", "fecha", "Las reglas cubren fechas desde"),
        (f"{API}/cifras/?fecha=2025-02-30", "fecha", "Escribe la fecha"),
        (f"{API}/latencia/", "aportes", "Indica el número de aportes"),
        (f"{API}/latencia/?aportes=-1", "aportes", "no puede ser negativo"),
        (f"{API}/latencia/?aportes=99", "aportes", "como máximo 36"),
        (f"{API}/carencia/", "plan", "Elige el seguro"),
        (f"{API}/carencia/?plan=sctr", "plan", "No conocemos el seguro «sctr»"),
        (f"{API}/carencia/?plan=potestativo", "primer_pago", "Indica la fecha de tu primer pago"),
        (f"{API}/carencia/?plan=agrario&primer_aporte=2025-13", "primer_aporte", "año-mes"),
        (f"{API}/carencia/?plan=regular&tipo=enfermedad", "atencion", "Indica el mes"),
        (f"{API}/carencia/?plan=regular&atencion=2025-06&tipo=x", "tipo", "no es una de las"),
        (REGULAR + "&aportes=2020-01", "aportes", "no es uno de los meses de la lista"),
        (f"{API}/requisitos/regular/?tramite=nada", "tramite", "«nada» no es una de las opciones"),
        (f"{API}/requisitos/regular/?familiar=conyuge", "tramite", "Falta esta respuesta"),
    ],
)
def test_bad_input_of_each_endpoint_names_its_field(client, url, field, words):
    data = get_json(client, url, 400)
    assert words in " ".join(data["errors"][field]), data


def test_an_unfinished_wizard_names_the_question_it_stops_at(client):
    data = get_json(client, f"{API}/seguros/?situacion=dependiente", 400)
    assert data["errors"] == {"dependiente": ["Elige qué tipo de trabajo haces."]}
    assert data["question"]["id"] == "dependiente"
    assert "otro" in [option["value"] for option in data["question"]["options"]]


def test_an_invalid_wizard_answer_gets_the_questions_message(client):
    data = get_json(client, f"{API}/seguros/?situacion=astronauta", 400)
    assert data["errors"] == {"situacion": ["Elige una de las opciones."]}
    english = get_json(client, f"/en{API}/seguros/?situacion=astronauta", 400)
    assert english["errors"]["situacion"] != data["errors"]["situacion"]


def test_a_bad_checklist_answer_is_the_pages_message(client):
    query = {"tramite": "nada"}
    data = get_json(client, f"{API}/requisitos/regular/?tramite=nada", 400)
    page = client.get("/seguros/regular/requisitos/", query)
    assert page.status_code == 400
    assert data["errors"] == {k: list(v) for k, v in page.context["form"].errors.items()}


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (f"{API}/cifras/nada/", "No hay una cifra llamada «nada»"),
        (f"{API}/requisitos/nada/", "No hay un seguro llamado «nada»"),
        (f"{API}/requisitos/vida/", "no tiene lista de requisitos"),
        (f"{API}/nada/", "No existe esta dirección"),
        (f"{API}/cifras/rmv/extra/", "No existe esta dirección"),
    ],
)
def test_unknown_names_are_a_json_404(client, url, words):
    assert words in get_json(client, url, 404)["detail"]


def test_a_404_under_en_is_in_english(client):
    detail = get_json(client, f"/en{API}/cifras/nada/", 404)["detail"]
    assert "nada" in detail and "No hay" not in detail


@pytest.mark.parametrize("path", ["/cifras", "/docs", "/cifras/rmv"])
def test_a_path_without_its_slash_goes_to_the_one_with_it(client, path):
    response = client.get(f"{API}{path}")
    assert (response.status_code, response["Location"]) == (301, f"{API}{path}/")


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_other_methods_are_refused_in_json(client, method):
    response = getattr(client, method)(ENDPOINTS["figure"])
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert response["Allow"] == "GET, HEAD"
    assert "GET" in response.json()["detail"]


def test_head_is_answered_as_get_without_a_body(client):
    got, head = client.get(ENDPOINTS["figure"]), client.head(ENDPOINTS["figure"])
    assert head.status_code == got.status_code == 200
    assert head["Content-Type"] == got["Content-Type"] and head.content == b""


# --- Repeated parameters -------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "regimen=vida&regimen=regular&periodo=2025-01&monto=1&monto=1000",
        "regimen=regular&periodo=1999-01&periodo=2025-01&monto=1000",
        "regimen=regular&periodo=2025-01&monto=1000&monto=mil",
    ],
)
def test_a_repeated_parameter_counts_as_the_form_counts_it(client, query):
    """The last value, as the HTML form reads it: the same answer or the same message."""
    api = client.get(f"{API}/aportes/?{query}")
    page = client.get(f"/calculadora/resultado/?{query}")
    assert api.status_code == page.status_code
    if page.status_code == 200:
        assert Decimal(api.json()["payable"]) == page.context["result"].payable
    else:
        errors = {k: list(v) for k, v in page.context["form"].errors.items()}
        assert api.json()["errors"] == errors


def test_repeated_months_are_all_read_as_by_the_page(client):
    query = "&aportes=2025-03&aportes=2025-04&aportes=2025-05&aportes=2025-05"
    assert get_json(client, REGULAR + query)["coverage"]["covered"] is True


# --- Headers -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(ENDPOINTS))
def test_every_answer_is_public_cacheable_cors_and_sets_no_cookie(client, name):
    response = client.get(ENDPOINTS[name])
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"
    assert response.has_header("ETag")
    assert not response.cookies
    assert not response.has_header("Set-Cookie")
    assert "Cookie" not in response.get("Vary", "")
    again = client.get(ENDPOINTS[name], HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_errors_carry_cors_and_are_never_cached(client):
    response = client.get(f"{API}/aportes/?regimen=nada")
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_json_is_not_minified_or_changed_by_the_html_middleware(client, settings):
    settings.MINIFY_HTML = True
    response = client.get(ENDPOINTS["contribution"])
    assert json.loads(response.content)["payable"] == "101.70"


@pytest.mark.parametrize("name", list(ENDPOINTS))
def test_each_endpoint_makes_a_bounded_number_of_queries(
    client, name, django_assert_max_num_queries
):
    client.get(ENDPOINTS[name])  # warm: the content snapshot is built once per worker
    with django_assert_max_num_queries(API_MAX_QUERIES):
        assert client.get(ENDPOINTS[name]).status_code == 200


# --- Schema and docs -----------------------------------------------------------------------


def test_the_schema_documents_every_endpoint_and_its_parameters(client):
    schema = get_json(client, ENDPOINTS["schema"])
    assert schema["openapi"].startswith("3.")
    operations = {
        operation["operationId"]: (path, operation)
        for path, methods in schema["paths"].items()
        for operation in methods.values()
    }
    assert set(operations) == set(ENDPOINTS) - {"schema"}
    path, contribution = operations["contribution"]
    assert path == "/api/v1/aportes/"
    names = {parameter["name"] for parameter in contribution["parameters"]}
    assert names == {"regimen", "periodo", "monto", "nivel_riesgo", "edades", "trabajadores",
                     "ventas_netas"}  # fmt: skip
    assert set(contribution["responses"]) == {"200", "400"}
    assert set(operations["checklist"][1]["responses"]) == {"200", "400", "404"}


def test_the_english_schema_has_the_english_paths(client):
    schema = get_json(client, f"/en{API}/openapi.json")
    assert all(path.startswith("/en/api/v1/") for path in schema["paths"])


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_docs_page_lists_every_endpoint_with_a_working_example(client, prefix):
    response = client.get(f"{prefix}{API}/docs/")
    assert response.status_code == 200
    assert "insurance/api/docs.html" in [t.name for t in response.templates]
    assert "base.html" in [t.name for t in response.templates]
    endpoints = response.context["endpoints"]
    assert len(endpoints) == 7
    html = response.content.decode()
    assert "<script" not in html.split("</main>")[0].split("<main")[1]
    assert "cdn" not in html.lower()
    for endpoint in endpoints:
        assert endpoint["example"].replace("&", "&amp;") in html
        assert client.get(endpoint["example"]).status_code == 200, endpoint["example"]


def test_the_docs_page_stays_within_the_csp(client):
    response = client.get(f"{API}/docs/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


# --- The HTML pages link to their twins ----------------------------------------------------

TWINS = [
    ("/calculadora/resultado/?regimen=regular&periodo=2025-01&monto=1000", "contribution", {}),
    ("/calculadora/carencia/resultado/?plan=potestativo&primer_pago=15/03/2025",
     "waiting_period", {}),
    ("/calculadora/carencia/resultado/?plan=regular&atencion=2025-06&tipo=enfermedad"
     "&aportes=2025-03", "waiting_period", {}),
    ("/calculadora/latencia/resultado/?aportes=20", "latency", {}),
    ("/que-seguro-me-corresponde/resultado/?situacion=dependiente&dependiente=otro&riesgo=no"
     "&bombero=no&familia=conyuge&monto=3000", "plans", {}),
    ("/seguros/regular/requisitos/?tramite=inscripcion&familiar=conyuge&matrimonio=peru"
     "&titular=trabajador", "checklist", {"plan": "regular"}),
]  # fmt: skip


@pytest.mark.parametrize(("page", "name", "kwargs"), TWINS)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_result_page_links_to_its_json_twin(client, page, name, kwargs, prefix):
    response = client.get(prefix + page)
    assert response.status_code == 200
    query = response.wsgi_request.GET.urlencode()
    twin = f"{reverse(f'api:{name}', kwargs=kwargs)}?{query}"
    assert twin.startswith(f"{prefix}/api/v1/")
    html = response.content.decode()
    escaped = twin.replace("&", "&amp;")
    assert f'<link rel="alternate" type="application/json" href="{escaped}">' in html
    assert f'<a href="{escaped}" type="application/json">' in html
    assert client.get(twin).status_code == 200


def test_a_fault_of_ours_is_a_json_500_not_the_html_page(client, monkeypatch):
    def broken(day):
        raise RuntimeError("a bug")

    monkeypatch.setattr(rules, "parameters_on", broken)
    response = client.get(ENDPOINTS["figures"])
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert "Inténtalo de nuevo" in response.json()["detail"]
