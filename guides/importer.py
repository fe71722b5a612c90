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
(``name.en.md``), else the one the command is given (``--lang en``), else the folder, as in
Hugo's other multilingual layout, a content folder per language (``en/peru/a.md``), else
Spanish. The Spanish file sets the shared fields (slug, date, categories, draft); an
English file fills the ``_en`` fields of the guide with its ``translationKey``. An English
file with no Spanish guide to fill becomes an English-only guide (its own shared fields, no
Spanish title: listed under /en/guias/ only, see ``guides.models``), and a Spanish file
arriving later completes it, keeping its URL unless it names another slug.

The guides' categories are named as the files name them (a category is found by the slug
of its name, or by its English name from an English file); ``content/categories.yaml``
gives the English name of the site's categories, filled in where a category has none.

Each file is checked before anything is written (``GuideFileError`` names the file and
line) and saved in its own transaction with ``full_clean()``, so a broken file leaves
nothing behind. A file whose bytes did not change since it was last imported is skipped
(``source_checksums``): loading twice changes nothing, and corrections an editor made in the
admin survive until the file itself changes.

Real Hugo sites bring more than one shape of file, and each is read rather than refused,
with the decision reported (``GuideFile.warnings`` and the ``notes`` of ``import_guide``):
a ``date`` written in Spanish ("27 de junio de 2024") is read; a key given twice in the
front matter is a warning naming the key and the value kept (PyYAML keeps the last without
a word); a title whose slug another guide has gives a slug from the file's path, as Hugo
builds the URL (``peru/inscripción_al_ruc.md`` -> ``peru-inscripcion-al-ruc``); and
``_index.md``, a Hugo section page, is not a guide (``is_section_index``).
"""

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import reversion
import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify

from . import history
from .models import Category, Guide
from .search import fold

# The starter guides that ``loadcontent`` imports.
STARTER_GUIDES_DIR = Path(settings.BASE_DIR) / "content" / "guides"
# Category slug -> its English name.
CATEGORY_NAMES_FILE = Path(settings.BASE_DIR) / "content" / "categories.yaml"

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

# Spanish month names, folded, for dates such as "27 de junio de 2024" ("setiembre" is how
# Peru often writes it).
SPANISH_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("enero",),
            ("febrero",),
            ("marzo",),
            ("abril",),
            ("mayo",),
            ("junio",),
            ("julio",),
            ("agosto",),
            ("septiembre", "setiembre"),
            ("octubre",),
            ("noviembre",),
            ("diciembre",),
        ),
        start=1,
    )
    for name in names
}
# "27 de junio de 2024", "jueves, 27 de junio del 2024", "1 de Setiembre de 2025".
_SPANISH_DATE = re.compile(r"(?:[a-z]+,?\s+)?(\d{1,2})\s+de\s+([a-z]+)\s+del?\s+(\d{4})")
DATE_ERROR = "«date» debe ser una fecha: AAAA-MM-DD o «27 de junio de 2024»."
LANGUAGE_NAMES = {"es": "español", "en": "inglés"}
# Where a file's language came from, for the report ("en inglés por su carpeta «en/»").
FROM_FRONT_MATTER, FROM_NAME, FROM_COMMAND, FROM_FOLDER, FROM_DEFAULT = (
    "cabecera",
    "nombre",
    "--lang",
    "carpeta",
    "predeterminado",
)


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
    warnings: tuple[str, ...] = ()
    language_from: str = FROM_DEFAULT

    def language_note(self):
        """How a language the file does not state was decided, when it was its folder (and
        not the default language, which every file without one gets anyway)."""
        if self.language_from != FROM_FOLDER or self.language == DEFAULT_LANGUAGE:
            return None
        name = LANGUAGE_NAMES.get(self.language, self.language)
        return f"en {name} por su carpeta «{self.language}/»."

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


class FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader, noting where each top-level key is and which keys repeat.

    PyYAML keeps the last value of a key given twice, silently; tramitit's own corpus
    repeats ``translationKey`` in many files, so the importer reports each repeat instead.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self.key_lines = {}  # key -> the file line of its last occurrence (the value kept)
        self.repeats = {}  # key -> [(file line, value), ...] for keys given more than once

    def get_single_data(self):
        node = self.get_single_node()
        if node is None:
            return None
        if isinstance(node, yaml.MappingNode):
            seen = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    # The front matter starts on the file's line 2.
                    seen.setdefault(key.value, []).append((key.start_mark.line + 2, value))
            for key, where in seen.items():
                self.key_lines[key] = where[-1][0]
                if len(where) > 1:
                    self.repeats[key] = [
                        (line, self.construct_object(value, deep=True)) for line, value in where
                    ]
        return self.construct_document(node)


def _load_front_matter(front_matter):
    """(data, loader) for the front matter text; raises yaml.YAMLError."""
    loader = FrontMatterLoader(front_matter)
    try:
        return loader.get_single_data(), loader
    finally:
        loader.dispose()


def _repeat_warnings(repeats):
    """One warning per key given twice or more: where, and the value kept (the last)."""
    warnings = []
    for key, where in repeats.items():
        lines = [str(line) for line, _value in where]
        places = f"{', '.join(lines[:-1])} y {lines[-1]}"
        values = [value for _line, value in where]
        same = all(value == values[-1] for value in values)
        warnings.append(
            f"«{key}» aparece {len(where)} veces en la cabecera (líneas {places}), "
            f"{'con el mismo valor' if same else 'con valores distintos'}: "
            f"se usa el último, «{values[-1]}»."
        )
    return tuple(warnings)


def parse_date(value):
    """A front matter date: a YAML date, "AAAA-MM-DD..." or Spanish ("27 de junio de 2024").

    Returns a ``datetime.date``, None when there is none, or raises ValueError.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise ValueError(value)
    text = " ".join(value.split())
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        pass
    match = _SPANISH_DATE.fullmatch(fold(text))
    if match is None or match.group(2) not in SPANISH_MONTHS:
        raise ValueError(value)
    day, month, year = int(match.group(1)), SPANISH_MONTHS[match.group(2)], int(match.group(3))
    return datetime.date(year, month, day)


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
    """ "guia.en.md" is English; None when the name does not say."""
    suffixes = Path(path).name.split(".")[1:-1]
    if suffixes and suffixes[-1].lower() in _language_codes():
        return suffixes[-1].lower()
    return None


