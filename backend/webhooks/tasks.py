"""Dramatiq actors of the webhooks app, and the only webhooks module that sends messages.

Actors take ids only and call :mod:`webhooks.dispatch` and :mod:`webhooks.services`, which
write rows and return; nothing below this module imports it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from datetime import timedelta

import dramatiq
from django.conf import settings
from django.utils import timezone

from core.periodic import every
from core.worker_hooks import on_worker_shutdown

from . import claims, fanout, services

logger = logging.getLogger(__name__)

#: The queue of the delivery actor, apart from imports and maintenance: neither waits
#: behind the other's messages.
DELIVERY_QUEUE = "webhook_deliveries"

#: After the broker fails, skip enqueueing for this long (the sweeper covers the gap), so a
#: broker outage costs one failed connection per window, not one per product change.
BROKER_BACKOFF_SECONDS = 5.0
_broker_down_until = 0.0


@dramatiq.actor(queue_name=DELIVERY_QUEUE, max_retries=0, time_limit=5 * 60 * 1000)
def deliver_webhook(webhook_id: int) -> None:
    """Claim due deliveries of one webhook up to its free slots in this process and start
    sending them. Returns at once: sender threads make the requests, and the recorder asks
    for more (:func:`_follow_up`) as they finish."""
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

    Returns False when the broker could not be reached: the rows stay due in the database
    and the periodic sweeper sends them once a worker and the broker are back.
    """
    global _broker_down_until
    webhook_ids = list(webhook_ids)
    if time.monotonic() < _broker_down_until:
        return False
    try:
        for webhook_id in webhook_ids:
            deliver_webhook.send_with_options(args=(webhook_id,), delay=delay_ms)
    except Exception:
        # Any broker failure (connection refused, timeout, ...) must not reach the caller.
        _broker_down_until = time.monotonic() + BROKER_BACKOFF_SECONDS
        logger.warning(
            "Task broker unreachable; deliveries of %d webhooks wait for the sweeper.",
            len(webhook_ids),
            exc_info=True,
        )
        return False
    return True


def _follow_up(follow_up: fanout.FollowUp) -> None:
    """After the recorder stored outcomes: claim more for the webhooks whose slots freed, and
    wake each webhook again when its retries are due."""
    enqueue_webhooks(sorted(follow_up.refill))
    for webhook_id, seconds in sorted(follow_up.retries):
        enqueue_webhooks([webhook_id], delay_ms=seconds * 1000)


fanout.pool().on_recorded(_follow_up)
on_worker_shutdown("webhooks.fanout", fanout.stop_pool)


def reset_broker_backoff() -> None:
    """Forget a past broker failure (tests; a broker known to be back)."""
    global _broker_down_until
    _broker_down_until = 0.0
