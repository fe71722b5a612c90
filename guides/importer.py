"""Hugo-style guide files (YAML front matter + markdown) into ``Guide`` rows.

A file looks like the seed page::

    ---
    title: '...'
    meta_title: '...'
    description: ...
    translationKey: peru-health_system_registration
    author: Ricardo Batista
    date: 2024-06-25
    categories: ["Peru"]
    draft: false
    ---
    ## Descripción
    ...

``translationKey`` is the guide's natural key: importing a file again updates the guide it
made. The language is ``lang``/``language`` in the front matter, else the file name
(``name.en.md``), else Spanish. The Spanish file sets the shared fields (slug, author, date,
categories, draft); an English file only fills the ``_en`` fields of the same guide.

Each file is checked before anything is written (``GuideFileError`` names the file and
line) and saved in its own transaction with ``full_clean()``, so a broken file leaves
nothing behind. A file whose bytes did not change since it was last imported is skipped
(``source_checksums``): loading twice changes nothing, and corrections an editor made in the
admin survive until the file itself changes.
"""

import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import reversion
import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from . import history
from .models import Category, Guide

# The starter guides that ``loadcontent`` imports.
STARTER_GUIDES_DIR = Path(settings.BASE_DIR) / "content" / "guides"
STARTER_GUIDES_PATTERN = "*.md"

DEFAULT_LANGUAGE = "es"
REQUIRED_KEYS = ("title", "translationKey")
KNOWN_KEYS = {
    "title",
    "meta_title",
    "description",
    "translationKey",
    "author",
    "date",
    "categories",
    "draft",
    "slug",
    "lang",
    "language",
}
# Front matter key -> model field, for pointing validation errors at a line.
FIELD_KEYS = {
    "title": "title",
    "meta_title": "meta_title",
    "description": "description",
    "translation_key": "translationKey",
    "author": "author",
    "published_on": "date",
    "draft": "draft",
    "slug": "slug",
}

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class GuideFileError(Exception):
    """A guide file that cannot be imported: says which file, which line and why."""

    def __init__(self, path, line, message):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}, línea {line}: {message}")


@dataclass(frozen=True)
class GuideFile:
    path: Path
    language: str
    translation_key: str
    title: str
    body: str
    checksum: str
    meta_title: str = ""
    description: str = ""
    author: str = ""
    published_on: datetime.date | None = None
    categories: tuple[str, ...] = ()
    draft: bool = False
    slug: str = ""
    lines: dict = field(default_factory=dict, compare=False)

    def line_of(self, key):
        return self.lines.get(key, 1)


def _language_codes():
    return [code for code, _name in settings.LANGUAGES]


def _split_front_matter(path, text):
    """(front matter text, body, line where the body starts) or GuideFileError."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise GuideFileError(path, 1, "falta la cabecera: la primera línea debe ser «---».")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise GuideFileError(
        path, 1, "la cabecera abierta con «---» en la línea 1 no se cierra con otra línea «---»."
    )


def _key_lines(front_matter):
    """File line of each top-level key (the front matter starts on line 2)."""
    node = yaml.compose(front_matter)
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return None
    return {key.value: key.start_mark.line + 2 for key, _value in node.value}


def _text(path, meta, lines, key, *, required=False):
    value = meta.get(key)
    if value is None or value == "":
        if required:
            raise GuideFileError(path, 1, f"falta «{key}» en la cabecera.")
        return ""
    if isinstance(value, bool | list | dict):
        raise GuideFileError(path, lines.get(key, 1), f"«{key}» debe ser un texto.")
    return " ".join(str(value).split())


def _language_from_name(path):
    """ "guia.en.md" is English; any other name is in the default language."""
    suffixes = Path(path).name.split(".")[1:-1]
    if suffixes and suffixes[-1].lower() in _language_codes():
        return suffixes[-1].lower()
    return DEFAULT_LANGUAGE


def read_guide_file(path) -> GuideFile:
    """Parse and check one file; raises GuideFileError, writes nothing."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise GuideFileError(path, 1, f"no se puede leer: {error.strerror}") from error
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise GuideFileError(path, line, "el archivo no está en UTF-8.") from error

    front_matter, body, _body_line = _split_front_matter(path, text)
    try:
        lines = _key_lines(front_matter)
        meta = yaml.safe_load(front_matter)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else 1
        problem = error.problem or error.context or "YAML no válido"
        raise GuideFileError(path, line, f"cabecera YAML no válida: {problem}.") from error
    except yaml.YAMLError as error:
        raise GuideFileError(path, 1, f"cabecera YAML no válida: {error}.") from error
    if meta is None:
        meta = {}
    if lines is None or not isinstance(meta, dict):
        raise GuideFileError(path, 2, "la cabecera debe ser una lista de «clave: valor».")

    for key in REQUIRED_KEYS:
        _text(path, meta, lines, key, required=True)

    language = _text(path, meta, lines, "lang") or _text(path, meta, lines, "language")
    language = language or _language_from_name(path)
    language = language.lower().split("-")[0]
    if language not in _language_codes():
        raise GuideFileError(
            path,
            lines.get("lang", lines.get("language", 1)),
            f"idioma «{language}» desconocido; usa uno de: {', '.join(_language_codes())}.",
        )

    date = meta.get("date")
    if isinstance(date, datetime.datetime):
        date = date.date()
    elif isinstance(date, str):
        try:
            date = datetime.date.fromisoformat(date.strip()[:10])
        except ValueError as error:
            raise GuideFileError(
                path, lines.get("date", 1), "«date» debe ser una fecha AAAA-MM-DD."
            ) from error
    elif date is not None and not isinstance(date, datetime.date):
        raise GuideFileError(path, lines.get("date", 1), "«date» debe ser una fecha AAAA-MM-DD.")

    categories = meta.get("categories") or []
    if isinstance(categories, str):
        categories = [categories]
    if not isinstance(categories, list) or not all(
        isinstance(name, str) and slugify(name) for name in categories
    ):
        raise GuideFileError(
            path, lines.get("categories", 1), "«categories» debe ser una lista de nombres."
        )

    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        raise GuideFileError(path, lines.get("draft", 1), "«draft» debe ser true o false.")

    if not body.strip():
        raise GuideFileError(path, len(text.split("\n")), "la guía no tiene texto.")

    return GuideFile(
        path=path,
        language=language,
        translation_key=_text(path, meta, lines, "translationKey"),
        title=_text(path, meta, lines, "title"),
        meta_title=_text(path, meta, lines, "meta_title"),
        description=_text(path, meta, lines, "description"),
        author=_text(path, meta, lines, "author"),
        published_on=date,
        categories=tuple(" ".join(name.split()) for name in categories),
        draft=draft,
        slug=_text(path, meta, lines, "slug"),
        body=body.strip("\n") + "\n",
        checksum=hashlib.sha256(raw).hexdigest(),
        lines=lines,
    )


