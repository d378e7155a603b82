"""Set-based writes of one chunk of product rows, and read-only comparisons for dry runs.

PostgreSQL: the chunk is COPYed into a temporary table and applied by one
``INSERT ... ON CONFLICT (lower(sku)) DO UPDATE ... WHERE <values differ>``; ``RETURNING``
tells inserted rows from updated ones, and a key it does not return was already up to date.
SQLite (embedded): the stored values are read, compared in Python, and the new and changed
rows written with ``executemany`` and ``ON CONFLICT``. Both give the same reactions (INSERTED,
CHANGED, SAME) per key, and neither writes a product whose values are unchanged.

Keys are the database's own ``lower(sku)`` (the unique index), so two SKUs are one product
exactly when the database says so, non-ASCII letters included.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable

from django.db import connection
from django.utils import timezone

from products import counts

from .rows import ProductRow

# How the stored products react to a row: a new product, changed values, nothing to change.
INSERTED, CHANGED, SAME = 1, 2, 3

TABLE = "products_product"
STAGE = "import_stage"
SQLITE_BATCH = 500


def dedupe(
    rows: Iterable[ProductRow], lower: Callable[[list[str]], dict[str, str]] | None = None
) -> dict[str, ProductRow]:
    """Rows by SKU key, the last row of each key winning (file order). `lower` gives the
    database's lower() of non-ASCII SKUs (default: ask the database)."""
    rows = list(rows)
    odd = [r.sku for r in rows if not r.sku.isascii()]
    lowered = (lower or db_lower)(odd) if odd else {}
    latest: dict[str, ProductRow] = {}
    for row in rows:
        sku = row.sku
        latest[sku.lower() if sku.isascii() else lowered[sku]] = row
    return latest


def db_lower(skus: list[str]) -> dict[str, str]:
    """The database's lower() of each SKU (for SKUs that are not plain ASCII)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT x, lower(x) FROM unnest(%s::text[]) AS t(x)", [skus])
            return dict(cursor.fetchall())
        result = {}
        for sku in set(skus):
            cursor.execute("SELECT lower(%s)", [sku])
            result[sku] = cursor.fetchone()[0]
        return result


def _differs(row: ProductRow, stored: tuple) -> bool:
    sku, name, description, active = stored
    return (
        row.sku != sku
        or row.name != name
        or (row.description is not None and row.description != description)
        or (row.active is not None and row.active != active)
    )


def stored_values(keys: list[str]) -> dict[str, tuple]:
    """The stored `(sku, name, description, active)` of the products with these keys."""
    found: dict[str, tuple] = {}
    sql = f"SELECT lower(sku), sku, name, description, active FROM {TABLE} WHERE lower(sku) "
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(sql + "= ANY(%s)", [keys])
            rows = cursor.fetchall()
        else:
            rows = []
            for start in range(0, len(keys), SQLITE_BATCH):
                batch = keys[start : start + SQLITE_BATCH]
                cursor.execute(sql + f"IN ({','.join(['%s'] * len(batch))})", batch)
                rows.extend(cursor.fetchall())
    for key, *values in rows:
        values[3] = bool(values[3])
        found[key] = tuple(values)
    return found


def compare(rows: dict[str, ProductRow]) -> dict[str, int]:
    """How the stored products would react to these rows, without writing anything."""
    stored = stored_values(list(rows))
    reactions = {}
    for key, row in rows.items():
        values = stored.get(key)
        if values is None:
            reactions[key] = INSERTED
        else:
            reactions[key] = CHANGED if _differs(row, values) else SAME
    return reactions


def write(
    rows: dict[str, ProductRow], description: bool, active: bool, staged: str | None = None
) -> dict[str, int]:
    """Apply the rows (keys unique); return each key's reaction. `description`/`active`
    say whether the file has those columns (without one, stored values are kept).
    `staged`: `stage_text()` of these rows when already built (PostgreSQL)."""
    if not rows:
        return {}
    if connection.vendor == "postgresql":
        return _write_postgresql(rows, description, active, staged)
    return _write_sqlite(rows, description, active)


def stage_text(rows: dict[str, ProductRow], description: bool, active: bool) -> str:
    """The COPY (CSV) text of the rows for PostgreSQL's stage, in key order. Pure Python, so
    the reader thread can build it for the next chunk while this one is being written."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    # Staged in key order, so the probes of the key index below walk it in order.
    ordered = [rows[k] for k in sorted(rows)]
    if description and active:
        writer.writerows((r.sku, r.name, r.description, r.active) for r in ordered)
    elif description:
        writer.writerows((r.sku, r.name, r.description) for r in ordered)
    elif active:
        writer.writerows((r.sku, r.name, r.active) for r in ordered)
    else:
        writer.writerows((r.sku, r.name) for r in ordered)
    return buffer.getvalue()


