"""Load every content fixture, in order, so the database equals the files.

Why not ``loaddata``: it cannot delete a row whose fixture entry was removed, it stops at
the first bad row without saying on which line, and it skips model validation. This
command loads ``fixtures/`` in one transaction, runs ``full_clean()`` on every row, names
the file and line of any error, deletes content rows no fixture mentions, and reports what
changed; running it twice reports no change the second time. In the same transaction it
imports the starter guides (``content/guides/``, see ``guides.importer``) and EsSalud's
official channels as providers (``content/providers.yaml``, see ``guides.providers``), which
it never prunes, and rebuilds the plan pages' search text (``guides.plan_search``).
"""

from pathlib import Path

import yaml
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import translation

from guides import history
from guides.importer import (
    CREATED,
    UNCHANGED,
    UPDATED,
    GuideFileError,
    import_guide,
    read_guide_file,
    starter_guide_paths,
)
from guides.plan_search import index_plan_sections
from guides.providers import load_official_providers

# Loaded in this order; a later file may refer to rows of an earlier one.
CONTENT_FILES = ("00-catalogue.yaml", "plans/*.yaml")

# Pruned in this order: items before the sections, plans and people they point to.
PRUNED_MODELS = (
    "insurance.Requirement",
    "insurance.InsuredKind",
    "insurance.CoverageItem",
    "insurance.Exclusion",
    "insurance.ContributionRule",
    "insurance.Step",
    "insurance.Note",
    "insurance.Benefit",
    "insurance.Section",
    "insurance.Plan",
    "insurance.Person",
    "insurance.Form",
)


class DryRunRollback(Exception):
    pass


def content_paths(root: Path):
    for pattern in CONTENT_FILES:
        matches = sorted(root.glob(pattern))
        if not matches:
            raise CommandError(f"No fixture matches {root / pattern}.")
        yield from matches


def item_lines(path: Path):
    """The line where each top-level list item starts, to point errors at the file."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise CommandError(f"{path}: YAML no válido: {error}") from error
    if node is None or not isinstance(node, yaml.SequenceNode):
        raise CommandError(f"{path}: se esperaba una lista de filas.")
    return [item.start_mark.line + 1 for item in node.value]


def snapshot(instance):
    data = model_to_dict(instance)
    return {
        key: sorted(v.pk for v in value) if isinstance(value, list) else value
        for key, value in data.items()
    }


class Command(BaseCommand):
    help = "Carga los fixtures de contenido (seguros, requisitos...) de forma idempotente."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Valida y cuenta los cambios sin guardarlos."
        )

    def handle(self, *args, dry_run=False, **options):
        root = Path(settings.FIXTURE_DIRS[0])
        self.counts = {"created": 0, "updated": 0, "unchanged": 0, "deleted": 0}
        try:
            with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
                seen = {}
                for path in content_paths(root):
                    self.load_file(path, root, seen)
                self.prune(seen)
                index_plan_sections()
                self.load_guides()
                provider_counts = load_official_providers()
                if dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        prefix = "[dry-run] " if dry_run else ""
        self.stdout.write(
            f"{prefix}{self.counts['created']} created, {self.counts['updated']} updated, "
            f"{self.counts['unchanged']} unchanged, {self.counts['deleted']} deleted."
        )
        self.stdout.write(
            f"{prefix}guides: {self.guide_counts[CREATED]} created, "
            f"{self.guide_counts[UPDATED]} updated, {self.guide_counts[UNCHANGED]} unchanged."
        )
        self.stdout.write(
            f"{prefix}official providers: {provider_counts['created']} created, "
            f"{provider_counts['updated']} updated, {provider_counts['unchanged']} unchanged."
        )

    def load_guides(self):
        """The starter guides (content/guides/), matched on translationKey.

        Never deletes: guides and providers editors add in the admin are theirs. A guide
        file unchanged since its last load is skipped, so admin corrections survive. Each
        import is a version in the guide's history; what has no history yet gets its first
        version before anything changes (guides.history), so every change can be undone.
        """
        history.prepare()
        self.guide_counts = {CREATED: 0, UPDATED: 0, UNCHANGED: 0}
        for path in starter_guide_paths():
            try:
                status = import_guide(read_guide_file(path))
            except GuideFileError as error:
                raise CommandError(str(error)) from error
            self.guide_counts[status] += 1

    def load_file(self, path, root, seen):
        lines = item_lines(path)
        name = path.relative_to(root)
        objects = serializers.deserialize(
            "yaml", path.read_text(encoding="utf-8"), handle_forward_references=True
        )
        index = 0
        while True:
            where = f"{name}, línea {lines[index] if index < len(lines) else '?'}"
            try:
                deserialized = next(objects)
            except StopIteration:
                break
            except DeserializationError as error:
                raise CommandError(f"{where}: {error}") from error
            self.save(deserialized, where, seen)
            index += 1

    def save(self, deserialized, where, seen):
        instance = deserialized.object
        model = type(instance)
        before = None
        if instance.pk is not None:
            old = model._default_manager.filter(pk=instance.pk).first()
            before = snapshot(old) if old else None
            # The deserializer found the row by natural key; tell the unique checks it is
            # that row, not a new one.
            instance._state.adding = old is None
        try:
            instance.full_clean()
        except ValidationError as error:
            raise CommandError(f"{where}: {model.__name__}: {error.message_dict}") from error
        deserialized.save()
        after = snapshot(instance)
        if before is None:
            self.counts["created"] += 1
        elif before != after:
            self.counts["updated"] += 1
        else:
            self.counts["unchanged"] += 1
        seen.setdefault(model._meta.label, set()).add(instance.pk)

    def prune(self, seen):
        for label in PRUNED_MODELS:
            model = apps.get_model(label)
            stale = model._default_manager.exclude(pk__in=seen.get(model._meta.label, set()))
            deleted, _ = stale.delete()
            self.counts["deleted"] += deleted
