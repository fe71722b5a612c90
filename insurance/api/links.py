"""Links from the HTML pages to their JSON twins (kept apart from the API's views, which
import the pages' own constants)."""

from functools import lru_cache

from django.urls import reverse
from django.utils.translation import get_language


def twin_url(request, name: str, **kwargs) -> str:
    """The API endpoint ``name`` with this page's query string: the same answer, as JSON."""
    url = _endpoint(get_language(), name, tuple(sorted(kwargs.items())))
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@lru_cache(maxsize=256)
def _endpoint(language: str, name: str, kwargs: tuple) -> str:
    """reverse() is a tenth of a millisecond through the API's namespace; the endpoints a
    page links to are a handful per language (``language`` is part of the key)."""
    return reverse(f"api:{name}", kwargs=dict(kwargs))
