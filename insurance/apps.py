from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsuranceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "insurance"
    verbose_name = _("Seguros de EsSalud")

    def ready(self):
        from . import snapshot  # noqa: F401 - connects the content-version signals
