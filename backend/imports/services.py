"""Import jobs: submit, cancel, and work the queue one job at a time in submission order.

Services record rows and return; they never send messages (the API layer sends
`tasks.process_imports` after a submission commits, and the actors call in here).

Order and exclusivity come from one lock for the whole queue: a PostgreSQL session-level
advisory lock in production (released by the server when a worker's connection dies), a
process lock in the embedded mode (one process). Whoever holds it claims the oldest
unfinished job with a conditional UPDATE and runs it; a PROCESSING job seen by the lock
holder belongs to a worker that died, and is resumed from its checkpoint.
"""

from __future__ import annotations

import errno
import hashlib
import os
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from activity.recording import record
from core.thread_switching import prompt_switching

from . import changes
from .models import ImportJob
from .pipeline import bulk, databases, finishing, removal
from .pipeline import options as sync_options
from .pipeline import run as pipeline
from .reverting import run as reverting
from .uploads import storage_failure

QUEUE_LOCK_KEY = 0x696D706F727473  # "imports"
UNFINISHED = (ImportJob.Status.PENDING, ImportJob.Status.PROCESSING)
# A job waiting for a person to confirm its removal holds the queue: later jobs must not
# change the catalogue its removal was decided on.
IN_QUEUE = (*UNFINISHED, ImportJob.Status.NEEDS_CONFIRMATION)

NO_SUCH_JOB = "No import job with this id."

T = TypeVar("T")


def _size_text(n: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}".replace(".0 ", " ")
        n /= 1024
    return str(n)


def too_large_message(size: int, limit: int, *, or_more: bool = False) -> str:
    """What a person reads when a file of `size` bytes passes `IMPORT_MAX_UPLOAD_BYTES`."""
    return (
        f"The file is too large: it has {_size_text(size)}{' or more' if or_more else ''}, and "
        f"the limit is {_size_text(limit)} (IMPORT_MAX_UPLOAD_BYTES). Split it, or compress it "
        "with gzip: compressed CSV files are accepted (an .xlsx workbook is compressed "
        "already; save it as CSV and compress that)."
    )


def _new_job(
    name: str, size: int, *, dry_run: bool, user: Any, staged: bool,
    options: dict[str, Any] | None, origin: str, listed: bool = True,
) -> tuple[ImportJob, dict[str, Any]]:
    """Create the job row of an import of the file `name` that came from `origin` (in the
    caller's transaction); return it and the reading options (the sync options are on the
    job, checked)."""
    user = user if getattr(user, "is_authenticated", False) else None
    sync = sync_options.clean(options)
    options = {k: v for k, v in (options or {}).items()
               if k not in sync_options.KEYS and v is not None}
    job = ImportJob.objects.create(
        **sync,
        file_name=name, file_size=size, dry_run=dry_run, created_by=user, listed=listed,
        origin=origin, status=ImportJob.Status.STAGED if staged else ImportJob.Status.PENDING,
        queued_at=None if staged else timezone.now(), options=options or {},
        changes_logged=settings.IMPORT_CHANGE_LOG,
    )
    return job, options


def _record_submission(job: ImportJob, *, staged: bool, dry_run: bool) -> None:
    record("import.staged" if staged else "import.dry_run" if dry_run else "import.started",
           job, detail={"file": job.file_name, "bytes": job.file_size})


