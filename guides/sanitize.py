"""The one place where untrusted HTML is made safe: ``sanitize_html``.

Everything a guide shows went through here once, when the guide was saved. The whitelist
keeps what guides are written with (headings, paragraphs, lists, tables, links, emphasis,
code, quotes) and nothing else: no scripts, styles, iframes, forms, images, SVG or MathML,
no event attributes, no ``style``, and links only to http(s), mailto, tel or this site.

It uses nh3 (the Rust ammonia sanitizer) rather than bleach, which django-markdownify uses
by default: bleach announced it will get no more releases, security fixes included, and
nh3 is maintained and about fifty times faster. To swap the sanitizer, change this module
only; ``tests/guides/test_markdown.py`` holds the payloads it must neutralise.
"""

import nh3

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr",
        "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li",
        "table", "thead", "tbody", "tr", "th", "td",
        "a", "strong", "em", "b", "i", "del", "sub", "sup", "abbr",
        "code", "pre", "blockquote",
    }
)  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "ol": {"start"},
    "th": {"scope"},
    "code": {"class"},
}

ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Dropped with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript"}
)


def sanitize_html(html: str) -> str:
    """Return ``html`` with everything outside the whitelist removed."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener",
        strip_comments=True,
    )
