from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from guides import views as guide_views
from guides.sitemaps import SITEMAPS
from insurance.api import docs as api_docs
from insurance.api.http import json_methods
from insurance.api.views import api
from insurance.views import plans as plan_views

admin.site.site_header = _("Tramitit Salud: editores")
admin.site.site_title = _("Tramitit Salud")
admin.site.index_title = _("Contenido del sitio")

urlpatterns = [
    path("healthz", plan_views.healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", guide_views.robots_txt, name="robots_txt"),
]

urlpatterns += i18n_patterns(
    # The open-data API (insurance/api/): the site's answers as JSON, in both languages.
    path("api/v1/openapi.json", api_docs.openapi_json, name="api_openapi"),
    path("api/v1/docs/", api_docs.docs, name="api_docs"),
    path("api/v1/", json_methods(api.urls)),
    re_path(r"^api/v1/", api_docs.not_found),
    path("", include("insurance.urls")),
    path("", include("guides.urls")),
    prefix_default_language=False,
)

handler404 = "insurance.views.plans.page_not_found"
handler500 = "insurance.views.plans.server_error"