def submit_import(
    upload: UploadedFile, *, dry_run: bool = False, user: Any = None, staged: bool = False,
    options: dict[str, Any] | None = None, listed: bool = True, sha256: str | None = None,
    origin: str = ImportJob.Origin.UPLOAD,
) -> ImportJob:
    """Record an import of `upload` as a PENDING job (STAGED when `staged`: it waits to be
    inspected and started) with its file stored; return it.

    A file over `IMPORT_MAX_UPLOAD_BYTES` gives a FAILED job that says so (nothing stored).
    `options` (sheet, encoding, ...; see `staging.clean_options`) override detection; the
    sync options among them (`pipeline.options`) are checked first (ValidationError, nothing
    written). `listed=False`: a preview not shown among the imports. The caller has a worker
    sent for a PENDING job (`tasks.process_imports`) on commit. `sha256`: the file's, when
    the caller took it already (else the upload handler's, or read here). `origin`: where
    the file came from (an upload unless told: a feed says FEED).
    """
    name = os.path.basename(upload.name or "upload.csv")[:255] or "upload.csv"
    size = upload.size or 0
    limit = settings.IMPORT_MAX_UPLOAD_BYTES
    with transaction.atomic():
        job, _ = _new_job(name, size, dry_run=dry_run, user=user, staged=staged,
                          options=options, listed=listed, origin=origin)
        too_large = getattr(upload, "too_large", False)
        if too_large or size > limit:
            finishing.finish_locked(
                job, ImportJob.Status.FAILED, too_large_message(size, limit, or_more=too_large)
            )
            return job
        _record_submission(job, staged=staged, dry_run=dry_run)
        name = f"{job.pk}-{uuid.uuid4().hex[:8]}.upload"
        target = job.file.field.generate_filename(job, name)
        error = getattr(upload, "write_error", None)
        existed = True  # never delete a file that was there (or that may have been)
        try:
            if error is None and not sha256:
                sha256 = _sha256(upload)  # before a move takes the file
            existed = job.file.storage.exists(target)
            if error is None and getattr(upload, "stored_name", None):
                job.file.name = upload.stored_name  # streamed into the bucket already
            elif error is None:
                job.file.save(name, upload, save=False)
        except Exception as exc:  # disk full, a bucket refusing: no partial file stays behind
            error = exc if isinstance(exc, OSError) else OSError(errno.EIO, str(exc))
            if not existed:
                job.file.storage.delete(target)
        if error is not None:
            job.file.name = ""
            finishing.finish_locked(job, ImportJob.Status.FAILED, storage_failure(error, size))
            return job
        job.file_sha256 = sha256 or ""
        job.save(update_fields=["file", "file_sha256"])
    return job


def _sha256(upload: UploadedFile) -> str:
    """The SHA-256 of `upload`: taken as the upload handler stored it (`imports.uploads`) or
    as a feed downloaded it, else (a file held in memory, or made by the caller) read here."""
    known = getattr(upload, "sha256", None)
    if known:
        return str(known)
    if getattr(upload, "stored_name", None):
        return ""  # in the bucket: not read again here (the worker may, `same_file`)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return digest.hexdigest()


def submit_stored(
    name: str, stored_name: str, size: int, *, user: Any = None,
    options: dict[str, Any] | None = None, dry_run: bool = False,
) -> ImportJob:
    """Record a STAGED import of a file already in the storage under `stored_name` (a direct
    upload to the bucket) and return it; the job owns the file from here on.

    Over `IMPORT_MAX_UPLOAD_BYTES` the job is FAILED and the file deleted, as for an upload.
    """
    limit = settings.IMPORT_MAX_UPLOAD_BYTES
    with transaction.atomic():
        job, _ = _new_job(name, size, dry_run=dry_run, user=user, staged=True, options=options,
                          origin=ImportJob.Origin.DIRECT_UPLOAD)
        job.file.name = stored_name
        job.save(update_fields=["file"])
        if size > limit:
            finishing.finish_locked(job, ImportJob.Status.FAILED, too_large_message(size, limit))
            return job
        _record_submission(job, staged=True, dry_run=dry_run)
    return job


