"""Security: headers on every response, production settings, the admin login rate limit."""

import os
import pwd
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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


def _policy_of(view, middleware_class=None, **settings_changes):
    from django.http import HttpResponse
    from django.test import RequestFactory, override_settings

    from tramitit.middleware import CSPMiddleware

    with override_settings(**settings_changes):
        get_response = lambda request: view(request) or HttpResponse("<p>x</p>")  # noqa: E731
        middleware = (middleware_class or CSPMiddleware)(get_response)
        response = middleware(RequestFactory().get("/"))
    return response.get("Content-Security-Policy"), response.get(
        "Content-Security-Policy-Report-Only"
    )


def test_the_policy_built_once_is_django_csps_own_and_follows_the_settings():
    from csp.utils import build_policy

    assert _policy_of(lambda request: None) == (build_policy(), None)
    stricter = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert _policy_of(
        lambda request: None,
        CONTENT_SECURITY_POLICY=stricter,
        CONTENT_SECURITY_POLICY_REPORT_ONLY=stricter,
    ) == ("default-src 'none'", "default-src 'none'")
    assert _policy_of(lambda request: None) == (build_policy(), None)  # and back


def test_a_response_with_a_policy_of_its_own_keeps_it():
    from csp.constants import NONCE
    from csp.decorators import csp_update
    from django.http import HttpResponse

    @csp_update({"img-src": ["https://example.org"]})
    def view(request):
        return HttpResponse("<p>x</p>")

    enforced, _ = _policy_of(view)
    assert "img-src 'self' data: https://example.org" in enforced

    # A nonce asked for goes through django-csp, which adds it where the settings say.
    nonces = {"DIRECTIVES": {"script-src": ["'self'", NONCE]}}

    def with_nonce(request):
        return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")

    enforced, _ = _policy_of(with_nonce, CONTENT_SECURITY_POLICY=nonces)
    assert "script-src 'self' 'nonce-" in enforced


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


# --- The trusted client address (tramitit/clients.py) and the lockout keyed on it ---------

