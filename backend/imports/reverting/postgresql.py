"""Revert a chunk of a change log in PostgreSQL: two set-based statements.

The first deletes the products the import created and restores the before-values (and the
provenance from before) of those it updated, each only while the product still holds what
the import wrote; DELETE and UPDATE lock the rows and re-check that condition on the row's
latest version, so a person's edit committed meanwhile is never overwritten. The second,
with a fresh snapshot, records every other entry of the chunk as a conflict with its reason.
Product counts per `active` are recorded exactly (`products.counts`), so no per-row trigger
runs.
"""

from __future__ import annotations

from django.db import connection

from products import counts

from ..pipeline.writers.change_log import CREATED, LOG_TABLE, UPDATED
from ..pipeline.writers.stored import TABLE
from .outcome import ChunkResult

CONFLICTS = "imports_revertconflict"


def revert_chunk(target_id: int, after: int, upto: int, revert_id: int) -> ChunkResult:
    """Revert the entries of import `target_id` on lines `after < line <= upto`; conflicts
    are recorded for revert job `revert_id`."""
    params = {"target": target_id, "after": after, "upto": upto, "revert": revert_id}
    result = ChunkResult()
    with connection.cursor() as cursor:
        counts.take_over_counts(cursor)
        cursor.execute(
            f"""
            WITH c AS (
                SELECT * FROM {LOG_TABLE}
                WHERE job_id = %(target)s AND line > %(after)s AND line <= %(upto)s
                  AND kind <= {UPDATED}
            ),
            deleted AS (
                DELETE FROM {TABLE} p USING c
                WHERE c.kind = {CREATED} AND p.id = c.product_id
                  AND p.last_import_id = %(target)s AND p.last_import_line = c.line
                RETURNING c.id, p.active AS old_active, NULL::boolean AS new_active
            ),
            restored AS (
                UPDATE {TABLE} p SET sku = c.before_sku, name = c.before_name,
                    description = c.before_description, active = c.before_active,
                    last_import_id = c.before_import_id,
                    last_import_line = c.before_import_line,
                    updated_at = statement_timestamp()
                FROM c
                WHERE c.kind = {UPDATED} AND p.id = c.product_id
                  AND p.last_import_id = %(target)s AND p.last_import_line = c.line
                RETURNING c.id, COALESCE(c.after_active, c.before_active) AS old_active,
                    p.active AS new_active
            )
            SELECT id, old_active, new_active FROM deleted
            UNION ALL SELECT id, old_active, new_active FROM restored
            """,
            params,
        )
        handled = cursor.fetchall()
        deltas = {True: 0, False: 0}
        for _, old_active, new_active in handled:
            if new_active is None:
                result.deleted += 1
                deltas[old_active] -= 1
            else:
                result.restored += 1
                if old_active != new_active:
                    deltas[old_active] -= 1
                    deltas[new_active] += 1
        counts.record(cursor, deltas)
        cursor.execute(
            f"""
            INSERT INTO {CONFLICTS} (job_id, change_id, reason, later_import_id)
            SELECT %(revert)s, c.id,
                CASE WHEN p.id IS NULL THEN 'DELETED'
                     WHEN p.last_import_id IS NULL THEN 'EDITED' ELSE 'REIMPORTED' END,
                p.last_import_id
            FROM {LOG_TABLE} c LEFT JOIN {TABLE} p ON p.id = c.product_id
            WHERE c.job_id = %(target)s AND c.line > %(after)s AND c.line <= %(upto)s
              AND c.kind <= {UPDATED}
              AND NOT EXISTS (SELECT 1 FROM unnest(%(handled)s::bigint[]) AS h(id)
                              WHERE h.id = c.id)
            ORDER BY c.line
            """,
            {**params, "handled": [row[0] for row in handled]},
        )
        result.conflicts = cursor.rowcount
    return result
