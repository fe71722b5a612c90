from django.urls import path

from .feeds import FigureChangesFeed
from .views import calculator, checklists, figures, plans
from .views import wizard as wizard_views

app_name = "insurance"

urlpatterns = [
    path("", plans.home, name="home"),
    path("seguros/", plans.plan_list, name="plan_list"),
    path("seguros/<slug:slug>/", plans.plan_detail, name="plan_detail"),
    path("seguros/<slug:slug>/requisitos/", checklists.checklist, name="checklist"),
    path("calculadora/", calculator.calculator, name="calculator"),
    path("calculadora/resultado/", calculator.calculator_result, name="calculator_result"),
    path("calculadora/carencia/", calculator.waiting_period, name="waiting_period"),
    path(
        "calculadora/carencia/meses/",
        calculator.waiting_period_months,
        name="waiting_period_months",
    ),
    path(
        "calculadora/carencia/resultado/",
        calculator.waiting_period_result,
        name="waiting_period_result",
    ),
    path("calculadora/latencia/", calculator.latency, name="latency"),
    path("calculadora/latencia/resultado/", calculator.latency_result, name="latency_result"),
    # Every dated figure of the rules; the feed's dot keeps it apart from a parameter name.
    path("cifras/", figures.figure_list, name="figure_list"),
    path("cifras/cambios.xml", FigureChangesFeed(), name="figure_feed"),
    path("cifras/<slug:name>/", figures.figure_detail, name="figure_detail"),
    # The eligibility wizard: start, review and outcome before the question pages.
    path("que-seguro-me-corresponde/", wizard_views.start, name="wizard"),
    path("que-seguro-me-corresponde/revisar/", wizard_views.review, name="wizard_review"),
    path("que-seguro-me-corresponde/resultado/", wizard_views.result, name="wizard_result"),
    path(
        "que-seguro-me-corresponde/<slug:question_id>/",
        wizard_views.question,
        name="wizard_question",
    ),
]
