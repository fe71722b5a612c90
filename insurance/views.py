from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Plan


def home(request):
    return render(request, "insurance/home.html", {"plans": Plan.objects.all()})


def plan_list(request):
    return render(request, "insurance/plan_list.html", {"plans": Plan.objects.all()})


def plan_detail(request, slug):
    plan = get_object_or_404(Plan, slug=slug)
    return render(request, "insurance/plan_detail.html", {"plan": plan})


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
