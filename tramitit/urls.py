from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from insurance.views import plans as plan_views

urlpatterns = [
    path("healthz", plan_views.healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("insurance.urls")),
    prefix_default_language=False,
)

handler404 = "insurance.views.plans.page_not_found"
handler500 = "insurance.views.plans.server_error"
