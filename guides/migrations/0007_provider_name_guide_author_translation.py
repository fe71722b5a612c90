"""Names in Spanish and English (issue 11): a provider's name (EsSalud's official channels
get an English one from content/providers.yaml) and a guide's author ("Equipo Tramitit
Salud" is "Tramitit Salud team" in English). Every existing value is Spanish, the language
the English pages fall back to, so it is copied into the ``_es`` column."""

from django.db import migrations, models
from django.db.models import F


def copy_to_spanish(apps, schema_editor):
    apps.get_model("guides", "Provider").objects.update(name_es=F("name"))
    apps.get_model("guides", "Guide").objects.update(author_es=F("author"))


class Migration(migrations.Migration):
    dependencies = [("guides", "0006_starter_guide_key")]

    operations = [
        migrations.AddField(
            model_name="provider",
            name="name_en",
            field=models.CharField(max_length=120, null=True, verbose_name="nombre"),
        ),
        migrations.AddField(
            model_name="provider",
            name="name_es",
            field=models.CharField(max_length=120, null=True, verbose_name="nombre"),
        ),
        migrations.AddField(
            model_name="guide",
            name="author_en",
            field=models.CharField(blank=True, max_length=120, null=True, verbose_name="autor"),
        ),
        migrations.AddField(
            model_name="guide",
            name="author_es",
            field=models.CharField(blank=True, max_length=120, null=True, verbose_name="autor"),
        ),
        migrations.RunPython(copy_to_spanish, migrations.RunPython.noop),
    ]
