"""The calculator pages: the monthly contribution, when coverage starts, and latency.

Every page is a GET: the answers travel in the query string, so a result can be
bookmarked, shared and printed, and "Cambiar los datos" is a plain link. Each question
page shows its form filled with what the query string holds; each next page validates
it and, on bad input, shows the same form again with the messages beside the fields and
status 400. The forms parse, the rules compute; these views only route.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tramitit.indexing import render_page

from .. import rules
from ..api.links import twin_url
from ..clock import rules_today
from ..figures import figure_for
from ..forms.calculator import CalculatorForm, RegimenForm
from ..forms.estimators import (
    CONTINGENCY_LABELS,
    PLAN_LABELS,
    AgrarioStartForm,
    LatencyForm,
    PotestativoStartForm,
    RegularForm,
    RegularMonthsForm,
    WaitingPlanForm,
)

# Sent by the "choose" steps, so an empty choice is an error and not a first visit.
NEXT = "siguiente"
PLAN_FORMS = {
    rules.Plan.REGULAR: RegularForm,
    rules.Plan.POTESTATIVO: PotestativoStartForm,
    rules.Plan.AGRARIO: AgrarioStartForm,
}
USER_ERRORS = (rules.InvalidInput, rules.PeriodNotCovered)
# Latency covers the employer's dependent workers of the Seguro Regular (source, "Seguro por
# desempleo"): not pensioners, independents or the voluntary plans (figures.md).
LATENCY_REGIMENES = {"regular", "agrario-dependiente", "ex-cbssp"}
# What the result's amount is called, by who pays it (the rules' ``paid_by``).
AMOUNT_TITLES = {
    (rules.Payer.EMPLOYER,): _("Aporte que paga tu empleador"),
    (rules.Payer.PENSIONER,): _("Aporte que se descuenta de tu pensión"),
    (rules.Payer.TITULAR,): _("Lo que pagas cada mes"),
    (rules.Payer.WORKER,): _("Aporte que pagas"),
    (rules.Payer.BUYER, rules.Payer.BOAT_OWNER, rules.Payer.FISHER): _(
        "Aporte a cargo del comercializador, el armador y el pescador"
    ),
}
# Each tool's entry page, by URL name: a filled-in form or a result is one point in an
# unbounded space of answers, so search engines keep the tool's first page instead (ADR 4).
ENTRY_PAGES = {
    "calculator": "insurance:calculator",
    "calculator_result": "insurance:calculator",
    "waiting_period": "insurance:waiting_period",
    "waiting_period_months": "insurance:waiting_period",
    "waiting_period_result": "insurance:waiting_period",
    "latency": "insurance:latency",
    "latency_result": "insurance:latency",
}


def _render(request, template, context, *, invalid=False, using=None):
    context = {"covered_from": rules.covered_from(), **context}
    return render_page(
        request,
        f"insurance/calculator/{template}",
        context,
        status=400 if invalid else 200,
        canonical=reverse(ENTRY_PAGES[request.resolver_match.url_name]),
        free_form=bool(request.GET),  # a typed pay, age or month
        using=using,
    )


def _with_query(url_name: str, query: str) -> str:
    url = reverse(url_name)
    return f"{url}?{query}" if query else url


# --- Monthly contribution ---------------------------------------------------------------


def shown_notes(result) -> list[str]:
    """The result's notes, less those the parameter list already shows beside a value."""
    shown = {value.note for value in result.parameters}
    return [note for note in result.notes if note and note not in shown]


def calculator(request):
    """Step 1 lists the situations; once ``regimen`` is chosen, step 2 asks only its inputs."""
    if "regimen" not in request.GET and NEXT not in request.GET:
        return _render(request, "start.html", {"form": RegimenForm()})
    choice = RegimenForm(request.GET)
    if not choice.is_valid():
        return _render(request, "start.html", {"form": choice}, invalid=True)
    regimen = choice.cleaned_data["regimen"]
    form = CalculatorForm(regimen=regimen, today=rules_today(), prefill=request.GET)
    return _render(request, "form.html", {"form": form, "regimen": regimen})


def calculator_result(request):
    today = rules_today()
    regimen = RegimenForm.chosen(request.GET)
    if regimen is None:
        return _render(request, "start.html", {"form": RegimenForm(request.GET)}, invalid=True)
    form = CalculatorForm(request.GET, regimen=regimen, today=today)
    if form.is_valid():
        try:
            result = rules.calculate(form.to_input())
        except USER_ERRORS as error:
            form.add_rules_error(error)
        else:
            context = {
                "form": form,
                "regimen": regimen,
                "result": result,
                "amount_title": AMOUNT_TITLES.get(result.paid_by, _("Aporte a pagar")),
                "figures": tuple(figure_for(value) for value in result.parameters),
                "notes": shown_notes(result),
                "future": result.on > today,
                "site_rounding": result.rounding is rules.Rounding.CENT_HALF_UP,
                "rounded": result.rounding is not rules.Rounding.NONE,
                "waiting_plan": regimen.plan if regimen.plan in set(rules.Plan) else "",
                "latency_link": regimen.slug in LATENCY_REGIMENES,
                "change_url": _with_query("insurance:calculator", form.query_string()),
                "json_url": twin_url(request, "contribution"),
            }
            return _render(request, "result.html", context, using="jinja2")
    return _render(request, "form.html", {"form": form, "regimen": regimen}, invalid=True)


# --- When coverage starts (carencia) ------------------------------------------------------


def _plan_form_page(request, form, plan, *, invalid=False):
    action = "waiting_period_months" if plan is rules.Plan.REGULAR else "waiting_period_result"
    context = {
        "form": form,
        "plan": plan,
        "plan_label": PLAN_LABELS[plan],
        "action": reverse(f"insurance:{action}"),
    }
    return _render(request, "waiting_period_form.html", context, invalid=invalid)


