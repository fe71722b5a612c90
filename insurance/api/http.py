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
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
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


def json_methods(urls):
    """django-ninja answers a method no operation takes with Django's text/html 405. Every
    answer of the API is JSON: HEAD is answered as GET without its body, and any other
    method gets a JSON 405 naming GET."""
    patterns, app_name, namespace = urls
    for pattern in patterns:
        pattern.callback = _only_get(pattern.callback)
    return patterns, app_name, namespace


def _only_get(view):
    @wraps(view)
    def answer(request, *args, **kwargs):
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        response = view(request, *args, **kwargs)
        if head:
            request.method = "HEAD"
            response.content = b""
        elif response.status_code == 405:
            response = JsonResponse(
                {"detail": _("Esta API solo responde a GET (y HEAD).")}, status=405
            )
            response["Allow"] = "GET, HEAD"
            response["Access-Control-Allow-Origin"] = "*"
        return response

    return answer
