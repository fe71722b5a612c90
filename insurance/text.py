"""Plain text from the fixtures, turned into safe HTML.

Plan content is written as plain text (see fixtures/README.md): blank lines separate
paragraphs, lines starting with "- " are bullets, and bare https:// addresses become links.
Everything is escaped first, so nothing in a fixture or in the admin can inject markup.
"""

from django.utils.html import escape, urlize
from django.utils.safestring import SafeString, mark_safe


def _inline(line: str) -> str:
    return urlize(escape(line), nofollow=False, autoescape=False)


def plain_to_html(text: str) -> SafeString:
    blocks = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        paragraph, bullets = [], []
        for line in lines:
            if line.startswith("- "):
                if paragraph:
                    blocks.append(f"<p>{' '.join(paragraph)}</p>")
                    paragraph = []
                bullets.append(f"<li>{_inline(line[2:].strip())}</li>")
            else:
                if bullets:
                    blocks.append(f"<ul>{''.join(bullets)}</ul>")
                    bullets = []
                paragraph.append(_inline(line))
        if paragraph:
            blocks.append(f"<p>{' '.join(paragraph)}</p>")
        if bullets:
            blocks.append(f"<ul>{''.join(bullets)}</ul>")
    return mark_safe("\n".join(blocks))
