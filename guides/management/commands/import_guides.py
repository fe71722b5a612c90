"""Import Hugo-style markdown guides: ``manage.py import_guides PATH...``.

Why a command and not the admin: the starter guides and any batch of guides written
outside the site are files under version control, reviewed like code. Each file is parsed
and checked before anything is written, then saved in its own transaction with
``full_clean()``; a broken file is reported by name and line and leaves nothing behind,
while the other files still load. Guides are matched on ``translationKey``, so importing
again updates; a file unchanged since its last import is skipped (``--force`` re-applies
it, e.g. after changing the sanitizer). ``--dry-run`` checks and counts without saving.
The command exits with an error if any file failed.
"""

from contextlib import nullcontext

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from guides.importer import (
    CREATED,
    DEFAULT_LANGUAGE,
    UNCHANGED,
    UPDATED,
    GuideFileError,
    guide_paths,
    import_guide,
    read_guide_file,
)


class DryRunRollback(Exception):
    pass


class Command(BaseCommand):
    help = "Importa guías en markdown con cabecera YAML (estilo Hugo), por translationKey."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Archivos .md o carpetas que los contienen.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Valida y cuenta los cambios sin guardarlos."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Vuelve a aplicar también los archivos sin cambios desde la última importación.",
        )

    def handle(self, *args, paths, dry_run=False, force=False, verbosity=1, **options):
        counts = {CREATED: 0, UPDATED: 0, UNCHANGED: 0}
        errors = []
        files = guide_paths(paths)
        if not files:
            raise CommandError("No se encontró ningún archivo de guía.")
        try:
            # One transaction per file (inside import_guide); a dry run wraps them all in one
            # more, rolled back at the end.
            outer = transaction.atomic() if dry_run else nullcontext()
            with translation.override(DEFAULT_LANGUAGE), outer:
                for path in files:
                    try:
                        status = import_guide(read_guide_file(path), force=force)
                    except GuideFileError as error:
                        errors.append(str(error))
                        self.stderr.write(str(error))
                        continue
                    counts[status] += 1
                    if verbosity >= 2:
                        self.stdout.write(f"{path}: {status}")
                if dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        prefix = "[dry-run] " if dry_run else ""
        self.stdout.write(
            f"{prefix}{counts[CREATED]} created, {counts[UPDATED]} updated, "
            f"{counts[UNCHANGED]} unchanged, {len(errors)} failed."
        )
        if errors:
            raise CommandError(f"{len(errors)} archivo(s) con errores: no se guardó nada de ellos.")