def folder_language(folders):
    """The language of a Hugo content folder per language: the nearest of ``folders`` named
    like one of settings.LANGUAGES (``en/peru`` -> "en"), or None."""
    codes = _language_codes()
    return next((name.lower() for name in reversed(folders) if name.lower() in codes), None)


def _file_language(path, meta, lines, language, folder):
    """(language, where it came from), checked against settings.LANGUAGES."""
    stated = _text(path, meta, lines, "lang") or _text(path, meta, lines, "language")
    found, language_from = next(
        (value, origin)
        for value, origin in (
            (stated, FROM_FRONT_MATTER),
            (_language_from_name(path), FROM_NAME),
            (language, FROM_COMMAND),
            (folder, FROM_FOLDER),
            (DEFAULT_LANGUAGE, FROM_DEFAULT),
        )
        if value
    )
    code = found.lower().split("-")[0]
    if code not in _language_codes():
        raise GuideFileError(
            path,
            lines.get("lang", lines.get("language", 1)),
            f"idioma «{code}» desconocido; usa uno de: {', '.join(_language_codes())}.",
        )
    return code, language_from


def read_guide_file(path, *, language=None, folder=None) -> GuideFile:
    """Parse and check one file; raises GuideFileError, writes nothing.

    ``language`` is the one to take when the file does not state its own (the command's
    ``--lang``), ``folder`` the one its per-language folder gives (``guide_files``).
    """
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
        meta, loader = _load_front_matter(front_matter)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else 1
        problem = error.problem or error.context or "YAML no válido"
        raise GuideFileError(path, line, f"cabecera YAML no válida: {problem}.") from error
    except yaml.YAMLError as error:
        raise GuideFileError(path, 1, f"cabecera YAML no válida: {error}.") from error
    if meta is None:
        meta = {}
    lines = loader.key_lines
    if not isinstance(meta, dict):
        raise GuideFileError(path, 2, "la cabecera debe ser una lista de «clave: valor».")

    for key in REQUIRED_KEYS:
        _text(path, meta, lines, key, required=True)

    language, language_from = _file_language(path, meta, lines, language, folder)

    try:
        date = parse_date(meta.get("date"))
    except ValueError as error:
        raise GuideFileError(path, lines.get("date", 1), DATE_ERROR) from error

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
        warnings=_repeat_warnings(loader.repeats),
        language_from=language_from,
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