def _validation_error(source, error):
    messages = getattr(error, "message_dict", None) or {"__all__": error.messages}
    name, problems = next(iter(messages.items()))
    base = (
        name.rsplit("_", 1)[0] if name.endswith(tuple(f"_{c}" for c in _language_codes())) else name
    )
    key = FIELD_KEYS.get(base)
    line = source.line_of(key) if key else 1
    label = key or base
    return GuideFileError(source.path, line, f"«{label}»: {' '.join(problems)}")


def _categories(source):
    found = []
    for name in source.categories:
        slug = slugify(name)
        category = Category.objects.filter(slug=slug).first()
        if category is None:
            category = Category(slug=slug, name_es=name)
            try:
                category.full_clean()
            except ValidationError as error:
                raise GuideFileError(
                    source.path,
                    source.line_of("categories"),
                    f"categoría «{name}» no válida: {' '.join(error.messages)}",
                ) from error
            category.save()
        found.append(category)
    return found


def import_guide(source: GuideFile, *, force=False) -> str:
    """Save one parsed file in its own transaction; returns created/updated/unchanged."""
    # A revision of its own: an import shows in the guide's history and can be undone.
    with transaction.atomic(), reversion.create_revision():
        reversion.set_comment(history.import_comment(source.path))
        guide = Guide.objects.filter(translation_key=source.translation_key).first()
        lang = source.language
        if guide is None and lang != DEFAULT_LANGUAGE:
            raise GuideFileError(
                source.path,
                source.line_of("translationKey"),
                f"no hay una guía en español con translationKey «{source.translation_key}»: "
                "importa primero el archivo en español.",
            )
        checksums = dict(guide.source_checksums or {}) if guide else {}
        if guide is not None and not force and checksums.get(lang) == source.checksum:
            return UNCHANGED

        status = CREATED if guide is None else UPDATED
        if guide is None:
            guide = Guide(translation_key=source.translation_key)
        setattr(guide, f"title_{lang}", source.title)
        setattr(guide, f"meta_title_{lang}", source.meta_title)
        setattr(guide, f"description_{lang}", source.description)
        setattr(guide, f"body_{lang}", source.body)
        if lang == DEFAULT_LANGUAGE:
            guide.author = source.author
            guide.draft = source.draft
            if source.published_on:
                guide.published_on = source.published_on
            if source.slug:
                guide.slug = source.slug
            elif not guide.slug:
                guide.slug = slugify(source.title)[:120].strip("-")
        checksums[lang] = source.checksum
        guide.source_checksums = checksums
        try:
            guide.full_clean()
        except ValidationError as error:
            raise _validation_error(source, error) from error
        guide.save()
        if lang == DEFAULT_LANGUAGE:
            guide.categories.set(_categories(source))
        return status


def guide_paths(paths):
    """Every .md file named or inside the folders named, Spanish files first."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(path.glob("*.md")))
        else:
            found.append(path)

    def order(path):
        return (_language_from_name(path) != DEFAULT_LANGUAGE, str(path))

    return sorted(found, key=order)


def starter_guide_paths():
    return guide_paths([STARTER_GUIDES_DIR])
