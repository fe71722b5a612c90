"""What every answer of the open-data API carries, whatever the endpoint.

- ``Access-Control-Allow-Origin: *``: any site may read it from a browser (the API only
  answers GET; nothing it returns is personal, and it never reads or sets a cookie).
- Cacheable like the pages: ``tramitit.middleware.CachePolicyMiddleware`` makes a 200
  public with an ETag; an answer to typed values stays out of the server's page cache.
- The language: the path's (``/en/api/v1/``), or, on the unprefixed path, the one a client
  asks for with ``Accept-Language`` (the pages take it from the path alone, so a link is
  always in its language; a program sends a header). That answer varies on the header.
"""

from functools import wraps

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import (
    get_supported_language_variant,
    parse_accept_lang_header,
)

from tramitit.middleware import keep_out_of_page_cache


def header_language(request) -> str | None:
    """The first supported language of ``Accept-Language``, or None."""
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            return None
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return None


def open_data(view):
    """Wraps an API operation (``ninja.decorators.decorate_view``), errors included."""

    @wraps(view)
    def answer(request, *args, **kwargs):
        if translation.get_language_from_path(request.path_info):
            response = view(request, *args, **kwargs)
        else:
            language = header_language(request) or settings.LANGUAGE_CODE
            with translation.override(language):
                response = view(request, *args, **kwargs)
            response["Content-Language"] = language
            patch_vary_headers(response, ["Accept-Language"])
            response.varies_on_language = True  # kept by CachePolicyMiddleware
        response["Access-Control-Allow-Origin"] = "*"
        if request.GET:
            keep_out_of_page_cache(response)  # typed values, as the HTML results
        return response

    return answer
