from django import template

from insurance.text import plain_to_html

register = template.Library()


@register.filter
def plain(text):
    """Render a fixture's plain text (paragraphs, "- " bullets, links) as safe HTML."""
    return plain_to_html(text or "")
