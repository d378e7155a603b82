"""Dramatiq actors of the imports app. They take ids only and are safe to run twice."""

import dramatiq
from django.conf import settings

from core.periodic import every
from imports import services


@dramatiq.actor(
    queue_name="imports",
    time_limit=settings.IMPORT_TIME_LIMIT_SECONDS * 1000,
    max_retries=3,
    min_backoff=1000,
    max_backoff=30_000,
)
def process_imports(job_id: int | None = None) -> None:
    """Work the import queue (oldest job first); `job_id` is the job that asked for it.

    Jobs apply strictly one at a time in submission order, so this runs whichever job is
    oldest; a message for a job another worker is running returns at once.
    """
    services.process_queue()


@every(settings.IMPORT_SWEEP_SECONDS)
@dramatiq.actor(queue_name="imports", max_retries=0)
def sweep_imports() -> None:
    """Send the queue worker when jobs are unfinished (a worker died or a message was lost)."""
    if services.sweep():
        process_imports.send()
