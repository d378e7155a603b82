"""Dramatiq actors of the webhooks app, and the only webhooks module that sends messages.

Actors take ids only and call :mod:`webhooks.dispatch` and :mod:`webhooks.services`, which
write rows and return; nothing below this module imports it.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

import dramatiq
from django.conf import settings
from django.utils import timezone

from core.periodic import every

from . import dispatch, services

logger = logging.getLogger(__name__)

#: Deliveries the sweeper hands out per run; the rest wait for the next run.
SWEEP_BATCH = 1000

#: After the broker fails, skip enqueueing for this long (the sweeper covers the gap), so a
#: broker outage costs one failed connection per window, not one per product change.
BROKER_BACKOFF_SECONDS = 5.0
_broker_down_until = 0.0


@dramatiq.actor(queue_name="webhooks", max_retries=0, time_limit=10 * 60 * 1000)
def deliver(delivery_id: int, claim_token: str | None = None) -> None:
    """Send one delivery if it is due and no other worker holds it; enqueue its retry."""
    delivery = dispatch.deliver(delivery_id, claim_token)
    delay = dispatch.retry_delay(delivery)
    if delivery is not None and delay is not None:
        enqueue_deliveries([delivery.pk], delay_ms=int(delay.total_seconds() * 1000))


@every(settings.WEBHOOK_SWEEP_INTERVAL_SECONDS)
@dramatiq.actor(queue_name="webhooks", max_retries=0)
def sweep_deliveries() -> None:
    """Hand out every due delivery nobody is sending: events written while the broker was
    down, retries whose delayed message was lost, sends cut short by a worker that died."""
    ids, token = dispatch.claim_due(SWEEP_BATCH)
    for delivery_id in ids:
        deliver.send(delivery_id, token)
    if ids:
        logger.info("Sweeper handed out %d due webhook deliveries.", len(ids))


@every(60 * 60)
@dramatiq.actor(queue_name="webhooks", max_retries=0)
def prune_deliveries() -> None:
    """Delete deliveries (and events left without any) older than the retention period."""
    cutoff = timezone.now() - timedelta(days=settings.WEBHOOK_DELIVERY_RETENTION_DAYS)
    services.prune_delivery_log(cutoff)


def enqueue_deliveries(delivery_ids: list[int], delay_ms: int | None = None) -> bool:
    """Send one ``deliver`` message per delivery; never raise.

    Returns False when the broker could not be reached: the rows stay due in the database
    and the periodic sweeper sends them once a worker and the broker are back.
    """
    global _broker_down_until
    if time.monotonic() < _broker_down_until:
        return False
    try:
        for delivery_id in delivery_ids:
            deliver.send_with_options(args=(delivery_id,), delay=delay_ms)
    except Exception:
        # Any broker failure (connection refused, timeout, ...) must not reach the caller.
        _broker_down_until = time.monotonic() + BROKER_BACKOFF_SECONDS
        logger.warning(
            "Task broker unreachable; %d webhook deliveries wait for the sweeper.",
            len(delivery_ids),
            exc_info=True,
        )
        return False
    return True


def reset_broker_backoff() -> None:
    """Forget a past broker failure (tests; a broker known to be back)."""
    global _broker_down_until
    _broker_down_until = 0.0
