"""Revert the removal entries of a chunk of a change log: products a sync deactivated are
made active again, products it deleted come back with their id, values, creation time and
provenance.

As for the file's own entries, a product is reverted only while nothing wrote it since:
a deactivated product still names the import and the removal's line in its provenance; a
deleted product's id and SKU are both still free. Otherwise the entry is a conflict with
its reason (a product re-created with the SKU since: EDITED by a person, REIMPORTED by an
import). Product counts per `active` are recorded exactly on PostgreSQL.
"""

from __future__ import annotations

from django.db import connection
from django.utils import timezone

from core.databases import is_postgresql
from products import counts

from ..pipeline.writers.change_log import LOG_TABLE
from ..pipeline.writers.stored import TABLE
from .outcome import ChunkResult, conflict_reason

DEACTIVATED, DELETED = 3, 4


def revert_chunk(target_id: int, after: int, upto: int, revert_id: int) -> ChunkResult:
    """Revert the removal entries of import `target_id` on lines `after < line <= upto`;
    conflicts are recorded for revert job `revert_id`."""
    result = ChunkResult()
    postgres = is_postgresql(connection)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, kind, line, product_id, before_sku, before_name, before_description, "
            "before_active, before_import_id, before_import_line, before_created_at, "
            "before_created_by_import_id "
            f"FROM {LOG_TABLE} WHERE job_id = %s AND line > %s AND line <= %s "
            f"AND kind IN ({DEACTIVATED}, {DELETED}) ORDER BY line",
            [target_id, after, upto],
        )
        entries = cursor.fetchall()
        if not entries:
            return result
        if postgres:
            counts.take_over_counts(cursor)
        deltas = {True: 0, False: 0}
        conflicts = []
        for (change_id, kind, line, pk, sku, name, text, active, imp, imp_line, created,
             creator) in entries:
            lock = " FOR UPDATE" if postgres else ""
            cursor.execute(
                f"SELECT id, last_import_id, last_import_line, active FROM {TABLE} "
                f"WHERE id = %s OR lower(sku) = lower(%s){lock}", [pk, sku],
            )
            found = cursor.fetchall()
            if kind == DEACTIVATED:
                same = [f for f in found if f[0] == pk]
                if same and same[0][1:3] == (target_id, line):
                    cursor.execute(
                        f"UPDATE {TABLE} SET active = %s, last_import_id = %s, "
                        "last_import_line = %s, updated_at = %s WHERE id = %s",
                        [active, imp, imp_line, now, pk],
                    )
                    result.restored += 1
                    if not same[0][3] and active:
                        deltas[False] -= 1
                        deltas[True] += 1
                    continue
                reason = conflict_reason(bool(same), same[0][1] if same else None)
            elif not found:
                cursor.execute(
                    f"INSERT INTO {TABLE} (id, sku, name, description, active, created_at, "
                    "updated_at, last_import_id, last_import_line, created_by_import_id) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [pk, sku, name, text, active, created or now, now, imp, imp_line, creator],
                )
                result.restored += 1
                deltas[bool(active)] += 1
                continue
            else:  # the SKU was taken again since: by a person, or by an import
                reason = conflict_reason(True, found[0][1])
            conflicts.append((revert_id, change_id, *reason))
        if conflicts:
            cursor.executemany(
                "INSERT INTO imports_revertconflict (job_id, change_id, reason, "
                "later_import_id) VALUES (%s, %s, %s, %s)",
                conflicts,
            )
        if postgres:
            counts.record(cursor, deltas)
    result.conflicts = len(conflicts)
    return result
