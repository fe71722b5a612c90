from django.urls import path

from .views import plans

app_name = "insurance"

urlpatterns = [
    path("", plans.home, name="home"),
    path("seguros/", plans.plan_list, name="plan_list"),
    path("seguros/<slug:slug>/", plans.plan_detail, name="plan_detail"),
]
