"""Removing the products a file no longer lists (`missing: DEACTIVATE | DELETE`).

After the whole file is applied, the removal is decided once (`decide`): the products in
scope (all, or those whose provenance is an import of the same source) whose SKU no row of
the file names (a bad row still names its product) are written as `ImportRemoval` batches
(numbered after the file's last line, a batch per chunk), with the counts the guard needs.
The guard holds the job (`NEEDS_CONFIRMATION`) when the removal would take more than
`maxRemovalPercent` of the products in scope, or when the file has no valid row at all;
`confirmImport` lets it carry on, `cancelImport` ends it with nothing removed.

Then the removal runs in chunks (`chunk`), each in one transaction with the job's
checkpoint (`removal_line`) and counts, and with a change-log entry per product
(`DEACTIVATED` or `DELETED`, every value before): a killed worker resumes after the last
committed chunk and ends with the same products and counts. A product changed after the
decision, or no longer in scope, is left alone. A dry run logs the same entries and counts
and changes no product. Deletions send no per-product event (`import.finished` has the
counts).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import timezone

from ...models import ImportJob, ImportRemoval
from ...signals import import_held
from .. import finishing
from .chunk import remove_chunk
from .decide import decide

__all__ = ["carry_on", "decide_and_remove", "forget"]

LAST_LINE = 2**62


def decide_and_remove(job: ImportJob, listed: set[str], no_valid_row: bool) -> None:
    """Decide the removal of `job` (once) and carry it out; raise `finishing.Stopped` when
    the job stops before the end (the guard holds it, it was cancelled, it was taken)."""
    if job.removal_decided_at is None:
        with _chunk(job):
            found = decide(job, listed, no_valid_row)
            job.removal_decided_at = timezone.now()
            job.removal_count, job.removal_scope_count = found.count, found.scope
            job.removal_sample, job.removal_held = found.sample, found.held
            job.removal_line = job.checkpoint_line
            job.save(update_fields=[
                "removal_decided_at", "removal_count", "removal_scope_count",
                "removal_sample", "removal_held", "removal_line",
            ])
    carry_on(job)


def carry_on(job: ImportJob) -> None:
    """Carry out the decided removal of `job` from its checkpoint; raise `finishing.Stopped`
    when the guard holds it (the job then waits in NEEDS_CONFIRMATION), or it is cancelled or
    taken."""
    if job.removal_held and not job.removal_confirmed and not job.dry_run:
        with _chunk(job):
            job.status = ImportJob.Status.NEEDS_CONFIRMATION
            job.save(update_fields=["status"])
            import_held.send(sender=ImportJob, job=job)
        raise finishing.Stopped
    while True:
        upto = (ImportRemoval.objects.filter(job_id=job.pk, line__gt=job.removal_line)
                .order_by("line").values_list("last_line", flat=True).first())
        with _chunk(job):  # one batch; with none left, a last look for a cancel
            done = remove_chunk(job, job.removal_line, upto or LAST_LINE)
            job.deactivated_count += done.deactivated
            job.deleted_count += done.deleted
            job.removal_line = upto or LAST_LINE
            job.save(update_fields=["deactivated_count", "deleted_count", "removal_line"])
        if upto is None:
            forget(job.pk)
            return


def forget(job_id: int) -> None:
    """Drop the decided removal of a job that ends (done or cancelled)."""
    ImportRemoval.objects.filter(job_id=job_id).delete()


@contextmanager
def _chunk(job: ImportJob) -> Iterator[None]:
    """One step's transaction (`finishing.chunk_transaction`); a job cancelled there ends
    CANCELLED with what was written kept, and its decided removal is dropped."""
    try:
        with finishing.chunk_transaction(job):
            yield
    except finishing.Stopped:
        if job.is_final:  # cancelled (not taken by another worker)
            forget(job.pk)
        raise
