"""The ``editores`` group, and the country category the seed guides use.

Editors add and change guides and providers in the admin, and see them: exactly the
add/change/view permissions of ``Guide`` and ``Provider``. No delete (a suggestion is never
lost: an editor leaves it unverified instead), nothing on categories, plans or users.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "editores"
PERMISSIONS = [
    ("guides", "guide", action) for action in ("add", "change", "view")
] + [("guides", "provider", action) for action in ("add", "change", "view")]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    app_config = apps.get_app_config("guides")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(
        [
            Permission.objects.get(
                content_type__app_label=app,
                content_type__model=model,
                codename=f"{action}_{model}",
            )
            for app, model, action in PERMISSIONS
        ]
    )


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


def create_country(apps, schema_editor):
    Category = apps.get_model("guides", "Category")
    Category.objects.get_or_create(
        slug="peru", defaults={"name": "Perú", "name_es": "Perú", "name_en": "Peru", "kind": "pais"}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0002_postgres_search"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_group, delete_group),
        migrations.RunPython(create_country, migrations.RunPython.noop),
    ]
