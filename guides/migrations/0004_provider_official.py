"""Providers: ``official`` (EsSalud's own channels, listed first and marked «oficial») and
``content_key`` (how ``loadcontent`` finds the rows it loads from content/providers.yaml;
NULL on editors' providers, so they never collide)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("guides", "0003_editores_group")]

    operations = [
        migrations.AddField(
            model_name="provider",
            name="content_key",
            field=models.SlugField(
                blank=True,
                editable=False,
                help_text="Los proveedores de content/providers.yaml; vacío en los de los editores.",
                max_length=80,
                null=True,
                unique=True,
                verbose_name="clave de contenido",
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="official",
            field=models.BooleanField(
                default=False,
                help_text="Un canal de EsSalud (OSPE, Centro MAC, EsSalud VIVA...): se marca "
                "«oficial» y va primero en la tabla.",
                verbose_name="oficial",
            ),
        ),
    ]
