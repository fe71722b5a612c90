"""Security: headers on every response, production settings, the admin login rate limit."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "test-only-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ",
    "ALLOWED_HOSTS": "example.org",
    "DATABASE_URL": "",
}
PAGES = ["/", "/seguros/regular/", "/calculadora/", "/que-seguro-me-corresponde/", "/guias/"]


def production(code):
    env = {**os.environ, **PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "tramitit.settings"}
    return subprocess.run(
        [sys.executable, *code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("path", [*PAGES, "/no-existe/", "/admin/login/"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'self'" in script_src
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_scripts_but_json_ld(client, path):
    html = client.get(path).content.decode()
    for chunk in html.split("<script")[1:]:
        tag = chunk.split(">", 1)[0]
        assert "src=" in tag or 'type="application/ld+json"' in tag, tag


def test_hsts_is_sent_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_production_settings_are_safe():
    result = production(
        [
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
            "s.SESSION_COOKIE_HTTPONLY, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS > 0)",
        ]
    )
    assert result.stdout.split() == ["False", "True", "True", "True", "True", "True"]


def test_check_deploy_prints_nothing_with_production_settings():
    result = production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr


def test_production_refuses_to_start_without_a_secret():
    env_without_secret = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**os.environ, **env_without_secret, "DJANGO_SETTINGS_MODULE": "tramitit.settings"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_admin_url_is_configurable():
    assert reverse("admin:index") == f"/{settings.ADMIN_URL}"


def test_repeated_failed_admin_logins_are_locked_out(client, django_user_model):
    django_user_model.objects.create_user("editora", password="la-buena-clave-2026", is_staff=True)
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(login, {"username": "editora", "password": "mala"})
        assert response.status_code == 200
    locked = client.post(login, {"username": "editora", "password": "mala"})
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Demasiados intentos fallidos" in html
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"durante {minutes} minutos" in html
    # Locked out means locked out: even the right password waits.
    right = client.post(login, {"username": "editora", "password": "la-buena-clave-2026"})
    assert right.status_code == 429