def category_names(path=None) -> dict:
    """``content/categories.yaml``: category slug -> English name."""
    path = Path(path or CATEGORY_NAMES_FILE)
    try:
        names = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise GuideFileError(path, 1, f"no se puede leer: {error}") from error
    if not isinstance(names, dict) or not all(isinstance(n, str) for n in names.values()):
        raise GuideFileError(path, 1, "se esperaba «slug: nombre en inglés» en cada línea.")
    return names


def _find_category(name, language, english_names):
    """The category ``name`` means: by its slug, or, from a file in another language, by
    its name in that language (``Registration`` is ``inscripcion``)."""
    category = Category.objects.filter(slug=slugify(name)).first()
    if category is None and language != DEFAULT_LANGUAGE:
        category = Category.objects.filter(**{f"name_{language}__iexact": name}).first()
        if category is None and language == "en":
            slug = next((s for s, en in english_names.items() if en.lower() == name.lower()), "")
            category = Category.objects.filter(slug=slug).first() if slug else None
    return category


def _categories(source):
    found = []
    english_names = category_names()
    for name in source.categories:
        category = _find_category(name, source.language, english_names)
        if category is None:
            # Named in the file's language; Spanish is required, so a category first met in
            # an English file (an English-only guide's) has its English name in both.
            slug = slugify(name)
            names = {"name_es": name, f"name_{source.language}": name}
            category = Category(slug=slug, **names)
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
    _name_in_english(found, english_names)
    return found


def _name_in_english(categories, english_names):
    """Give each category without an English name the one content/categories.yaml has."""
    for category in categories:
        english = english_names.get(category.slug)
        if english and not category.name_en:
            # update(): a blank filled in, not an edit to keep in the history (and not in the
            # revision of the guide being imported, whose restore would blank it again).
            Category.objects.filter(pk=category.pk).update(name_en=english)


def is_section_index(path) -> bool:
    """Hugo's ``_index.md`` (and ``_index.en.md``) is a section's page, not an article."""
    return Path(path).name.split(".")[0] == "_index"


def path_slug(path) -> str:
    """The slug Hugo's URL gives a file: its folder and its name, without the language.

    ``es/peru/inscripción_al_ruc.md`` -> ``peru-inscripcion-al-ruc``; ``en/about.md`` ->
    ``about`` (a language folder is not a section of the URL).
    """
    path = Path(path)
    name = path.name.split(".")[0]
    folder = "" if folder_language([path.parent.name]) else path.parent.name
    return slugify(f"{folder} {name}".replace("_", " "))[:120].strip("-")


def guide_url(slug, language) -> str:
    """/guias/<slug>/ in ``language`` (/en/guias/<slug>/), for the report."""
    with translation.override(language):
        return reverse("guides:guide_detail", args=[slug])


def _slug_owner(slug, guide):
    return Guide.objects.filter(slug=slug).exclude(pk=guide.pk).only("title").first()


def _new_slug(source, guide, notes):
    """The title's slug; the file path's when another guide has it (and says so)."""
    title_slug = slugify(source.title)[:120].strip("-")
    owner = _slug_owner(title_slug, guide) if title_slug else None
    if title_slug and owner is None:
        return title_slug
    slug, number = path_slug(source.path), 1
    while _slug_owner(slug, guide) is not None:
        number += 1
        slug = f"{path_slug(source.path)[:115]}-{number}"
    why = (
        f"el título da el slug «{title_slug}», que ya usa la guía «{owner.title}»"
        if owner
        else "el título no da un slug"
    )
    notes.append(
        f"{why}: la guía queda en {guide_url(slug, source.language)} (carpeta y nombre del "
        "archivo, como la URL de Hugo)."
    )
    return slug


