"""One chunk of a removal: the products of its `ImportRemoval` batches that are still in
scope and unchanged since the decision get their change-log entry (every value before) and
are deactivated or deleted, in the caller's transaction. A dry run only logs.

A deactivated product's provenance names the import and the removal's line, so a revert
knows it still holds what the removal wrote; its import hash is cleared in the same
statement (the values changed), so the hash's trigger has nothing to do for each row.
Product counts per `active` are recorded exactly on PostgreSQL (`products.counts`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.utils import timezone

from core.databases import is_postgresql
from products import counts
from products.import_hash import COLUMN as HASH

from ...models import ImportJob
from ..databases import SQLITE_BATCH
from ..options import SyncOptions
from ..writers import postgresql_sql as sql
from ..writers.change_log import LOG_TABLE
from ..writers.stored import TABLE
from .decide import REMOVALS, WORK_MEM, scope_sql

DEACTIVATED, DELETED = 3, 4
ENTRY_COLUMNS = (
    "job_id, kind, line, product_id, sku, after_active, before_sku, before_name, "
    "before_description, before_active, before_import_id, before_import_line, "
    "before_created_at, before_created_by_import_id"
)


@dataclass
class ChunkDone:
    """Products deactivated and deleted by one chunk."""

    deactivated: int = 0
    deleted: int = 0


def remove_chunk(job: ImportJob, after: int, upto: int) -> ChunkDone:
    """Remove the products of `job`'s removal batches on lines `after < line <= upto`
    (whole batches)."""
    options = SyncOptions.of(job)
    delete = options.missing == "DELETE"
    scope, params = scope_sql(options, "q")
    decided = connection.ops.adapt_datetimefield_value(job.removal_decided_at)
    # Each product of the batches on lines after < line <= upto, with its line.
    if is_postgresql(connection):
        batches = (f"{REMOVALS} r CROSS JOIN LATERAL jsonb_array_elements_text(r.product_ids) "
                   "WITH ORDINALITY AS t(pid, ord)")
        line, product = "r.line + t.ord - 1", "t.pid::bigint"
    else:
        batches, line, product = f"{REMOVALS} r, json_each(r.product_ids) t", "r.line + t.key", \
            "t.value"
    select = (
        f"SELECT {line} AS line, q.id, q.sku, q.name, q.description, q.active, "
        "q.last_import_id, q.last_import_line, q.created_at, q.created_by_import_id "
        f"FROM {batches} JOIN {TABLE} q ON q.id = {product} "
        "WHERE r.job_id = %s AND r.line > %s AND r.last_line <= %s "
        f"AND {scope} AND q.updated_at <= %s{'' if delete else ' AND q.active'}"
    )
    select_params = [job.pk, after, upto, *params, decided]
    if is_postgresql(connection):
        return _postgresql(job, select, select_params, delete)
    return _sqlite(job, select, select_params, delete)


def _postgresql(job: ImportJob, select: str, params: list, delete: bool) -> ChunkDone:
    kind = DELETED if delete else DEACTIVATED
    log = (
        f"logged AS (INSERT INTO {LOG_TABLE} ({ENTRY_COLUMNS}) SELECT %s, {kind}, line, id, sku, "
        f"{'NULL::boolean' if delete else 'false'}, sku, name, description, active, "
        "last_import_id, last_import_line, created_at, created_by_import_id FROM old), "
        if job.changes_logged else ""
    )
    if job.dry_run:
        change = "SELECT active FROM old"
    elif delete:
        change = f"DELETE FROM {TABLE} p USING old WHERE p.id = old.id RETURNING p.active"
    else:
        change = (
            f"UPDATE {TABLE} p SET active = false, {HASH} = NULL, "
            "updated_at = statement_timestamp(), "
            "last_import_id = %s, last_import_line = old.line FROM old WHERE p.id = old.id "
            "RETURNING true AS active"
        )
    tail = [job.pk] if not job.dry_run and not delete else []
    with connection.cursor() as cursor:
        if not job.dry_run:
            counts.take_over_counts(cursor)
        # Index probes by id for the chunk's products (a hash join would read the whole
        # product table once per chunk), and the memory to keep the statement's old and new
        # rows (the change feed's trigger reads them) without temporary files.
        cursor.execute(sql.NESTED_LOOPS_ONLY)
        hashjoin, mergejoin = cursor.fetchone()[:2]
        cursor.execute("SELECT current_setting('work_mem'), set_config('work_mem', %s, true)",
                       [WORK_MEM])
        work_mem = cursor.fetchone()[0]
        cursor.execute(
            f"WITH old AS ({select} FOR UPDATE OF q), {log}changed AS ({change}) "
            "SELECT active, count(*) FROM changed GROUP BY active",
            [*params, *([job.pk] if job.changes_logged else []), *tail],
        )
        by_active = {bool(active): n for active, n in cursor.fetchall()}
        cursor.execute(sql.RESTORE_JOINS, [hashjoin, mergejoin])
        cursor.execute("SELECT set_config('work_mem', %s, true)", [work_mem])
        if not job.dry_run:
            if delete:
                counts.record(cursor, {a: -n for a, n in by_active.items()})
            else:
                n = by_active.get(True, 0)
                counts.record(cursor, {True: -n, False: n})
    total = sum(by_active.values())
    return ChunkDone(deleted=total) if delete else ChunkDone(deactivated=total)


def _sqlite(job: ImportJob, select: str, params: list, delete: bool) -> ChunkDone:
    with connection.cursor() as cursor:
        cursor.execute(select, params)
        found = cursor.fetchall()
        if job.changes_logged and found:
            kind = DELETED if delete else DEACTIVATED
            cursor.executemany(
                f"INSERT INTO {LOG_TABLE} ({ENTRY_COLUMNS}) VALUES "
                f"({', '.join(['%s'] * 14)})",
                [(job.pk, kind, line, pk, sku, None if delete else False, sku, name, text,
                  active, imp, imp_line, created, creator)
                 for line, pk, sku, name, text, active, imp, imp_line, created, creator
                 in found],
            )
        if not job.dry_run and found:
            for start in range(0, len(found), SQLITE_BATCH):
                batch = found[start : start + SQLITE_BATCH]
                if delete:
                    cursor.executemany(f"DELETE FROM {TABLE} WHERE id = %s",
                                       [(row[1],) for row in batch])
                else:
                    now = connection.ops.adapt_datetimefield_value(timezone.now())
                    cursor.executemany(
                        f"UPDATE {TABLE} SET active = 0, {HASH} = NULL, updated_at = %s, "
                        "last_import_id = %s, last_import_line = %s WHERE id = %s",
                        [(now, job.pk, row[0], row[1]) for row in batch],
                    )
    return ChunkDone(deleted=len(found)) if delete else ChunkDone(deactivated=len(found))
