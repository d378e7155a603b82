"""Dramatiq actors of the webhooks app. They take ids only and call :mod:`webhooks.dispatch`."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import dramatiq
from django.conf import settings
from django.utils import timezone

from core.periodic import every

from . import dispatch
from .models import WebhookDelivery, WebhookDeliveryAttempt, WebhookEvent
from .outbox import enqueue_deliveries

logger = logging.getLogger(__name__)

#: Deliveries the sweeper hands out per run; the rest wait for the next run.
SWEEP_BATCH = 1000
PRUNE_BATCH = 5000


@dramatiq.actor(queue_name="webhooks", max_retries=0, time_limit=10 * 60 * 1000)
def deliver(delivery_id: int, claim_token: str | None = None) -> None:
    """Send one delivery if it is due and no other worker holds it."""
    dispatch.deliver(delivery_id, claim_token)


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
    prune_older_than(timezone.now() - timedelta(days=settings.WEBHOOK_DELIVERY_RETENTION_DAYS))


def prune_older_than(cutoff: datetime) -> int:
    """Delete the delivery log before ``cutoff`` in batches; return deliveries deleted."""
    deleted = 0
    while True:
        ids = list(
            WebhookDelivery.objects.filter(created_at__lt=cutoff).values_list("pk", flat=True)[
                :PRUNE_BATCH
            ]
        )
        if not ids:
            break
        WebhookDeliveryAttempt.objects.filter(delivery_id__in=ids).delete()
        deleted += WebhookDelivery.objects.filter(pk__in=ids).delete()[0]
    WebhookEvent.objects.filter(created_at__lt=cutoff, deliveries__isnull=True).delete()
    return deleted


__all__ = ["deliver", "enqueue_deliveries", "prune_deliveries", "sweep_deliveries"]
