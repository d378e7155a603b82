"""A feed run: fetch the source, and start an import when the content is new.

`execute` claims a queued run (a conditional UPDATE, so a second message for it does
nothing), fetches the source into a temporary file with the upload size limit, and then:
a 304, or a file whose SHA-256 equals the one the last imported run fetched, records the run
as UNCHANGED; otherwise the file becomes a normal import job (`imports.services.submit_import`,
so it goes through the storage and waits in the import queue like any upload) with the feed's
saved options and the feed's source key. `settle` counts the outcome once the run has one
(at once, or when its import ends): failures in a row disable the feed.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import BinaryIO, cast
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.db import transaction
from django.utils import timezone

from imports.models import ImportJob
from imports.services import submit_import

from . import credentials, sources
from .models import Feed, FeedRun
from .signals import feed_disabled
from .sources.base import CREDENTIALS_UNREADABLE, FetchError, PreviousFetch, SourceSpec

logger = logging.getLogger(__name__)

# Import outcomes that count as a failed run, and as a good one.
FAILED_JOBS = (ImportJob.Status.FAILED,)
GOOD_JOBS = (ImportJob.Status.COMPLETED,)


def spec_of(feed: Feed) -> SourceSpec:
    """The feed's source with its credentials decrypted (raises CredentialUnreadable)."""
    return SourceSpec(
        url=feed.url,
        username=feed.username or None,
        password=credentials.decrypt(feed.password_encrypted),
        header_name=feed.header_name or None,
        header_value=credentials.decrypt(feed.header_value_encrypted),
        private_key=credentials.decrypt(feed.private_key_encrypted),
        host_key=feed.host_key or None,
    )


def last_imported(feed_id: int) -> FeedRun | None:
    """The feed's latest run whose file was imported (its import did not fail or get
    cancelled): what "nothing new" is measured against."""
    return (
        FeedRun.objects.filter(feed_id=feed_id, status=FeedRun.Status.IMPORTED)
        .exclude(job__status__in=(ImportJob.Status.FAILED, ImportJob.Status.CANCELLED))
        .exclude(sha256="")
        .order_by("-started_at", "-id")
        .first()
    )


def file_name(url: str) -> str:
    """The job's file name: the last part of the URL's path."""
    name = os.path.basename(unquote(urlsplit(url).path)) or "feed"
    return name[:200]


def claim(run_id: int) -> FeedRun | None:
    """Take a queued run for this worker; None when it is not queued (done twice)."""
    claimed = FeedRun.objects.filter(pk=run_id, status=FeedRun.Status.QUEUED).update(
        status=FeedRun.Status.RUNNING, fetch_started_at=timezone.now()
    )
    if claimed != 1:
        return None
    return FeedRun.objects.select_related("feed").get(pk=run_id)


@dataclass
class Outcome:
    """What `execute` did: the run, and whether its import waits for the queue worker."""

    run: FeedRun
    import_waiting: bool = False


def execute(run_id: int) -> Outcome | None:
    """Fetch and, if new, import; return the outcome (None when the run was not queued)."""
    run = claim(run_id)
    if run is None:
        return None
    feed = run.feed
    try:
        spec = spec_of(feed)
    except credentials.CredentialUnreadable as exc:
        return Outcome(fail(run, FetchError(CREDENTIALS_UNREADABLE, str(exc))))
    before = last_imported(feed.pk)
    previous = (
        PreviousFetch(
            etag=before.etag or None,
            last_modified=before.last_modified or None,
            sha256=before.sha256,
        )
        if before
        else None
    )
    upload = TemporaryUploadedFile(file_name(feed.url), "application/octet-stream", 0, None)
    try:
        try:
            result = sources.fetch(
                spec,
                cast(BinaryIO, upload.file),
                max_bytes=settings.IMPORT_MAX_UPLOAD_BYTES,
                previous=previous,
                timeout=settings.FEED_READ_TIMEOUT_SECONDS,
            )
        except FetchError as exc:
            logger.info("Feed %s run %s failed: %s", feed.pk, run.pk, exc.code)
            return Outcome(fail(run, exc))
        run.fetched_bytes = result.size
        run.etag = (result.etag or "")[:1000]
        run.last_modified = (result.last_modified or "")[:255]
        run.sha256 = result.sha256 or ""
        run.http_status = result.http_status
        if result.host_key and not feed.host_key:
            Feed.objects.filter(pk=feed.pk, host_key="").update(host_key=result.host_key)
        if result.not_modified:
            if before is not None:
                run.sha256 = before.sha256
            why = (
                "The source answered 304 Not Modified"
                if result.http_status == 304
                else "The file's size and modification time are those of the file imported last"
            )
            return Outcome(unchanged(run, f"{why}: nothing new, nothing imported."))
        if before is not None and result.sha256 == before.sha256:
            return Outcome(
                unchanged(
                    run,
                    "The file is the same as the one imported last "
                    "(same SHA-256): nothing imported.",
                )
            )
        upload.size = result.size
        cast(BinaryIO, upload.file).seek(0)
        return _start_import(run, feed, upload, result.sha256)
    finally:
        upload.close()


