"""Deciding a removal: which products in scope the file does not list, and the guard.

The products in scope whose SKU key the file does not list are read in one statement, and
written as the removal's rows, a batch of product ids per chunk of the removal; the scope's
size comes from the exact product counts (`ALL`) or one count over the products (`SOURCE`).
On PostgreSQL the file's keys travel as one array constant, which the anti-join hashes
(`lower(sku) <> ALL (...)`): no table to fill, and the scan of the product table may be
shared by parallel workers. SQLite gets them in a temporary table with a primary key.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.backends.utils import CursorWrapper

from core.databases import is_postgresql
from products import counts
from products.models import Product

from ...models import ImportJob, ImportRemoval
from ..options import SyncOptions
from ..writers.stored import TABLE

LISTED = "import_listed"
REMOVALS = "imports_importremoval"
SAMPLE_SIZE = 10
LISTED_BATCH = 10_000
# Memory for the statements of a removal's chunk (see `chunk`): a chunk's old and new rows.
WORK_MEM = "64MB"


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
    """Write the removal rows of `job` (its products numbered after its file's last line, in
    batches of IMPORT_CHUNK_ROWS); return the decision. Runs in the caller's transaction."""
    options = SyncOptions.of(job)
    scope, params = scope_sql(options)
    removable = scope + (" AND p.active" if options.missing == "DEACTIVATE" else "")
    with connection.cursor() as cursor:
        if is_postgresql(connection):
            ids = _unlisted_postgresql(cursor, removable, params, listed)
        else:
            ids = _unlisted_sqlite(cursor, removable, params, listed)
        if options.missing_scope == "SOURCE":
            cursor.execute(f"SELECT count(*) FROM {TABLE} p WHERE {scope}", params)
            in_scope = cursor.fetchone()[0]
        else:
            in_scope = counts.product_count(Product.objects.all())
    size, first = settings.IMPORT_CHUNK_ROWS, job.checkpoint_line + 1
    ImportRemoval.objects.bulk_create(
        ImportRemoval(job_id=job.pk, line=first + start,
                      last_line=first + min(start + size, len(ids)) - 1,
                      product_ids=ids[start : start + size])
        for start in range(0, len(ids), size)
    )
    count = len(ids)
    too_many = count * 100 > options.max_removal_percent * in_scope
    return Decision(count, in_scope, _sample(ids), count > 0 and (no_valid_row or too_many))


def _sample(ids: list[int]) -> list[str]:
    """The SKUs of the removal's first `SAMPLE_SIZE` products."""
    first = ids[:SAMPLE_SIZE]
    skus = dict(Product.objects.filter(pk__in=first).values_list("pk", "sku"))
    return [skus[pk] for pk in first if pk in skus]


def _unlisted_postgresql(cursor: CursorWrapper, scope: str, params: list,
                         listed: set[str]) -> list[int]:
    """The ids (ascending) of the products in `scope` whose SKU key is not in `listed`."""
    cursor.execute(
        f"SELECT p.id FROM {TABLE} p WHERE {scope} AND lower(p.sku) <> ALL (%s::text[])",
        [*params, _array(listed)],
    )
    # Sorted here: half a million ids would not fit the server's default sort memory.
    return sorted(pk for (pk,) in cursor.fetchall())


def _array(keys: set[str]) -> str:
    """`keys` as the text of a PostgreSQL text array (every element quoted)."""
    text = '","'.join(keys)
    if "\\" in text or '"' in text:
        text = '","'.join(k.replace("\\", "\\\\").replace('"', '\\"') for k in keys)
    return '{"' + text + '"}' if keys else "{}"


def _unlisted_sqlite(cursor: CursorWrapper, scope: str, params: list,
                     listed: set[str]) -> list[int]:
    cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {LISTED} (k TEXT PRIMARY KEY)")
    cursor.execute(f"DELETE FROM {LISTED}")
    keys = list(listed)
    for start in range(0, len(keys), LISTED_BATCH):
        cursor.executemany(f"INSERT OR IGNORE INTO {LISTED} (k) VALUES (%s)",
                           [(k,) for k in keys[start : start + LISTED_BATCH]])
    cursor.execute(
        f"SELECT p.id FROM {TABLE} p WHERE {scope} AND NOT EXISTS "
        f"(SELECT 1 FROM {LISTED} l WHERE l.k = lower(p.sku)) ORDER BY p.id",
        params,
    )
    ids = [pk for (pk,) in cursor.fetchall()]
    cursor.execute(f"DROP TABLE {LISTED}")
    return ids
