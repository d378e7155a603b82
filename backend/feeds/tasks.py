"""Dramatiq actors of the feeds app: run a queued run, queue due feeds (periodic), and mail
about runs.

The API layer sends `run_feed` after `runFeed` commits; the periodic `schedule_feeds` claims
due feeds in the database (several workers at once are safe) and sends a `run_feed` for each
run it queued, again for runs whose message was lost, and fails runs a dead worker left.
`notify_feed_run` sends a run's e-mail and is retried when the mail server fails, apart from
the import, which never waits for it.
"""

import dramatiq
from django.conf import settings

from core.periodic import every
from core.queueing import send
from imports import tasks as import_tasks

from . import notifications, runs, services

# A queued run older than this without a worker is sent again.
RESEND_AFTER_SECONDS = 120


@dramatiq.actor(
    queue_name="feeds", max_retries=0, time_limit=settings.FEED_RUN_TIME_LIMIT_SECONDS * 1000
)
def run_feed(run_id: int) -> None:
    """Fetch a queued run's source and, if new, start its import (then wake the queue)."""
    outcome = runs.execute(run_id)
    if outcome is None:
        return
    if outcome.import_waiting:
        import_tasks.process_imports.send()
    outcome.run.refresh_from_db(fields=["settled"])
    if outcome.run.settled:
        send(notify_feed_run, run_id, notifications.FINISHED)


@every(settings.FEED_SCHEDULE_SECONDS)
@dramatiq.actor(queue_name="feeds", max_retries=0)
def schedule_feeds() -> None:
    """Queue a run of every due feed (each once), resend lost runs, fail abandoned ones."""
    for run_id in services.claim_due():
        run_feed.send(run_id)
    for run_id in services.waiting_runs(RESEND_AFTER_SECONDS):
        run_feed.send(run_id)
    for run_id in runs.stale_running():
        send(notify_feed_run, run_id, notifications.FINISHED)


@dramatiq.actor(queue_name="feeds", max_retries=5, min_backoff=5_000, max_backoff=600_000)
def notify_feed_run(run_id: int, event: str) -> None:
    """E-mail the feed's owner and addresses about the run, if it is worth a message."""
    notifications.send(run_id, event)