def cancel_import(job_id: int) -> ImportJob:
    """Cancel a PENDING or STAGED job at once, or ask a PROCESSING one to stop at its next
    chunk."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None:
            raise ValidationError({"id": ValidationError(NO_SUCH_JOB, code="not_found")})
        if job.status in (ImportJob.Status.PENDING, ImportJob.Status.STAGED,
                          ImportJob.Status.NEEDS_CONFIRMATION):
            # Waiting for confirmation: the file's writes stay, nothing is removed.
            finishing.finish_locked(job, ImportJob.Status.CANCELLED)
            transaction.on_commit(lambda: removal.forget(job.pk))
        elif job.status == ImportJob.Status.PROCESSING:
            job.cancel_requested = True
            job.save(update_fields=["cancel_requested"])
        else:
            raise ValidationError(
                {"id": f"This import has already ended ({job.status}); only staged, pending "
                 "or processing imports can be cancelled."}
            )
        record("import.cancelled", job)
    return job


def submit_revert(job_id: int, *, user: Any = None) -> ImportJob:
    """Queue a revert of import `job_id` as a PENDING job of kind REVERT; return it.

    Raises ValidationError saying why when the import cannot be reverted (see
    `changes.revert_blocker`). Two requests at once get one revert: the import's row is
    locked here, and a unique index allows one live revert per import. A revert that was
    cancelled or failed is continued by the next one (its checkpoint, counts and conflicts
    carry over), so the final revert's counts cover the whole undo. The caller has a worker
    sent on commit, as for an import.
    """
    user = user if getattr(user, "is_authenticated", False) else None
    try:
        with transaction.atomic():
            target = ImportJob.objects.select_for_update().filter(pk=job_id).first()
            if target is None:
                raise ValidationError({"id": ValidationError(NO_SUCH_JOB, code="not_found")})
            problem = changes.revert_blocker(target)
            if problem:
                raise ValidationError({"id": problem})
            earlier = (
                target.reverted_by.filter(
                    status__in=(ImportJob.Status.CANCELLED, ImportJob.Status.FAILED)
                )
                .order_by("-id")
                .first()
            )
            job = ImportJob.objects.create(
                kind=ImportJob.Kind.REVERT,
                origin=ImportJob.Origin.REVERT,
                reverts=target,
                file_name=f"Revert of {target.file_name}"[:255],
                created_by=user,
            )
            if earlier is not None:
                _continue_from(job, earlier)
            record("import.reverted", target, detail={"revert_job": job.pk})
    except IntegrityError:
        raise ValidationError(
            {"id": "This import is already being reverted; follow the revert's progress."}
        ) from None
    return job


def _continue_from(job: ImportJob, earlier: ImportJob) -> None:
    for name in ("checkpoint_line", "rows_processed", "progress", "deleted_count",
                 "restored_count", "conflict_count"):
        setattr(job, name, getattr(earlier, name))
    job.save()
    earlier.conflicts.update(job=job)
    ImportJob.objects.filter(pk=earlier.pk).update(conflict_count=0)


def queue_lock(wait: float = 0.0) -> AbstractContextManager[bool]:
    """Try to take the queue lock, waiting at most `wait` seconds (0: not at all); yield
    whether this caller holds it."""
    return databases.current().try_lock(QUEUE_LOCK_KEY, wait)


def claim_next() -> ImportJob | None:
    """Claim the oldest unfinished job (call with the queue lock held)."""
    while True:
        job = _head()
        if job is None or job.status == ImportJob.Status.NEEDS_CONFIRMATION:
            return None
        if job.attempts >= settings.IMPORT_MAX_ATTEMPTS:
            finishing.finish(
                job,
                ImportJob.Status.FAILED,
                f"The import stopped on an internal error {job.attempts} times and was given "
                f"up after line {job.checkpoint_line:,} ({job.last_error or 'worker lost'}). "
                "Products from the chunks already committed were kept; upload the file again.",
            )
            continue
        token = uuid.uuid4().hex
        claimed = ImportJob.objects.filter(
            pk=job.pk, status=job.status, claim_token=job.claim_token
        ).update(
            status=ImportJob.Status.PROCESSING,
            claim_token=token,
            attempts=F("attempts") + 1,
            started_at=Coalesce(F("started_at"), timezone.now()),
        )
        if claimed == 1:
            job.refresh_from_db()
            return job


def process_queue() -> int:
    """Run unfinished jobs in submission order while holding the queue lock; return how many.

    Returns at once when another worker holds the lock. After releasing it, looks again, so
    a job submitted just before the release is not left waiting for the sweeper.
    """
    done = 0
    while True:
        with queue_lock() as held:
            if not held:
                return done
            while (job := claim_next()) is not None:
                try:
                    run_job(job)
                except Exception as exc:
                    ImportJob.objects.filter(pk=job.pk, claim_token=job.claim_token).update(
                        last_error=f"{type(exc).__name__}: {exc}"[:2000]
                    )
                    raise
                done += 1
        if not has_unfinished():
            return done


def run_if_first(job_id: int) -> bool:
    """Run job `job_id` in this thread if the queue is free and the job heads it; return
    whether it ran (`upsertProducts` runs its small job in the request this way)."""
    with queue_lock() as held:
        head = _head() if held else None
        if head is None or head.pk != job_id:
            return False
        job = claim_next()
        if job is None or job.pk != job_id:
            return False
        try:
            run_job(job)
        except Exception as exc:  # left PROCESSING: the next worker resumes it
            ImportJob.objects.filter(pk=job.pk, claim_token=job.claim_token).update(
                last_error=f"{type(exc).__name__}: {exc}"[:2000]
            )
            raise
    return True


def run_at_once(work: Callable[[], T], wait: float = 0.0) -> T | None:
    """Call `work` in this thread holding the queue lock, when no job is queued (none
    pending, processing or waiting for a person's confirmation), so the queue's order holds;
    return what it returns, or None when the queue is busy (`upsertProducts` writes a call's
    items at once this way).

    While no job is queued, the lock is held only briefly (another call writing its items
    at once, a worker looking at the queue): then this waits for it up to `wait` seconds,
    so calls sent side by side are written one after the other as they come, each at once.
    A queued job means a long wait: None at once (the caller queues behind it)."""
    with queue_lock() as held:
        if held:
            return _run_at_once(work)
    if wait <= 0 or _head() is not None:
        return None
    with queue_lock(wait) as held:
        return _run_at_once(work) if held else None


def _run_at_once(work: Callable[[], T]) -> T | None:
    if _head() is not None:
        return None
    bulk.restore_abandoned()  # indexes an earlier job left dropped (it failed for good)
    with prompt_switching():  # the queue is held: its statements go on promptly
        return work()


def run_job(job: ImportJob) -> None:
    """Run claimed `job` until it ends or is taken: an import through the pipeline, a revert
    through `reverting`. Either first builds the indexes an earlier job left dropped."""
    bulk.restore_abandoned()  # indexes an earlier job left dropped (it failed for good)
    if job.cancel_requested:
        finishing.finish(job, ImportJob.Status.CANCELLED)
        bulk.finish(job)  # cancelled during a bulk load: its indexes are built now
        return
    if job.kind == ImportJob.Kind.REVERT:
        reverting.run(job)
    else:
        pipeline.run(job)


def _head() -> ImportJob | None:
    """The first job of the queue (one waiting for confirmation included)."""
    return (
        ImportJob.objects.filter(status__in=IN_QUEUE)
        .order_by(F("queued_at").asc(nulls_first=True), "id")
        .first()
    )


def has_unfinished() -> bool:
    """Whether a job waits to be run or is being processed (not behind one waiting for a
    person's confirmation)."""
    head = _head()
    return head is not None and head.status != ImportJob.Status.NEEDS_CONFIRMATION


def sweep() -> bool:
    """Remove files left by ended jobs (a completed dry run's once its time is up) and change
    logs past their retention; return whether unfinished jobs need a worker."""
    leftovers = finishing.leftover_files()
    for job_id in leftovers.values_list("pk", flat=True)[:100]:
        finishing.delete_file(job_id)
    changes.prune_expired()
    bulk.restore_abandoned()  # indexes left dropped by a bulk load whose job has ended
    return has_unfinished()
