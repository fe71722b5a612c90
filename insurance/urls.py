from django.urls import path

from . import views

app_name = "insurance"

urlpatterns = [
    path("", views.home, name="home"),
    path("seguros/", views.plan_list, name="plan_list"),
    path("seguros/<slug:slug>/", views.plan_detail, name="plan_detail"),
]
