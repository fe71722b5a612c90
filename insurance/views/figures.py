"""``/cifras/``: every figure the rules use, with its history; ``/cifras/<parameter>/``: one
of them with a step chart. ``?fecha=`` shows another day; a bad date is a 400 with the
message beside the field. The pages read the parameter file only, never the database.
"""

from django.http import Http404
from django.urls import reverse

from tramitit.indexing import render_page

from .. import rules
from ..clock import rules_today
from ..figure_pages import chart_for, figure_groups, group_of, parameter_figures
from ..forms.figures import FigureDateForm


def _read_day(request):
    """The form, the day asked about (today without ``fecha``; None when it is bad), and
    the query string that keeps that day on the links between the pages."""
    today = rules_today()
    form = FigureDateForm(request.GET)
    if not form.is_valid():
        return form, None, ""
    day = form.cleaned_data["fecha"] or today
    return form, day, f"?fecha={day:%Y-%m-%d}" if form.cleaned_data["fecha"] else ""


def _render(request, template, context, canonical):
    invalid = context["day"] is None
    return render_page(
        request,
        f"insurance/figures/{template}",
        {**context, "today": rules_today(), "covered_from": rules.covered_from()},
        status=400 if invalid else 200,
        canonical=canonical,
        free_form=bool(request.GET),  # a typed date
    )


def figure_list(request):
    form, day, query = _read_day(request)
    context = {
        "form": form,
        "day": day,
        "date_query": query,
        "groups": figure_groups(day) if day else (),
    }
    return _render(request, "list.html", context, reverse("insurance:figure_list"))


def figure_detail(request, name):
    if name not in rules.PARAMETER_NAMES:
        raise Http404("No such parameter.")
    form, day, query = _read_day(request)
    group, group_title = group_of(name)
    context = {
        "form": form,
        "day": day,
        "date_query": query,
        "parameter": parameter_figures(name, day or rules_today()),
        "chart": chart_for(name, day) if day else None,
        "group": group,
        "group_title": group_title,
        "presets": [r for r in rules.REGIMENES.values() if r.plan == group],
    }
    canonical = reverse("insurance:figure_detail", args=[name])
    return _render(request, "detail.html", context, canonical)
