from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from guides.models import current_language, shown_language

register = template.Library()


@register.filter
def website_label(url):
    """https://www.ejemplo.pe/tramites/ -> ejemplo.pe/tramites: short enough for a table."""
    parts = urlsplit(url or "")
    host = parts.hostname or ""
    if host.startswith("www."):
        host = host[4:]
    path = parts.path.rstrip("/")
    return f"{host}{path}" if host else url


# Issue 11, point 6: text an English page shows in Spanish, for want of a translation, says
# so. The guides' own version: the lead unifies it with the plan items' shared tag.


@register.simple_tag
def lang_attr(obj, field):
    """`` lang="es"`` for an element holding ``obj.<field>`` when an English page shows its
    Spanish (a guide's body, its description), else nothing."""
    language = shown_language(obj, field)
    return "" if language == current_language() else format_html(' lang="{}"', language)


@register.simple_tag
def shown(obj, field):
    """``obj.<field>``, inside ``<span lang="es">`` when an English page shows its Spanish."""
    value, language = getattr(obj, field), shown_language(obj, field)
    if language == current_language():
        return value
    return format_html('<span lang="{}">{}</span>', language, value)


@register.simple_tag
def lang_mark(obj, field):
    """The visible «(en español)» after a text shown in Spanish on an English page."""
    if shown_language(obj, field) == current_language():
        return ""
    # The only fallback language is Spanish (MODELTRANSLATION_FALLBACK_LANGUAGES).
    return format_html(' <span class="lang-mark">{}</span>', gettext("(en español)"))
