"""JSON-LD structured data for the page head (the canonical and hreflang URLs are the
frame's: tramitit/frame.py)."""

import json

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

SITE_NAME = "Tramitit Salud"

# The characters that could end a <script> element or start a comment inside it.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


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
