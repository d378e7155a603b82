"""A bulk load's secondary indexes on PostgreSQL: read, dropped, and built again at once.

Every index of the product table that is neither the primary key nor unique is dropped; the
definitions come from ``pg_get_indexdef``, exactly what the migrations created. They are
rebuilt with ``CREATE INDEX IF NOT EXISTS``, on several connections at once (the full-text
and trigram GIN indexes are single-threaded; the machine has more cores).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator

from django.db import close_old_connections, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from products.databases.base import Definition
from products.models import Product

TABLE = Product._meta.db_table
# Advisory-lock class of the index builds (with each index's name hashed as the second key).
BUILD_LOCK = 0x62756C6B  # "bulk"


def secondary_indexes(connection: BaseDatabaseWrapper) -> list[Definition]:
    """(name, CREATE statement) of each index neither primary key nor unique."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = %s::regclass "
            "AND NOT i.indisprimary AND NOT i.indisunique ORDER BY c.relname",
            [TABLE],
        )
        return [(name, sql) for name, sql in cursor.fetchall()]


def missing(connection: BaseDatabaseWrapper, definitions: list[Definition]) -> list[Definition]:
    """The definitions with no index of that name on the product table."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [TABLE])
        present = {name for (name,) in cursor.fetchall()}
    return [d for d in definitions if d[0] not in present]


def rebuild(
    connection: BaseDatabaseWrapper, definitions: list[Definition], *, builders: int, work_mem: str
) -> None:
    """Build every missing index, each committing on its own (a stopped build keeps the rest).

    ``builders`` connections build at once when the caller is not inside a transaction (its
    locks would block them), with ``maintenance_work_mem`` set to ``work_mem`` when given.
    """
    todo = missing(connection, definitions)
    # GIN indexes (full text, trigrams) take longest: start them first.
    todo.sort(key=lambda d: (" USING gin " not in d[1], d[0]))
    if builders <= 1 or connection.in_atomic_block or len(todo) <= 1:
        for definition in todo:
            _build(connection, definition, work_mem)
        return
    queue = iter(todo)
    lock = threading.Lock()
    errors: list[BaseException] = []
    alias = connection.alias

    def work() -> None:
        try:
            conn = connections[alias]
            for definition in _take(queue, lock):
                _build(conn, definition, work_mem)
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)
        finally:
            close_old_connections()
            connections[alias].close()

    threads = [threading.Thread(target=work, name=f"index-builder-{n}") for n in range(builders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def _take(queue: Iterator[Definition], lock: threading.Lock) -> Iterator[Definition]:
    while True:
        with lock:
            definition = next(queue, None)
        if definition is None:
            return
        yield definition


def _build(conn: BaseDatabaseWrapper, definition: Definition, work_mem: str) -> None:
    """Build one index in its own transaction on ``conn``.

    A lock per index name makes a second builder (a resumed job while the killed worker's
    build still runs on the server) wait, then find the index there. The server stops the
    build of a client that is gone (``client_connection_check_interval``).
    """
    name, sql = definition
    statement = sql.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1)
    with transaction.atomic(using=conn.alias, savepoint=False), conn.cursor() as cursor:
        if conn.pg_version >= 140000:  # the setting is new in PostgreSQL 14
            cursor.execute("SET LOCAL client_connection_check_interval = 1000")
        if work_mem:
            cursor.execute("SELECT set_config('maintenance_work_mem', %s, true)", [work_mem])
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", build_lock(name))
        cursor.execute(statement)


def build_lock(name: str) -> list[int]:
    """The two keys of the advisory lock held while index ``name`` is built."""
    key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big", signed=True)
    return [BUILD_LOCK, key]
