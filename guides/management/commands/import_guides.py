"""Import Hugo-style markdown guides: ``manage.py import_guides PATH...``.

Why a command and not the admin: the starter guides and any batch of guides written
outside the site are files under version control, reviewed like code. Each file is parsed
and checked before anything is written, then saved in its own transaction with
``full_clean()``; a broken file is reported by name and line and leaves nothing behind,
while the other files still load. Guides are matched on ``translationKey``, so importing
again updates; a file unchanged since its last import is skipped (``--force`` re-applies
it, e.g. after changing the sanitizer). ``--dry-run`` checks and counts without saving.

Folders are read with their subfolders (a Hugo ``content/es/`` tree). Hugo's two
multilingual layouts are read: ``name.en.md`` beside ``name.md``, and a content folder per
language (``import_guides content/es content/en``, or ``import_guides --lang en
en/peru/*.md``): a folder named like a language of settings.LANGUAGES gives its files'
language, unless a file states its own (``lang:``, or its name). Files are read first and
saved Spanish first, so an English file finds the guide its Spanish twin makes in the same
run; one that has none becomes an English-only guide.

Every decision is reported on its own line, ``file: what was done``: a key given twice, a
slug taken from the file's path, a language taken from the folder, a guide made English-only
or completed in Spanish, a file that replaces a guide another file of the same run wrote, a
section index (``_index.md``) skipped. On a terminal, a progress line counts the files done.
The command exits with an error if any file failed.
"""

from contextlib import nullcontext

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from guides.importer import (
    CREATED,
    DEFAULT_LANGUAGE,
    UNCHANGED,
    UPDATED,
    GuideFileError,
    guide_files,
    import_guide,
    is_section_index,
    read_guide_file,
)


class DryRunRollback(Exception):
    pass


def spanish_first(item):
    _path, source = item
    return source is not None and source.language != DEFAULT_LANGUAGE


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
            "--lang",
            choices=[code for code, _name in settings.LANGUAGES],
            help="Idioma de los archivos que no dicen el suyo (ni «lang:» ni nombre.en.md); "
            "por defecto, el de su carpeta (en/...) o español.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Vuelve a aplicar también los archivos sin cambios desde la última importación.",
        )

    def handle(self, *args, paths, dry_run=False, force=False, lang=None, verbosity=1, **options):
        files = guide_files(paths)
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
                sources = sorted(
                    (self.read_file(path, lang, folder) for path, folder in files),
                    key=spanish_first,
                )
                for done, (path, source) in enumerate(sources, start=1):
                    if source is not None:
                        self.import_file(path, source, written, force)
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

    def read_file(self, path, language, folder):
        """(path, the parsed file), or (path, None) for a section index or a broken file,
        reported. All files are read before any is saved, so the Spanish ones go first
        whatever tells their language (a folder, a name, or ``lang:`` inside)."""
        if is_section_index(path):
            self.skipped += 1
            self.say(path, "índice de sección de Hugo (_index.md): no es una guía, se omite.")
            return path, None
        try:
            return path, read_guide_file(path, language=language, folder=folder)
        except GuideFileError as error:
            self.fail(error)
            return path, None

    def fail(self, error):
        self.errors.append(str(error))
        self.progress.clear()
        self.stderr.write(str(error))

    def import_file(self, path, source, written, force):
        notes = list(source.warnings)
        try:
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
            self.fail(error)
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
