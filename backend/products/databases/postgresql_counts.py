"""Exact product counts on PostgreSQL: the ``products_count_delta`` bookkeeping.

The table holds changes in the number of products per ``active`` value. Row triggers
(migration 0004) record every ordinary write; a bulk writer takes over inside its transaction
with ``take_over_counts()`` and records its exact totals with ``record()`` (the triggers then
stand aside, so a 500,000-row import pays no per-row trigger). ``compact()`` folds the deltas
into one row per value.
"""

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from products.models import Product

TABLE = Product._meta.db_table


def take_over_counts(cursor) -> None:
    """Make the count triggers stand aside for the rest of this transaction.

    The caller must then ``record()`` the exact change of every product it writes.
    """
    cursor.execute("SET LOCAL products.counts_by_caller = 'on'")


def record(cursor, deltas: dict[bool, int]) -> None:
    """Add the change in product count per ``active`` value (in the writer's transaction)."""
    rows = [(active, delta) for active, delta in deltas.items() if delta]
    if rows:
        cursor.executemany(
            "INSERT INTO products_count_delta (active, delta) VALUES (%s, %s)", rows
        )


def recorded_count(connection: BaseDatabaseWrapper, active: bool | None) -> int:
    """The number of products (with this ``active`` value when not None): the deltas' sum."""
    sql = "SELECT COALESCE(SUM(delta), 0) FROM products_count_delta"
    params: list[bool] = []
    if active is not None:
        sql += " WHERE active = %s"
        params.append(active)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.fetchone()[0])


def delete_all(connection: BaseDatabaseWrapper) -> int:
    """Delete every product in one statement, recording the deltas; return how many."""
    with connection.cursor() as cursor:
        take_over_counts(cursor)
        cursor.execute(
            f"""
            WITH gone AS (DELETE FROM {TABLE} RETURNING active),
            counted AS (
                INSERT INTO products_count_delta (active, delta)
                SELECT active, -count(*) FROM gone GROUP BY active RETURNING delta
            )
            SELECT COALESCE(-SUM(delta), 0) FROM counted
            """
        )
        return int(cursor.fetchone()[0])


def compact(connection: BaseDatabaseWrapper) -> None:
    """Fold the deltas (and the data versions) into one row per value, correcting any drift.

    The correction compares ``count(*)`` with the deltas' sum in one REPEATABLE READ
    snapshot: every writer commits its products and its deltas together, so within one
    snapshot the two must agree, and any difference (a bulk write that raced an edit of the
    same product's ``active``) is added as one more delta. Nothing is locked.
    """
    _fold_versions(connection)
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if outermost:  # inside a caller's transaction its snapshot rules already
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute(f"SELECT active, count(*) FROM {TABLE} GROUP BY active")
        actual = dict(cursor.fetchall())
        cursor.execute("SELECT active, SUM(delta) FROM products_count_delta GROUP BY active")
        recorded = {active: int(total) for active, total in cursor.fetchall()}
        record(
            cursor,
            {value: actual.get(value, 0) - recorded.get(value, 0) for value in (True, False)},
        )
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(
            """
            WITH folded AS (DELETE FROM products_count_delta RETURNING active, delta)
            INSERT INTO products_count_delta (active, delta)
            SELECT active, SUM(delta) FROM folded GROUP BY active
            """
        )


def _fold_versions(connection: BaseDatabaseWrapper) -> None:
    """Fold the data version rows (``products/count_cache.py``) into one, keeping their sum."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH folded AS (DELETE FROM products_data_version RETURNING bumps)
            INSERT INTO products_data_version (bumps)
            SELECT SUM(bumps) FROM folded HAVING count(*) > 0
            """
        )
