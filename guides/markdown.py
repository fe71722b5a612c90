"""Guide markdown to safe HTML, once per save.

``render_guide`` renders with django-markdownify (settings ``MARKDOWNIFY["guides"]``), with
raw HTML switched off in Python-Markdown (``NoRawHtmlExtension``: written HTML shows as
text) and then ``guides.sanitize.sanitize_html`` over the result, so an unsafe guide needs
both layers to fail. It also:

- takes out the section "Proveedores que pueden hacerlo por ti" (its markdown table is
  replaced on the page by the providers from the database; any paragraph above the table is
  kept as the section's introduction), leaving ``PROVIDERS_MARK`` where it was;
- collects the steps of the "Procedimiento" section and the items of "Documentos
  requeridos", as plain text, for the HowTo structured data.
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field

import markdown as python_markdown
from markdown.extensions import Extension
from markdownify.templatetags.markdownify import markdownify

from .sanitize import sanitize_html

# Never produced by the sanitizer (it strips comments), so only we can put it there.
PROVIDERS_MARK = "<!--proveedores-->"
_START_TOKEN = "TRAMITITPROVIDERSSTART7F3A"
_END_TOKEN = "TRAMITITPROVIDERSEND7F3A"

PROVIDERS_TITLES = {
    "proveedores que pueden hacerlo por ti",
    "proveedores",
    "providers who can do it for you",
    "providers",
}
STEPS_TITLES = {"procedimiento", "pasos", "como hacerlo", "procedure", "steps", "how to do it"}
SUPPLIES_TITLES = {
    "documentos requeridos",
    "documentos",
    "requisitos",
    "required documents",
    "documents",
    "requirements",
}

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LIST_ITEM = re.compile(r"^ {0,3}(?:\d{1,9}[.)]|[-*+])[ \t]+(.*)$")


class NoRawHtmlExtension(Extension):
    """Treat HTML written in the markdown as text: it is escaped, never passed through."""

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown looks for this name)
    return NoRawHtmlExtension(**kwargs)


@dataclass(frozen=True)
class RenderedGuide:
    html: str
    steps: list[str] = field(default_factory=list)
    supplies: list[str] = field(default_factory=list)


def normalize_title(text: str) -> str:
    text = re.sub(r"[*_`]", "", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[^\w\s]", " ", text.lower())
    return " ".join(text.split())


def _headings(lines):
    """(index, level, normalized title) of every heading outside fenced code."""
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced and (match := _HEADING.match(line)):
            yield index, len(match.group(1)), normalize_title(match.group(2))


def _section(lines, titles):
    """(start, end) line indexes of the first section whose title is in ``titles``."""
    headings = list(_headings(lines))
    for position, (index, level, title) in enumerate(headings):
        if title in titles:
            end = next(
                (later for later, lvl, _t in headings[position + 1 :] if lvl <= level),
                len(lines),
            )
            return index, end
    return None


def _list_items(lines):
    """The text of each top-level list item in ``lines``, continuation lines joined."""
    items, current = [], None
    for line in lines:
        if not line.strip():
            continue
        if _HEADING.match(line):
            current = None
            continue
        match = _LIST_ITEM.match(line)
        indent = len(line) - len(line.lstrip())
        if match and indent < 2:
            current = [match.group(1)]
            items.append(current)
        elif current is not None and indent >= 2:
            current.append(match.group(1) if match else line.strip())
        else:
            current = None  # a paragraph ends the list
    return [text for text in (" ".join(parts).strip() for parts in items) if text]


def plain_text(markdown_text: str) -> str:
    rendered = sanitize_html(python_markdown.markdown(markdown_text, extensions=[makeExtension()]))
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    return " ".join(text.split())


def _is_table_line(line: str) -> bool:
    return line.lstrip().startswith("|")


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML: django-markdownify, then our sanitizer."""
    return sanitize_html(str(markdownify(text, custom_settings="guides")))


def render_guide(text: str) -> RenderedGuide:
    text = (text or "").replace("\r\n", "\n")
    if not text.strip():
        return RenderedGuide(html="")
    lines = text.split("\n")

    def items_of(titles):
        span = _section(lines, titles)
        if span is None:
            return []
        return [plain_text(item) for item in _list_items(lines[span[0] + 1 : span[1]])]

    steps, supplies = items_of(STEPS_TITLES), items_of(SUPPLIES_TITLES)

    providers = _section(lines, PROVIDERS_TITLES)
    if providers is not None:
        start, end = providers
        intro = [line for line in lines[start + 1 : end] if not _is_table_line(line)]
        lines = [
            *lines[:start],
            "",
            _START_TOKEN,
            "",
            *intro,
            "",
            _END_TOKEN,
            "",
            *lines[end:],
        ]

    rendered = render_markdown("\n".join(lines))
    if providers is not None:
        rendered = rendered.replace(f"<p>{_START_TOKEN}</p>", PROVIDERS_MARK, 1)
        rendered = rendered.replace(f"<p>{_END_TOKEN}</p>", PROVIDERS_MARK, 1)
        if rendered.count(PROVIDERS_MARK) != 2:  # the tokens did not survive: render plainly
            rendered = rendered.replace(PROVIDERS_MARK, "")
    return RenderedGuide(html=rendered.strip(), steps=steps, supplies=supplies)
