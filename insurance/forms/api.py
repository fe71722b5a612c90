"""Forms only the open-data API binds (every other endpoint binds its HTML page's form)."""

from django.utils.translation import gettext_lazy as _

from .fields import DayField
from .query import QueryForm


class FiguresDayForm(QueryForm):
    """``?fecha=``: the day whose figures to give (today when empty)."""

    fecha = DayField(label=_("Fecha"), required=False)
