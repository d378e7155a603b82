"""Revert a chunk of a change log in SQLite (the embedded mode).

The embedded database takes its write lock at BEGIN, so the products read here cannot
change before this chunk commits.
"""

from __future__ import annotations

from django.db import connection
from django.utils import timezone

from ..pipeline.databases import SQLITE_BATCH
from ..pipeline.writers.change_log import CREATED, LOG_TABLE
from ..pipeline.writers.stored import TABLE
from .outcome import ChunkResult, conflict_reason


def revert_chunk(target_id: int, after: int, upto: int, revert_id: int) -> ChunkResult:
    """Revert the entries of import `target_id` on lines `after < line <= upto`; conflicts
    are recorded for revert job `revert_id`."""
    result = ChunkResult()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, kind, line, product_id, before_sku, before_name, before_description, "
            f"before_active, before_import_id, before_import_line FROM {LOG_TABLE} "
            "WHERE job_id = %s AND line > %s AND line <= %s AND kind <= 2 ORDER BY line",
            [target_id, after, upto],
        )
        entries = cursor.fetchall()
        ids = [e[3] for e in entries if e[3] is not None]
        provenance: dict[int, tuple] = {}
        for start in range(0, len(ids), SQLITE_BATCH):
            batch = ids[start : start + SQLITE_BATCH]
            cursor.execute(
                f"SELECT id, last_import_id, last_import_line FROM {TABLE} "
                f"WHERE id IN ({','.join(['%s'] * len(batch))})",
                batch,
            )
            provenance.update((pk, (imp, line)) for pk, imp, line in cursor.fetchall())
        deletes, restores, conflicts = [], [], []
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        for change_id, kind, line, product_id, *before in entries:
            found = provenance.get(product_id)
            if found != (target_id, line):
                exists = found is not None
                conflicts.append(
                    (revert_id, change_id, *conflict_reason(exists, found[0] if exists else None))
                )
            elif kind == CREATED:
                deletes.append((product_id,))
            else:
                restores.append((*before, now, product_id))
        if deletes:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE id = %s", deletes)
        if restores:
            cursor.executemany(
                f"UPDATE {TABLE} SET sku = %s, name = %s, description = %s, active = %s, "
                "last_import_id = %s, last_import_line = %s, updated_at = %s WHERE id = %s",
                restores,
            )
        if conflicts:
            cursor.executemany(
                "INSERT INTO imports_revertconflict (job_id, change_id, reason, "
                "later_import_id) VALUES (%s, %s, %s, %s)",
                conflicts,
            )
    result.deleted, result.restored, result.conflicts = (
        len(deletes), len(restores), len(conflicts)
    )
    return result
