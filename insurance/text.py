"""Plain text from the fixtures, turned into safe HTML.

Plan content is written as plain text (see fixtures/README.md): blank lines separate
paragraphs, lines starting with "- " are bullets, ``[words](address)`` is a link with
readable words (to an https:// address, a path of the site or a #fragment), and any bare
https:// address still becomes a link. Given the page's sections (number -> URL), a
reference such as "(sección 11)" or "(section 11)" becomes a link to that section.
Everything is escaped first, so nothing in a fixture or in the admin can inject markup.
"""

import re
from collections.abc import Mapping
from functools import lru_cache

from django.utils.html import escape, urlize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

# A path must not start with "//", which would leave the site.
LINK = re.compile(r"\[([^\]\n]+)\]\(((?:https://|/(?!/)|#)[^\s()]+)\)")
# "sección 11", "sección 1.4", "secciones 3 y 4" and in English "section 11", "sections 3
# and 4": the numbers are linked one by one.
SECTIONS = re.compile(
    r"\b(?:secci(?:ón|ones)|[Ss]ections?) (\d+(?:\.\d+)*(?:(?:, | y | and )\d+(?:\.\d+)*)*)"
)
NUMBER = re.compile(r"\d+(?:\.\d+)*")

Sections = Mapping[str, str]


# urlize is most of the cost of a checklist's texts, and they are the content's own: a
# worker keeps the few thousand pieces it has escaped and linked (issue 15).
@lru_cache(maxsize=4096)
def _words(text: str) -> str:
    return urlize(escape(text), nofollow=False, autoescape=False)


def _link(url: str, words: str) -> str:
    return f'<a href="{escape(url)}">{words}</a>'


def _with_sections(text: str, sections: Sections) -> str:
    def numbers(match: re.Match) -> str:
        number = match[0]
        return _link(sections[number], number) if number in sections else number

    parts, start = [], 0
    for match in SECTIONS.finditer(text):
        if match[1] in sections:  # one section: "sección 11" is the link, a fair target
            parts += [_words(text[start : match.start()]), _link(sections[match[1]], match[0])]
        else:
            parts += [_words(text[start : match.start(1)]), NUMBER.sub(numbers, match[1])]
        start = match.end()
    parts.append(_words(text[start:]))
    return "".join(parts)


# In the English text, «...» is a quotation of EsSalud's Spanish (English quotes are “...”).
SPANISH_QUOTE = re.compile(r"«([^«»<>]+)»")
# The Spanish common nouns the English fixtures keep beside their gloss, so a screen reader
# says them in Spanish (WCAG 3.1.2). Proper names (OSPE, Banco de la Nación, Carné de
# Extranjería) are exempt from that criterion and are left as they are.
SPANISH_TERMS = re.compile(
    r"(?<![\w>])(unión de hecho|escritura pública|resolución judicial|resolución de alcaldía|"
    r"declaración jurada(?: de salud)?|dictamen médico de incapacidad|acreditación(?: vigente)?|"
    r"constancia de evaluación médica|acta o partida de matrimonio|partida de matrimonio|"
    r"derechohabientes?(?: gestante)?|concubino/a|concubinato|carta poder(?: simple)?|"
    r"periodo de carencia)(?![\w<])"
)


def inline_to_html(line: str, sections: Sections | None = None) -> SafeString:
    """One line of plain text: links and section references, no paragraph. On an English
    page a «quotation» is marked as Spanish, for screen readers and translators."""
    parts, start = [], 0
    for match in LINK.finditer(line):
        parts.append(_with_sections(line[start : match.start()], sections or {}))
        parts.append(_link(match[2], escape(match[1])))
        start = match.end()
    parts.append(_with_sections(line[start:], sections or {}))
    html = "".join(parts)
    if get_language() == "en":
        html = _mark_spanish(html)
    return mark_safe(html)


@lru_cache(maxsize=4096)
def _mark_spanish(html: str) -> str:
    if "«" in html:
        html = SPANISH_QUOTE.sub(r'«<span lang="es">\1</span>»', html)
    return SPANISH_TERMS.sub(r'<span lang="es">\1</span>', html)


def plain_to_html(text: str, sections: Sections | None = None) -> SafeString:
    blocks = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        paragraph, bullets = [], []
        for line in lines:
            if line.startswith("- "):
                if paragraph:
                    blocks.append(f"<p>{' '.join(paragraph)}</p>")
                    paragraph = []
                bullets.append(f"<li>{inline_to_html(line[2:].strip(), sections)}</li>")
            else:
                if bullets:
                    blocks.append(f"<ul>{''.join(bullets)}</ul>")
                    bullets = []
                paragraph.append(inline_to_html(line, sections))
        if paragraph:
            blocks.append(f"<p>{' '.join(paragraph)}</p>")
        if bullets:
            blocks.append(f"<ul>{''.join(bullets)}</ul>")
    return mark_safe("\n".join(blocks))
