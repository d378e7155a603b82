"""The database of each mode: SQLite in the data folder, or PostgreSQL from ``DATABASE_URL``."""

from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from core.db_pool import WORKER_APPLICATION_NAME
from core.env import env_int


def sqlite_database(data_dir: Path) -> dict[str, Any]:
    """The embedded mode's SQLite database, kept in ``data_dir``."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": data_dir / "db.sqlite3",
        "OPTIONS": {
            # WAL lets the web process read while the worker writes; IMMEDIATE takes the
            # write lock at BEGIN so two writers queue on the busy timeout, not deadlock.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        },
        # A file, not shared-cache memory, so test threads wait on the busy timeout
        # instead of failing with "database table is locked".
        "TEST": {"NAME": str(data_dir / "test.sqlite3")},
    }


def postgres_database(database_url: str) -> dict[str, Any]:
    """The production mode's PostgreSQL database; a URL that is not postgres:// stops the start."""
    try:
        database = dj_database_url.parse(database_url, conn_max_age=60)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must be a postgres:// URL.")
    database["CONN_HEALTH_CHECKS"] = True
    # Nothing waits forever on a database that is down or unreachable: connecting gives up
    # after DATABASE_CONNECT_TIMEOUT seconds, and TCP keepalives notice a server that vanished
    # under an open connection (a restart, a cut network) within about a minute.
    database.setdefault("OPTIONS", {}).update(
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
    return database
