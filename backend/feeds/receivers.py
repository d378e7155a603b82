"""Signal receivers: an import a feed started has ended (its run is settled: failures
counted, the feed disabled after too many) or waits at the removal guard; either is mailed
once the import's transaction commits. Connected by `FeedsConfig.ready`."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.dispatch import receiver

from core.queueing import send_after_commit
from imports.models import ImportJob
from imports.signals import import_finished, import_held

from . import notifications, runs, tasks
from .models import FeedRun

logger = logging.getLogger(__name__)
UID = "feeds.runs"


@receiver(import_finished, dispatch_uid=UID)
def on_import_finished(sender: Any, job: ImportJob, **kwargs: Any) -> None:
    """Settle the feed run that started `job`, in the job's final transaction."""
    try:
        with transaction.atomic():  # a savepoint: a problem here never fails the import
            settled = runs.settle_job(job.pk)
    except Exception:
        logger.exception("Could not settle the feed run of import %s", job.pk)
        return
    for run_id in settled:
        send_after_commit(tasks.notify_feed_run, run_id, notifications.FINISHED)


@receiver(import_held, dispatch_uid=UID)
def on_import_held(sender: Any, job: ImportJob, **kwargs: Any) -> None:
    """Mail about a feed's import that waits for a person at the removal guard."""
    for run_id in FeedRun.objects.filter(job_id=job.pk).values_list("pk", flat=True):
        send_after_commit(tasks.notify_feed_run, run_id, notifications.HELD)
