"""Ending an import job: final status, the `import_finished` (or, for a revert,
`import_reverted`) signal, removing the file; and, before each chunk an import or a revert
commits, the check that the job is still this worker's and not cancelled
(`chunk_transaction`).

Used by the pipeline (completed, failed, cancelled at a chunk), by the services (a pending
job cancelled, a file too large, a job given up after too many attempts) and the sweeper.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from products import data_version

from ..models import ImportJob
from ..signals import import_finished, import_reverted

logger = logging.getLogger(__name__)


class Stopped(Exception):
    """The job was cancelled, or another worker owns it now: stop without finishing it."""


class _CancelRequested(Exception):
    """Raised inside a chunk's transaction when the job was asked to cancel."""


@contextmanager
def chunk_transaction(job: ImportJob, *fields: str) -> Iterator[ImportJob]:
    """One chunk's transaction, holding the lock of `job`'s row; yields the row with `fields`.

    Raises Stopped when another worker has claimed the job since, or when it was asked to
    cancel: the chunk is then not written, and the job is finished as CANCELLED in a
    transaction of its own (the chunk's is rolled back), with its event.

    What the chunk's product writes moved the data version by is added to the job's
    `data_version_moved` in the same transaction (see `finish_locked`).
    """
    try:
        with transaction.atomic():
            current = _lock_for_chunk(job, fields)
            mark = data_version.mark()
            yield current
            moved = data_version.moved_since(mark)
            if moved:
                ImportJob.objects.filter(pk=job.pk).update(
                    data_version_moved=F("data_version_moved") + moved)
    except _CancelRequested:
        finish(job, ImportJob.Status.CANCELLED)
        raise Stopped from None


def _lock_for_chunk(job: ImportJob, fields: tuple[str, ...]) -> ImportJob:
    current = (
        ImportJob.objects.select_for_update()
        .only("claim_token", "cancel_requested", "status", *fields)
        .get(pk=job.pk)
    )
    if current.claim_token != job.claim_token or current.status != ImportJob.Status.PROCESSING:
        raise Stopped
    if current.cancel_requested:
        raise _CancelRequested
    return current


def check_in(job: ImportJob, **progress: int) -> None:
    """Between commits (the check pass, which writes nothing): record `progress` fields that
    grew, and raise Stopped when the job is not this worker's any more, or when it was asked
    to cancel (it is then finished as CANCELLED: nothing was written)."""
    for name, value in progress.items():
        ImportJob.objects.filter(pk=job.pk, **{f"{name}__lt": value}).update(**{name: value})
        setattr(job, name, max(getattr(job, name), value))  # finishing saves the job's own
    current = (ImportJob.objects.filter(pk=job.pk)
               .values_list("status", "claim_token", "cancel_requested").first())
    if current is None or current[0] != ImportJob.Status.PROCESSING \
            or current[1] != job.claim_token:
        raise Stopped
    if current[2]:
        finish(job, ImportJob.Status.CANCELLED)
        raise Stopped


def finish(job: ImportJob, status: str, message: str = "") -> None:
    """Give `job` its final status in one transaction with the signal; then drop its file."""
    with transaction.atomic():
        ImportJob.objects.select_for_update().only("id").get(pk=job.pk)
        finish_locked(job, status, message)


def finish_locked(job: ImportJob, status: str, message: str = "", notice: str = "") -> None:
    """Like `finish`, inside a transaction that already holds the job's row lock.

    `message` says why a job failed; `notice`, how a completed one completed when that is
    worth saying.

    A completed import (not a dry run) keeps the data version it left when the version
    moved, since the one noted before its first write, by its own writes alone: nobody else
    wrote a product while it ran (`same_file`).
    """
    job.status = status
    job.error_message = message
    job.notice = notice
    job.finished_at = timezone.now()
    if status == ImportJob.Status.COMPLETED:
        job.progress = 100
        job.bytes_processed = job.file_size
    job.data_version_after = _version_left(job) if status == ImportJob.Status.COMPLETED \
        else None
    job.save(update_fields=["status", "error_message", "notice", "finished_at", "progress",
                            "bytes_processed", "data_version_after"])
    if job.kind == ImportJob.Kind.REVERT:
        import_reverted.send(sender=ImportJob, job=job)
    else:
        import_finished.send(sender=ImportJob, job=job)
    if job.file and not keeps_file(job):  # a call's items written at once have no file
        transaction.on_commit(lambda: delete_file(job.pk))


def _version_left(job: ImportJob) -> int | None:
    """The data version `job` left, if only its own writes moved it since it began."""
    if job.kind != ImportJob.Kind.IMPORT or job.dry_run:
        return None
    before, moved = (ImportJob.objects.filter(pk=job.pk)
                     .values_list("data_version_before", "data_version_moved").get())
    if before is None:
        return None
    after = data_version.current()
    return after if after - before == moved else None


def keeps_file(job: ImportJob) -> bool:
    """Whether `job` keeps its file after it ended: a completed dry run of an import does,
    for IMPORT_STAGED_TTL_HOURS, so that the same file can be imported for real without
    uploading it again (`staging.import_again`); the sweeper deletes it then."""
    return (job.kind == ImportJob.Kind.IMPORT and job.dry_run
            and job.status == ImportJob.Status.COMPLETED)


def file_kept_until(job: ImportJob) -> datetime | None:
    """Until when a completed dry run's file is kept (None: no file is kept)."""
    if not job.file.name or not keeps_file(job) or job.finished_at is None:
        return None
    return job.finished_at + timedelta(hours=settings.IMPORT_STAGED_TTL_HOURS)


def leftover_files(now: datetime | None = None) -> QuerySet[ImportJob]:
    """Ended jobs whose file is still stored and no longer needed (a completed dry run's
    file once its time is up)."""
    cutoff = (now or timezone.now()) - timedelta(hours=settings.IMPORT_STAGED_TTL_HOURS)
    kept = Q(kind=ImportJob.Kind.IMPORT, dry_run=True, status=ImportJob.Status.COMPLETED,
             finished_at__gte=cutoff)
    return ImportJob.objects.filter(status__in=ImportJob.FINAL).exclude(file="").exclude(kept)


def delete_file(job_id: int) -> None:
    """Remove the uploaded file of a job that has ended (safe to call more than once; a file
    a completed dry run keeps is removed too: the caller decides)."""
    job = ImportJob.objects.filter(pk=job_id).only("file", "status").first()
    if job is None or not job.file.name or job.status not in ImportJob.FINAL:
        return
    try:
        job.file.storage.delete(job.file.name)
    except Exception:  # a folder's OSError, a bucket's ClientError: the sweeper tries again
        logger.warning("Could not delete %s of import %s", job.file.name, job_id, exc_info=True)
        return
    ImportJob.objects.filter(pk=job_id).update(file="")
