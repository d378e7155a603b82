"""Settings for Product Importer, read from the environment (here and in settings_parts/).

Two modes:

* **Embedded** (neither ``DATABASE_URL`` nor ``REDIS_URL`` set): SQLite in ``DATA_DIR``, a
  generated secret key kept there, Dramatiq's ``StubBroker`` with a worker inside the web
  process. Nothing to install or start.
* **Production** (both set): PostgreSQL, a Redis broker, and Dramatiq workers in processes
  of their own (``manage.py rundramatiq``).

Bad values stop the process at start with a message that names the variable.
"""

import ipaddress
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from config.settings_parts.database import postgres_database, sqlite_database
from config.settings_parts.jobs import *  # noqa: F403 - imports, exports, webhook deliveries
from config.settings_parts.logging import logging_config
from core.db_pool import WEB_PROCESS_VARIABLE, pooled
from core.env import (
    env_bool,
    env_choice,
    env_float,
    env_int,
    env_list,
    env_str,
    private_targets_default,
)

BASE_DIR = Path(__file__).resolve().parent.parent  # backend/
REPO_DIR = BASE_DIR.parent

DATABASE_URL = env_str("DATABASE_URL")
REDIS_URL = env_str("REDIS_URL")
if bool(DATABASE_URL) != bool(REDIS_URL):
    missing = "REDIS_URL" if DATABASE_URL else "DATABASE_URL"
    raise ImproperlyConfigured(
        f"{missing} is not set: production mode needs both DATABASE_URL and REDIS_URL; "
        "unset both for the embedded mode."
    )
EMBEDDED = not DATABASE_URL

DATA_DIR = Path(env_str("DATA_DIR", str(REPO_DIR / "data"))).resolve()
if EMBEDDED:
    DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
# Where `manage.py serve` listens, and the processes it starts (read here so that every
# variable is read in one place).
HOST = env_str("HOST", "127.0.0.1")
PORT = env_int("PORT", 8000, min_value=1, max_value=65535)
WEB_CONCURRENCY = env_int("WEB_CONCURRENCY", 1, min_value=1, max_value=64)
WORKER_PROCESSES = env_int("WORKER_PROCESSES", 2, min_value=1, max_value=64)
WORKER_THREADS = env_int("WORKER_THREADS", 4, min_value=1, max_value=64)
LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"))
# text (human-readable, the default) or json (one JSON object per line, for log collectors)
LOG_FORMAT = env_choice("LOG_FORMAT", "TEXT", ("TEXT", "JSON")).lower()


def _embedded_secret_key() -> str:
    """Return the secret key kept in the data folder, making it on first start."""
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not EMBEDDED:
        raise ImproperlyConfigured("SECRET_KEY must be set in production mode.")
    SECRET_KEY = _embedded_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "axes",
    "django_dramatiq",
    "strawberry_django",
    "config",
    "accounts",
    "products",
    "imports",
    "exports",
    "webhooks",
    "feeds",
    "activity",
]

# Django's and WhiteNoise's middleware in versions whose hooks run on the event loop under
# ASGI instead of a thread hop each (core/async_middleware.py); the same behaviour.
MIDDLEWARE = [
    "core.request_id.RequestIdMiddleware",
    "core.async_middleware.SecurityMiddleware",
    "config.metrics.MetricsMiddleware",  # answers /metrics itself (its own bearer token)
    "core.async_middleware.WhiteNoiseMiddleware",
    "core.async_middleware.SessionMiddleware",
    "core.async_middleware.CommonMiddleware",
    "core.async_middleware.AuthenticationMiddleware",
    "accounts.middleware.BearerTokenMiddleware",
    "core.async_middleware.CsrfViewMiddleware",
    "core.async_middleware.XFrameOptionsMiddleware",
]
# django-axes counts failed sign-ins in its authentication backend; the login mutation turns
# a lock-out into a GraphQL error, so axes' own HTML 429 middleware is left out.
SILENCED_SYSTEM_CHECKS = ["axes.W002"]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
            ],
        },
    },
]

# ---- database (settings_parts/database.py)
if EMBEDDED:
    DATABASES = {"default": sqlite_database(DATA_DIR)}
else:
    DATABASES = {"default": postgres_database(DATABASE_URL)}
    # The connection budget (core/db_pool.py, README "Database connections").
    DATABASE_POOL_SIZE = env_int("DATABASE_POOL_SIZE", 10, min_value=1, max_value=90)
    DATABASE_POOL_TIMEOUT = env_float("DATABASE_POOL_TIMEOUT", 30, min_value=0.1)
    if env_bool(WEB_PROCESS_VARIABLE, False):
        DATABASES["default"] = pooled(
            DATABASES["default"], DATABASE_POOL_SIZE, DATABASE_POOL_TIMEOUT
        )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---- background work (Dramatiq)
_DRAMATIQ_MIDDLEWARE = [
    "dramatiq.middleware.AgeLimit",
    "dramatiq.middleware.TimeLimit",
    "dramatiq.middleware.Callbacks",
    "dramatiq.middleware.Retries",
    "django_dramatiq.middleware.DbConnectionsMiddleware",
    "core.periodic.PeriodicMiddleware",
    "core.metrics.ActorMetricsMiddleware",
    # e.g. lets webhook sends in flight finish and be recorded when a worker stops.
    "core.worker_hooks.WorkerShutdownMiddleware",
]
if EMBEDDED:
    DRAMATIQ_BROKER = {
        "BROKER": "dramatiq.brokers.stub.StubBroker",
        "OPTIONS": {},
        "MIDDLEWARE": _DRAMATIQ_MIDDLEWARE,
    }
else:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("REDIS_URL must be a redis:// or rediss:// URL.")
    DRAMATIQ_BROKER = {
        "BROKER": "dramatiq.brokers.redis.RedisBroker",
        # Fail fast when Redis is unreachable: an after-commit enqueue must not hang a request.
        "OPTIONS": {
            "url": REDIS_URL,
            "socket_connect_timeout": 3,
            "socket_timeout": 10,  # a Redis that stops answering fails a call, not hangs it
            "health_check_interval": 30,
        },
        "MIDDLEWARE": _DRAMATIQ_MIDDLEWARE,
    }
DRAMATIQ_AUTODISCOVER_MODULES = ["tasks"]
# The in-process worker of the embedded mode (set 0 to run without one, as tests do).
EMBEDDED_WORKER = env_bool("EMBEDDED_WORKER", True)
EMBEDDED_WORKER_THREADS = env_int("EMBEDDED_WORKER_THREADS", 4, min_value=1, max_value=64)
# Periodic actors (sweepers) sent by every worker process; see core/periodic.py.
PERIODIC_TASKS_ENABLED = env_bool("PERIODIC_TASKS_ENABLED", True)

# ---- accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, min_value=1)
AXES_COOLOFF_TIME = env_float("LOGIN_COOLOFF_MINUTES", 15, min_value=0.1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Addresses (or networks, e.g. 10.0.0.0/8) of the reverse proxies in front of the server. Only
# a request from one of them has its X-Forwarded-For believed: the client address that
# sign-in throttling counts is then the right-most address in that header that is not itself
# a trusted proxy. Empty (the default): X-Forwarded-For is ignored (`manage.py serve` also
# passes this list to uvicorn as its forwarded-allow-ips).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
for _proxy in TRUSTED_PROXIES:
    try:
        _proxy == "*" or ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES must list IP addresses or networks (or *), got {_proxy!r}."
        ) from None
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
AXES_VERBOSE = False
API_TOKEN_LAST_USED_PRECISION_SECONDS = 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

# ---- GraphQL
STRAWBERRY_DJANGO = {
    "MAP_AUTO_ID_AS_GLOBAL_ID": True,
    "PAGINATION_DEFAULT_LIMIT": 100,
    "PAGINATION_MAX_LIMIT": 500,
    "MUTATIONS_DEFAULT_HANDLE_ERRORS": True,
}
GRAPHQL_MAX_PAGE_SIZE = 500
GRAPHQL_MAX_DEPTH = env_int("GRAPHQL_MAX_DEPTH", 12, min_value=2)
GRAPHQL_MAX_ALIASES = env_int("GRAPHQL_MAX_ALIASES", 30, min_value=1)
GRAPHQL_MAX_TOKENS = env_int("GRAPHQL_MAX_TOKENS", 2000, min_value=100)

# ---- webhooks (the rest in settings_parts/jobs.py)
# Receivers on loopback/private networks: allowed by default only in the embedded mode
# listening on loopback (core.env.private_targets_default), else only when set to 1.
WEBHOOK_ALLOW_PRIVATE_TARGETS = env_bool(
    "WEBHOOK_ALLOW_PRIVATE_TARGETS", private_targets_default(EMBEDDED, HOST)
)

# ---- feeds (the rest in settings_parts/jobs.py)
# Feed sources on loopback/private networks: the same default and rule as webhook receivers.
FEED_ALLOW_PRIVATE_SOURCES = env_bool(
    "FEED_ALLOW_PRIVATE_SOURCES", private_targets_default(EMBEDDED, HOST)
)

# ---- static files and the single-page app
STATIC_URL = "/static/"
FRONTEND_DIST = Path(env_str("FRONTEND_DIST", str(REPO_DIR / "frontend" / "dist")))
WHITENOISE_ROOT = FRONTEND_DIST if FRONTEND_DIST.is_dir() else None
WHITENOISE_USE_FINDERS = True
WHITENOISE_MAX_AGE = 3600

# ---- files (uploads, staged files, exports): behind Django's storage API, in MEDIA_ROOT (one
# host, or a folder web and workers share) or in a bucket (settings_parts/storage.py)
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
MEDIA_URL = "/media/"  # never served: uploads are read by the worker only
from config.settings_parts.storage import *  # noqa: E402, F403 - STORAGES, STORAGE_*, UPLOAD_*

# ---- imports, exports and the rest of webhooks: settings_parts/jobs.py

# ---- operations
# `GET /metrics` (Prometheus) is served only when this is set, to `Authorization: Bearer <it>`.
METRICS_TOKEN = env_str("METRICS_TOKEN")
# A folder shared by the web processes of one host (WEB_CONCURRENCY > 1); prometheus-client
# reads the same variable to keep its figures there.
PROMETHEUS_MULTIPROC_DIR = env_str("PROMETHEUS_MULTIPROC_DIR")

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

LOGGING = logging_config(LOG_LEVEL, LOG_FORMAT)

from config.settings_limits import *  # noqa: E402, F403  (query cost, budgets, persisted queries)

# People, invitations, password resets, e-mail and the activity log.
from config.settings_teams import settings as teams_settings  # noqa: E402

globals().update(teams_settings(DATA_DIR, EMBEDDED))
