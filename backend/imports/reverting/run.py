"""The revert job's loop: the target's change log in file order, chunk by chunk.

Each chunk (IMPORT_CHUNK_ROWS entries) commits in one transaction with the revert job's
checkpoint (`checkpoint_line`: the last line reverted) and counts, like an import's chunks:
a cancelled revert stops at a chunk boundary, and a killed worker's revert resumes after
the last committed chunk with exact counts.
"""

from __future__ import annotations

from django.conf import settings

from ..models import ImportChange, ImportJob
from ..pipeline import bulk, databases, finishing
from ..pipeline.finishing import Stopped, chunk_transaction
from . import postgresql, removals, sqlite

LAST_LINE = 2**62

# The chunk reverter of each database (a module with `revert_chunk`).
REVERTERS = {databases.POSTGRESQL: postgresql, databases.SQLITE: sqlite}

FIELDS = [
    "checkpoint_line", "rows_processed", "deleted_count", "restored_count", "conflict_count",
    "progress", "chunks_committed",
]


def run(job: ImportJob) -> None:
    """Process revert `job` (claimed by this worker, status PROCESSING, not cancelled before
    it began) until it ends or is taken."""
    try:
        revert(job)
    except Stopped:
        return
    bulk.upkeep(job)
    finishing.finish(job, ImportJob.Status.COMPLETED)


def revert(job: ImportJob) -> None:
    """Revert `job.reverts` from the job's checkpoint on; raise Stopped when told to."""
    target = ImportJob.objects.only(
        "id", "created_count", "updated_count", "deactivated_count", "deleted_count"
    ).get(pk=job.reverts_id)
    total = max(target.created_count + target.updated_count + target.deactivated_count
                + target.deleted_count, 1)
    size = settings.IMPORT_CHUNK_ROWS
    while True:
        # The chunk ends at the line of its last entry (the size-th after the checkpoint).
        lines = list(
            ImportChange.objects.filter(job_id=target.pk, line__gt=job.checkpoint_line)
            .order_by("line")
            .values_list("line", flat=True)[size - 1 : size]
        )
        upto = lines[0] if lines else LAST_LINE
        commit_chunk(job, target.pk, upto, total)
        if not lines:
            return


def commit_chunk(job: ImportJob, target_id: int, upto: int, total: int) -> None:
    """Revert the entries after the checkpoint up to line `upto`, with the checkpoint."""
    with chunk_transaction(job):
        reverter = REVERTERS[databases.current()]
        done = reverter.revert_chunk(target_id, job.checkpoint_line, upto, job.pk)
        removed = removals.revert_chunk(target_id, job.checkpoint_line, upto, job.pk)
        done.restored += removed.restored
        done.conflicts += removed.conflicts
        job.deleted_count += done.deleted
        job.restored_count += done.restored
        job.conflict_count += done.conflicts
        job.rows_processed += done.deleted + done.restored + done.conflicts
        job.checkpoint_line = upto
        job.progress = max(job.progress, min(99, job.rows_processed * 100 // total))
        job.chunks_committed += 1
        job.save(update_fields=FIELDS)
