"""The product table's secondary indexes, dropped for a bulk load and built again after it.

A bulk load (an import far larger than the table, see ``imports/bulk.py``) writes fastest
with only the indexes its upsert needs, the primary key and the unique ``lower(sku)`` index,
and builds the others once at the end, as ``pg_restore`` and pgloader do.

The definitions are read from the database itself just before the drop, i.e. exactly what
the migrations created: no second copy to drift, whatever later migrations add. The caller
keeps them in a row written in the drop's transaction, and passes them back to `rebuild`.
What is dropped, and how it is built again, is the database's own
(``databases/postgresql_indexes.py``: indexes built on several connections at once;
``databases/sqlite.py``: the triggers that keep the FTS5 tables, which cost more than the
insert itself).
"""

from __future__ import annotations

from django.db import connection

from products.databases import Definition, for_connection
from products.databases.postgresql_indexes import build_lock

__all__ = ["Definition", "build_lock", "drop", "missing", "rebuild", "secondary_indexes"]


def secondary_indexes() -> list[Definition]:
    """What a bulk load would drop: (name, CREATE statement) of each droppable index (or,
    on SQLite, of each trigger that keeps an FTS5 table of the products)."""
    return for_connection(connection).secondary_indexes()


def drop(definitions: list[Definition]) -> None:
    """Drop these indexes (triggers on SQLite), in the caller's transaction."""
    for_connection(connection).drop_secondary_indexes(definitions)


def missing(definitions: list[Definition]) -> list[Definition]:
    """The definitions with no index (trigger) of that name in the database."""
    return for_connection(connection).missing_indexes(definitions)


def rebuild(definitions: list[Definition], *, builders: int = 2, work_mem: str = "") -> None:
    """Create every index (trigger) of `definitions` that does not exist.

    PostgreSQL: each index commits on its own, so a build that stops keeps what it built;
    `builders` connections build at once when the caller is not inside a transaction (its
    locks would block them), with ``maintenance_work_mem`` set to `work_mem` when given.
    SQLite: the FTS5 tables are rebuilt and the triggers created in one transaction.
    """
    for_connection(connection).rebuild_secondary_indexes(
        definitions, builders=builders, work_mem=work_mem
    )
