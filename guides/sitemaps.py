"""``/sitemap.xml``: plans, guides and the site's tools, in Spanish and English.

Every URL is listed for both languages with its ``hreflang`` alternates. Drafts are never
listed. The tools (calculator, checklists, wizard...) are listed by path and only when the
path exists, so the sitemap never points at a page that is not built yet.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from insurance import rules
from insurance.models import Plan, Requirement

from .models import Guide

# Pages that are not rows: home, lists and tools. Results pages (GET answers) are not here.
PAGE_PATHS = (
    "/",
    "/seguros/",
    "/guias/",
    "/calculadora/",
    "/calculadora/carencia/",
    "/calculadora/latencia/",
    "/que-seguro-me-corresponde/",
    "/cifras/",
    # One page per dated figure of the rules (RMV, UIT, every rate...).
    *(f"/cifras/{name}/" for name in rules.PARAMETER_NAMES),
)


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    protocol = None  # the protocol the sitemap was requested with


class PageSitemap(I18nSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        paths = list(PAGE_PATHS)
        # A plan has a checklist builder only when it lists requirements.
        with_checklists = (
            Plan.objects.filter(Exists(Requirement.objects.filter(section__plan=OuterRef("pk"))))
            .order_by("order", "slug")
            .values_list("slug", flat=True)
        )
        paths += [f"/seguros/{slug}/requisitos/" for slug in with_checklists]
        return [path for path in paths if _exists(path)]

    def location(self, path):
        # Paths are written in the default language; reverse them in the item's language.
        match = _match(path)
        name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
        return reverse(name, args=match.args, kwargs=match.kwargs)


class PlanSitemap(I18nSitemap):
    changefreq = "monthly"
    priority = 0.9

    def items(self):
        return Plan.objects.order_by("order", "slug")


class GuideSitemap(I18nSitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Guide.objects.published().for_list().order_by("-published_on", "pk")

    def lastmod(self, guide):
        return guide.updated_at

    def get_languages_for_item(self, guide):
        # An English-only guide has no Spanish URL to list (its /guias/ page is a 404).
        return guide.languages


def _match(path):
    with translation.override(settings.LANGUAGE_CODE):
        return resolve(path)


def _exists(path):
    try:
        _match(path)
    except Resolver404:
        return False
    return True


SITEMAPS = {"pages": PageSitemap, "plans": PlanSitemap, "guides": GuideSitemap}
