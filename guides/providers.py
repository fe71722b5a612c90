"""EsSalud's official channels as providers, from ``content/providers.yaml``.

``loadcontent`` calls ``load_official_providers`` after the starter guides. Each row is
found by its ``key`` (``Provider.content_key``), created or brought back to what the file
says (fields and guides), marked ``official`` and ``verified``, and checked with
``full_clean()``. Nothing is deleted: a row dropped from the file stays for an editor to
retire, and editors' own providers (no ``content_key``) are never touched. Running it twice
changes nothing the second time.
"""

from decimal import Decimal
from pathlib import Path

import reversion
import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from . import history
from .models import Guide, Provider

OFFICIAL_PROVIDERS_FILE = Path(settings.BASE_DIR) / "content" / "providers.yaml"
# What each row may say: the user-facing texts in both languages (the English pages fall
# back to the Spanish where a row gives none); ``notes`` are for editors, never published.
TRANSLATED = ("name_es", "name_en", "turnaround_es", "turnaround_en")
FIELDS = {"key", *TRANSLATED, "website", "cost_soles", "guides", "notes"}
SAVED_FIELDS = (*TRANSLATED, "website", "cost_soles", "notes", "official", "verified")
CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


def _rows(path):
    try:
        text = path.read_text(encoding="utf-8")
        node, rows = yaml.compose(text), yaml.safe_load(text) or []
    except (OSError, yaml.YAMLError) as error:
        raise CommandError(f"{path}: no se puede leer: {error}") from error
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise CommandError(f"{path}: se esperaba una lista de proveedores.")
    return zip(rows, (item.start_mark.line + 1 for item in node.value), strict=True)


def _fields(provider):
    return tuple(getattr(provider, name) for name in SAVED_FIELDS)


def load_official_providers(path=None) -> dict:
    """Load the file; returns the counts of created, updated and unchanged rows."""
    path = Path(path or OFFICIAL_PROVIDERS_FILE)
    counts = {CREATED: 0, UPDATED: 0, UNCHANGED: 0}
    for row, line in _rows(path):
        where = f"{path.name}, línea {line}"
        unknown = set(row) - FIELDS
        if unknown or "key" not in row or "name_es" not in row:
            problem = (
                f"claves desconocidas {sorted(unknown)}" if unknown else "faltan key o name_es"
            )
            raise CommandError(f"{where}: {problem}.")
        keys = list(row.get("guides") or [])
        guides = list(Guide.objects.filter(translation_key__in=keys))
        missing = sorted(set(keys) - {guide.translation_key for guide in guides})
        if missing:
            raise CommandError(f"{where}: no hay guías con translationKey {missing}.")

        provider = Provider.objects.filter(content_key=row["key"]).first()
        before = _fields(provider) if provider else None
        provider = provider or Provider(content_key=row["key"])
        cost = row.get("cost_soles")
        for name in TRANSLATED:
            setattr(provider, name, row.get(name) or "")
        provider.website = row.get("website") or ""
        provider.cost_soles = None if cost is None else Decimal(str(cost))
        provider.notes = row.get("notes") or ""
        provider.official = provider.verified = True
        provider.source = Provider.Source.EDITOR
        try:
            provider.full_clean()
        except ValidationError as error:
            raise CommandError(f"{where}: {error.message_dict}") from error
        changed = before != _fields(provider)
        # A load that changes an official row is a version in its history, as an import is.
        with reversion.create_revision():
            reversion.set_comment(history.import_comment(path))
            if changed:  # unchanged rows keep their "actualizado" date
                provider.save()
            linked = set(provider.guides.values_list("pk", flat=True))
            if linked != {guide.pk for guide in guides}:
                provider.guides.set(guides)
                reversion.add_to_revision(provider)
                changed = True
        counts[CREATED if before is None else UPDATED if changed else UNCHANGED] += 1
    return counts
