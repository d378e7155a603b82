"""The product table's data version (migration 0006), as an import uses it to know that
nobody else has written a product since.

Every statement that writes the product table moves the version on (PostgreSQL: by one per
statement; SQLite: by one per row), whoever wrote. An import keeps the version before its
first write and adds up what its own transactions moved it by (`mark`, `moved_since`);
if the version at its end is the one before plus its own, nobody else wrote meanwhile.
"""

from __future__ import annotations

from django.db import connection

from core.databases import is_postgresql

from .count_cache import data_version

# The rows the trigger added in this transaction, its savepoints included (PostgreSQL: one
# per writing statement; each row keeps the top-level transaction's id, migration 0017).
_PG_OWN = ("SELECT coalesce(sum(bumps), 0) FROM products_data_version "
           "WHERE txid = pg_current_xact_id()")


def current() -> int:
    """The data version now (the writes committed so far, and this transaction's own)."""
    return data_version()


def mark() -> int:
    """A mark to give `moved_since` later in the same transaction, before it writes."""
    if not is_postgresql(connection):
        return current()
    with connection.cursor() as cursor:
        cursor.execute(_PG_OWN)
        return int(cursor.fetchone()[0])


def moved_since(earlier: int) -> int:
    """How much this transaction's own writes have moved the version since `mark()` gave
    `earlier`.

    PostgreSQL: the trigger rows this transaction added, in its savepoints too (others'
    commits are not counted, though the version read now includes them). SQLite: the
    difference, as one transaction writes at a time (IMMEDIATE transactions).
    """
    return mark() - earlier
