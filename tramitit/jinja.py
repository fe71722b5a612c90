"""The Jinja2 environment of the page frame and the hot result pages (issue 15, ADR 8 and 9).

A calculator result, a wizard outcome and a checklist case are answers nobody asked before:
each is rendered for one person and never served from the page cache. Django's template
engine spent about half of such an answer walking its nodes, so these pages are Jinja2
templates (``templates/jinja2/``), compiled to Python. They extend the one page frame,
``templates/jinja2/base.html``, which Django's pages reach through their ``base.html``
(``{% frame %}``); ``{% jinja %}`` gives Django pages the pieces they share with these
(insurance/templatetags/jinja.py).

The helpers are Django's own, so both engines print the same thing:

- ``_("...")`` is ``{% translate "..." %}``: Django's gettext, the translation printed as
  the site's own text, unescaped, as Django prints a literal's; ``makemessages`` finds it
  (the files are .html);
- ``_("... %(name)s ...")|fill(name=value)`` is ``{% blocktranslate with name=value %}``:
  the translation is the site's own markup, the values are escaped; a blocktranslate
  without values is ``|fill`` alone;
- ``url(name, *args)`` is ``{% url %}`` (kept per language: tramitit/links.py);
- ``date`` is Django's filter, ``capfirst`` Django's kept safe, ``static()`` is
  ``{% static %}``; ``soles``, ``plain`` and ``to_confirm`` are the site's;
- the frame's own (templates/jinja2/base.html): ``language()``, ``page_urls()`` and
  ``language_switch()`` (tramitit/frame.py).
"""

import datetime
from collections import defaultdict
from functools import lru_cache, partial

from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import get_script_prefix
from django.utils.translation import get_language, gettext
from jinja2 import ChainableUndefined, Environment, Template
from markupsafe import Markup

from insurance.rules.memo import memo
from insurance.templatetags.confirm import to_confirm
from insurance.templatetags.plan_text import plain
from insurance.templatetags.soles import soles
from tramitit.frame import language_switch, page_urls
from tramitit.links import reverse_in


class Page(Template):
    """A template whose every render binds ``_`` and ``url`` to the language and script
    prefix active when it starts; its includes share them. A result page asks for some
    sixty translations and links, and each Django ``get_language()`` walks asgiref's
    thread-locals (issue 15)."""

    def render(self, *args, **kwargs) -> str:
        return super().render({**dict(*args, **kwargs), **_helpers()})


def _helpers() -> dict:
    language, prefix = get_language(), get_script_prefix()
    # Kept per language: the messages are the templates' literals, so few.
    kept = _translations[language]

    def translate(message: str) -> Markup:
        try:
            return kept[message]
        except KeyError:
            kept[message] = translation = Markup(gettext(message))
            return translation

    def url(name: str, *args, **kwargs) -> str:
        return reverse_in(language, prefix, name, args, tuple(sorted(kwargs.items())))

    return {"_": translate, "url": url}


_translations: defaultdict[str, dict[str, Markup]] = defaultdict(dict)


def kept(environment: Environment, name: str, **values) -> Markup:
    """``{% include name %}`` with only ``values``, rendered once per language, script
    prefix and values, for a piece that depends on nothing else: the figures in force in a
    month, which every calculator result of that month and regime shows (issue 15)."""
    return _kept(environment, get_language(), get_script_prefix(), name, tuple(values.items()))


@memo(maxsize=512)
def _kept(environment, language, prefix, name, values) -> Markup:
    return Markup(environment.get_template(name).render(dict(values)))


@lru_cache(maxsize=256)
def static_url(path: str) -> str:
    """``{% static %}``, kept: the storage's manifest is read once per process anyway, and
    every page asks for its three or four files."""
    return static(path)


def fill(message: str, **values) -> Markup:
    """A translated message with its placeholders filled, as ``blocktranslate`` does."""
    return Markup(message) % values  # always, as Django does: "%%" is a literal "%"


def date(value, format_name=None) -> str:
    """Django's ``date`` filter; a day (not a time, which depends on the time zone) is
    written once per format and language: Django looks the format up in the active
    language's modules each time, a hundredth of a result page (issue 15)."""
    if type(value) is not datetime.date:
        return defaultfilters.date(value, format_name)
    return _written(value, format_name, get_language())


@lru_cache(maxsize=1024)
def _written(day, format_name, language) -> str:
    return defaultfilters.date(day, format_name)


def capfirst(value) -> str:
    """Django's capfirst, keeping markup safe (Django's would turn a Markup into plain text,
    which Jinja2 would then escape a second time)."""
    text = value if isinstance(value, str) else str(value)
    return text[:1].upper() + text[1:]


def environment(**options) -> Environment:
    # Chainable: a missing value prints nothing, as in Django's templates, even dotted.
    env = Environment(**{**options, "undefined": ChainableUndefined})
    env.template_class = Page
    env.globals.update(
        kept=partial(kept, env),
        static=static_url,
        language=get_language,
        page_urls=page_urls,
        language_switch=language_switch,
        to_confirm=to_confirm,
    )
    env.filters.update(fill=fill, date=date, capfirst=capfirst, soles=soles, plain=plain)
    return env
