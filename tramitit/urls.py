from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from insurance.views import plans as plan_views

admin.site.site_header = _("Tramitit Salud: editores")
admin.site.site_title = _("Tramitit Salud")
admin.site.index_title = _("Contenido del sitio")

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
