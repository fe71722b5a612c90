"""PostgreSQL full-text search for guides: accent-insensitive Spanish and English.

The plain ``spanish`` configuration does not fold accents ("inscripcion" would not find
"inscripción"), so we copy it as ``tramitit_es`` and put ``unaccent`` before the stemmer;
the same for English as ``tramitit_en``. A GIN index serves ``Guide.search_vector``.
Everything here runs only on PostgreSQL: SQLite keeps its simple fallback (guides.search).
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

FORWARD = [
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS tramitit_es",
    "CREATE TEXT SEARCH CONFIGURATION tramitit_es (COPY = pg_catalog.spanish)",
    "ALTER TEXT SEARCH CONFIGURATION tramitit_es "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS tramitit_en",
    "CREATE TEXT SEARCH CONFIGURATION tramitit_en (COPY = pg_catalog.english)",
    "ALTER TEXT SEARCH CONFIGURATION tramitit_en "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem",
    "CREATE INDEX IF NOT EXISTS guides_guide_search_vector_gin "
    "ON guides_guide USING GIN (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS guides_guide_search_vector_gin",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS tramitit_en",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS tramitit_es",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("guides", "0001_initial")]

    operations = [
        # CreateExtension does nothing on other databases; unaccent is a trusted extension.
        UnaccentExtension(),
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
    ]
