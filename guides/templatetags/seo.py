"""Tags for the page head: canonical and hreflang URLs, and JSON-LD structured data."""

import json
from functools import lru_cache
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

OG_LOCALES = {"es": "es_PE", "en": "en_US"}
SITE_NAME = "Tramitit Salud"

# The characters that could end a <script> element or start a comment inside it.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def page_urls(context):
    """Canonical URL, one alternate per language (plus x-default), and the OG locales.

    Views set ``canonical_path`` through ``tramitit.indexing.render_page`` (a result points
    at its tool's entry page, a list page keeps ``?pagina=N``); otherwise the canonical URL
    is the page's path without its query string. The alternates are the canonical's
    language twins, so they never name a URL the canonical disowns; a view whose page
    exists in fewer languages says which (``page_languages``: an English-only guide), and
    x-default is then the first of them.
    """
    request = context.get("request")
    if request is None:
        return None
    path = context.get("canonical_path") or request.path
    languages = context.get("page_languages") or [code for code, _name in settings.LANGUAGES]
    alternates = [
        {"lang": code, "url": request.build_absolute_uri(twin)}
        for code, twin in _twins(path)
        if code in languages
    ]
    default = next(
        (a["url"] for a in alternates if a["lang"] == settings.LANGUAGE_CODE), alternates[0]["url"]
    )
    alternates.append({"lang": "x-default", "url": default})
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return {
        "canonical": request.build_absolute_uri(path),
        "alternates": alternates,
        "og_locale": OG_LOCALES.get(current, "es_PE"),
        "og_locale_alternates": [
            locale for code, locale in OG_LOCALES.items() if code != current and code in languages
        ],
    }


LANGUAGE_SWITCH = {"es": ("en", "English"), "en": ("es", "Español")}


@register.simple_tag(takes_context=True)
def language_switch(context):
    """The link to this page in the other language, with the same query string, so a wizard
    answer, a calculator result or a checklist case switches language intact. A page that
    exists in one language only (an English-only guide) links to the other one's home."""
    request = context.get("request")
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    other, name = LANGUAGE_SWITCH.get(current, LANGUAGE_SWITCH[settings.LANGUAGE_CODE])
    if request is None:
        return None
    languages = context.get("page_languages")
    path = dict(_twins(request.path)).get(other, request.path)
    if path == request.path or (languages and other not in languages):
        # No twin (a missing page) or none in that language: that language's home.
        path = dict(_twins(reverse("insurance:home")))[other]
    query = _kept_query(request.GET)
    return {"url": f"{path}?{query}" if query else path, "lang": other, "name": name}


MAX_KEPT_VALUE = 200  # far above any real answer (a salary, ages, a search), far below junk


def _kept_query(params) -> str:
    """The query string, without the values no person typed (a 5,000-character tamper is
    not echoed in every page's header). Built from the items, not a QueryDict copy: the
    copy's deepcopy was most of the tag's cost on every result page."""
    return urlencode(
        [
            (key, value)
            for key, values in params.lists()
            if len(key) <= MAX_KEPT_VALUE
            for value in values
            if len(value) <= MAX_KEPT_VALUE
        ]
    )


@lru_cache(maxsize=4096)
def _twins(path: str) -> tuple[tuple[str, str], ...]:
    """(language, path) of each language's version of ``path``. translate_url resolves and
    reverses the path, a tenth of a millisecond a language; the paths a canonical names are
    few (each tool's entry page, each plan and guide), and a 404's own path is bounded by
    the cache's size."""
    return tuple((code, translate_url(path, code)) for code, _name in settings.LANGUAGES)


def json_ld(data) -> str:
    """A <script type="application/ld+json"> element that no string in ``data`` can end."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


def _absolute(request, path):
    return request.build_absolute_uri(path) if request is not None else path


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


@register.simple_tag(takes_context=True)
def guide_jsonld(context, guide):
    """HowTo: the guide's procedure steps and required documents."""
    request = context.get("request")
    howto = guide.howto_for_language()
    data = {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": guide.title,
        "description": guide.description,
        "inLanguage": guide.content_language,
        "url": _absolute(request, guide.get_absolute_url()),
        "datePublished": guide.published_on.isoformat(),
        "dateModified": guide.updated_at.isoformat() if guide.updated_at else None,
        "author": {"@type": "Person", "name": guide.author} if guide.author else None,
        "publisher": {
            "@type": "Organization",
            "name": SITE_NAME,
            "url": _absolute(request, reverse("insurance:home")),
        },
        "about": [category.name for category in guide.categories.all()],
        "supply": [{"@type": "HowToSupply", "name": item} for item in howto["supplies"]],
        "step": [
            {"@type": "HowToStep", "position": position, "text": text}
            for position, text in enumerate(howto["steps"], start=1)
        ],
    }
    return json_ld(_without_empty(data))


@register.simple_tag(takes_context=True)
def plan_jsonld(context, plan):
    """GovernmentService: an EsSalud plan, as its page describes it. No ``audience``: schema.org
    wants a short label there, and the plan's "para quién es" is paragraphs the page shows."""
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": plan.name,
        "alternateName": plan.brand,
        "description": plan.summary,
        "inLanguage": (get_language() or settings.LANGUAGE_CODE).split("-")[0],
        "url": _absolute(request, plan.get_absolute_url()),
        "serviceType": plan.get_nature_display(),
        "provider": {"@type": "GovernmentOrganization", "name": "EsSalud"},
        "areaServed": {"@type": "Country", "name": "Perú"},
        "termsOfService": plan.legal_basis,
    }
    return json_ld(_without_empty(data))
