from django import template

from insurance.text import inline_to_html, plain_to_html

register = template.Library()


@register.filter
def plain(text, sections=None):
    """Render a fixture's plain text (paragraphs, "- " bullets, links) as safe HTML;
    ``sections`` (number -> URL) turns "(sección 11)" into a link."""
    return plain_to_html(text or "", sections)


@register.filter
def inline(text, sections=None):
    """The same for one line inside a sentence: no paragraph around it."""
    return inline_to_html(text or "", sections)
