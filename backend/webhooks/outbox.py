"""The transactional outbox: events and their deliveries are written with the change.

:func:`record_event` runs inside the transaction that changes a product or finishes an import,
so the event commits or rolls back with it. It only writes rows: the caller (the signal
receivers) hands the ids of the webhooks it wrote deliveries for to
:func:`webhooks.tasks.enqueue_webhooks` once the transaction commits, and the periodic sweeper
sends whatever that could not.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from .models import Webhook, WebhookDelivery, WebhookEvent
from .payloads import event_body


def subscribed_webhook_ids(event_type: str) -> list[int]:
    """Ids of the enabled webhooks that subscribe to ``event_type``."""
    rows = Webhook.objects.filter(enabled=True).values_list("pk", "events")
    return [pk for pk, events in rows if event_type in (events or [])]


def record_event(event_type: str, data: dict[str, Any]) -> list[int]:
    """Write the event and one due delivery per subscribed enabled webhook, in the caller's
    transaction; return the ids of the webhooks given a delivery (empty, and nothing written,
    when no webhook subscribes)."""
    webhook_ids = subscribed_webhook_ids(event_type)
    if not webhook_ids:
        return []
    now = timezone.now()
    with transaction.atomic():
        event = WebhookEvent.objects.create(
            type=event_type, payload=event_body(event_type, data, now), created_at=now
        )
        WebhookDelivery.objects.bulk_create(
            WebhookDelivery(event=event, webhook_id=pk, next_attempt_at=now, created_at=now)
            for pk in webhook_ids
        )
    return webhook_ids
