"""The day of ``/cifras/?fecha=2025-03-15``: the figures in force that day."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from .fields import DayField
from .query import QueryForm


class FigureDayField(DayField):
    """A day as the URL writes it (``2025-03-15``); ``15/03/2025`` is read too."""

    default_error_messages = {
        "invalid": _("Escribe la fecha como año-mes-día, por ejemplo 2025-03-15."),
        "before": _("Las cifras cubren fechas desde %(first)s."),
        "after": _("Indica una fecha hasta el año %(last)s."),
        "no_such_day": _("Esa fecha no existe: revisa el mes (1 a 12) y el día."),
    }

    def in_range(self, year: str, month: str, day: str = "1") -> date:
        """A well-written day that is not in the calendar (2026-13-01, 2025-02-30) says so;
        year 0 keeps the message of any year before the figures."""
        if int(year) > 0:
            try:
                date(int(year), int(month), int(day))
            except ValueError:
                self.fail("no_such_day")
        return super().in_range(year, month, day)


class FigureDateForm(QueryForm):
    fecha = FigureDayField(
        required=False,
        label=_("Ver las cifras vigentes otro día"),
        help_text=_("Año-mes-día, por ejemplo 2025-03-15."),
    )
