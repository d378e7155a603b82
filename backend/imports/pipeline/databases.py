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

from django.db import connection

from core.databases import is_postgresql

logger = logging.getLogger(__name__)

SQLITE_BATCH = 500  # bound parameters per statement stay well under SQLite's limit


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
    def try_lock(self, key: int) -> Iterator[bool]:
        """Try to take the session-level advisory lock `key` without waiting; yield whether
        it is held (the server releases it when the connection dies)."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            held = cursor.fetchone()[0]
        try:
            yield held
        finally:
            if held:
                try:
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
                except Exception:  # a lost connection has released it already
                    logger.warning("Could not release the imports queue lock", exc_info=True)


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
    def try_lock(self, key: int) -> Iterator[bool]:
        """Try to take the process lock without waiting (the embedded mode is one process);
        yield whether it is held. `key` is not needed: there is one lock, the queue's."""
        held = self._process_lock.acquire(blocking=False)
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
