"""Deciding a removal: which products in scope the file does not list, and the guard.

The file's keys go into a temporary table (COPY on PostgreSQL), and one INSERT ... SELECT
with an anti-join (the keys hashed in memory) writes the removal's rows, a batch of product
ids per chunk of the removal; the scope's size
comes from the exact product counts (`ALL`) or one count over the products (`SOURCE`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
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
# Memory for the anti-join's hash of the file's keys (about 80 bytes a key): 500,000 keys
# fit in one batch (PostgreSQL allows a hash `hash_mem_multiplier` times this).
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
    only_active = " AND p.active" if options.missing == "DEACTIVATE" else ""
    unlisted = (
        f"SELECT p.id FROM {TABLE} p WHERE {scope}{only_active} AND NOT EXISTS "
        f"(SELECT 1 FROM {LISTED} l WHERE l.k = lower(p.sku))"
    )
    size = settings.IMPORT_CHUNK_ROWS
    with connection.cursor() as cursor:
        _fill_listed(cursor, listed)
        if is_postgresql(connection):
            with _roomy(cursor):
                cursor.execute(
                    f"INSERT INTO {REMOVALS} (job_id, line, last_line, product_ids) "
                    "SELECT %s, %s + min(n), %s + max(n), jsonb_agg(id ORDER BY n) FROM "
                    f"(SELECT id, row_number() OVER (ORDER BY id) AS n FROM ({unlisted}) u) r "
                    "GROUP BY (n - 1) / %s RETURNING last_line - line + 1",
                    [job.pk, job.checkpoint_line, job.checkpoint_line, *params, size],
                )
                count = sum(n for (n,) in cursor.fetchall())
        else:
            cursor.execute(f"{unlisted} ORDER BY p.id", params)
            ids = [pk for (pk,) in cursor.fetchall()]
            count = len(ids)
            first = job.checkpoint_line + 1
            ImportRemoval.objects.bulk_create(
                ImportRemoval(job_id=job.pk, line=first + start,
                              last_line=first + min(start + size, count) - 1,
                              product_ids=ids[start : start + size])
                for start in range(0, count, size)
            )
        cursor.execute(f"DROP TABLE {LISTED}")
        if options.missing_scope == "SOURCE":
            cursor.execute(f"SELECT count(*) FROM {TABLE} p WHERE {scope}", params)
            in_scope = cursor.fetchone()[0]
        else:
            in_scope = counts.product_count(Product.objects.all())
    too_many = count * 100 > options.max_removal_percent * in_scope
    return Decision(count, in_scope, _sample(job), count > 0 and (no_valid_row or too_many))


def _sample(job: ImportJob) -> list[str]:
    """The SKUs of the removal's first `SAMPLE_SIZE` products."""
    first = (ImportRemoval.objects.filter(job_id=job.pk).order_by("line")
             .values_list("product_ids", flat=True).first()) or []
    ids = first[:SAMPLE_SIZE]
    skus = dict(Product.objects.filter(pk__in=ids).values_list("pk", "sku"))
    return [skus[pk] for pk in ids if pk in skus]


@contextmanager
def _roomy(cursor: CursorWrapper) -> Iterator[None]:
    """Give the anti-join `WORK_MEM` (then the setting before; PostgreSQL): the file's keys
    are hashed in memory in one batch, and the products in scope are read once."""
    cursor.execute("SELECT current_setting('work_mem'), set_config('work_mem', %s, true)",
                   [WORK_MEM])
    before = cursor.fetchone()[0]
    yield
    cursor.execute("SELECT set_config('work_mem', %s, true)", [before])


def _fill_listed(cursor: CursorWrapper, listed: set[str]) -> None:
    if is_postgresql(connection):
        cursor.execute(f"CREATE TEMP TABLE {LISTED} (k text) ON COMMIT DROP")
        text = "".join(_copy_field(k) + "\n" for k in listed)
        cursor.copy_expert(f"COPY {LISTED} (k) FROM STDIN", io.StringIO(text), size=1 << 20)
        cursor.execute(f"ANALYZE {LISTED}")  # its size: the planner hashes it (no index)
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
