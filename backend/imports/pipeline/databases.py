"""What the imports app does differently per database, behind one object per database.

`current()` is the one place that picks (by `core.databases.is_postgresql`); the pipeline,
the writers (`writers.writer_for`), the reverts and the queue ask its object. PostgreSQL
is production; SQLite is the embedded mode (one process).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import OperationalError, connection, transaction

from core.databases import is_postgresql

logger = logging.getLogger(__name__)

SQLITE_BATCH = 500  # bound parameters per statement stay well under SQLite's limit
# The embedded import's connection settings (`SQLite.import_session`); integers only.
IMPORT_PRAGMAS = {"cache_size": -65536, "temp_store": 2, "wal_autocheckpoint": 16384}


class PostgreSQL:
    """Production: set-based statements with arrays, an advisory lock for the queue."""

    def lower_keys(self, skus: list[str]) -> dict[str, str]:
        """The database's lower() of each SKU, in one statement."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT x, lower(x) FROM unnest(%s::text[]) AS t(x)", [skus])
            return dict(cursor.fetchall())

    def select_by_keys(self, select: str, keys: list[str]) -> list[tuple]:
        """The rows of `select` (ending in ``WHERE <expression> ``) whose expression is one
        of `keys`, in one statement."""
        with connection.cursor() as cursor:
            cursor.execute(select + "= ANY(%s)", [keys])
            return cursor.fetchall()

    @contextmanager
    def import_session(self) -> Iterator[None]:
        """Nothing to tune: the server's settings serve the import's session."""
        yield

    @contextmanager
    def try_lock(self, key: int, wait: float = 0.0) -> Iterator[bool]:
        """Try to take the session-level advisory lock `key`, waiting at most `wait` seconds
        (0: not at all); yield whether it is held (the server releases it when the
        connection dies)."""
        held = _wait_for_lock(key, wait) if wait > 0 else _try_lock(key)
        try:
            yield held
        finally:
            if held:
                try:
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
                except Exception:  # a lost connection has released it already
                    logger.warning("Could not release the imports queue lock", exc_info=True)


def _try_lock(key: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        return cursor.fetchone()[0]


LOCK_NOT_AVAILABLE = "55P03"


def _wait_for_lock(key: int, wait: float) -> bool:
    """Wait for advisory lock `key` in the server (no polling) for at most `wait` seconds;
    whether it was taken. In a transaction (or savepoint) of its own: the lock timeout
    ends with it, and a wait that times out rolls back only that. A session-level lock
    stays held when its transaction ends."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            timeout = f"{max(1, round(wait * 1000))}ms"
            cursor.execute("SELECT current_setting('lock_timeout'), "
                           "set_config('lock_timeout', %s, true)", [timeout])
            before = cursor.fetchone()[0]
            cursor.execute("SELECT pg_advisory_lock(%s)", [key])
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [before])
    except OperationalError as exc:
        if getattr(exc.__cause__, "pgcode", None) == LOCK_NOT_AVAILABLE:
            return False
        raise
    return True


class SQLite:
    """The embedded mode: one statement per value or batch, a process lock for the queue."""

    def __init__(self) -> None:
        self._process_lock = threading.Lock()

    def lower_keys(self, skus: list[str]) -> dict[str, str]:
        """The database's lower() of each SKU, one statement each."""
        result = {}
        with connection.cursor() as cursor:
            for sku in set(skus):
                cursor.execute("SELECT lower(%s)", [sku])
                result[sku] = cursor.fetchone()[0]
        return result

    def select_by_keys(self, select: str, keys: list[str]) -> list[tuple]:
        """The rows of `select` (ending in ``WHERE <expression> ``) whose expression is one
        of `keys`, in batches of `SQLITE_BATCH`."""
        rows: list[tuple] = []
        with connection.cursor() as cursor:
            for start in range(0, len(keys), SQLITE_BATCH):
                batch = keys[start : start + SQLITE_BATCH]
                cursor.execute(select + f"IN ({','.join(['%s'] * len(batch))})", batch)
                rows.extend(cursor.fetchall())
        return rows

    @contextmanager
    def import_session(self) -> Iterator[None]:
        """Tune this thread's connection (only the import's) while an import runs, then put
        its settings back.

        Every connection already runs ``synchronous=NORMAL`` under WAL (durable at each
        checkpoint, never corrupt). For the import: a 64 MiB page cache (the indexes' pages
        stay in memory across a chunk), temporary B-trees in memory (the FTS5 rebuild after a
        bulk load sorts its terms there), and fewer WAL checkpoints (every 16,384 pages
        instead of 1,000: a checkpoint copies pages that the next chunk rewrites anyway).
        Inside a transaction (a caller's, as in tests) SQLite refuses to change
        ``temp_store``: it is left as it is.
        """
        pragmas = dict(IMPORT_PRAGMAS)
        if connection.in_atomic_block:
            del pragmas["temp_store"]
        with connection.cursor() as cursor:
            before = {}
            for name in pragmas:
                cursor.execute(f"PRAGMA {name}")
                before[name] = cursor.fetchone()[0]
            try:
                for name, value in pragmas.items():
                    cursor.execute(f"PRAGMA {name} = {value}")
                yield
            finally:
                for name, value in before.items():
                    cursor.execute(f"PRAGMA {name} = {value}")

    @contextmanager
    def try_lock(self, key: int, wait: float = 0.0) -> Iterator[bool]:
        """Try to take the process lock (the embedded mode is one process), waiting at most
        `wait` seconds (0: not at all); yield whether it is held. `key` is not needed: there
        is one lock, the queue's."""
        held = (self._process_lock.acquire(timeout=wait) if wait > 0
                else self._process_lock.acquire(blocking=False))
        try:
            yield held
        finally:
            if held:
                self._process_lock.release()


POSTGRESQL = PostgreSQL()
SQLITE = SQLite()
Database = PostgreSQL | SQLite


def current() -> Database:
    """The object of the database in use."""
    return POSTGRESQL if is_postgresql(connection) else SQLITE
