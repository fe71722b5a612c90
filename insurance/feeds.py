"""``/cifras/cambios.xml``: an Atom entry for every value a parameter has had, dated by the
day it starts, so a payroll clerk's reader shows a new RMV or UIT when it is published."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import rules
from .figure_pages import changes


class FigureChangesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Cambios en las cifras de EsSalud")
    subtitle = _(
        "Cada valor nuevo de la RMV, la UIT, las tasas y los aportes de EsSalud que usa "
        "Tramitit Salud, con su fecha de inicio y su fuente legal."
    )
    author_name = "Tramitit Salud"

    def link(self):
        return reverse("insurance:figure_list")

    def feed_url(self):
        return reverse("insurance:figure_feed")

    def items(self):
        return changes()

    def item_title(self, item):
        figure = item.figure
        value = figure.text or "; ".join(f"{row}: {amount}" for row, amount in figure.bands)
        return f"{item.value.label}: {value}"

    def item_description(self, item):
        value = item.value
        if value.start_kind == rules.StartKind.BEFORE_COVERAGE:
            since = gettext("Vigente antes de %(year)s.") % {"year": value.start.year}
        elif value.start_kind == rules.StartKind.UNDOCUMENTED:
            since = gettext("Sin fecha de inicio conocida: se aplica a todo el periodo cubierto.")
        else:
            since = gettext("Desde el %(day)s.") % {"day": date_format(value.start)}
        facts = gettext("Fuente: %(source)s. Confianza: %(confidence)s. Verificado el %(day)s.")
        return f"{since} " + facts % {
            "source": value.source,
            "confidence": value.confidence.label,
            "day": date_format(value.checked, "SHORT_DATE_FORMAT"),
        }

    def item_link(self, item):
        url = reverse("insurance:figure_detail", args=[item.name])
        return f"{url}#{item.name}-desde-{item.value.start:%Y-%m-%d}"

    def item_guid(self, item):
        return f"{item.name}:{item.value.start:%Y-%m-%d}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return datetime.datetime.combine(
            item.value.start, datetime.time(), tzinfo=timezone.get_default_timezone()
        )
