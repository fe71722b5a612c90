"""The starter guide "Registro de salud en el Perú" gets a translationKey of its own.

It began as the seed page (shared/seeds/000_111a2401a56468ce.txt), whose key,
``peru-health_system_registration``, is also the key of that page in tramitit's public
corpus. Sharing it meant that importing the seed or the corpus overwrote our corrected
edition with the text it corrects. The guide keeps its slug (its URL); only the key moves,
before ``loadcontent`` reads the renamed file.
"""

from django.db import migrations

SLUG = "registro-salud-peru"
OLD_KEY, NEW_KEY = "peru-health_system_registration", "essalud-health-registration"


def rename(old, new):
    def apply(apps, schema_editor):
        Guide = apps.get_model("guides", "Guide")
        if not Guide.objects.filter(translation_key=new).exists():
            Guide.objects.filter(translation_key=old, slug=SLUG).update(translation_key=new)

    return apply


class Migration(migrations.Migration):
    dependencies = [("guides", "0005_plan_section_search")]

    operations = [migrations.RunPython(rename(OLD_KEY, NEW_KEY), rename(NEW_KEY, OLD_KEY))]