def import_guide(source: GuideFile, *, force=False, notes=None) -> str:
    """Save one parsed file in its own transaction; returns created/updated/unchanged.

    Decisions worth telling the person importing (a slug taken from the file's path) are
    appended to ``notes`` when a list is given.
    """
    notes = [] if notes is None else notes
    # A revision of its own: an import shows in the guide's history and can be undone.
    with transaction.atomic(), reversion.create_revision():
        reversion.set_comment(history.import_comment(source.path))
        guide = Guide.objects.filter(translation_key=source.translation_key).first()
        lang = source.language
        checksums = dict(guide.source_checksums or {}) if guide else {}
        if guide is not None and not force and checksums.get(lang) == source.checksum:
            return UNCHANGED

        status = CREATED if guide is None else UPDATED
        if guide is None:
            guide = Guide(translation_key=source.translation_key)
        # The shared fields are the Spanish file's, or this file's while the guide has no
        # Spanish (an English-only guide).
        had_spanish = bool(getattr(guide, f"title_{DEFAULT_LANGUAGE}"))
        old_slug = guide.slug
        owns_shared = lang == DEFAULT_LANGUAGE or not had_spanish
        if source.language_note():
            notes.append(source.language_note())
        setattr(guide, f"title_{lang}", source.title)
        setattr(guide, f"meta_title_{lang}", source.meta_title)
        setattr(guide, f"description_{lang}", source.description)
        setattr(guide, f"body_{lang}", source.body)
        setattr(guide, f"author_{lang}", source.author)
        if owns_shared:
            guide.draft = source.draft
            if source.published_on:
                guide.published_on = source.published_on
            if source.slug:
                guide.slug = source.slug
            elif not guide.slug:
                guide.slug = _new_slug(source, guide, notes)
        checksums[lang] = source.checksum
        guide.source_checksums = checksums
        try:
            guide.full_clean()
        except ValidationError as error:
            raise _validation_error(source, error) from error
        guide.save()
        if owns_shared:
            guide.categories.set(_categories(source))
        else:
            _name_in_english(guide.categories.all(), category_names())
        notes.extend(_language_notes(source, guide, status, had_spanish, old_slug))
        return status


def _language_notes(source, guide, status, had_spanish, old_slug):
    """What a file did to the guide's languages, when it is news: a guide made English-only
    (no Spanish file with its translationKey), or one that was and now has its Spanish."""
    if source.language != DEFAULT_LANGUAGE and not had_spanish and status == CREATED:
        name = LANGUAGE_NAMES.get(source.language, source.language)
        return [
            f"no hay una guía en español con translationKey «{source.translation_key}»: se "
            f"crea solo en {name}, en {guide_url(guide.slug, source.language)}; las páginas "
            "en español (lista, búsqueda, feeds) no la muestran hasta que se importe su "
            "archivo en español."
        ]
    if source.slug and source.slug != guide.slug:
        return [
            f"«slug» «{source.slug}» no se usa: la guía tiene una sola URL en cada idioma, "
            f"{guide_url(guide.slug, source.language)}, la que da su archivo en español."
        ]
    if source.language == DEFAULT_LANGUAGE and status == UPDATED and not had_spanish:
        moved = (
            f"; su «slug» cambia de «{old_slug}» a «{guide.slug}» en todos los idiomas"
            if old_slug != guide.slug
            else ""
        )
        return [
            f"la guía «{guide.title_en or guide.translation_key}» estaba solo en otro idioma: "
            f"ahora también en español, en {guide_url(guide.slug, DEFAULT_LANGUAGE)}{moved}."
        ]
    return []


def guide_files(paths) -> list[tuple[Path, str | None]]:
    """(file, the language its folder gives) for every .md file named or inside the
    folders named (and their subfolders, as in a Hugo ``content/`` tree), Spanish first.

    Only the folders the person named count for the language (a folder argument's own name
    and those below it; a file argument's folders as written), never those above them: a
    site kept in ``/srv/en/`` is not English for that.
    """
    found = {}
    for path in map(Path, paths):
        if path.is_dir():
            for file in sorted(path.rglob("*.md")):
                folders = (path.name, *file.relative_to(path).parent.parts)
                found.setdefault(file, folder_language(folders))
        else:
            found.setdefault(path, folder_language(path.parent.parts))

    def order(item):
        path, folder = item
        language = _language_from_name(path) or folder or DEFAULT_LANGUAGE
        return (language != DEFAULT_LANGUAGE, str(path))

    return sorted(found.items(), key=order)


def guide_paths(paths):
    return [path for path, _folder in guide_files(paths)]


def starter_guide_paths():
    return guide_paths([STARTER_GUIDES_DIR])
