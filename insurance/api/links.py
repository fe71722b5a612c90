"""Links from the HTML pages to their JSON twins (kept apart from the API's views, which
import the pages' own constants)."""

from tramitit.links import reverse_cached


def twin_url(request, name: str, **kwargs) -> str:
    """The API endpoint ``name`` with this page's query string: the same answer, as JSON."""
    url = reverse_cached(f"api:{name}", **kwargs)
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url
