"""The edge tier (docs/adr/0003-edge-caching.md): every anonymous GET page may be kept by a
shared cache and revalidated with its ETag; personal pages, errors and the admin never are."""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.cache import cc_delim_re

from guides.models import Guide

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
WIZARD_RESULT = (
    "/que-seguro-me-corresponde/resultado/?situacion=dependiente&dependiente=otro&riesgo=no"
    "&bombero=no&familia=conyuge&familia=hijo-menor&monto=3000"
)
PUBLIC = [
    "/",
    "/seguros/",
    "/seguros/regular/",
    "/seguros/vida/",
    "/seguros/regular/requisitos/",
    "/seguros/regular/requisitos/?tramite=inscripcion&familiar=conyuge&matrimonio=peru",
    "/calculadora/",
    "/calculadora/?regimen=regular",
    "/calculadora/resultado/?regimen=sctr-dependiente&periodo=2024-05&monto=1000&nivel_riesgo=2",
    "/calculadora/carencia/resultado/?plan=regular&atencion=2025-06&tipo=accidente",
    "/calculadora/latencia/resultado/?aportes=12",
    "/que-seguro-me-corresponde/",
    "/que-seguro-me-corresponde/situacion/",
    WIZARD_RESULT,
    "/guias/",
    "/guias/?q=afiliar",
    "GUIDE",
    "/en/",
    "/en/seguros/regular/",
    "/guias/atom.xml",
    "/cifras/",
    "/cifras/?fecha=2024-03-15",
    "/cifras/rmv/",
    "/cifras/cambios.xml",
    "/sitemap.xml",
    "/robots.txt",
]


@pytest.fixture(autouse=True)
def fixed_day(settings):
    settings.RULES_DATE = date(2026, 11, 22)


@pytest.fixture
def guide_url():
    return Guide.objects.published().order_by("slug").first().get_absolute_url()


def vary(response) -> set[str]:
    return {v.lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}


def directives(response) -> set[str]:
    return {d.strip().lower() for d in response.get("Cache-Control", "").split(",") if d.strip()}


