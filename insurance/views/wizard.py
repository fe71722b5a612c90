"""The eligibility wizard's pages: start, one page per question, review, outcome.

All GET, all state in the query string (``insurance.wizard``), no session and no database
write. A question page shows its question (200), re-shows it with the message beside the
field when the answer is invalid (400), or redirects (302): after a valid answer to the
next unanswered question (or the review), and for a question the answers do not lead to
(tampered, out of order or incomplete URLs) to the first unanswered question.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tramitit.indexing import render_page

from .. import rules, wizard
from .. import wizard_links as links
from ..api.links import twin_url
from ..clock import rules_today
from ..snapshot import snapshot

TEMPLATES = "insurance/wizard"
# The outcome groups its matches under these headings, in this order.
GROUPS = (
    ("applies", (rules.Status.COMPULSORY, rules.Status.ENTITLED)),
    ("optional", (rules.Status.OPTIONAL,)),
    ("ask", (rules.Status.ASK,)),
    ("closed", (rules.Status.CLOSED,)),
)
# The relatives a plan covers, in the outcome's words.
RELATIVES = {
    rules.Relative.SPOUSE: _("tu cónyuge"),
    rules.Relative.PARTNER: _("tu concubino(a)"),
    rules.Relative.MINOR_CHILD: _("tus hijos menores de edad"),
    rules.Relative.INCAPACITATED_CHILD: _("tus hijos mayores incapacitados para el trabajo"),
    rules.Relative.PREGNANT_PARTNER: _("la gestante de tu hijo(a) extramatrimonial"),
}


def _render(request, template, context, status=200, using=None):
    """A question, the review or an outcome is one path through the answers: search engines
    keep the start page for all of them (ADR 4)."""
    return render_page(
        request,
        template,
        context,
        status=status,
        canonical=reverse("insurance:wizard"),
        free_form=bool(request.GET),  # typed ages, pay, dates among the answers
        using=using,
    )


def start(request):
    """The start page is the wizard's public face: the one page search engines should list."""
    context = {
        "start_url": wizard.question_url(wizard.FIRST, []),
        "back_url": reverse("insurance:home"),
    }
    return render(request, f"{TEMPLATES}/start.html", context)


def question(request, question_id):
    question = wizard.BY_ID.get(question_id)
    if question is None:
        raise Http404
    state = wizard.walk(request.GET, on=rules_today())
    if question not in state.path:
        return redirect(wizard.next_url(state))
    submitted = wizard.SUBMIT in request.GET
    if submitted and question is not state.pending:
        return redirect(wizard.next_url(state))
    answers = state.answers_before(question)
    step = state.step(question)
    if submitted:
        form = question.bind(list(state.raw.get(question.id, ())), answers=answers, on=state.on)
        form.is_valid()
    elif step:
        form = step.form  # a "Cambiar" link or the back link: the answer given, pre-filled
    else:
        form = question.form(answers=answers, on=state.on)
    previous = state.previous(question)
    items = state.items()
    context = {
        "form": form,
        "field": form.field,
        "question": question,
        "action": reverse("insurance:wizard_question", args=[question.id]),
        "hidden": state.items(without=question.id),
        "submit": wizard.SUBMIT,
        "back_url": wizard.question_url(previous, items)
        if previous
        else reverse("insurance:wizard"),
        "step_number": state.path.index(question) + 1,
        "step_total": state.total,
    }
    return _render(request, question.template, context, status=400 if form.errors else 200)


def review(request):
    state = wizard.walk(request.GET, on=rules_today())
    if not state.complete:
        return redirect(wizard.next_url(state))
    items = state.items()
    rows = []
    for step in state.steps:
        # An implied answer is changed where it comes from (a construction worker's risk
        # level, at "Tu trabajo").
        source = state.implied_by(step) if step.implied else step
        rows.append(
            {
                "label": step.label,
                "answer": step.summary,
                "id": step.question.id,
                "implied": step.form.implied_note % {"answer": source.label}
                if step.implied
                else "",
                "change_label": source.label,
                "change_url": wizard.question_url(source.question, items),
            }
        )
    context = {
        "rows": rows,
        "result_url": wizard.result_url(items),
        "back_url": wizard.question_url(state.steps[-1].question, items),
    }
    return _render(request, f"{TEMPLATES}/review.html", context)


def result(request):
    state = wizard.walk(request.GET, on=rules_today())
    if not state.complete:
        return redirect(wizard.next_url(state))
    items = state.items()
    on = state.on
    profile = state.profile()
    matches = rules.eligible_plans(profile=profile, on=on)
    content = snapshot()
    plans, flows = content.plans, content.flows
    entries = [_entry(match, plans.get(match.plan), flows, profile, on) for match in matches]
    groups = [
        {"key": key, "entries": [e for e in entries if e["match"].status in statuses]}
        for key, statuses in GROUPS
    ]
    context = {
        "groups": [g for g in groups if g["entries"]],
        "entries": entries,
        # Nothing applies or can be chosen (a passport holder): say so before the details.
        "nothing_open": all(m.status is rules.Status.CLOSED for m in matches),
        "answers": [(step.label, step.summary) for step in state.steps],
        "review_url": wizard.review_url(items),
        "back_url": wizard.review_url(items),
        "restart_url": reverse("insurance:wizard"),
        "on": on,
        "share_url": request.build_absolute_uri(wizard.result_url(items)),
        "json_url": twin_url(request, "plans"),
    }
    return _render(request, f"{TEMPLATES}/result.html", context, using="jinja2")


def _entry(match: rules.Match, plan, flows, profile: rules.Profile, on) -> dict:
    return {
        "match": match,
        "plan": plan,
        "name": (f"{plan.name} ({plan.brand})" if plan.brand else plan.name)
        if plan
        else match.plan,
        "plan_url": plan.get_absolute_url() if plan else None,
        "calculator_url": links.calculator_url(match.calculator, on),
        "checklists": links.checklist_links(match, profile, flows),
        "latency_url": links.latency_url(match, profile),
        "family": [RELATIVES[r] for r in match.family],
        # Looked up here: a template's lookup through a missing part (no cost, no start)
        # costs more than the rest of the card (issue 15).
        "contribution": match.cost.contribution if match.cost else None,
        "coverage_start": match.coverage.start if match.coverage else None,
    }
