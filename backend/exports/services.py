"""Export jobs: record a request, look jobs up for their owner, expire old files.

Services record rows and return; they never send messages (``exports.tasks`` does, and the
GraphQL layer queues a job with ``transaction.on_commit``). The work itself is in
``exports.runner``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from activity.recording import record
from products.filtering import products_matching

from .models import ExportJob

logger = logging.getLogger(__name__)

#: A PROCESSING job whose worker has not reported for this long is taken over.
STALE_AFTER = timedelta(minutes=5)
#: A PENDING job this old has lost its message (a restart, a broker outage): send it again.
PENDING_RESEND_AFTER = timedelta(seconds=30)


def submit_export(user: Any, export_format: str, filters: Mapping[str, Any] | None) -> ExportJob:
    """Record an export of the products ``filters`` selects, as ``export_format``.

    ``filters`` is a ``ProductFilter`` in its JSON form. Raises ``ValidationError`` on
    ``format`` or ``filters``; the caller queues the job once the transaction commits.
    """
    if export_format not in ExportJob.Format.values:
        raise ValidationError(
            {"format": f"Unknown export format {export_format!r}; "
                        "use CSV, XLSX, JSONL or JSONL_GZ."}
        )
    products_matching(filters)  # refuses filters that cannot be applied, before any work
    with transaction.atomic():
        job = ExportJob.objects.create(user=user, format=export_format, filters=dict(filters or {}))
        record("export.started", job, detail={"format": export_format})
    return job


def jobs_of(user: Any):
    """The exports of ``user``, newest first (nobody else's)."""
    if not getattr(user, "is_authenticated", False):
        return ExportJob.objects.none()
    return ExportJob.objects.filter(user=user)


def job_of(user: Any, job_id: int) -> ExportJob | None:
    """The export ``job_id`` when it belongs to ``user``; None otherwise (unknown or not theirs)."""
    return jobs_of(user).filter(pk=job_id).first()


def retention() -> timedelta:
    """How long a finished export's file is kept (``EXPORT_RETENTION_HOURS``)."""
    return timedelta(hours=settings.EXPORT_RETENTION_HOURS)


def expire_due(now=None, limit: int = 100) -> int:
    """Delete the files of completed exports past their expiry; mark them EXPIRED.

    Safe with several sweepers at once: each job is claimed with a conditional UPDATE before
    its file is deleted. Returns how many jobs this call expired.
    """
    now = now or timezone.now()
    due = ExportJob.objects.filter(status=ExportJob.Status.COMPLETED, expires_at__lte=now)
    expired = 0
    for job in due.only("id", "file")[:limit]:
        claimed = ExportJob.objects.filter(pk=job.pk, status=ExportJob.Status.COMPLETED).update(
            status=ExportJob.Status.EXPIRED, file=""
        )
        if claimed != 1:
            continue
        expired += 1
        if job.file.name:
            try:
                job.file.storage.delete(job.file.name)
            except Exception:  # a folder's OSError, a bucket's ClientError: logged, not fatal
                logger.warning("Could not delete %s of export %s", job.file.name, job.pk,
                               exc_info=True)
    return expired


def jobs_needing_a_worker(now=None) -> list[int]:
    """Ids of exports whose message was lost or whose worker stopped reporting."""
    now = now or timezone.now()
    waiting = Q(status=ExportJob.Status.PENDING, created_at__lte=now - PENDING_RESEND_AFTER)
    stale = Q(status=ExportJob.Status.PROCESSING, heartbeat_at__lte=now - STALE_AFTER)
    return list(ExportJob.objects.filter(waiting | stale).values_list("pk", flat=True)[:100])
