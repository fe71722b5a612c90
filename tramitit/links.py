"""``reverse()`` for the links every answer repeats, kept per language and script prefix.

reverse() costs tens of microseconds through i18n patterns and namespaces, and a result page
links to a dozen fixed pages (home, tools, its plan, its JSON twin...): issue 15 found a
tenth of a checklist case there. A URL depends only on the language prefix, the script
prefix and its arguments, so those are the key; the URL patterns never change while a
process runs.
"""

from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language


def reverse_cached(name: str, *args, **kwargs) -> str:
    return reverse_in(
        get_language(), get_script_prefix(), name, args, tuple(sorted(kwargs.items()))
    )


@lru_cache(maxsize=4096)
def reverse_in(language: str, prefix: str, name: str, args: tuple, kwargs: tuple) -> str:
    """reverse() as ``language`` and ``prefix`` (the active ones: they are the key)."""
    return reverse(name, args=args, kwargs=dict(kwargs))
