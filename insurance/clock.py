"""The one place that decides what "today" is for the dated rules."""

from datetime import date

from django.conf import settings
from django.utils import timezone


def rules_today() -> date:
    """Today in Lima, or the RULES_DATE setting to preview a future change."""
    return settings.RULES_DATE or timezone.localdate()
