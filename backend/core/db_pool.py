"""The database connection budget of a web process (production mode).

Under ASGI, Django runs each request's synchronous code (resolvers, the token lookup) in a
thread of its own, and connections are per thread: with persistent connections
(``CONN_MAX_AGE``) every request would open one that nothing reuses, until PostgreSQL runs
out. A web process instead borrows its connections from a pool of ``DATABASE_POOL_SIZE``
(django-db-connection-pool, SQLAlchemy's ``QueuePool``, psycopg2): a request takes one at
its first query and gives it back when it ends (``CONN_MAX_AGE`` 0 returns it to the pool,
it does not close it). A request that finds every connection in use waits at most
``DATABASE_POOL_TIMEOUT`` seconds, then fails with ``SERVICE_UNAVAILABLE`` (see
``core.pooled_postgresql``). A connection is pinged when it is taken from the pool, so one
cut by a database restart is replaced, not handed out.

Workers are not pooled: each Dramatiq thread keeps its own persistent connection.
``manage.py serve`` marks its web process (and uvicorn's worker processes) with
``WEB_PROCESS_VARIABLE``; settings then apply :func:`pooled`.
"""

from typing import Any

POOL_ENGINE = "core.pooled_postgresql"
#: Set to "1" by ``manage.py serve`` for the web server's processes (not for workers).
WEB_PROCESS_VARIABLE = "PRODUCT_IMPORTER_WEB_PROCESS"
WEB_APPLICATION_NAME = "product-importer-web"
WORKER_APPLICATION_NAME = "product-importer"


def pooled(database: dict[str, Any], size: int, timeout: float) -> dict[str, Any]:
    """Return ``database`` (a ``DATABASES`` entry for PostgreSQL) served from a pool.

    At most ``size`` connections per process (no overflow), reused across requests; a
    request waits at most ``timeout`` seconds for one.
    """
    return {
        **database,
        "ENGINE": POOL_ENGINE,
        "CONN_MAX_AGE": 0,  # give the connection back to the pool when the request ends
        "OPTIONS": {**database.get("OPTIONS", {}), "application_name": WEB_APPLICATION_NAME},
        "POOL_OPTIONS": {
            "POOL_SIZE": size,
            "MAX_OVERFLOW": 0,
            "TIMEOUT": timeout,
            "RECYCLE": 3600,  # renew hourly (server-side memory of long-lived backends)
            "PRE_PING": True,
        },
    }
