"""The open-data API, ``/api/v1/``: the site's answers as JSON, described by OpenAPI.

django-ninja writes the schema from these signatures and ``schemas``. The query parameters
are declared so the schema documents them, but every endpoint validates ``request.GET``
with the very form its HTML page binds (``insurance.forms``) and calls the same rules: a
page and the API cannot disagree, on an amount, on a message or on which of two repeated
parameters counts (the last, as the forms read it). A bad answer is a 400 naming each
field with the form's message, in the request's language.
"""

import logging

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Query, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from .. import checklists, rules, wizard
from .. import wizard_links as links
from ..clock import rules_today
from ..forms.api import FiguresDayForm
from ..forms.calculator import CalculatorForm, RegimenForm
from ..forms.checklists import ChecklistForm
from ..forms.estimators import (
    PLAN_LABELS,
    LatencyForm,
    RegularMonthsForm,
    WaitingPlanForm,
)
from ..snapshot import snapshot
from ..views.calculator import AMOUNT_TITLES, PLAN_FORMS, USER_ERRORS, shown_notes
from . import present, schemas
from .http import open_data

logger = logging.getLogger("django.request")

api = NinjaAPI(
    title="Tramitit Salud API",
    version="1",
    description=(
        "EsSalud's figures and the site's rules as JSON: every parameter with its history, "
        "legal source and confidence; contributions, waiting periods, latency, the plans "
        "that apply to a person and the papers of a case. Read-only, public, cacheable; "
        "Spanish at /api/v1/, English at /en/api/v1/."
    ),
    urls_namespace="api",
    # Our own docs page and schema view (insurance.api.docs): no CDN, no inline script, and
    # the schema with the API's headers (CORS, language).
    docs_url=None,
    openapi_url=None,
)
ERRORS = {400: schemas.Errors}
MISSING = {404: schemas.NotFound}
STATUS_LABELS = {
    rules.Status.COMPULSORY: _("Obligatorio"),
    rules.Status.ENTITLED: _("Te corresponde"),
    rules.Status.OPTIONAL: _("Opcional"),
    rules.Status.ASK: _("Confírmalo en una OSPE"),
    rules.Status.CLOSED: _("No disponible"),
}


class BadInput(Exception):
    """A form refused the query: answered 400 with its messages."""

    def __init__(self, form, question=None):
        super().__init__("bad input")
        self.errors = {name: [str(m) for m in messages] for name, messages in form.errors.items()}
        self.question = question


@api.exception_handler(BadInput)
def _bad_input(request, error):
    return api.create_response(
        request, {"errors": error.errors, "question": error.question}, status=400
    )


@api.exception_handler(NinjaValidationError)
def _unparsed(request, error):
    """Never ninja's 422: the parameters are all text, so this is only a malformed path."""
    fields = {str(e.get("loc", ["?"])[-1]): [str(e.get("msg", ""))] for e in error.errors}
    return api.create_response(request, {"errors": fields, "question": None}, status=400)


@api.exception_handler(HttpError)
def _http_error(request, error):
    return api.create_response(request, {"detail": str(error)}, status=error.status_code)


@api.exception_handler(Exception)
def _failure(request, error):
    """A fault of ours (the tests and Schemathesis look for none): logged as Django logs a
    500, answered in JSON rather than the site's HTML error page."""
    logger.error("API error: %s", request.path, exc_info=error, extra={"request": request})
    detail = str(_("Algo falló de nuestro lado. Inténtalo de nuevo más tarde."))
    return api.create_response(request, {"detail": detail}, status=500)


def _get(path: str, name: str, responses: dict):
    """A GET endpoint named ``name`` (its URL name and OpenAPI operation id), with the
    headers every answer carries (``open_data``)."""

    def register(view):
        operation = api.get(path, response=responses, url_name=name, operation_id=name)
        return operation(decorate_view(open_data)(view))

    return register


def _valid(form, question=None):
    if not form.is_valid():
        raise BadInput(form, question)
    return form


# --- Figures -------------------------------------------------------------------------------


class DayQuery(Schema):
    fecha: str | None = None


@_get("/cifras/", "figures", {200: schemas.FiguresOn, **ERRORS})
def figures(request, query: Query[DayQuery]):
    """Every parameter the rules use, as in force on `fecha` (YYYY-MM-DD or DD/MM/YYYY;
    today in Lima by default)."""
    form = _valid(FiguresDayForm(request.GET))
    on = form.cleaned_data["fecha"] or rules_today()
    values = rules.parameters_on(on)
    return {
        "on": on,
        "figures": [present.figure(getattr(values, name)) for name in rules.PARAMETER_NAMES],
    }


@_get("/cifras/{parameter}/", "figure", {200: schemas.FigureHistory, **MISSING})
def figure(request, parameter: str):
    """One parameter's whole history, oldest first."""
    if parameter not in rules.PARAMETER_NAMES:
        raise HttpError(404, str(_("No hay una cifra llamada «%(name)s».") % {"name": parameter}))
    history = rules.parameter_history(parameter)
    return {
        "name": parameter,
        "label": str(history[-1].label),
        "unit": history[-1].unit.value,
        "history": [present.figure(value) for value in history],
    }


