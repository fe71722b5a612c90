"""The plan pages in the guides' search: "latencia" finds the section that explains it.

A plan page is many rows (a section and its requirements, steps, notes...), so searching
them live would be a join per item kind. Instead ``index_plan_sections`` writes one
``PlanSectionText`` per section, holding the section's title and all its text in each
language; ``loadcontent`` calls it after loading the plan fixtures, so the index always
follows the content. ``search_plan_sections`` then answers in one query, with the same
words and synonyms as the guides (``guides.search``).
"""

from bisect import bisect_right
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import get_language
from modeltranslation.translator import translator

from insurance.models import Section
from insurance.pages import ITEM_KINDS

from .models import PlanSectionText
from .search import (
    alternatives,
    fold,
    folded_contains_any,
    is_postgres,
    matching,
    query_words,
    update_search_vector,
    weighted_vector,
)

PLAN_RESULTS = 8
EXCERPT_CHARS = 180


@dataclass(frozen=True)
class PlanHit:
    """One plan section found: where it is and a few words of it around the match."""

    url: str
    plan: str
    number: str
    title: str
    excerpt: str


def _codes():
    return [code for code, _name in settings.LANGUAGES]


def _texts(instance, model, code):
    fields = translator.get_options_for_model(model).fields
    return [getattr(instance, f"{name}_{code}", "") or "" for name in fields]


def index_plan_sections() -> int:
    """Rebuild every section's search text from the plan content; returns how many."""
    codes = _codes()
    sections = list(Section.objects.order_by("plan_id", "order"))
    texts = {
        section.pk: {code: [getattr(section, f"body_{code}", "") or ""] for code in codes}
        for section in sections
    }
    for model, _kind in ITEM_KINDS:
        for item in model.objects.order_by("section_id", "order"):
            for code in codes:
                texts[item.section_id][code].extend(_texts(item, model, code))

    entries = []
    for section in sections:
        joined = {code: "\n".join(t for t in texts[section.pk][code] if t) for code in codes}
        titles = {code: getattr(section, f"title_{code}", "") or "" for code in codes}
        entries.append(
            PlanSectionText(
                section=section,
                title_es=titles["es"],
                title_en=titles.get("en", ""),
                text_es=joined["es"],
                text_en=joined.get("en", ""),
                folded_title=fold(" ".join(titles.values()))[:200],
                folded=fold(" ".join([*titles.values(), *joined.values()])),
            )
        )
    PlanSectionText.objects.all().delete()
    PlanSectionText.objects.bulk_create(entries)
    update_search_vector(
        PlanSectionText.objects.all(), vector=weighted_vector(("title", "A"), ("text", "C"))
    )
    return len(entries)


def search_plan_sections(query: str, limit: int = PLAN_RESULTS) -> list[PlanHit]:
    """The plan sections matching ``query``, best first, in one query."""
    entries = PlanSectionText.objects.select_related("section__plan").defer(
        "folded", "folded_title", "search_vector"
    )
    found = matching(entries, query, folded_field="folded")
    if found is None:
        return []
    if is_postgres(entries.db):
        found = found.order_by("-rank", "section__plan__order", "section__order")
    else:
        # No ranking on SQLite: sections whose title has a word of the query come first.
        title_hit = Case(
            When(folded_contains_any(query, "folded_title"), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        found = found.annotate(title_hit=title_hit).order_by(
            "-title_hit", "section__plan__order", "section__order"
        )
    language = (get_language() or "es").split("-")[0]
    hits = []
    for entry in found[:limit]:
        section = entry.section
        text = (language == "en" and entry.text_en) or entry.text_es
        hits.append(
            PlanHit(
                url=f"{section.plan.get_absolute_url()}#{section.anchor}",
                plan=section.plan.name,
                number=section.number,
                title=section.title,
                excerpt=excerpt(text, query),
            )
        )
    return hits


def excerpt(text: str, query: str, width: int = EXCERPT_CHARS) -> str:
    """About ``width`` characters of ``text`` around the first word of the query found."""
    text = " ".join((text or "").split())
    if len(text) <= width:
        return text
    # Fold character by character so a position in the folded text maps back to ``text``.
    pieces = [fold(char) for char in text]
    starts, position = [], 0
    for piece in pieces:
        starts.append(position)
        position += len(piece)
    folded = "".join(pieces)
    found = [folded.find(alt) for word in query_words(query) for alt in alternatives(word) if alt]
    found = [index for index in found if index >= 0]
    start = 0
    if found:
        start = max(0, bisect_right(starts, min(found)) - 1 - width // 3)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    end = start + width
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    return f"{'… ' if start else ''}{text[start:end].strip()}{' …' if end < len(text) else ''}"
