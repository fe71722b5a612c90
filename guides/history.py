"""Editors' undo: the revision history of guides, providers and categories (django-reversion).

What is versioned is registered here (``register()``, called by guides/admin.py, which every
process loads): a category; a provider with the guides it does; a guide with its rows in the
guide-provider table (what the guide form's providers inline edits), so restoring a guide
gives back its list of providers too. A version keeps every column, the translated ones
(``title_es``, ``title_en``...) included; a restore saves the object again, so a guide is
rendered from its markdown and indexed for search as at any save.

One object per revision: the admin saves each object of an action in its own revision, and
an import each guide, so restoring one object never reverts another.

Objects saved before there was a history have no version to go back to: ``baseline()``
records how one is now before its first change (the admin calls it before saving), and
``prepare()`` does it for all of them (``loadcontent``, on every deploy).
"""

from pathlib import Path

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from reversion.models import Version

from .models import Category, Guide, Provider

VERSIONED = (Category, Provider, Guide)


def register() -> None:
    reversion.register(Category)
    reversion.register(Provider)
    reversion.register(Provider.guides.through)
    # search_vector is PostgreSQL's own index data: rebuilt by the save a restore ends with.
    reversion.register(Guide, follow=("provider_links",), exclude=("search_vector",))


def import_comment(path) -> str:
    """What an import's revision says: the file, from the project's folder when inside it."""
    path = Path(path)
    if path.is_absolute() and path.is_relative_to(settings.BASE_DIR):
        path = path.relative_to(settings.BASE_DIR)
    return _("Importada desde %(path)s") % {"path": path}


def baseline(obj) -> None:
    """Record ``obj`` as the database has it (not as changed in memory) if it has no history
    yet. Call it outside any revision: one open around it would take this version in."""
    if obj.pk is None or Version.objects.get_for_object(obj).exists():
        return
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    if stored is None:
        return
    with reversion.create_revision():
        reversion.add_to_revision(stored)
        reversion.set_comment(_("Cómo estaba antes del primer cambio con historial."))


def prepare() -> int:
    """Ready the history: every versioned model's content type, and a first version for
    every object that has none (returns how many).

    Django creates no content type for the auto-created guide-provider table; one created by
    the first revision inside a transaction that is then rolled back would stay in the
    process's cache with an id the database no longer has.
    """
    ContentType.objects.get_for_models(*VERSIONED, Provider.guides.through)
    recorded = 0
    for model in VERSIONED:
        versioned = Version.objects.get_for_model(model).values("object_id")
        missing = model._default_manager.annotate(
            text_pk=Cast("pk", output_field=CharField())
        ).exclude(text_pk__in=versioned)
        for obj in missing:
            baseline(obj)
            recorded += 1
    return recorded
