"""Guide search: accent- and case-insensitive on both databases.

PostgreSQL: full-text search. ``Guide.search_vector`` holds the Spanish fields weighted A
(title), B (description) and C (body) with the ``tramitit_es`` configuration (``spanish``
plus ``unaccent``, created by migration 0002), and the English fields with ``tramitit_en``.
The query is parsed with both configurations and results are ranked by ``ts_rank``; a GIN
index keeps it fast. modeltranslation does not rewrite field names inside SearchVector, so
the columns are named explicitly (``title_es``...).

SQLite: a simple fallback. ``Guide.search_text`` holds the same text lowercased and without
accents; every word of the query must appear in it. No stemming, no ranking beyond date.
"""

import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import F

SPANISH_CONFIG = "tramitit_es"
ENGLISH_CONFIG = "tramitit_en"
MAX_QUERY_LENGTH = 200


def fold(text: str) -> str:
    """Lowercase without accents: "Inscripción" -> "inscripcion" (ñ becomes n too)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def is_postgres(alias="default") -> bool:
    return connections[alias or "default"].vendor == "postgresql"


def search_vector():
    vector = None
    for code, config in (("es", SPANISH_CONFIG), ("en", ENGLISH_CONFIG)):
        for field, weight in (("title", "A"), ("description", "B"), ("body", "C")):
            part = SearchVector(f"{field}_{code}", weight=weight, config=config)
            vector = part if vector is None else vector + part
    return vector


def update_search_vector(queryset, alias=None):
    """Refresh the stored vector of ``queryset``'s guides (PostgreSQL only)."""
    if is_postgres(alias or queryset.db):
        queryset.update(search_vector=search_vector())


def search_guides(queryset, query: str):
    """``queryset`` narrowed to the guides matching ``query``, best first."""
    query = " ".join((query or "").split())[:MAX_QUERY_LENGTH]
    if not query:
        return queryset
    if is_postgres(queryset.db):
        search = SearchQuery(query, config=SPANISH_CONFIG, search_type="websearch") | SearchQuery(
            query, config=ENGLISH_CONFIG, search_type="websearch"
        )
        return (
            queryset.filter(search_vector=search)
            .annotate(rank=SearchRank(F("search_vector"), search))
            .order_by("-rank", "-published_on", "pk")
        )
    for word in fold(query).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset
