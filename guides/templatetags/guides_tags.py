from urllib.parse import urlsplit

from django import template

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
