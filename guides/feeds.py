"""RSS and Atom feeds of the latest published guides (drafts never appear)."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Guide

FEED_SIZE = 30


class LatestGuidesFeed(Feed):
    title = _("Guías de Tramitit Salud")
    description = _("Guías paso a paso para los trámites de EsSalud, el seguro de salud del Perú.")

    def link(self):
        return reverse("guides:guide_list")

    def feed_url(self):
        return reverse("guides:feed_rss")

    def items(self):
        return (
            Guide.objects.published()
            .in_language()  # the Spanish feeds leave out English-only guides
            .order_by("-published_on", "-updated_at")
            .defer("body_es", "body_en", "body_html_es", "body_html_en", "search_text")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_author_name(self, item):
        return item.author or None

    def item_pubdate(self, item):
        return datetime.datetime.combine(
            item.published_on, datetime.time(), tzinfo=timezone.get_default_timezone()
        )

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        return item.translation_key

    item_guid_is_permalink = False


class LatestGuidesAtomFeed(LatestGuidesFeed):
    feed_type = Atom1Feed
    subtitle = LatestGuidesFeed.description

    def feed_url(self):
        return reverse("guides:feed_atom")
