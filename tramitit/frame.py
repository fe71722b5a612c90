"""What the page frame (templates/jinja2/base.html) prints around every page's content: the
canonical and hreflang URLs, the Open Graph locales and the link to the other language."""

from functools import lru_cache
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language

OG_LOCALES = {"es": "es_PE", "en": "en_US"}
LANGUAGE_SWITCH = {"es": ("en", "English"), "en": ("es", "Español")}
MAX_KEPT_VALUE = 200  # far above any real answer (a salary, ages, a search), far below junk


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def page_urls(request, canonical_path=None, page_languages=None) -> dict | None:
    """Canonical URL, one alternate per language (plus x-default), and the OG locales.

    Views set ``canonical_path`` through ``tramitit.indexing.render_page`` (a result points
    at its tool's entry page, a list page keeps ``?pagina=N``); otherwise the canonical URL
    is the page's path without its query string. The alternates are the canonical's
    language twins, so they never name a URL the canonical disowns; a view whose page
    exists in fewer languages says which (``page_languages``: an English-only guide), and
    x-default is then the first of them.
    """
    if not request:  # a page rendered without one (a test's render_to_string)
        return None
    path = canonical_path or request.path
    languages = page_languages or [code for code, _name in settings.LANGUAGES]
    alternates = [
        {"lang": code, "url": request.build_absolute_uri(twin)}
        for code, twin in _twins(path)
        if code in languages
    ]
    default = next(
        (a["url"] for a in alternates if a["lang"] == settings.LANGUAGE_CODE), alternates[0]["url"]
    )
    alternates.append({"lang": "x-default", "url": default})
    current = current_language()
    return {
        "canonical": request.build_absolute_uri(path),
        "alternates": alternates,
        "og_locale": OG_LOCALES.get(current, "es_PE"),
        "og_locale_alternates": [
            locale for code, locale in OG_LOCALES.items() if code != current and code in languages
        ],
    }


def language_switch(request, page_languages=None) -> dict | None:
    """The link to this page in the other language, with the same query string, so a wizard
    answer, a calculator result or a checklist case switches language intact. A page that
    exists in one language only (an English-only guide) links to the other one's home."""
    if not request:
        return None
    other, name = LANGUAGE_SWITCH.get(current_language(), LANGUAGE_SWITCH[settings.LANGUAGE_CODE])
    path = dict(_twins(request.path)).get(other, request.path)
    if path == request.path or (page_languages and other not in page_languages):
        # No twin (a missing page) or none in that language: that language's home.
        path = dict(_twins(reverse("insurance:home")))[other]
    query = _kept_query(request.GET)
    return {"url": f"{path}?{query}" if query else path, "lang": other, "name": name}


def _kept_query(params) -> str:
    """The query string, without the values no person typed (a 5,000-character tamper is
    not echoed in every page's header). Built from the items, not a QueryDict copy: the
    copy's deepcopy was most of the link's cost on every result page."""
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