CLIENT_ADDRESSES = [
    # (PROXY_COUNT, REMOTE_ADDR, X-Forwarded-For, the client)
    (0, "203.0.113.7", None, "203.0.113.7"),
    (0, "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # no proxy: the header is a lie
    (1, "10.0.0.2", "203.0.113.7", "203.0.113.7"),  # nginx appended the client
    (1, "10.0.0.2", "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # left part is the client's
    (1, "10.0.0.2", "not-an-ip, 203.0.113.7", "203.0.113.7"),
    (1, "10.0.0.2", None, "10.0.0.2"),  # reached the app without the proxy
    (1, "10.0.0.2", "<script>", "10.0.0.2"),  # garbage where the proxy's entry should be
    (2, "10.0.0.2", "198.51.100.1, 203.0.113.7, 10.0.0.9", "203.0.113.7"),  # LB, then nginx
    (2, "10.0.0.2", "203.0.113.7", "10.0.0.2"),  # fewer entries than proxies
    (1, "10.0.0.2", " 2001:db8::1 ", "2001:db8::1"),
    (0, "", None, "0.0.0.0"),  # no address known (a Unix socket): one shared count
]


@pytest.mark.parametrize(("proxies", "remote", "forwarded", "expected"), CLIENT_ADDRESSES)
def test_the_client_address_trusts_only_our_proxies(
    rf, settings, proxies, remote, forwarded, expected
):
    from tramitit.clients import client_address

    settings.PROXY_COUNT = proxies
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    assert client_address(rf.get("/", REMOTE_ADDR=remote, **headers)) == expected


def test_axes_and_the_rate_limit_use_our_client_address():
    assert settings.AXES_CLIENT_IP_CALLABLE == "tramitit.clients.client_address"
    assert settings.RATELIMIT_IP_META_KEY == "tramitit.clients.client_address"


@pytest.mark.parametrize("value", ["-1", "uno"])
def test_a_bad_proxy_count_stops_the_start_up(value):
    env = {**os.environ, **PRODUCTION_ENV, "PROXY_COUNT": value}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "tramitit.settings"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "PROXY_COUNT" in result.stderr


BAD_TRIES = 20


def try_logins(client, tries, *, username="editora", remote=lambda n: "203.0.113.7", xff=None):
    login = reverse("admin:login")
    statuses = []
    for n in range(tries):
        headers = {"REMOTE_ADDR": remote(n)}
        if xff is not None:
            headers["HTTP_X_FORWARDED_FOR"] = xff(n)
        statuses.append(
            client.post(login, {"username": username, "password": f"mala-{n}"}, **headers)
        )
    return [response.status_code for response in statuses]


def logs_in(client, *, username="editora", **headers) -> bool:
    response = client.post(
        reverse("admin:login"), {"username": username, "password": "la-buena-clave-2026"}, **headers
    )
    return response.status_code == 302 and "_auth_user_id" in client.session


@pytest.fixture
def editors(django_user_model):
    for name in ("editora", "otra"):
        django_user_model.objects.create_user(name, password="la-buena-clave-2026", is_staff=True)


def test_a_new_x_forwarded_for_on_each_try_does_not_reset_the_count(client, editors):
    statuses = try_logins(client, BAD_TRIES, xff=lambda n: f"198.51.100.{n + 1}")
    assert statuses[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(statuses[settings.AXES_FAILURE_LIMIT - 1 :]) == {429}
    assert not logs_in(client, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.99")
    # Another user from the same connection is locked out too: the address is what counts.
    assert not logs_in(client, username="otra", REMOTE_ADDR="203.0.113.7")


def test_behind_one_proxy_the_real_client_is_locked_and_others_are_not(client, settings, editors):
    settings.PROXY_COUNT = 1
    proxy = "10.0.0.2"  # every request reaches the app from nginx
    statuses = try_logins(
        client, BAD_TRIES, remote=lambda n: proxy, xff=lambda n: f"198.51.100.{n + 1}, 203.0.113.7"
    )
    assert statuses[-1] == 429
    spoofed = {"REMOTE_ADDR": proxy, "HTTP_X_FORWARDED_FOR": "192.0.2.50, 203.0.113.7"}
    assert not logs_in(client, **spoofed)
    # Someone else behind the same proxy, with another account, still gets in.
    assert logs_in(client, username="otra", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="192.0.2.8")


def test_rotating_real_addresses_still_locks_the_username(client, editors):
    statuses = try_logins(client, BAD_TRIES, remote=lambda n: f"198.51.100.{n + 1}")
    assert statuses[-1] == 429
    assert not logs_in(client, REMOTE_ADDR="192.0.2.200")
    assert logs_in(client, username="otra", REMOTE_ADDR="192.0.2.200")


# --- deploy/nginx.conf: valid, and its limit on the suggestion form's posts -----------------

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


class _Upstream(BaseHTTPRequestHandler):
    """Stands in for gunicorn: 200 to anything."""

    def _answer(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    do_GET = do_POST = _answer

    def log_message(self, *args):
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def nginx(tmp_path):
    """deploy/nginx.conf with its placeholders filled for loopback (as benchmarks/server.py
    does), checked with ``nginx -t`` and running in front of a stand-in upstream."""
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (apt-get install -y nginx-light)")
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), _Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    port = free_port()
    values = {
        "USER": pwd.getpwuid(os.getuid()).pw_name,
        "WORKERS": "1",
        "PREFIX": str(tmp_path),
        "ERROR_LOG": str(tmp_path / "error.log"),
        "ACCESS_LOG": "off",
        "MIME_TYPES": "/etc/nginx/mime.types",
        "LISTEN": f"127.0.0.1:{port}",
        "UPSTREAM": f"127.0.0.1:{upstream.server_address[1]}",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    config = tmp_path / "nginx.conf"
    config.write_text(text)
    checked = subprocess.run([NGINX, "-t", "-c", str(config)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([NGINX, "-c", str(config), "-g", "daemon off;"])
    try:
        for _ in range(50):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        upstream.shutdown()


def status_of(url: str, *, data: bytes | None = None) -> int:
    try:
        with urllib.request.urlopen(url, data=data, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_nginx_limits_posts_to_the_suggestion_form_only(nginx):
    form = f"{nginx}/guias/afiliar-familiar-essalud/sugerir-proveedor/"
    posts = [status_of(form, data=b"nombre=x") for _ in range(30)]
    # 20 at once (the burst) and the one the rate allows, then nginx's 429.
    assert posts[:21] == [200] * 21 and set(posts[21:]) == {429}, posts
    assert status_of(f"{nginx}/en/guias/otra/sugerir-proveedor/", data=b"x") == 429
    assert [status_of(form) for _ in range(5)] == [200] * 5  # reading the form is free
    assert status_of(f"{nginx}/calculadora/", data=b"x") == 200  # other posts are not limited
