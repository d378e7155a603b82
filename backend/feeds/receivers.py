"""Signal receivers: an import a feed started has ended, so its run is settled (failures
counted, the feed disabled after too many). Connected by `FeedsConfig.ready`."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.dispatch import receiver

from imports.models import ImportJob
from imports.signals import import_finished

from . import runs

logger = logging.getLogger(__name__)
UID = "feeds.runs"


@receiver(import_finished, dispatch_uid=UID)
def on_import_finished(sender: Any, job: ImportJob, **kwargs: Any) -> None:
    """Settle the feed run that started `job`, in the job's final transaction."""
    try:
        with transaction.atomic():  # a savepoint: a problem here never fails the import
            runs.settle_job(job.pk)
    except Exception:
        logger.exception("Could not settle the feed run of import %s", job.pk)
