"""Import Hugo-style markdown guides: ``manage.py import_guides PATH...``.

Why a command and not the admin: the starter guides and any batch of guides written
outside the site are files under version control, reviewed like code. Each file is parsed
and checked before anything is written, then saved in its own transaction with
``full_clean()``; a broken file is reported by name and line and leaves nothing behind,
while the other files still load. Guides are matched on ``translationKey``, so importing
again updates; a file unchanged since its last import is skipped (``--force`` re-applies
it, e.g. after changing the sanitizer). ``--dry-run`` checks and counts without saving.

Folders are read with their subfolders (a Hugo ``content/es/`` tree). Every decision is
reported on its own line, ``file: what was done``: a key given twice, a slug taken from the
file's path, a file that replaces a guide another file of the same run wrote, a section
index (``_index.md``) skipped. On a terminal, a progress line counts the files done. The
command exits with an error if any file failed.
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
    is_section_index,
    read_guide_file,
)


class DryRunRollback(Exception):
    pass


class Progress:
    """ "files done of total" on one line that rewrites itself, only on a terminal."""

    def __init__(self, stream, total):
        self.stream, self.total = stream, total
        self.on = stream.isatty() and total > 1
        self.width = 0

    def show(self, done):
        if self.on:
            text = f"{done}/{self.total} archivos"
            self.width = len(text)
            self.stream.write(f"\r{text}", ending="")
            self.stream.flush()

    def clear(self):
        """Wipe the line before anything else is written on the terminal."""
        if self.on and self.width:
            self.stream.write(f"\r{' ' * self.width}\r", ending="")
            self.width = 0


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
        files = guide_paths(paths)
        if not files:
            raise CommandError("No se encontró ningún archivo de guía.")
        self.counts = {CREATED: 0, UPDATED: 0, UNCHANGED: 0}
        self.errors, self.skipped, self.notices = [], 0, 0
        self.progress = Progress(self.stdout, len(files))
        self.verbosity = verbosity
        try:
            # One transaction per file (inside import_guide); a dry run wraps them all in one
            # more, rolled back at the end.
            outer = transaction.atomic() if dry_run else nullcontext()
            with translation.override(DEFAULT_LANGUAGE), outer:
                written = {}  # (language, translationKey) -> the first file of this run
                for done, path in enumerate(files, start=1):
                    self.import_file(path, written, force)
                    self.progress.show(done)
                if dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        self.progress.clear()
        self.stdout.write(self.summary("[dry-run] " if dry_run else ""))
        if self.errors:
            raise CommandError(
                f"{len(self.errors)} archivo(s) con errores: no se guardó nada de ellos."
            )

    def import_file(self, path, written, force):
        if is_section_index(path):
            self.skipped += 1
            self.say(path, "índice de sección de Hugo (_index.md): no es una guía, se omite.")
            return
        notes = []
        try:
            source = read_guide_file(path)
            notes.extend(source.warnings)
            key = (source.language, source.translation_key)
            first = written.get(key)
            if first is not None:
                notes.append(
                    f"translationKey «{source.translation_key}» ya lo trajo {first} en esta "
                    "importación: este archivo reemplaza el texto de esa guía."
                )
            status = import_guide(source, force=force, notes=notes)
            written.setdefault(key, path)
        except GuideFileError as error:
            for note in notes:
                self.notice(path, note)
            self.errors.append(str(error))
            self.progress.clear()
            self.stderr.write(str(error))
            return
        for note in notes:
            self.notice(path, note)
        self.counts[status] += 1
        if self.verbosity >= 2:
            self.progress.clear()
            self.stdout.write(f"{path}: {status}")

    def notice(self, path, text):
        self.notices += 1
        self.say(path, text)

    def say(self, path, text):
        self.progress.clear()
        self.stdout.write(f"{path}: {text}", style_func=self.style.WARNING)

    def summary(self, prefix):
        line = (
            f"{prefix}{self.counts[CREATED]} created, {self.counts[UPDATED]} updated, "
            f"{self.counts[UNCHANGED]} unchanged, {len(self.errors)} failed"
        )
        if self.skipped:
            line += f", {self.skipped} skipped (section index)"
        if self.notices:
            line += f", {self.notices} notice{'s' if self.notices > 1 else ''}"
        return f"{line}."
