"""Dramatiq actors of the webhooks app, and the only webhooks module that sends messages.

Actors take ids only and call :mod:`webhooks.dispatch` and :mod:`webhooks.services`, which
write rows and return; nothing below this module imports it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta

import dramatiq
from django.conf import settings
from django.utils import timezone

from core import queueing
from core.periodic import every

from . import claims, fanout, services

logger = logging.getLogger(__name__)

#: The queue of the delivery actor, apart from imports and maintenance: neither waits
#: behind the other's messages.
DELIVERY_QUEUE = "webhook_deliveries"


@dramatiq.actor(queue_name=DELIVERY_QUEUE, max_retries=0, time_limit=5 * 60 * 1000)
def deliver_webhook(webhook_id: int) -> None:
    """Claim due deliveries of one webhook up to its free slots in this process and start
    sending them. Returns at once: sender threads make the requests, and the recorder asks
    for more (:func:`follow_up`) as they finish."""
    fanout.pool().fill(webhook_id)


@every(settings.WEBHOOK_SWEEP_INTERVAL_SECONDS)
@dramatiq.actor(queue_name="webhooks", max_retries=0)
def sweep_deliveries() -> None:
    """Wake every webhook that has due deliveries nobody is sending: events written while the
    broker was down, retries whose delayed message was lost, sends cut short by a worker that
    died (their claims lapsed)."""
    webhook_ids = claims.webhooks_with_due_deliveries()
    for webhook_id in webhook_ids:
        deliver_webhook.send(webhook_id)
    if webhook_ids:
        logger.info("Sweeper woke %d webhooks with due deliveries.", len(webhook_ids))


@every(60 * 60)
@dramatiq.actor(queue_name="webhooks", max_retries=0)
def prune_deliveries() -> None:
    """Delete deliveries (and events left without any) older than the retention period."""
    cutoff = timezone.now() - timedelta(days=settings.WEBHOOK_DELIVERY_RETENTION_DAYS)
    services.prune_delivery_log(cutoff)


def enqueue_webhooks(webhook_ids: Iterable[int], delay_ms: int | None = None) -> bool:
    """Send one ``deliver_webhook`` message per webhook; never raise.

    Returns False when the broker could not be reached (``core.queueing``): the rows stay due
    in the database and the periodic sweeper sends them once a worker and the broker are back.
    """
    return all(queueing.send(deliver_webhook, pk, delay_ms=delay_ms) for pk in webhook_ids)


def follow_up(recorded: fanout.FollowUp) -> None:
    """After the recorder stored outcomes: claim more for the webhooks whose slots freed, and
    wake each webhook again when its retries are due."""
    enqueue_webhooks(sorted(recorded.refill))
    for webhook_id, seconds in sorted(recorded.retries):
        enqueue_webhooks([webhook_id], delay_ms=seconds * 1000)