# --- Contributions -------------------------------------------------------------------------


class ContributionQuery(Schema):
    regimen: str | None = None
    periodo: str | None = None
    monto: str | None = None
    nivel_riesgo: str | None = None
    edades: str | None = None
    trabajadores: str | None = None
    ventas_netas: str | None = None


@_get("/aportes/", "contribution", {200: schemas.Contribution, **ERRORS})
def contribution(request, query: Query[ContributionQuery]):
    """The monthly contribution, as /calculadora/resultado/ computes it: each `regimen` reads
    only the inputs it needs (`periodo` YYYY-MM always)."""
    # No form to build for a known situation; an unknown one gets the form's message.
    regimen = (
        RegimenForm.chosen(request.GET) or _valid(RegimenForm(request.GET)).cleaned_data["regimen"]
    )
    form = _valid(CalculatorForm(request.GET, regimen=regimen, today=rules_today()))
    try:
        result = rules.calculate(form.to_input())
    except USER_ERRORS as error:
        form.add_rules_error(error)
        raise BadInput(form) from None
    return present.contribution(
        result,
        label=regimen.label,
        amount_title=AMOUNT_TITLES.get(result.paid_by, _("Aporte a pagar")),
        notes=shown_notes(result),
    )


# --- Estimators ----------------------------------------------------------------------------


class WaitingQuery(Schema):
    plan: str | None = None
    primer_pago: str | None = None
    primer_aporte: str | None = None
    atencion: str | None = None
    tipo: str | None = None
    pensionista: str | None = None
    aportes: list[str] = []


@_get("/carencia/", "waiting_period", {200: schemas.WaitingPeriod, **ERRORS})
def waiting_period(request, query: Query[WaitingQuery]):
    """When coverage starts (and, for the Seguro Regular, whether the care of the month
    `atencion` is covered by the months ticked in `aportes`, YYYY-MM, repeated)."""
    today = rules_today()
    plan = _valid(WaitingPlanForm(request.GET)).cleaned_data["plan"]
    form = _valid(PLAN_FORMS[plan](request.GET, today=today))
    data = form.cleaned_data
    answer = {"plan": plan.value, "plan_label": str(PLAN_LABELS[plan]), "coverage": None}
    if plan is not rules.Plan.REGULAR:
        first = data.get("primer_pago") or data["primer_aporte"]
        start = rules.coverage_start(plan=plan, first_contribution=first)
        return {**answer, "start": present.coverage_start(start)}
    months = ()
    if form.needs_months:
        months = _valid(RegularMonthsForm(request.GET, window=form.window)).months
    coverage, start = form.estimate(months)
    return {
        **answer,
        "coverage": present.regular_coverage(
            coverage, contingency=data["tipo"], pensioner=data["pensionista"]
        ),
        "start": present.coverage_start(start),
    }


class LatencyQuery(Schema):
    aportes: str | None = None


@_get("/latencia/", "latency", {200: schemas.Latency, **ERRORS})
def latency(request, query: Query[LatencyQuery]):
    """Months of coverage after the job ends, for `aportes` monthly contributions in the
    last 3 years."""
    today = rules_today()
    form = _valid(LatencyForm(request.GET, today=today))
    try:
        result = rules.latency_months(
            contributions_last_3_years=form.cleaned_data["aportes"], on=today
        )
    except USER_ERRORS as error:
        form.add_rules_error(error, period_field="aportes")
        raise BadInput(form) from None
    return present.latency(result)


# --- Wizard --------------------------------------------------------------------------------


class WizardQuery(Schema):
    situacion: str | None = None
    dependiente: str | None = None
    independiente: str | None = None
    agrario: str | None = None
    pension: str | None = None
    cese: str | None = None
    aportes: str | None = None
    asegurado: str | None = None
    riesgo: str | None = None
    bombero: str | None = None
    edad: str | None = None
    documento: str | None = None
    familia: list[str] = []
    edades: str | None = None
    monto: str | None = None


def _wizard_question(question, form) -> dict:
    return {
        "id": question.id,
        "label": str(form.field.label),
        "options": [
            {"value": option["value"], "label": str(option["label"])} for option in form.options()
        ]
        if form.kind != "text"
        else [],
    }


