"""The sentences the rules say to people, translatable without Django (ADR 6).

A rule never returns a finished string for people: it returns a ``Text``, the Spanish
sentence as a msgid with ``%(name)s`` placeholders and the values that fill them, built
with the marker ``_`` (``ngettext`` where a count decides the form, ``pgettext`` for a
word that needs a context), so ``makemessages`` extracts the msgids from these files as it
does from the rest of the site. ``str(text)`` gives the sentence in the active language
through the hooks: without Django they give Spanish, as the msgids are written; Django
installs gettext and its date formats in ``insurance.apps``. Values are shown when the
sentence is: a nested Text or Date in the same language, anything else with ``str``, so
money and rates are written when the sentence is built (``S/ 1,025.00`` and ``9%`` read the
same in both languages). A ``Date`` is a day shown in the active language's format.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from .memo import memo

# Django's format names, so the site's format modules decide how a date reads.
DAY = "DATE_FORMAT"  # 1 de octubre de 2026 / 1 October 2026
MONTH = "YEAR_MONTH_FORMAT"  # octubre de 2026 / October 2026
SHORT_DAY = "SHORT_DATE_FORMAT"  # 01/10/2026

MONTH_NAMES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip


def spanish_date(day: date, format_name: str) -> str:
    """How the rules write a date without Django: as Django's ``es`` formats do."""
    month = f"{MONTH_NAMES[day.month - 1]} de {day.year}"
    return {DAY: f"{day.day} de {month}", MONTH: month, SHORT_DAY: f"{day:%d/%m/%Y}"}[format_name]


@dataclass(frozen=True)
class Hooks:
    """What turns a Text into words: gettext's three look-ups, the active language (for
    texts that carry their own translations) and a date formatter by format name."""

    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]
    pgettext: Callable[[str, str], str]
    language: Callable[[], str | None]
    format_date: Callable[[date, str], str]


SPANISH = Hooks(
    gettext=lambda msgid: msgid,
    ngettext=lambda singular, plural, number: singular if number == 1 else plural,
    pgettext=lambda context, msgid: msgid,
    language=lambda: "es",
    format_date=spanish_date,
)
_hooks = SPANISH


def install(hooks: Hooks) -> Hooks:
    """Show every Text through ``hooks`` from now on; returns the hooks it replaces."""
    global _hooks
    previous, _hooks = _hooks, hooks
    return previous


def current() -> Hooks:
    return _hooks


@dataclass(frozen=True)
class Text:
    """A sentence for people: a Spanish msgid and the named values of its placeholders.

    ``plural`` and ``number`` make it an ngettext; ``context`` a pgettext. ``translations``
    are the sentence in other languages when it comes with them (``parameters.yaml``):
    they win over the catalogue, and Spanish is the msgid itself.
    """

    msgid: str
    args: tuple[tuple[str, object], ...] = ()
    plural: str = ""
    number: int = 0
    context: str = ""
    translations: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return _shown(_hooks, _hooks.language(), self)

    def _shown(self) -> str:
        template = self._template()
        if not self.args:
            return template
        return template % {name: str(value) for name, value in self.args}

    def _template(self) -> str:
        if self.translations:
            language = (_hooks.language() or "").split("-")[0]
            own = dict(self.translations).get(language)
            if own is not None:
                return own
        if self.plural:
            return _hooks.ngettext(self.msgid, self.plural, self.number)
        if self.context:
            return _hooks.pgettext(self.context, self.msgid)
        return _hooks.gettext(self.msgid)


@memo(maxsize=4096)  # short sentences: well under 2 MB when full
def _shown(hooks: Hooks, language: str | None, text: Text) -> str:
    """A sentence as shown, kept by hooks, language and text (issue 15): a result page shows
    the same few dozen sentences to everyone who asks about the same month; each is a
    catalogue look-up through Django's thread-locals, then its values, each another."""
    return text._shown()


@dataclass(frozen=True)
class Date:
    """A day as the active language writes it, in one of Django's formats (DAY, MONTH...)."""

    day: date
    format_name: str = DAY

    def __str__(self) -> str:
        return _hooks.format_date(self.day, self.format_name)


# What a rule gives where a person reads it.
Translatable = Text | Date


def _(msgid: str, /, **args) -> Text:
    """The marker: a sentence to translate (xgettext's default keyword). ``msgid`` is a
    literal, so xgettext finds it; with values, a literal "%" in it is written "%%"."""
    return Text(msgid, tuple(args.items()))


def ngettext(singular: str, plural: str, number: int, /, **args) -> Text:
    """A sentence whose form depends on ``number`` (a whole count)."""
    return Text(singular, tuple(args.items()), plural=plural, number=number)


def pgettext(context: str, msgid: str, /, **args) -> Text:
    """A short word whose meaning needs ``context`` to translate (Django's keyword)."""
    return Text(msgid, tuple(args.items()), context=context)


def given(spanish: str, **translations: str) -> Text:
    """A text that comes with its translations (``given("Nota.", en="Note.")``): from data,
    so no catalogue has it."""
    return Text(spanish, translations=tuple(translations.items()))


def join_commas(items: Iterable[Text]) -> Text:
    """``a, b, c``: a list in a sentence, each piece translated."""
    first, *rest = items
    for item in rest:
        first = _("%(list)s, %(item)s", list=first, item=item)
    return first


def join_and(items: Iterable[Text]) -> Text:
    """``a``, ``a y b``, ``a, b y c``."""
    *head, last = items
    if not head:
        return last
    return _("%(list)s y %(last)s", list=join_commas(head), last=last)


def sentences(*texts: Text) -> Text:
    """Whole sentences side by side, each translated on its own: the msgid is only their
    placeholders, unmarked, so no catalogue has it and gettext gives it back as it is."""
    names = [f"s{index}" for index in range(len(texts))]
    return Text(" ".join(f"%({name})s" for name in names), tuple(zip(names, texts, strict=True)))
