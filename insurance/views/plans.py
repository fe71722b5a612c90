from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.views.decorators.cache import never_cache

from tramitit.indexing import render_page

from ..clock import rules_today
from ..figures import plan_figures
from ..models import Plan
from ..pages import build_plan_page, plan_cards


def home(request):
    return render(request, "insurance/home.html", {"cards": plan_cards(rules_today())})


def plan_list(request):
    return render(request, "insurance/plan_list.html", {"cards": plan_cards(rules_today())})


def plan_detail(request, slug):
    plan = get_object_or_404(Plan.objects.prefetch_related("covers"), slug=slug)
    today = rules_today()
    context = {"page": build_plan_page(plan, today), "figures": plan_figures(plan.slug, today)}
    return render(request, "insurance/plan_detail.html", context)


@never_cache  # a cached "ok" would hide a broken database from the load balancer
def healthz(request):
    """200 only when the database answers, so a load balancer drops a broken server."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception):
    return render_page(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: the failure may be the database or a processor.
    return HttpResponseServerError(loader.get_template("500.html").render())
