from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsuranceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "insurance"
    verbose_name = _("Seguros de EsSalud")

    def ready(self):
        from . import snapshot  # noqa: F401 - connects the content-version signals

        install_rules_translation()


def install_rules_translation():
    """The rules' sentences (``insurance.rules.text``) in the request's language: gettext
    for the msgids, the active language for the parameter file's own English, and the
    language's format module for dates (DATE_FORMAT, YEAR_MONTH_FORMAT, SHORT_DATE_FORMAT)."""
    from django.utils import translation
    from django.utils.formats import date_format

    from .rules import text

    text.install(
        text.Hooks(
            gettext=translation.gettext,
            ngettext=translation.ngettext,
            pgettext=translation.pgettext,
            language=translation.get_language,
            format_date=date_format,
        )
    )
