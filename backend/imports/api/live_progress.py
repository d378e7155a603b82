"""Live progress of an import job for the `importProgress` subscription.

The job row is the truth (workers may run in other processes), so this polls it and yields
the job when a watched field changed, with a heartbeat while it runs.
"""

import asyncio
import time
from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.db import OperationalError

from imports.models import ImportJob

POLL_SECONDS = 0.25
HEARTBEAT_SECONDS = 1.0
WATCHED = (
    "status", "progress", "bytes_processed", "rows_processed", "created_count",
    "updated_count", "unchanged_count", "error_count", "error_message", "finished_at",
    "deleted_count", "restored_count", "conflict_count",
)


async def watch(job_id: int) -> AsyncIterator[ImportJob]:
    """Yield the job at once, then whenever it changes and at least every second while it is
    PROCESSING; stop after yielding its final state. Unknown ids raise LookupError."""
    load = sync_to_async(lambda: ImportJob.objects.filter(pk=job_id).first())
    last = None
    sent_at = 0.0
    while True:
        try:
            job = await load()
        except OperationalError:  # SQLite busy under a big write: try again next tick
            await asyncio.sleep(POLL_SECONDS)
            continue
        if job is None:
            raise LookupError("No import job with this id.")
        state = tuple(getattr(job, name) for name in WATCHED)
        now = time.monotonic()
        running = job.status == ImportJob.Status.PROCESSING
        if state != last or (running and now - sent_at >= HEARTBEAT_SECONDS):
            yield job
            last, sent_at = state, now
        if job.is_final:
            return
        await asyncio.sleep(POLL_SECONDS)
