"""Sending deliveries: claim rows, sign and send them, record the outcome.

One delivery at a time (:func:`deliver`, :func:`attempt`) for the API's test and redeliver
operations and for tests; batches of one webhook (:func:`prepare`, :func:`send_prepared`)
for the fan-out in :mod:`webhooks.fanout`, which claims them with :mod:`webhooks.claims`,
records them with :mod:`webhooks.recording` and keeps the HTTP part away from the database.

Nothing here sends task messages: a retry is a row with ``next_attempt_at``, and the actors
(:mod:`webhooks.tasks`) enqueue it from :func:`retry_delay`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from . import signing
from .claims import DISABLED_ERROR, claim
from .delivery import SendResult, send
from .models import DeliveryStatus, WebhookDelivery
from .recording import record

__all__ = [
    "Prepared",
    "attempt",
    "deliver",
    "prepare",
    "retry_delay",
    "send_prepared",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prepared:
    """A claimed delivery with its signed request, ready to send without the database."""

    delivery: WebhookDelivery
    url: str
    body: bytes
    headers: dict[str, str]


def prepare(delivery: WebhookDelivery) -> Prepared:
    """Sign ``delivery`` (its webhook and event loaded) now, for a send from any thread."""
    webhook = delivery.webhook
    body = delivery.event.payload.encode("utf-8")
    headers = signing.delivery_headers(webhook.live_secrets(), delivery.message_id, body)
    return Prepared(delivery, webhook.url, body, headers)


def send_prepared(prepared: Prepared) -> SendResult:
    """Make the HTTP attempt of a prepared delivery; touches no database."""
    return send(
        prepared.url,
        prepared.body,
        prepared.headers,
        timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
        allow_private=settings.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    )


def deliver(delivery_id: int, token: str | None = None) -> WebhookDelivery | None:
    """Send one due delivery if this worker can claim it, and record the outcome."""
    delivery = claim(delivery_id, token)
    if delivery is None:
        return None
    if not delivery.webhook.enabled:
        _finish_unsent(delivery, DISABLED_ERROR)
        return delivery
    return attempt(delivery)


def attempt(delivery: WebhookDelivery) -> WebhookDelivery:
    """Make one signed HTTP attempt for ``delivery`` (already claimed) and record it."""
    record(delivery, send_prepared(prepare(delivery)))
    return delivery


def retry_delay(delivery: WebhookDelivery | None) -> timedelta | None:
    """How long until the retry recording scheduled for ``delivery``; None if none was."""
    if delivery is None or delivery.status != DeliveryStatus.RETRYING:
        return None
    if delivery.next_attempt_at is None:
        return None
    return max(delivery.next_attempt_at - timezone.now(), timedelta(0))


def _finish_unsent(delivery: WebhookDelivery, error: str) -> None:
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.FAILED,
        error=error,
        next_attempt_at=None,
        claim_token=None,
        claimed_until=None,
        updated_at=timezone.now(),
    )
    delivery.refresh_from_db()