@_get("/seguros/", "plans", {200: schemas.WizardOutcome, **ERRORS})
def plans(request, query: Query[WizardQuery]):
    """The wizard's outcome for these answers (the query string of
    /que-seguro-me-corresponde/resultado/): each plan with its status, reason, legal source,
    who enrols and the cost. Until every question on the path is answered: a 400 naming the
    first one missing or invalid, with its options."""
    state = wizard.walk(request.GET, on=rules_today())
    if not state.complete:
        question = state.pending
        form = question.bind(
            list(state.raw.get(question.id, ())),
            answers=state.answers_before(question),
            on=state.on,
        )
        form.is_valid()
        raise BadInput(form, _wizard_question(question, form))
    profile = state.profile()
    matches = rules.eligible_plans(profile=profile, on=state.on)
    content = snapshot()
    return {
        "on": state.on,
        "answers": [
            {"question": step.question.id, "label": str(step.label), "answer": str(step.summary)}
            for step in state.steps
        ],
        "nothing_open": all(m.status is rules.Status.CLOSED for m in matches),
        "plans": [_match(m, content, profile, state.on) for m in matches],
    }


def _match(match: rules.Match, content, profile, on) -> dict:
    plan = content.plans.get(match.plan)
    name = match.plan
    if plan:
        name = f"{plan.name} ({plan.brand})" if plan.brand else plan.name
    return {
        "plan": match.plan,
        "name": name,
        "code": match.code.value,
        "status": match.status.value,
        "status_label": str(STATUS_LABELS[match.status]),
        "reason": str(match.reason),
        "source": str(match.source),
        "enrolled_by": present.text(match.enrolled_by),
        "cost": present.plan_cost(match.cost),
        "coverage": {
            "summary": str(match.coverage.summary),
            "starts_on": match.coverage.start.starts_on if match.coverage.start else None,
        }
        if match.coverage
        else None,
        "notes": [str(note) for note in match.notes],
        "family": [relative.value for relative in match.family],
        "plan_url": plan.get_absolute_url() if plan else None,
        "calculator_url": links.calculator_url(match.calculator, on),
        "checklists": [
            {"label": str(link["label"]), "url": link["url"]}
            for link in links.checklist_links(match, profile, content.flows)
        ],
    }


# --- Checklists ----------------------------------------------------------------------------


class ChecklistQuery(Schema):
    tramite: str | None = None
    familiar: str | None = None
    trabajador: str | None = None
    motivo: str | None = None
    lugar: str | None = None
    matrimonio: str | None = None
    tercero: str | None = None
    laboral: str | None = None
    nacionalidad: str | None = None
    edad: str | None = None
    titular: str | None = None


@_get("/requisitos/{plan}/", "checklist", {200: schemas.Checklist, **ERRORS, **MISSING})
def checklist(request, plan: str, query: Query[ChecklistQuery]):
    """The papers and steps of a case (the query string of /seguros/{plan}/requisitos/), or
    the next question still to answer (`kind: question`)."""
    content = snapshot()
    if plan not in content.plans:
        raise HttpError(404, str(_("No hay un seguro llamado «%(plan)s».") % {"plan": plan}))
    flow = content.flows[plan]
    if not flow.rows:
        raise HttpError(404, str(_("Este seguro no tiene lista de requisitos.")))
    form = ChecklistForm(request.GET, flow=flow)
    valid = form.is_valid()
    outcome = form.outcome
    question = None
    if isinstance(outcome, checklists.NextQuestion):
        question = {
            "id": outcome.question,
            "label": str(form.short_label(outcome.question)),
            "options": [
                {"value": value, "label": str(form.label(outcome.question, value))}
                for value in outcome.options
            ],
        }
    if not valid:
        raise BadInput(form, question)
    answer = {
        "plan": plan,
        "title": None,
        "answers": [
            {
                "question": name,
                "label": str(form.short_label(name)),
                "answer": str(form.label(name, value)),
            }
            for name, value in outcome.answers.asked
        ],
        "question": question,
        "explanation": None,
        "documents": [],
        "forms": [],
        "steps": [],
        "notes": [],
        "doer": None,
        "waiting_period": None,
        "sources": [],
        "url": flow.url(outcome.answers),
    }
    if question:
        return {**answer, "kind": "question"}
    if isinstance(outcome, checklists.Complete):
        return {**answer, **_checklist(content.content(plan), outcome.case)}
    title = str(checklists.describe(content.plans[plan], outcome.answers))
    if isinstance(outcome, checklists.Explained):
        return {**answer, "kind": "explanation", "title": title, "explanation": outcome.code}
    return {**answer, "kind": "not-described", "title": title}


def _form(form) -> dict | None:
    return None if form is None else {"code": form.code, "name": form.name, "url": form.url}


def _checklist(content, case) -> dict:
    built = checklists.build_checklist(content, case)
    return {
        "kind": "checklist",
        "title": str(built.title),
        "documents": [
            {
                "text": document.text,
                "form": _form(document.form),
                "sources": [source.label for source in document.sources],
                "foreign": document.foreign,
            }
            for document in built.documents
        ],
        "forms": [_form(form) for form in built.forms],
        "steps": [
            {"number": item.step.number, "title": item.step.title, "body": item.step.body}
            for item in built.steps
        ],
        "notes": [{"kind": note.kind, "text": note.text} for note in built.notes],
        "doer": built.doer,
        "waiting_period": built.waiting_period or None,
        "sources": [source.label for source in built.sources],
    }
