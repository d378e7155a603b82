"""Deciding a removal: which products in scope the file does not list, and the guard.

The file's keys go into a temporary table (COPY on PostgreSQL), and one INSERT ... SELECT
with an anti-join writes the removal's rows; the scope's size comes from the exact product
counts (`ALL`) or one count over the products (`SOURCE`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.db import connection
from django.db.backends.utils import CursorWrapper

from core.databases import is_postgresql
from products import counts
from products.models import Product

from ...models import ImportJob
from ..options import SyncOptions
from ..writers.stored import TABLE

LISTED = "import_listed"
REMOVALS = "imports_importremoval"
SAMPLE_SIZE = 10
LISTED_BATCH = 10_000


@dataclass(frozen=True)
class Decision:
    """How many products the removal takes, of how many in scope, some of their SKUs, and
    whether the guard holds it."""

    count: int
    scope: int
    sample: list[str]
    held: bool


def scope_sql(options: SyncOptions, alias: str = "p") -> tuple[str, list]:
    """The SQL condition (and its parameters) of a product in the removal's scope."""
    if options.missing_scope != "SOURCE":
        return "TRUE" if is_postgresql(connection) else "1", []
    # Created by an import of the source, and not last written by hand (a person's or an
    # API token's edit clears `last_import`): what the source owns, whoever updated it since.
    return (
        f"{alias}.created_by_import_id IN (SELECT id FROM imports_importjob WHERE source = %s "
        f"AND kind = 'IMPORT' AND NOT dry_run) AND {alias}.last_import_id IS NOT NULL",
        [options.source],
    )


def decide(job: ImportJob, listed: set[str], no_valid_row: bool) -> Decision:
    """Write the removal rows of `job` (numbered after its file's last line); return the
    decision. Runs in the caller's transaction."""
    options = SyncOptions.of(job)
    scope, params = scope_sql(options)
    only_active = " AND p.active" if options.missing == "DEACTIVATE" else ""
    with connection.cursor() as cursor:
        _fill_listed(cursor, listed)
        cursor.execute(
            f"INSERT INTO {REMOVALS} (job_id, line, product_id) "
            f"SELECT %s, %s + row_number() OVER (ORDER BY p.id), p.id FROM {TABLE} p "
            f"WHERE {scope}{only_active} AND NOT EXISTS "
            f"(SELECT 1 FROM {LISTED} l WHERE l.k = lower(p.sku))",
            [job.pk, job.checkpoint_line, *params],
        )
        count = cursor.rowcount
        cursor.execute(f"DROP TABLE {LISTED}")
        if options.missing_scope == "SOURCE":
            cursor.execute(f"SELECT count(*) FROM {TABLE} p WHERE {scope}", params)
            in_scope = cursor.fetchone()[0]
        else:
            in_scope = counts.product_count(Product.objects.all())
        cursor.execute(
            f"SELECT p.sku FROM {REMOVALS} r JOIN {TABLE} p ON p.id = r.product_id "
            "WHERE r.job_id = %s ORDER BY r.line LIMIT %s",
            [job.pk, SAMPLE_SIZE],
        )
        sample = [sku for (sku,) in cursor.fetchall()]
    too_many = count * 100 > options.max_removal_percent * in_scope
    return Decision(count, in_scope, sample, count > 0 and (no_valid_row or too_many))


def _fill_listed(cursor: CursorWrapper, listed: set[str]) -> None:
    if is_postgresql(connection):
        cursor.execute(f"CREATE TEMP TABLE {LISTED} (k text) ON COMMIT DROP")
        text = "".join(_copy_field(k) + "\n" for k in listed)
        cursor.copy_expert(f"COPY {LISTED} (k) FROM STDIN", io.StringIO(text), size=1 << 20)
        cursor.execute(f"CREATE INDEX ON {LISTED} (k)")
        cursor.execute(f"ANALYZE {LISTED}")
        return
    cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {LISTED} (k TEXT PRIMARY KEY)")
    cursor.execute(f"DELETE FROM {LISTED}")
    keys = list(listed)
    for start in range(0, len(keys), LISTED_BATCH):
        cursor.executemany(f"INSERT OR IGNORE INTO {LISTED} (k) VALUES (%s)",
                           [(k,) for k in keys[start : start + LISTED_BATCH]])


_ESCAPES = str.maketrans({"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _copy_field(text: str) -> str:
    return text.translate(_ESCAPES)
