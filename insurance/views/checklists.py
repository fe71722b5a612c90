"""The checklist builder: ``/seguros/<slug>/requisitos/``, one GET page per step.

The answers travel in the query string, so every step and every list can be bookmarked,
shared and printed. The form validates the answers, the plan's flow decides what comes
next (``insurance.checklists``); this view only routes: a question (200, or 400 with the
messages beside the field), an explanation, or the checklist itself. Every step's
canonical URL is the builder's own path without the answers: the page to list (ADR 4).
"""

from urllib.parse import quote

from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from tramitit.indexing import render_page

from .. import checklists
from ..api.links import twin_url
from ..forms.checklists import ChecklistForm
from ..snapshot import snapshot

TEMPLATES = "insurance/checklists"
# WhatsApp's own share link: it opens the app (or web.whatsapp.com) with this text ready.
WHATSAPP = "https://wa.me/?text="


@require_safe
def checklist(request, slug):
    content = snapshot()
    if slug not in content.plans:
        raise Http404
    plan, flow = content.plans[slug], content.flows[slug]
    if not flow.rows:
        return render_page(request, f"{TEMPLATES}/no_checklist.html", {"plan": plan}, status=404)

    form = ChecklistForm(request.GET, flow=flow)
    valid = form.is_valid()
    outcome = form.outcome
    if valid and form.was_step_submission:
        # The step's hidden "paso" has done its job: show the clean, shareable address.
        query = request.GET.copy()
        query.pop("paso")
        return redirect(f"{request.path}?{query.urlencode()}" if query else request.path)

    context = {
        "plan": plan,
        "form": form,
        "outcome": outcome,
        "errors": form.error_list(),
        "summary": form.summary(outcome.answers),
        "start_url": flow.url(checklists.Answers()),
    }
    status = 200 if valid else 400
    if isinstance(outcome, checklists.NextQuestion):
        context["question"] = form.question(outcome)
        return render_page(request, f"{TEMPLATES}/question.html", context, status=status)
    if isinstance(outcome, checklists.Complete):
        checklist = checklists.build_checklist(content.content(slug), outcome.case)
        case_url = flow.url(outcome.answers)
        share_url = request.build_absolute_uri(case_url)
        context.update(
            checklist=checklist,
            case_url=case_url,  # the ticks kept on this device are keyed by it (ticks.js)
            share_url=share_url,
            whatsapp_url=WHATSAPP + quote(f"{checklist.title}: {share_url}", safe=""),
            json_url=twin_url(request, "checklist", plan=slug),
        )
        return render_page(
            request, f"{TEMPLATES}/checklist.html", context, status=status, using="jinja2"
        )
    context["title"] = checklists.describe(plan, outcome.answers)
    if isinstance(outcome, checklists.Explained):
        context["notes"] = checklists.explanation_notes(plan, flow, outcome)
        context["template"] = f"{TEMPLATES}/explanations/_{outcome.code}.html"
        context["alternatives"] = _alternatives(flow, plan, outcome)
    else:
        context["not_described"] = _not_described(form, flow, plan, outcome)
    return render_page(request, f"{TEMPLATES}/explanation.html", context, status=status)


def _not_described(form, flow, plan, outcome: checklists.NotDescribed) -> dict:
    """The words and links of a "the source does not describe this" page."""
    if outcome.question:
        implied = len(outcome.options) == 1
        return {
            "question": form.short_label(outcome.question),
            "answer": form.label(outcome.question, outcome.value),
            "alternatives": [
                {
                    "label": form.label(outcome.question, value),
                    "url": flow.url(outcome.answers.with_answer(outcome.question, value, implied)),
                }
                for value in outcome.options
            ],
        }
    return {
        "extra": [
            {"question": form.short_label(q), "answer": form.label(q, v)} for q, v in outcome.extra
        ],
        "case_url": flow.url(outcome.answers),
        "case_title": checklists.describe(plan, outcome.answers, with_plan=False),
    }


def _alternatives(flow, plan, outcome: checklists.Explained) -> list[dict]:
    """The other answers to the question that led to an explanation, as links."""
    question, value = outcome.answers.pairs[-1]
    before = outcome.answers.before(question)
    links = []
    for other in flow.options(question, before):
        if other != value:
            answers = before.with_answer(question, other)
            links.append(
                {
                    "label": checklists.describe(plan, answers, with_plan=False),
                    "url": flow.url(answers),
                }
            )
    return links
