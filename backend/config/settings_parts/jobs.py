"""Settings of the background jobs: imports, exports and webhook deliveries.

Read from the environment like the rest of ``config.settings``, which imports every name here.
"""

import base64

from django.core.exceptions import ImproperlyConfigured

from core.env import env_bool, env_float, env_int, env_list, env_str


# ---- webhooks (WEBHOOK_ALLOW_PRIVATE_TARGETS, which follows the mode, is in settings.py)
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
# How often each worker's sweeper sends due deliveries nobody is sending.
WEBHOOK_SWEEP_INTERVAL_SECONDS = env_int("WEBHOOK_SWEEP_INTERVAL_SECONDS", 10, min_value=1)
# Fan-out: each worker process sends deliveries from a pool of sender threads that hold no
# database connection (claims and outcomes go through the actor threads and one recorder
# thread), and gives one webhook at most WEBHOOK_MAX_IN_FLIGHT of them, so a slow receiver
# only ever holds its own slots.
WEBHOOK_SENDER_THREADS = env_int("WEBHOOK_SENDER_THREADS", 64, min_value=1, max_value=1024)
WEBHOOK_MAX_IN_FLIGHT = env_int("WEBHOOK_MAX_IN_FLIGHT", 16, min_value=1, max_value=1024)

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
# Most data records per chunk: each chunk commits with the job's checkpoint.
IMPORT_CHUNK_ROWS = env_int("IMPORT_CHUNK_ROWS", 25_000, min_value=1)
# Work between two looks at a running import (seconds): chunks are sized to take about this
# long to write and the check pass records its progress this often, so progress moves and a
# cancel is seen at least this often (imports.pipeline.passes.pace).
IMPORT_PROGRESS_SECONDS = env_float("IMPORT_PROGRESS_SECONDS", 1.0, min_value=0)
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
# A re-import of the file an earlier import completed (same bytes, same options, no product
# written since) completes without reading its rows (imports/pipeline/same_file.py).
IMPORT_SAME_FILE_SHORTCUT = env_bool("IMPORT_SAME_FILE_SHORTCUT", True)
# The bulk write path (imports/pipeline/bulk.py): a file of at least this many SKUs into an empty
# catalogue loads with the product indexes dropped and builds them after.
IMPORT_BULK_MIN_ROWS = env_int("IMPORT_BULK_MIN_ROWS", 100_000, min_value=1)
# Connections building those indexes at once, and their maintenance_work_mem ('' = server's).
IMPORT_BULK_INDEX_BUILDERS = env_int("IMPORT_BULK_INDEX_BUILDERS", 2, min_value=1)
IMPORT_BULK_MAINTENANCE_WORK_MEM = env_str("IMPORT_BULK_MAINTENANCE_WORK_MEM", "256MB")
# An import (or revert) that wrote at least this many products analyzes and vacuums the
# product table before it is COMPLETED (products.maintenance.after_bulk_write).
IMPORT_UPKEEP_MIN_ROWS = env_int("IMPORT_UPKEEP_MIN_ROWS", 10_000, min_value=1)
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    # With object storage: files over FILE_UPLOAD_MAX_MEMORY_SIZE stream into the bucket.
    "imports.uploads.BucketUploadHandler",
    "imports.uploads.LimitedTemporaryFileUploadHandler",
]


# ---- feeds (FEED_ALLOW_PRIVATE_SOURCES, which follows the mode, is in settings.py)
# A Fernet key (44 URL-safe base64 characters) encrypting feed credentials at rest; empty:
# one derived from SECRET_KEY (then changing SECRET_KEY makes stored credentials unreadable).
FEED_CREDENTIALS_KEY = env_str("FEED_CREDENTIALS_KEY", "") or ""
try:
    _feed_key_bytes = len(base64.urlsafe_b64decode(FEED_CREDENTIALS_KEY.encode()))
except (ValueError, TypeError):
    _feed_key_bytes = -1
if FEED_CREDENTIALS_KEY and _feed_key_bytes != 32:
    raise ImproperlyConfigured(
        "FEED_CREDENTIALS_KEY must be a Fernet key: 32 bytes in URL-safe base64 (44 "
        "characters), e.g. from cryptography.fernet.Fernet.generate_key()."
    )
# A feed whose runs fail this many times in a row is disabled, with the reason.
FEED_DISABLE_AFTER_FAILURES = env_int("FEED_DISABLE_AFTER_FAILURES", 5, min_value=1)
# Seconds to connect to a source, and to wait for each piece of its answer.
FEED_CONNECT_TIMEOUT_SECONDS = env_float("FEED_CONNECT_TIMEOUT_SECONDS", 10, min_value=0.1)
FEED_READ_TIMEOUT_SECONDS = env_float("FEED_READ_TIMEOUT_SECONDS", 60, min_value=0.1)
# Tries per run for network errors and 5xx answers, and the first pause between them
# (doubled after each try).
FEED_FETCH_TRIES = env_int("FEED_FETCH_TRIES", 3, min_value=1, max_value=10)
FEED_RETRY_BACKOFF_SECONDS = env_float("FEED_RETRY_BACKOFF_SECONDS", 2, min_value=0)
# Longest a run may fetch before its worker stops it (a run left RUNNING past it fails).
FEED_RUN_TIME_LIMIT_SECONDS = env_int("FEED_RUN_TIME_LIMIT_SECONDS", 3600, min_value=10)
# How often each worker looks for feeds that are due (and runs whose message was lost).
FEED_SCHEDULE_SECONDS = env_float("FEED_SCHEDULE_SECONDS", 20, min_value=0.5)


# ---- exports
# Hours an export's file is kept after it is made; then the sweeper deletes it (EXPIRED).
EXPORT_RETENTION_HOURS = env_float("EXPORT_RETENTION_HOURS", 24, min_value=0.01)
# How often each worker deletes expired export files and re-sends exports left waiting.
EXPORT_SWEEP_SECONDS = env_float("EXPORT_SWEEP_SECONDS", 60, min_value=0.5)
