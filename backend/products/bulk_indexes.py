"""The product table's secondary indexes, dropped for a bulk load and built again after it.

A bulk load (an import far larger than the table, see ``imports/bulk.py``) writes fastest
with only the indexes its upsert needs, the primary key and the unique ``lower(sku)`` index,
and builds the others once at the end, as ``pg_restore`` and pgloader do.

The definitions are read from the database itself just before the drop (PostgreSQL's
``pg_get_indexdef``, SQLite's ``sqlite_master``), i.e. exactly what the migrations created:
no second copy to drift, whatever later migrations add. The caller keeps them in a row
written in the drop's transaction, and passes them back to `rebuild`.

* PostgreSQL: every index of ``products_product`` that is neither the primary key nor
  unique. Rebuilt with ``CREATE INDEX IF NOT EXISTS``, on `builders` connections at once
  (the full-text and trigram GIN indexes are single-threaded; the machine has more cores).
* SQLite: the FTS5 tables over the product table are kept by triggers, which cost more than
  the insert itself; the triggers are dropped, and at the end each FTS5 table is rebuilt from
  the product rows (FTS5's ``rebuild``) and the triggers created again, in one transaction.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator

from django.db import close_old_connections, connection, connections, transaction

from products.models import Product

TABLE = Product._meta.db_table
Definition = tuple[str, str]  # (name, CREATE statement)
# Advisory-lock class of the index builds (with each index's name hashed as the second key).
BUILD_LOCK = 0x62756C6B  # "bulk"


def secondary_indexes() -> list[Definition]:
    """What a bulk load would drop: (name, CREATE statement) of each droppable index (or,
    on SQLite, of each trigger that keeps an FTS5 table of the products)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = %s::regclass "
                "AND NOT i.indisprimary AND NOT i.indisunique ORDER BY c.relname",
                [TABLE],
            )
            return [(name, sql) for name, sql in cursor.fetchall()]
        tables = fulltext_tables(cursor)
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s "
            "ORDER BY name",
            [TABLE],
        )
        return [(n, sql) for n, sql in cursor.fetchall() if any(t in sql for t in tables)]


def fulltext_tables(cursor) -> list[str]:
    """SQLite: the FTS5 tables whose content is the product table."""
    cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE "
        "'CREATE VIRTUAL TABLE%%' ORDER BY name"
    )
    return [n for n, sql in cursor.fetchall() if f"content='{TABLE}'" in sql.replace('"', "'")]


def drop(definitions: list[Definition]) -> None:
    """Drop these indexes (triggers on SQLite), in the caller's transaction."""
    kind = "INDEX" if connection.vendor == "postgresql" else "TRIGGER"
    with connection.cursor() as cursor:
        for name, _ in definitions:
            cursor.execute(f"DROP {kind} IF EXISTS {connection.ops.quote_name(name)}")


def missing(definitions: list[Definition]) -> list[Definition]:
    """The definitions with no index (trigger) of that name in the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = %s", [TABLE]
            )
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [TABLE],
            )
        present = {name for (name,) in cursor.fetchall()}
    return [d for d in definitions if d[0] not in present]


def rebuild(definitions: list[Definition], *, builders: int = 2, work_mem: str = "") -> None:
    """Create every index (trigger) of `definitions` that does not exist.

    PostgreSQL: each index commits on its own, so a build that stops keeps what it built;
    `builders` connections build at once when the caller is not inside a transaction (its
    locks would block them), with ``maintenance_work_mem`` set to `work_mem` when given.
    SQLite: the FTS5 tables are rebuilt and the triggers created in one transaction.
    """
    if connection.vendor != "postgresql":
        _rebuild_sqlite(definitions)
        return
    todo = missing(definitions)
    # GIN indexes (full text, trigrams) take longest: start them first.
    todo.sort(key=lambda d: (" USING gin " not in d[1], d[0]))
    if builders <= 1 or connection.in_atomic_block or len(todo) <= 1:
        for definition in todo:
            _build(connection, definition, work_mem)
        return
    queue = iter(todo)
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            conn = connections["default"]
            for definition in _take(queue, lock):
                _build(conn, definition, work_mem)
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)
        finally:
            close_old_connections()
            connections["default"].close()

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


def _build(conn, definition: Definition, work_mem: str) -> None:
    """Build one index in its own transaction on `conn` (PostgreSQL).

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
    """The two keys of the advisory lock held while index `name` is built (PostgreSQL)."""
    key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big", signed=True)
    return [BUILD_LOCK, key]


def _rebuild_sqlite(definitions: list[Definition]) -> None:
    # The embedded database takes its write lock at BEGIN: a second caller (the sweeper)
    # waits, then finds the triggers there.
    with transaction.atomic(), connection.cursor() as cursor:
        todo = missing(definitions)
        if not todo:
            return
        for table in fulltext_tables(cursor):
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
        for _, sql in todo:
            cursor.execute(sql)
