"""Settings for tramitit, read from the environment (12-factor).

Local use needs nothing: SQLite in the project folder, DEBUG on. Production sets
DEBUG=false, SECRET_KEY and ALLOWED_HOSTS, and the site refuses to start without a secret.
"""

import os
from datetime import date, timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation must come before admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_ratelimit",
    "reversion",
    "insurance",
    "guides",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "tramitit.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTTP caching (docs/adr/0003-edge-caching.md). Responses travel up this list: the policy
    # sees the cookies and Vary headers that sessions, locale and CSRF add below it; the page
    # cache stores what the policy made public (minified, with its ETag); 304s come last.
    "django.middleware.http.ConditionalGetMiddleware",
    "tramitit.middleware.UpdateCacheMiddleware",
    "tramitit.middleware.CachePolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A cached page is answered here, once the language is known, before any other work.
    "django.middleware.cache.FetchFromCacheMiddleware",
    "tramitit.middleware.MinifyHtmlMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tramitit.urls"
WSGI_APPLICATION = "tramitit.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tramitit.context_processors.navigation",
                "tramitit.context_processors.page_meta",
            ],
        },
    },
    # The page frame and the hot result pages (tramitit/jinja.py, docs/adr/0008).
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "tramitit.jinja.environment",
            "context_processors": ["tramitit.context_processors.navigation"],
        },
    },
]

# DATABASE_URL selects PostgreSQL (or anything dj-database-url reads); set-but-empty counts
# as unset, because dj-database-url raises on "".
DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", BASE_DIR / "db.sqlite3"),
        }
    }

# REDIS_URL (e.g. redis://127.0.0.1:6379/0) puts the cache in Redis, Django's own backend, so
# every app server shares it; without it each process keeps its own copy in memory, which is
# never more than a copy of what the database says. Sessions stay in the database (Django's
# default): a login works on any server and survives a cache flush.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    _CACHE = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
else:
    _CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
CACHES = {
    "default": {**_CACHE, "KEY_PREFIX": "tramitit"},
    # Whole public pages (tramitit.middleware, docs/adr/0003-edge-caching.md). A dummy while
    # DEBUG is on, so a developer and the tests always see the templates and data as they are.
    # It keeps only pages whose query string holds no free-form answer (a typed amount, age,
    # date or search: tramitit.middleware.keep_out_of_page_cache), so a stream of unique
    # calculator results cannot push the plan pages out. What it may keep is bounded by the
    # content: about 1,500 pages (plans, guides, every checklist step and case) in two
    # languages, two keys each; in memory it holds 5,000 keys (Django's default, 300, was
    # culled by the checklists alone), in Redis set maxmemory (docs/deploy.md).
    "pages": (
        {
            **_CACHE,
            "LOCATION": _CACHE.get("LOCATION", "pages"),
            "KEY_PREFIX": "tramitit-pages",
            **({} if REDIS_URL else {"OPTIONS": {"MAX_ENTRIES": 5000}}),
        }
        if not DEBUG
        else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    ),
}
CACHE_MIDDLEWARE_ALIAS = "pages"
# How long browsers, shared caches (nginx, a CDN) and the page cache keep a public page. The
# content changes a few times a day, by an editor or a deploy: five minutes takes nearly all
# the reads off the app servers, and a correction is public within ten (page cache + edge).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
CACHE_MIDDLEWARE_SECONDS = PAGE_CACHE_SECONDS
# HTML is minified in production (django-minify-html), left as written while DEBUG is on.
MINIFY_HTML = env_bool("MINIFY_HTML", not DEBUG)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes counts failed logins before the usual backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# How many reverse proxies of ours stand in front of the app (nginx, a load balancer): the
# client is the hop they saw (tramitit/clients.py). 0 trusts only the socket's address.
try:
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0") or "0")
except ValueError as error:
    raise ImproperlyConfigured("PROXY_COUNT must be a whole number (0, 1, 2...).") from error
if PROXY_COUNT < 0:
    raise ImproperlyConfigured("PROXY_COUNT cannot be negative.")

# Admin login rate limit: after 5 failures from one address, or for one username from any
# address, further tries wait 15 minutes (rotating addresses does not help; the price is that
# a stranger can make an editor wait, never get in).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_CLIENT_IP_CALLABLE = "tramitit.clients.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False

# The public suggestion form: at most SUGGESTION_RATE posts per client address (the same
# address as the lockout), counted by django-ratelimit in the default cache (never `pages`,
# a dummy while DEBUG is on). With REDIS_URL the count is shared by every process; Django's
# own Redis backend increments atomically (INCR) but is missing from django-ratelimit 4.1's
# list of known backends (W001). Without Redis each process counts on its own (E003): exact
# for runserver and the tests, looser by the number of gunicorn workers in production, where
# deploy/nginx.conf's limit_req is the shared limit in front.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "tramitit.clients.client_address"
SUGGESTION_RATE = "10/h"
SILENCED_SYSTEM_CHECKS = [
    "django_ratelimit.W001",
    *([] if REDIS_URL else ["django_ratelimit.E003"]),
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "es"
LANGUAGES = [("es", _("Español")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "es"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("es",)
LOCALE_PATHS = [BASE_DIR / "locale"]
# The admin's translation tabs need jQuery UI; serve our copy, never a CDN's.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
TIME_ZONE = "America/Lima"
USE_I18N = True
FORMAT_MODULE_PATH = ["tramitit.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed names let browsers cache CSS for a year, and our CSS is minified; both need
        # collectstatic, so the local run and the tests keep the plain storage.
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "tramitit.storage.MinifiedManifestStaticFilesStorage"
        ),
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Guides: markdown rendered once at save (guides.markdown). Python-Markdown's raw HTML is
# switched off by our extension and sanitising is ours (guides.sanitize, nh3), so
# markdownify's bleach pass is off here.
MARKDOWNIFY = {
    "guides": {
        "BLEACH": False,
        "MARKDOWN_EXTENSIONS": [
            "markdown.extensions.tables",
            "markdown.extensions.fenced_code",
            "markdown.extensions.sane_lists",
            "markdown.extensions.toc",
            "guides.markdown",
        ],
        "MARKDOWN_EXTENSION_CONFIGS": {"markdown.extensions.toc": {"toc_depth": "2-4"}},
    }
}

# Production hardening: everything below only bites when DEBUG is off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# "Today" for the dated rules; set RULES_DATE=YYYY-MM-DD to preview a future change.
RULES_DATE = None
if os.environ.get("RULES_DATE"):
    try:
        RULES_DATE = date.fromisoformat(os.environ["RULES_DATE"])
    except ValueError as error:
        raise ImproperlyConfigured("RULES_DATE must be a date written YYYY-MM-DD.") from error

# The admin lives at a configurable path so it is not where bots look first.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

# Content-Security-Policy (django-csp 4): scripts only from our own origin, never inline.
# JSON-LD blocks are data, not scripts, so CSP leaves them alone. Styles allow inline
# attributes because the Django admin uses them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