def _start_import(
    run: FeedRun, feed: Feed, upload: TemporaryUploadedFile, sha256: str | None
) -> Outcome:
    with transaction.atomic():
        job = submit_import(
            upload, user=feed.owner, options={**feed.options, "source": feed.source_key},
            sha256=sha256,  # of the bytes downloaded: the import need not read them again
            origin=ImportJob.Origin.FEED,
        )
        run.status = FeedRun.Status.IMPORTED
        run.job = job
        run.finished_at = timezone.now()
        run.message = "" if not job.is_final else job.error_message
        run.save()
    if job.is_final:  # refused at once (too large, storage full): its outcome is known
        settle(run.pk)
    return Outcome(run, import_waiting=not job.is_final)


def unchanged(run: FeedRun, message: str) -> FeedRun:
    """End the run as UNCHANGED and settle it."""
    run.status = FeedRun.Status.UNCHANGED
    run.message = message
    run.finished_at = timezone.now()
    run.save()
    settle(run.pk)
    return run


def fail(run: FeedRun, error: FetchError) -> FeedRun:
    """End the run as FAILED with the error's message and code, and settle it."""
    run.status = FeedRun.Status.FAILED
    run.message = error.message
    run.error_code = error.code[:32]
    run.http_status = error.http_status
    run.finished_at = timezone.now()
    run.save()
    settle(run.pk)
    return run


def settle(run_id: int) -> bool:
    """Count the run's outcome once (a failure more, or the streak reset) and disable the
    feed after FEED_DISABLE_AFTER_FAILURES failures in a row. Return whether the run was
    settled now (the caller then has its notification sent)."""
    with transaction.atomic():
        run = (
            FeedRun.objects.select_for_update(of=("self",))
            .select_related("job")
            .filter(pk=run_id, settled=False)
            .first()
        )
        if run is None or run.status in FeedRun.LIVE:
            return False
        job_status = run.job.status if run.job is not None else None
        if run.status == FeedRun.Status.IMPORTED and run.job is not None and not run.job.is_final:
            return False
        run.settled = True
        run.save(update_fields=["settled"])
        feed = Feed.objects.select_for_update().get(pk=run.feed_id)
        if run.status == FeedRun.Status.FAILED or job_status in FAILED_JOBS:
            feed.consecutive_failures += 1
            limit = settings.FEED_DISABLE_AFTER_FAILURES
            if feed.enabled and feed.consecutive_failures >= limit:
                reason = (
                    run.message
                    if run.status == FeedRun.Status.FAILED
                    else (run.job.error_message if run.job else "")
                )
                feed.enabled = False
                feed.next_run_at = None
                feed.disabled_reason = (
                    f"Disabled after {feed.consecutive_failures} failed runs in a row; the "
                    f"last: {reason or 'the import failed'}"
                )[:2000]
                feed.save(
                    update_fields=[
                        "consecutive_failures",
                        "enabled",
                        "next_run_at",
                        "disabled_reason",
                        "updated_at",
                    ]
                )
                feed_disabled.send(sender=Feed, feed=feed)
            else:
                feed.save(update_fields=["consecutive_failures"])
        elif run.status == FeedRun.Status.UNCHANGED or job_status in GOOD_JOBS:
            if feed.consecutive_failures:
                feed.consecutive_failures = 0
                feed.save(update_fields=["consecutive_failures"])
    return True


def settle_job(job_id: int) -> list[int]:
    """Settle the run that started import `job_id`, if any; return the runs settled."""
    ids = list(FeedRun.objects.filter(job_id=job_id, settled=False).values_list("pk", flat=True))
    return [run_id for run_id in ids if settle(run_id)]


def stale_running(now: datetime | None = None) -> list[int]:
    """Fail runs left RUNNING by a worker that died (past the fetch time limit); return the
    runs settled."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.FEED_RUN_TIME_LIMIT_SECONDS + 60)
    settled = []
    stale = FeedRun.objects.filter(status=FeedRun.Status.RUNNING, fetch_started_at__lt=cutoff)
    for run_id in list(stale.values_list("pk", flat=True)[:100]):
        updated = FeedRun.objects.filter(pk=run_id, status=FeedRun.Status.RUNNING).update(
            status=FeedRun.Status.FAILED,
            finished_at=now,
            error_code="WORKER_LOST",
            message="The worker fetching this run stopped before it ended; the next run "
            "tries again.",
        )
        if updated and settle(run_id):
            settled.append(run_id)
    return settled
