from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from insurance import views as insurance_views

urlpatterns = [
    path("healthz", insurance_views.healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("insurance.urls")),
    prefix_default_language=False,
)

handler404 = "insurance.views.page_not_found"
handler500 = "insurance.views.server_error"
