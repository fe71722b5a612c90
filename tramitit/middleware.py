"""The site's HTTP caching policy, in one place (docs/adr/0003-edge-caching.md).

A public page is the same for everyone who asks for the same URL: the language is in the
path and every answer travels in the query string. So a shared cache (nginx, a CDN) may keep
it. The policy is decided here for every response rather than by decorators on each view:

- a view that sets ``Cache-Control`` itself keeps it (the admin, draft previews, healthz);
- a 200 answer to GET or HEAD that sets no cookie and does not vary on Cookie (so it used
  neither the session nor a CSRF token) is ``public, max-age=PAGE_CACHE_SECONDS``, with its
  ETag computed here, once, so the page cache stores it with the page;
- anything else (errors, redirects, pages with a form that posts) is never cached.
"""

from functools import cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.middleware.cache import UpdateCacheMiddleware as BaseUpdateCacheMiddleware
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    has_vary_header,
    patch_cache_control,
    set_response_etag,
)
from django_minify_html.middleware import MinifyHtmlMiddleware as BaseMinifyHtmlMiddleware


class CachePolicyMiddleware:
    """Marks each response public or never-cached; must sit above (before, in MIDDLEWARE)
    every middleware that adds a cookie or a Vary header: sessions, locale, CSRF."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # The open-data API reads Accept-Language on unprefixed paths (insurance/api/http.py).
        if _language_only_from_path(request) and not getattr(response, "varies_on_language", False):
            remove_vary_header(response, "Accept-Language")
        if request.method not in ("GET", "HEAD") or response.has_header("Cache-Control"):
            return response
        personal = bool(response.cookies) or has_vary_header(response, "Cookie")
        if response.status_code == 200 and not personal:
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_SECONDS)
            if not response.streaming and not response.has_header("ETag"):
                set_response_etag(response)
        else:
            add_never_cache_headers(response)
        return response


def _language_only_from_path(request) -> bool:
    """True when Accept-Language cannot change a response.

    With ``i18n_patterns(..., prefix_default_language=False)`` Django's LocaleMiddleware takes
    the language from the path: ``/en/...`` is English and every other path is
    LANGUAGE_CODE, whatever the browser asks for. It still adds ``Vary: Accept-Language`` to
    unprefixed paths, which would make shared caches keep one copy per browser language of
    the same Spanish page.
    """
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    patterns_used, prefixed_default = is_language_prefix_patterns_used(urlconf)
    return patterns_used and not prefixed_default


def remove_vary_header(response, header: str) -> None:
    """The reverse of django.utils.cache.patch_vary_headers, for one header."""
    if not response.has_header("Vary"):
        return
    kept = [
        value
        for value in cc_delim_re.split(response["Vary"])
        if value and value.lower() != header.lower()
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def keep_out_of_page_cache(response):
    """This answer is one point in an unbounded space (a typed pay, age, date or search):
    the shared page cache does not keep it, so unique URLs cannot push out the pages many
    people ask for. It stays public: a browser, nginx or a CDN may still keep it."""
    response.keep_out_of_page_cache = True
    return response


class UpdateCacheMiddleware(BaseUpdateCacheMiddleware):
    """Django's page cache, minus the answers ``keep_out_of_page_cache`` marks."""

    def _should_update_cache(self, request, response):
        if getattr(response, "keep_out_of_page_cache", False):
            return False
        return super()._should_update_cache(request, response)


class MinifyHtmlMiddleware(BaseMinifyHtmlMiddleware):
    """django-minify-html, switched by ``MINIFY_HTML`` (on in production, off while DEBUG so
    the HTML a developer or a test reads is the template's own)."""

    def should_minify(self, request, response) -> bool:
        return settings.MINIFY_HTML and super().should_minify(request, response)


# What a view or a template can do to change one response's policy (django-csp 4).
CSP_OVERRIDES = tuple(
    f"_csp_{part}{suffix}"
    for part in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp, with the site's policy built once: building the header from the
    directives, twice a response, was a thirtieth of a result page's time (issue 15).
    A response whose policy is its own (a nonce, a decorator) goes through django-csp."""

    def process_response(self, request, response):
        headers = site_policy_headers()
        if (
            headers is None
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in CSP_OVERRIDES)
        ):
            return super().process_response(request, response)
        if settings.DEBUG and response.status_code in (404, 500):
            return response  # django-csp leaves Django's debug pages alone
        for header, policy in headers:
            if policy and header not in response:
                response[header] = policy
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


@cache
def site_policy_headers() -> tuple[tuple[str, str], ...] | None:
    """(header, policy) as django-csp builds them from the settings; None when a policy
    excludes some paths, which only django-csp's own path handles."""
    policies = (
        getattr(settings, "CONTENT_SECURITY_POLICY", None) or {},
        getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None) or {},
    )
    if any(policy.get("EXCLUDE_URL_PREFIXES") for policy in policies):
        return None
    return ((HEADER, build_policy()), (HEADER_REPORT_ONLY, build_policy(report_only=True)))


@receiver(setting_changed)
def _forget_the_policy(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        site_policy_headers.cache_clear()