def _write_postgresql(
    rows: dict[str, ProductRow], description: bool, active: bool, staged: str | None
) -> dict:
    columns = ["sku", "name"] + ["description"] * description + ["active"] * active
    if staged is None:
        staged = stage_text(rows, description, active)
    buffer = io.StringIO(staged)
    del staged
    text_columns = ", ".join(c for c in columns if c != "active")
    changed = columns
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in changed)
    differs = (
        f"({', '.join('p.' + c for c in changed)}) IS DISTINCT FROM "
        f"({', '.join('EXCLUDED.' + c for c in changed)})"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {STAGE} (sku text NOT NULL, name text NOT NULL, "
            "description text, active boolean) ON COMMIT DELETE ROWS"
        )
        cursor.execute(f"TRUNCATE {STAGE}")  # empty already, unless inside an outer transaction
        cursor.copy_expert(
            f"COPY {STAGE} ({', '.join(columns)}) FROM STDIN "
            f"WITH (FORMAT csv, FORCE_NOT_NULL ({text_columns}))",
            buffer,
            size=1 << 20,
        )
        # Rows already holding these values are filtered out before the INSERT, so they cost
        # an index lookup and no write (ON CONFLICT ... WHERE would still lock them); sorting
        # by the key makes index insertions local. `before` (same snapshot, so the values
        # from before this INSERT) gives the old `active` of updated rows for the counts.
        before = (
            f"before AS (SELECT lower(q.sku) AS k, q.active FROM {TABLE} q "
            f"WHERE lower(q.sku) IN (SELECT lower(sku) FROM {STAGE})), "
            if active
            else ""
        )
        old_active = "b.active" if active else "NULL::boolean"
        join_before = "LEFT JOIN before b ON b.k = w.k" if active else ""
        counts.take_over_counts(cursor)
        # The stage has no statistics and the product table's are often stale (it grows by
        # the import itself), so the planner tends to hash the WHOLE product table for the
        # probes below, once per chunk. Index probes per staged row are what we want: allow
        # only nested loops for this statement, then put the settings back.
        cursor.execute(
            "SELECT current_setting('enable_hashjoin'), current_setting('enable_mergejoin'), "
            "set_config('enable_hashjoin', 'off', true), "
            "set_config('enable_mergejoin', 'off', true)"
        )
        hashjoin, mergejoin = cursor.fetchone()[:2]
        cursor.execute(
            f"WITH {before}written AS ("
            f"INSERT INTO {TABLE} AS p (sku, name, description, active, created_at, updated_at) "
            f"SELECT sku, name, {'description' if description else chr(39) * 2}, "
            f"{'active' if active else 'true'}, statement_timestamp(), statement_timestamp() "
            f"FROM {STAGE} s WHERE NOT EXISTS (SELECT 1 FROM {TABLE} q "
            f"WHERE lower(q.sku) = lower(s.sku) AND ({', '.join('q.' + c for c in columns)}) "
            f"IS NOT DISTINCT FROM ({', '.join('s.' + c for c in columns)})) "
            "ORDER BY lower(s.sku) "
            f"ON CONFLICT (lower(sku)) DO UPDATE SET {updates}, updated_at = EXCLUDED.updated_at "
            f"WHERE {differs} RETURNING lower(p.sku) AS k, xmax = 0 AS inserted, p.active) "
            f"SELECT w.k, w.inserted, w.active, {old_active} FROM written w {join_before}"
        )
        written = cursor.fetchall()
        cursor.execute(
            "SELECT set_config('enable_hashjoin', %s, true), "
            "set_config('enable_mergejoin', %s, true)",
            [hashjoin, mergejoin],
        )
        counts.record(cursor, _count_changes(written))
    reactions = dict.fromkeys(rows, SAME)
    for key, inserted, _, _ in written:
        reactions[key] = INSERTED if inserted else CHANGED
    return reactions


def _count_changes(written: list[tuple]) -> dict[bool, int]:
    """Change in product count per `active` value from (key, inserted, active, old active)."""
    deltas = {True: 0, False: 0}
    for _, inserted, new_active, old_active in written:
        if inserted:
            deltas[new_active] += 1
        elif old_active is not None and old_active != new_active:
            deltas[old_active] -= 1
            deltas[new_active] += 1
    return deltas


def _write_sqlite(rows: dict[str, ProductRow], description: bool, active: bool) -> dict:
    reactions = compare(rows)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    # Sorted by key, the unique index is filled in order; a bigger page cache (64 MiB,
    # this connection only) keeps the other indexes' pages in memory.
    new = [rows[k] for k, r in sorted(reactions.items()) if r == INSERTED]
    changed = [(k, rows[k]) for k, r in reactions.items() if r == CHANGED]
    sets = ["sku = %s", "name = %s"] + ["description = %s"] * description
    sets += ["active = %s"] * active
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size = -65536")
        if new:
            cursor.executemany(
                f"INSERT INTO {TABLE} (sku, name, description, active, created_at, updated_at) "
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (lower(sku)) DO UPDATE SET "
                "sku = excluded.sku, name = excluded.name, description = excluded.description, "
                "active = excluded.active, updated_at = excluded.updated_at",
                [
                    (
                        r.sku,
                        r.name,
                        "" if r.description is None else r.description,
                        True if r.active is None else r.active,
                        now,
                        now,
                    )
                    for r in new
                ],
            )
        if changed:
            cursor.executemany(
                f"UPDATE {TABLE} SET {', '.join(sets)}, updated_at = %s WHERE lower(sku) = %s",
                [
                    (r.sku, r.name)
                    + ((r.description,) if description else ())
                    + ((r.active,) if active else ())
                    + (now, key)
                    for key, r in changed
                ],
            )
    return reactions
