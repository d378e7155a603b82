"""Settings for Product Importer, read from the environment in one place.

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

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from core.db_pool import WEB_PROCESS_VARIABLE, WORKER_APPLICATION_NAME, pooled
from core.env import env_bool, env_choice, env_float, env_int, env_list, env_str

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

# ---- database
if EMBEDDED:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "db.sqlite3",
            "OPTIONS": {
                # WAL lets the web process read while the worker writes; IMMEDIATE takes the
                # write lock at BEGIN so two writers queue on the busy timeout, not deadlock.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
            },
            # A file, not shared-cache memory, so test threads wait on the busy timeout
            # instead of failing with "database table is locked".
            "TEST": {"NAME": str(DATA_DIR / "test.sqlite3")},
        }
    }
else:
    try:
        DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must be a postgres:// URL.")
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Nothing waits forever on a database that is down or unreachable: connecting gives up
    # after DATABASE_CONNECT_TIMEOUT seconds, and TCP keepalives notice a server that vanished
    # under an open connection (a restart, a cut network) within about a minute.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT", 5, min_value=1),
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
            # Named in pg_stat_activity; the web process's pooled ones are named apart.
            "application_name": WORKER_APPLICATION_NAME,
        }
    )
    # The connection budget (core/db_pool.py, README "Database connections"): a web process
    # borrows at most DATABASE_POOL_SIZE connections from a pool and a request waits at most
    # DATABASE_POOL_TIMEOUT seconds for one (then SERVICE_UNAVAILABLE); workers keep one
    # persistent connection per thread.
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
# Periodic actors (sweepers) sent by every worker process; see config/periodic.py.
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

# ---- webhooks
def _retry_schedule(name: str, default: str) -> list[int]:
    """Seconds between delivery attempts, e.g. ``5,30,120``: positive whole numbers."""
    items = env_list(name, default.split(","))
    try:
        delays = [int(item) for item in items]
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be comma-separated whole seconds like 5,30,120, got {','.join(items)!r}."
        ) from None
    if any(delay < 1 for delay in delays):
        raise ImproperlyConfigured(f"{name} must list delays of at least 1 second.")
    return delays


WEBHOOK_TIMEOUT_SECONDS = env_float("WEBHOOK_TIMEOUT_SECONDS", 10.0, min_value=0.1)
WEBHOOK_RETRY_SCHEDULE = _retry_schedule(
    "WEBHOOK_RETRY_SCHEDULE", "5,30,120,600,1800,3600,7200,14400"
)
WEBHOOK_DISABLE_AFTER_FAILURES = env_int("WEBHOOK_DISABLE_AFTER_FAILURES", 20, min_value=1)
WEBHOOK_DELIVERY_RETENTION_DAYS = env_int("WEBHOOK_DELIVERY_RETENTION_DAYS", 30, min_value=1)
# Receivers on loopback/private networks: allowed in the embedded mode (testing against a
# local receiver), refused in production unless WEBHOOK_ALLOW_PRIVATE_TARGETS=1.
WEBHOOK_ALLOW_PRIVATE_TARGETS = env_bool("WEBHOOK_ALLOW_PRIVATE_TARGETS", EMBEDDED)
# How often each worker's sweeper sends due deliveries nobody is sending.
WEBHOOK_SWEEP_INTERVAL_SECONDS = env_int("WEBHOOK_SWEEP_INTERVAL_SECONDS", 10, min_value=1)
# Fan-out: each worker process sends deliveries from a pool of sender threads that hold no
# database connection (claims and outcomes go through the actor threads and one recorder
# thread), and gives one webhook at most WEBHOOK_MAX_IN_FLIGHT of them, so a slow receiver
# only ever holds its own slots.
WEBHOOK_SENDER_THREADS = env_int("WEBHOOK_SENDER_THREADS", 64, min_value=1, max_value=1024)
WEBHOOK_MAX_IN_FLIGHT = env_int("WEBHOOK_MAX_IN_FLIGHT", 16, min_value=1, max_value=1024)

# ---- static files and the single-page app
STATIC_URL = "/static/"
FRONTEND_DIST = Path(env_str("FRONTEND_DIST", str(REPO_DIR / "frontend" / "dist")))
WHITENOISE_ROOT = FRONTEND_DIST if FRONTEND_DIST.is_dir() else None
WHITENOISE_USE_FINDERS = True
WHITENOISE_MAX_AGE = 3600

# ---- uploaded files (kept behind Django's storage API; mount the folder on web and worker)
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
MEDIA_URL = "/media/"  # never served: uploads are read by the worker only

# ---- imports
# Largest accepted upload (bytes); a bigger file fails its job with a message saying so.
IMPORT_MAX_UPLOAD_BYTES = env_int("IMPORT_MAX_UPLOAD_BYTES", 1 << 30, min_value=1)
# Most bytes a gzip upload may expand to; past it the job fails saying so (a "zip bomb").
IMPORT_MAX_DECOMPRESSED_BYTES = env_int(
    "IMPORT_MAX_DECOMPRESSED_BYTES", 20 * IMPORT_MAX_UPLOAD_BYTES, min_value=1
)
# Most bytes an .xlsx workbook's parts may unzip to: calamine holds a whole sheet in memory,
# about 1.5 bytes of memory per byte unzipped (the 500,000-row benchmark workbook unzips to
# 153 MB, read in 224 MB; the check costs 0.4 s); past it the job fails saying so.
IMPORT_MAX_XLSX_EXPANDED_BYTES = env_int(
    "IMPORT_MAX_XLSX_EXPANDED_BYTES", 1 << 30, min_value=1 << 16
)
# Most different SKUs one file may hold: the check pass keeps one key per SKU in the worker's
# memory (about 125 bytes each: 2,000,000 take about 250 MB); past it the job fails saying so.
IMPORT_MAX_DISTINCT_SKUS = env_int("IMPORT_MAX_DISTINCT_SKUS", 2_000_000, min_value=1)
# Data records per chunk: each chunk commits with the job's checkpoint.
IMPORT_CHUNK_ROWS = env_int("IMPORT_CHUNK_ROWS", 25_000, min_value=1)
# Longest an import may run in a worker before Dramatiq stops it (it then resumes).
IMPORT_TIME_LIMIT_SECONDS = env_int("IMPORT_TIME_LIMIT_SECONDS", 6 * 3600, min_value=60)
# How often each worker looks for jobs left unfinished (a worker died, a message was lost).
IMPORT_SWEEP_SECONDS = env_float("IMPORT_SWEEP_SECONDS", 10, min_value=0.5)
# A job that keeps failing on unexpected errors is failed after this many attempts.
IMPORT_MAX_ATTEMPTS = env_int("IMPORT_MAX_ATTEMPTS", 5, min_value=1)
# Largest request body accepted at all: larger ones get 413 from the ASGI entry point before
# any byte is stored (Django would otherwise spool the body to a temporary file first).
REQUEST_MAX_BYTES = env_int(
    "REQUEST_MAX_BYTES", IMPORT_MAX_UPLOAD_BYTES + (1 << 20), min_value=1 << 16
)
# A staged import (uploaded and inspected) never started expires after this; its file goes.
IMPORT_STAGED_TTL_HOURS = env_float("IMPORT_STAGED_TTL_HOURS", 24, min_value=0.01)
# Days an import's change log is kept (after that the import can no longer be reverted).
IMPORT_CHANGE_RETENTION_DAYS = env_int("IMPORT_CHANGE_RETENTION_DAYS", 30, min_value=1)
# Whether imports keep a change log (off: a little faster, and no import can be reverted).
IMPORT_CHANGE_LOG = env_bool("IMPORT_CHANGE_LOG", True)
# The bulk write path (imports/bulk.py): a file of at least this many SKUs, and at least
# twice as many as the catalogue holds, loads with the product indexes dropped, builds after.
IMPORT_BULK_MIN_ROWS = env_int("IMPORT_BULK_MIN_ROWS", 100_000, min_value=1)
# Connections building those indexes at once, and their maintenance_work_mem ('' = server's).
IMPORT_BULK_INDEX_BUILDERS = env_int("IMPORT_BULK_INDEX_BUILDERS", 2, min_value=1)
IMPORT_BULK_MAINTENANCE_WORK_MEM = env_str("IMPORT_BULK_MAINTENANCE_WORK_MEM", "256MB")
# An import (or revert) that wrote at least this many products analyzes and vacuums the
# product table before it is COMPLETED (products.maintenance.after_bulk_write).
IMPORT_UPKEEP_MIN_ROWS = env_int("IMPORT_UPKEEP_MIN_ROWS", 10_000, min_value=1)
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "imports.uploads.LimitedTemporaryFileUploadHandler",
]

# ---- exports
# Hours an export's file is kept after it is made; then the sweeper deletes it (EXPIRED).
EXPORT_RETENTION_HOURS = env_float("EXPORT_RETENTION_HOURS", 24, min_value=0.01)
# How often each worker deletes expired export files and re-sends exports left waiting.
EXPORT_SWEEP_SECONDS = env_float("EXPORT_SWEEP_SECONDS", 60, min_value=0.5)

# ---- operations
# `GET /metrics` (Prometheus) is served only when this is set, to `Authorization: Bearer <it>`.
METRICS_TOKEN = env_str("METRICS_TOKEN")

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

# One line per record; every record carries the id of the request it was made for.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.request_id.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"axes": {"level": "WARNING"}},
}

# People, invitations, password resets, e-mail and the activity log.
from config.settings_teams import settings as teams_settings  # noqa: E402

globals().update(teams_settings(DATA_DIR, EMBEDDED))
