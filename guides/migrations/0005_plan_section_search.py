"""The plan pages' part of the search: one ``PlanSectionText`` per plan section.

``loadcontent`` fills it (``guides.plan_search.index_plan_sections``). On PostgreSQL a GIN
index serves its ``search_vector``, as 0002 does for guides; SQLite has no such index and
searches the folded text.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

INDEX = "guides_plansectiontext_search_vector_gin"


def run(statement):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0004_provider_official"),
        ("insurance", "0002_plan_slug_help"),
    ]

    operations = [
        migrations.CreateModel(
            name="PlanSectionText",
            fields=[
                (
                    "section",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_text",
                        serialize=False,
                        to="insurance.section",
                    ),
                ),
                ("title_es", models.CharField(max_length=200)),
                ("title_en", models.CharField(blank=True, max_length=200)),
                ("text_es", models.TextField(blank=True)),
                ("text_en", models.TextField(blank=True)),
                ("folded_title", models.CharField(max_length=200)),
                ("folded", models.TextField()),
                (
                    "search_vector",
                    django.contrib.postgres.search.SearchVectorField(blank=True, null=True),
                ),
            ],
            options={
                "verbose_name": "texto de búsqueda de una sección",
                "verbose_name_plural": "textos de búsqueda de las secciones",
            },
        ),
        migrations.RunPython(
            run(f"CREATE INDEX IF NOT EXISTS {INDEX} ON guides_plansectiontext USING GIN (search_vector)"),
            run(f"DROP INDEX IF EXISTS {INDEX}"),
        ),
    ]