def _months_page(request, form, months_form, *, invalid=False):
    context = {
        "form": form,
        "months_form": months_form,
        "contingency_label": CONTINGENCY_LABELS[form.cleaned_data["tipo"]],
        "rule": _regular_rule(form),
        "change_url": _with_query("insurance:waiting_period", form.query_string()),
    }
    return _render(request, "waiting_period_months.html", context, invalid=invalid)


def _regular_rule(form) -> dict:
    """The Seguro Regular's waiting rule in force in the month of the care."""
    parameters = rules.parameters_on(form.cleaned_data["atencion"])
    return {
        "consecutive": parameters.regular_waiting_consecutive,
        "any": parameters.regular_waiting_any,
        "window": parameters.regular_waiting_window,
    }


def waiting_period(request):
    """Step 1: the plan; then that plan's questions."""
    if "plan" not in request.GET and NEXT not in request.GET:
        return _render(request, "waiting_period_start.html", {"form": WaitingPlanForm()})
    choice = WaitingPlanForm(request.GET)
    if not choice.is_valid():
        return _render(request, "waiting_period_start.html", {"form": choice}, invalid=True)
    plan = choice.cleaned_data["plan"]
    form = PLAN_FORMS[plan](today=rules_today(), prefill=request.GET)
    return _plan_form_page(request, form, plan)


def waiting_period_months(request):
    """Seguro Regular: which of the months before the care were contributed."""
    choice = WaitingPlanForm(request.GET)
    if not choice.is_valid():
        return _render(request, "waiting_period_start.html", {"form": choice}, invalid=True)
    if choice.cleaned_data["plan"] is not rules.Plan.REGULAR:
        return redirect(_with_query("insurance:waiting_period_result", request.GET.urlencode()))
    form = RegularForm(request.GET, today=rules_today())
    if not form.is_valid():
        return _plan_form_page(request, form, rules.Plan.REGULAR, invalid=True)
    if not form.needs_months:
        return redirect(_with_query("insurance:waiting_period_result", request.GET.urlencode()))
    window = form.window
    if "aportes" in request.GET:
        ticked = request.GET.getlist("aportes")
    else:
        ticked = RegularMonthsForm.months_since(window, form.cleaned_data["primer_aporte"])
    months_form = RegularMonthsForm(window=window, initial={"aportes": ticked})
    return _months_page(request, form, months_form)


def waiting_period_result(request):
    today = rules_today()
    choice = WaitingPlanForm(request.GET)
    if not choice.is_valid():
        return _render(request, "waiting_period_start.html", {"form": choice}, invalid=True)
    plan = choice.cleaned_data["plan"]
    form = PLAN_FORMS[plan](request.GET, today=today)
    if not form.is_valid():
        return _plan_form_page(request, form, plan, invalid=True)
    if plan is rules.Plan.REGULAR:
        return _regular_result(request, form)
    first = form.cleaned_data.get("primer_pago") or form.cleaned_data["primer_aporte"]
    start = rules.coverage_start(plan=plan, first_contribution=first)
    context = {
        "form": form,
        "plan": plan,
        "plan_label": PLAN_LABELS[plan],
        "start": start,
        "figures": [figure_for(value) for value in start.parameters],
        "change_url": _with_query("insurance:waiting_period", form.query_string()),
        "json_url": twin_url(request, "waiting_period"),
    }
    return _render(request, "waiting_period_result.html", context)


def _regular_result(request, form):
    data = form.cleaned_data
    months_form, months = None, ()
    if form.needs_months:
        months_form = RegularMonthsForm(request.GET, window=form.window)
        if not months_form.is_valid():
            return _months_page(request, form, months_form, invalid=True)
        months = months_form.months
    coverage, start = form.estimate(months)
    if months_form is not None:
        query = f"{form.query_string()}&{months_form.query_string()}".rstrip("&")
        change_url = _with_query("insurance:waiting_period_months", query)
    else:
        change_url = _with_query("insurance:waiting_period", form.query_string())
    context = {
        "form": form,
        "plan": rules.Plan.REGULAR,
        "plan_label": PLAN_LABELS[rules.Plan.REGULAR],
        "coverage": coverage,
        "start": start,
        "contingency_label": CONTINGENCY_LABELS[data["tipo"]],
        "rule": _regular_rule(form),
        "pensioner": data["pensionista"],
        "months_asked": months_form is not None,
        "figures": [figure_for(value) for value in coverage.parameters],
        "change_url": change_url,
        "change_answers_url": _with_query("insurance:waiting_period", form.query_string()),
        "json_url": twin_url(request, "waiting_period"),
    }
    return _render(request, "waiting_period_result.html", context)


# --- Coverage after the job ends (latencia) -----------------------------------------------


def latency(request):
    form = LatencyForm(today=rules_today(), prefill=request.GET)
    return _render(request, "latency_form.html", {"form": form})


def latency_result(request):
    today = rules_today()
    form = LatencyForm(request.GET, today=today)
    if form.is_valid():
        try:
            result = rules.latency_months(
                contributions_last_3_years=form.cleaned_data["aportes"], on=today
            )
        except USER_ERRORS as error:
            form.add_rules_error(error, period_field="aportes")
        else:
            context = {
                "form": form,
                "latency": result,
                "table": result.parameter,
                "band": result.parameter.band_for(result.contributions),
                "first_band": next(band for band in result.parameter.value if band.value),
                "change_url": _with_query("insurance:latency", form.query_string()),
                "json_url": twin_url(request, "latency"),
            }
            return _render(request, "latency_result.html", context)
    return _render(request, "latency_form.html", {"form": form}, invalid=True)
