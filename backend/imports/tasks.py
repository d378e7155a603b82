"""Dramatiq actors of the imports app: the only code that sends their messages besides the API
layer (``api/schema.py`` sends ``process_imports`` once a submission commits). Services never
import this module. The actors are safe to run twice: the work is in the job rows."""

from datetime import timedelta

import dramatiq
from django.conf import settings

from core import object_writer
from core.object_storage import uses_object_storage
from core.periodic import every
from imports import services, staging
from imports.direct import services as direct_uploads


@dramatiq.actor(
    queue_name="imports",
    time_limit=settings.IMPORT_TIME_LIMIT_SECONDS * 1000,
    max_retries=3,
    min_backoff=1000,
    max_backoff=30_000,
)
def process_imports() -> None:
    """Work the import queue, oldest job first, until it is empty.

    Jobs apply strictly one at a time in submission order, so the message names no job: it
    runs whichever is oldest, and returns at once when another worker holds the queue.
    """
    services.process_queue()


@every(settings.IMPORT_SWEEP_SECONDS)
@dramatiq.actor(queue_name="imports", max_retries=0)
def sweep_imports() -> None:
    """Send the queue worker when jobs are unfinished (a worker died or a message was lost)."""
    if services.sweep():
        process_imports.send()


@every(min(settings.IMPORT_STAGED_TTL_HOURS * 3600 / 4, 300))
@dramatiq.actor(queue_name="imports", max_retries=0)
def expire_staged_imports() -> None:
    """Expire staged imports never started within IMPORT_STAGED_TTL_HOURS (files deleted)."""
    staging.expire_staged()


@every(min(settings.UPLOAD_ABANDON_HOURS * 3600 / 4, 900))
@dramatiq.actor(queue_name="imports", max_retries=0)
def abort_abandoned_uploads() -> None:
    """Abort direct uploads not completed within UPLOAD_ABANDON_HOURS (the store frees their
    parts)."""
    direct_uploads.abort_abandoned()


@every(3600)
@dramatiq.actor(queue_name="imports", max_retries=0)
def abort_stale_uploads() -> None:
    """With a bucket: abort multipart uploads left unfinished past UPLOAD_ABANDON_HOURS (a web
    process or worker died mid-upload), so their parts stop taking space."""
    if uses_object_storage():
        object_writer.abort_stale_uploads(timedelta(hours=settings.UPLOAD_ABANDON_HOURS))
