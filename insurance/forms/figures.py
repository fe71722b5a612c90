"""The day of ``/cifras/?fecha=2025-03-15``: the figures in force that day."""

from django.utils.translation import gettext_lazy as _

from .fields import DayField
from .query import QueryForm


class FigureDayField(DayField):
    """A day as the URL writes it (``2025-03-15``); ``15/03/2025`` is read too."""

    default_error_messages = {
        "invalid": _("Escribe la fecha como año-mes-día, por ejemplo 2025-03-15."),
        "before": _("Las cifras cubren fechas desde %(first)s."),
        "after": _("Indica una fecha hasta el año %(last)s."),
    }


class FigureDateForm(QueryForm):
    fecha = FigureDayField(
        required=False,
        label=_("Ver las cifras vigentes otro día"),
        help_text=_("Año-mes-día, por ejemplo 2025-03-15."),
    )
