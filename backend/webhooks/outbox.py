"""The transactional outbox: events and their deliveries are written with the change.

:func:`record_event` runs inside the transaction that changes a product or finishes an import,
so the event commits or rolls back with it. Sending is enqueued after commit; if the task
broker is down the change still succeeds at once and the periodic sweeper sends the rows later.
"""

from __future__ import annotations

import logging
import time
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone

from .models import Webhook, WebhookDelivery, WebhookEvent
from .payloads import event_body

logger = logging.getLogger(__name__)

#: After the broker fails, skip enqueueing for this long (the sweeper covers the gap), so a
#: broker outage costs one failed connection per window, not one per product change.
BROKER_BACKOFF_SECONDS = 5.0
_broker_down_until = 0.0


def subscribed_webhook_ids(event_type: str) -> list[int]:
    """Ids of the enabled webhooks that subscribe to ``event_type``."""
    rows = Webhook.objects.filter(enabled=True).values_list("pk", "events")
    return [pk for pk, events in rows if event_type in (events or [])]


def record_event(event_type: str, data: dict[str, Any]) -> WebhookEvent | None:
    """Write the event and one delivery per subscribed enabled webhook, in the caller's
    transaction, and enqueue the deliveries once it commits.

    Returns the event, or None when no webhook subscribes (nothing is written then).
    """
    webhook_ids = subscribed_webhook_ids(event_type)
    if not webhook_ids:
        return None
    now = timezone.now()
    with transaction.atomic():
        event = WebhookEvent.objects.create(
            type=event_type, payload=event_body(event_type, data, now), created_at=now
        )
        deliveries = WebhookDelivery.objects.bulk_create(
            WebhookDelivery(event=event, webhook_id=pk, next_attempt_at=now, created_at=now)
            for pk in webhook_ids
        )
    transaction.on_commit(partial(enqueue_deliveries, [d.pk for d in deliveries]))
    return event


def enqueue_deliveries(delivery_ids: list[int], delay_ms: int | None = None) -> bool:
    """Send one ``deliver`` message per delivery; never raise.

    Returns False when the broker could not be reached: the rows stay due in the database
    and the periodic sweeper sends them once a worker and the broker are back.
    """
    global _broker_down_until
    if time.monotonic() < _broker_down_until:
        return False
    from .tasks import deliver

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