@pytest.mark.parametrize("url", PUBLIC)
def test_a_public_page_is_cacheable_by_a_shared_cache(client, url, guide_url):
    url = guide_url if url == "GUIDE" else url
    response = client.get(url)
    assert response.status_code == 200
    assert "public" in directives(response)
    assert f"max-age={settings.PAGE_CACHE_SECONDS}" in directives(response)
    assert not response.cookies, "a cookie would make the page personal"
    assert not vary(response) & {"cookie", "accept-language"}
    etag = response["ETag"]

    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_the_language_comes_from_the_path_not_the_browser(client):
    spanish = client.get("/seguros/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    english = client.get("/en/seguros/", HTTP_ACCEPT_LANGUAGE="es-PE,es;q=0.9")
    assert spanish["Content-Language"] == "es"
    assert '<html lang="es">' in spanish.content.decode()
    assert english["Content-Language"] == "en"
    assert '<html lang="en">' in english.content.decode()
    assert "accept-language" not in vary(spanish) | vary(english)
    # Same URL, different browsers: the very same page.
    assert client.get("/seguros/", HTTP_ACCEPT_LANGUAGE="en")["ETag"] == spanish["ETag"]


def test_the_suggestion_form_is_private_and_never_stored(client, guide_url):
    response = client.get(guide_url + "sugerir-proveedor/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)
    assert "public" not in directives(response)
    assert "csrftoken" in response.cookies  # its POST form needs one: that is why


def test_the_admin_is_private(client, admin_client):
    for response in (
        client.get(f"/{settings.ADMIN_URL}login/"),
        client.get(f"/{settings.ADMIN_URL}"),
        admin_client.get(f"/{settings.ADMIN_URL}"),
    ):
        assert "private" in directives(response)
        assert "public" not in directives(response)


def test_a_draft_preview_is_private(client):
    guide = Guide.objects.published().order_by("slug").first()
    Guide.objects.filter(pk=guide.pk).update(draft=True)
    editor = User.objects.create_user("editora", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="view_guide"))
    client.force_login(editor)
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/no-existe/", 404),
        ("/seguros/no-existe/", 404),
        ("/calculadora/resultado/?regimen=regular&periodo=2025-06&monto=abc", 400),
        ("/seguros/regular/requisitos/?tramite=zzz", 400),
        ("/que-seguro-me-corresponde/situacion/?situacion=zzz&enviar=1", 400),
        ("/que-seguro-me-corresponde/situacion/?situacion=dependiente&enviar=1", 302),
        ("/healthz", 200),
    ],
)
def test_errors_redirects_and_healthz_are_never_cached(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert {"private", "no-store", "max-age=0"} <= directives(response)


def test_the_page_cache_answers_repeated_requests_without_the_database(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"},
    }
    caches["pages"].clear()
    first = client.get("/seguros/regular/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/seguros/regular/")
    assert len(queries) == 0
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert "public" in directives(second)
    assert client.get("/seguros/regular/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    # Languages and query strings are kept apart; personal pages and errors are not stored.
    assert client.get("/en/seguros/regular/")["Content-Language"] == "en"
    bad = client.get("/calculadora/resultado/?regimen=regular&periodo=2025-06&monto=abc")
    assert bad.status_code == 400
    guide = Guide.objects.published().order_by("slug").first()
    client.get(guide.get_absolute_url() + "sugerir-proveedor/")
    with CaptureQueriesContext(connection) as queries:
        form = client.get(guide.get_absolute_url() + "sugerir-proveedor/")
    assert form.status_code == 200
    assert len(queries) > 0


FREE_FORM = [
    "/calculadora/resultado/?regimen=regular&periodo=2026-03&monto={n}.50",
    "/calculadora/resultado/?regimen=potestativo&periodo=2025-05&edades=40,{n}",
    "/calculadora/?regimen=regular&monto={n}",
    "/calculadora/latencia/resultado/?aportes={n}",
    "/que-seguro-me-corresponde/resultado/?situacion=pensionista&pension=onp-afp&bombero=no"
    "&familia=nadie&monto={n}",
    "/guias/?q=seguro+{n}",
]


@pytest.mark.parametrize("template", FREE_FORM)
def test_answers_nobody_asked_before_are_not_kept_by_the_page_cache(client, settings, template):
    """Issue 15: unique URLs (a typed pay, age, search) never enter the server's page
    cache, so they cannot push out the plan pages; they stay public for the edge."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "free-form",
            "OPTIONS": {"MAX_ENTRIES": 20},
        },
    }
    pages = caches["pages"]
    pages.clear()
    kept = ["/seguros/regular/", "/seguros/", "/seguros/regular/requisitos/?tramite=inscripcion"]
    for url in kept:
        assert client.get(url).status_code == 200
    stored = len(pages._cache)
    assert stored > 0
    for n in range(36):  # more than MAX_ENTRIES: storing them would cull the kept pages
        response = client.get(template.format(n=n))
        assert response.status_code == 200, template
        assert "public" in directives(response)
    assert len(pages._cache) == stored  # nothing added, nothing culled
    for url in kept:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) == 0, url


def test_middleware_order():
    """The order the policy relies on (tramitit/middleware.py): keep it when adding others."""
    order = settings.MIDDLEWARE
    at = order.index
    assert at("django.middleware.http.ConditionalGetMiddleware") < at(
        "tramitit.middleware.UpdateCacheMiddleware"
    )
    assert at("tramitit.middleware.UpdateCacheMiddleware") < at(
        "tramitit.middleware.CachePolicyMiddleware"
    )
    # Minified once, before the page cache stores it; a cached page is not minified again.
    assert at("django.middleware.cache.FetchFromCacheMiddleware") < at(
        "tramitit.middleware.MinifyHtmlMiddleware"
    )
    for adds_cookie_or_vary in (
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.locale.LocaleMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
    ):
        assert at("tramitit.middleware.CachePolicyMiddleware") < at(adds_cookie_or_vary)
    assert at("django.middleware.locale.LocaleMiddleware") < at(
        "django.middleware.cache.FetchFromCacheMiddleware"
    )


def production_settings(**env) -> dict:
    """CACHES, MINIFY_HTML and friends as a production start-up computes them."""
    code = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps({'caches': s.CACHES, 'minify': s.MINIFY_HTML, "
        "'sessions': s.SESSION_ENGINE}))"
    )
    environment = {
        **{k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}},
        "DJANGO_SETTINGS_MODULE": "tramitit.settings",
        "DEBUG": "false",
        "SECRET_KEY": "test-only-0123456789abcdefghijklmnopqrstuvwxyz-0123456789",
        "PYTHONPATH": str(ROOT),
        **env,
    }
    output = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def test_production_uses_redis_when_redis_url_is_set():
    with_redis = production_settings(REDIS_URL="redis://127.0.0.1:6379/3")
    for alias in ("default", "pages"):
        assert with_redis["caches"][alias]["BACKEND"] == (
            "django.core.cache.backends.redis.RedisCache"
        )
        assert with_redis["caches"][alias]["LOCATION"] == "redis://127.0.0.1:6379/3"
    assert with_redis["minify"] is True
    # Sessions live in the database, shared by every app server, not in a process.
    assert with_redis["sessions"] == "django.contrib.sessions.backends.db"

    alone = production_settings()
    assert alone["caches"]["pages"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    # Bounded, and far above what the content can fill (see the test below).
    assert alone["caches"]["pages"]["OPTIONS"]["MAX_ENTRIES"] == 5000
