"""Search: accent- and case-insensitive on both databases, with the domain's synonyms.

PostgreSQL: full-text search. ``Guide.search_vector`` holds the Spanish fields weighted A
(title), B (description) and C (body) with the ``tramitit_es`` configuration (``spanish``
plus ``unaccent``, created by migration 0002), and the English fields with ``tramitit_en``;
``PlanSectionText.search_vector`` does the same for the plan pages (``guides.plan_search``).
Results are ranked by ``ts_rank``; GIN indexes keep it fast. modeltranslation does not
rewrite field names inside SearchVector, so the columns are named explicitly (``title_es``...).

SQLite: a simple fallback. A folded text column (lowercased, without accents) must contain
every word of the query. No stemming, no ranking beyond what the caller orders by.

On both, each word of the query stands for itself or any of its synonyms (``SYNONYMS``):
people write "niños" where EsSalud writes "hijos", "esposa" where it writes "cónyuge". The
query is an AND of words, each an OR of its alternatives, built the same way for both.
"""

import unicodedata
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import F, Q

SPANISH_CONFIG = "tramitit_es"
ENGLISH_CONFIG = "tramitit_en"
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12

# Words a reader uses for the same thing, the source's word among them. A query word matches
# any word of its group. Written as the words are spelled; matched folded (no accents). A
# plural in the query finds its singular's group ("esposas" -> "esposa"), and on SQLite
# "hijo" also matches inside "hijos", so a group lists singulars of both genders.
SYNONYMS = (
    ("niño", "niña", "niños", "niñas", "hijo", "hija", "menor de edad", "menores de edad"),
    ("bebé", "recién nacido", "recién nacida"),
    ("esposa", "esposo", "cónyuge", "conyugue", "marido", "matrimonio"),
    ("pareja", "concubino", "concubina", "conviviente", "unión de hecho", "concubinato"),
    ("embarazada", "embarazo", "gestante", "gestación", "maternidad", "parto"),
    ("familia", "familiar", "derechohabiente"),
    ("trabajo", "empleo", "laboral", "trabajador", "empleado"),
    ("desempleo", "despido", "cese", "latencia", "sin trabajo"),
    ("independiente", "autónomo", "por cuenta propia"),
    ("inscripción", "inscribir", "afiliación", "afiliar", "registro", "registrar"),
    ("baja", "desafiliación", "desafiliar"),
    ("carencia", "periodo de espera"),
    ("costo", "precio", "cuánto cuesta", "aporte", "cuota", "prima", "pago"),
    ("jubilado", "pensionista", "pensión"),
    ("extranjero", "extranjera", "inmigrante", "migrante", "expatriado"),
    ("hospital", "clínica", "centro asistencial", "establecimiento de salud", "centro de salud"),
    ("médico", "doctor", "consulta médica", "atención médica"),
    ("discapacitado", "discapacidad", "incapacitado", "incapacidad"),
    ("muerte", "fallecimiento", "defunción", "fallecido", "sepelio"),
    ("divorcio", "separación", "disolución del vínculo"),
)


def fold(text: str) -> str:
    """Lowercase without accents: "Inscripción" -> "inscripcion" (ñ becomes n too)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def _synonym_index():
    index = {}
    for group in SYNONYMS:
        folded = tuple(dict.fromkeys(fold(word) for word in group))
        for word in folded:
            index[word] = folded
    return index


SYNONYM_INDEX = _synonym_index()


def alternatives(word: str) -> tuple[str, ...]:
    """The folded word and its synonyms: "niños" -> ("nino", "nina", "ninos", ..., "hijo")."""
    word = fold(word)
    for candidate in (word, word.removesuffix("es"), word.removesuffix("s")):
        if candidate in SYNONYM_INDEX:
            group = SYNONYM_INDEX[candidate]
            return group if word in group else (word, *group)
    return (word,)


def query_words(query: str) -> list[str]:
    """The query's words, bounded: a search box is not a place for an essay."""
    words = " ".join((query or "").split())[:MAX_QUERY_LENGTH].split()
    return words[:MAX_QUERY_WORDS]


def is_postgres(alias="default") -> bool:
    return connections[alias or "default"].vendor == "postgresql"


def weighted_vector(*fields):
    """SearchVector over ``(field, weight)`` pairs, each in both languages' configuration."""
    parts = [
        SearchVector(f"{field}_{code}", weight=weight, config=config)
        for code, config in (("es", SPANISH_CONFIG), ("en", ENGLISH_CONFIG))
        for field, weight in fields
    ]
    return reduce(lambda left, right: left + right, parts)


def search_vector():
    return weighted_vector(("title", "A"), ("description", "B"), ("body", "C"))


def update_search_vector(queryset, alias=None, vector=None):
    """Refresh the stored vector of ``queryset``'s rows (PostgreSQL only)."""
    if is_postgres(alias or queryset.db):
        queryset.update(search_vector=vector or search_vector())


def _postgres_query(words):
    """(every word or a synonym, in Spanish) OR (the same, in English).

    One query per language, as each parses the words its own way: "de" is a Spanish stop
    word (dropped) but an English word (kept), and must not be required of Spanish text.
    """

    def in_language(config):
        def any_of(word):
            return reduce(
                or_,
                (
                    SearchQuery(alternative, config=config, search_type="plain")
                    for alternative in alternatives(word)
                ),
            )

        return reduce(and_, (any_of(word) for word in words))

    return in_language(SPANISH_CONFIG) | in_language(ENGLISH_CONFIG)


def _folded_condition(words, field):
    def any_of(word):
        return reduce(or_, (Q(**{f"{field}__contains": alt}) for alt in alternatives(word)))

    return reduce(and_, (any_of(word) for word in words))


def matching(queryset, query: str, *, folded_field: str):
    """``queryset`` narrowed to the rows matching every word of ``query`` (or a synonym).

    On PostgreSQL the rows carry a ``rank`` (``ts_rank`` on ``search_vector``); on SQLite
    ``folded_field`` must contain each word. Returns None for an empty query.
    """
    words = query_words(query)
    if not words:
        return None
    if is_postgres(queryset.db):
        search = _postgres_query(words)
        return queryset.filter(search_vector=search).annotate(
            rank=SearchRank(F("search_vector"), search)
        )
    return queryset.filter(_folded_condition(words, folded_field))


def folded_contains_any(query: str, field: str) -> Q:
    """True where ``field`` contains any word of ``query`` or a synonym (SQLite ranking)."""
    return reduce(
        or_,
        (Q(**{f"{field}__contains": alt}) for w in query_words(query) for alt in alternatives(w)),
        Q(pk__in=[]),
    )


def search_guides(queryset, query: str):
    """``queryset`` narrowed to the guides matching ``query``, best first."""
    found = matching(queryset, query, folded_field="search_text")
    if found is None:
        return queryset
    if is_postgres(queryset.db):
        return found.order_by("-rank", "-published_on", "pk")
    return found
