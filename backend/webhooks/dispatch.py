"""Sending deliveries: claim a row, send it, record the attempt and when the next one is due.

Rows are claimed with a conditional UPDATE that sets a lease (``claim_token``,
``claimed_until``), so any number of workers and sweepers can run at once and each due row
is sent by one of them. A worker that dies mid-send leaves a lease that lapses; the sweeper
then sends the row again (delivery is at least once).

Nothing here sends task messages: a retry is a row with ``next_attempt_at``, and the
``deliver`` actor (:mod:`webhooks.tasks`) enqueues it from :func:`retry_delay`.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from . import signing
from .delivery import SendResult, send
from .models import (
    DUE_STATUSES,
    DeliveryStatus,
    Webhook,
    WebhookDelivery,
    WebhookDeliveryAttempt,
)

logger = logging.getLogger(__name__)

#: A claim outlives the request timeout by this much before another worker may take the row.
LEASE_MARGIN = timedelta(seconds=60)


def lease_duration() -> timedelta:
    """How long a claim lasts: the longest a send can take, plus a margin."""
    return timedelta(seconds=settings.WEBHOOK_TIMEOUT_SECONDS) + LEASE_MARGIN


def _unclaimed(now: datetime) -> Q:
    return Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)


def claim(delivery_id: int, token: str | None = None) -> WebhookDelivery | None:
    """Take the lease on a due delivery; None if it is not due or someone else holds it.

    With ``token`` (from :func:`claim_due`), take it only if that claim still stands.
    """
    now = timezone.now()
    rows = WebhookDelivery.objects.filter(pk=delivery_id, status__in=DUE_STATUSES)
    if token:
        rows = rows.filter(claim_token=token)
    else:
        rows = rows.filter(_unclaimed(now), next_attempt_at__lte=now)
    claimed = rows.update(claim_token=uuid.uuid4(), claimed_until=now + lease_duration())
    if claimed != 1:
        return None
    return WebhookDelivery.objects.select_related("webhook", "event").get(pk=delivery_id)


def claim_due(limit: int = 500) -> tuple[list[int], str]:
    """Claim up to ``limit`` due, unclaimed deliveries for the sweeper; return ids and token."""
    now = timezone.now()
    token = uuid.uuid4()
    due = WebhookDelivery.objects.filter(
        _unclaimed(now), status__in=DUE_STATUSES, next_attempt_at__lte=now
    )
    candidates = list(due.order_by("next_attempt_at").values_list("pk", flat=True)[:limit])
    if not candidates:
        return [], str(token)
    due.filter(pk__in=candidates).update(claim_token=token, claimed_until=now + lease_duration())
    claimed = WebhookDelivery.objects.filter(claim_token=token).values_list("pk", flat=True)
    return list(claimed), str(token)


def deliver(delivery_id: int, token: str | None = None) -> WebhookDelivery | None:
    """Send one due delivery if this worker can claim it, and record the outcome."""
    delivery = claim(delivery_id, token)
    if delivery is None:
        return None
    if not delivery.webhook.enabled:
        _finish_unsent(delivery, "Not sent: the webhook is disabled.")
        return delivery
    return attempt(delivery)


def attempt(delivery: WebhookDelivery) -> WebhookDelivery:
    """Make one signed HTTP attempt for ``delivery`` (already claimed) and record it."""
    webhook = delivery.webhook
    body = delivery.event.payload.encode("utf-8")
    headers = signing.delivery_headers(webhook.live_secrets(), delivery.message_id, body)
    result = send(
        webhook.url,
        body,
        headers,
        timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
        allow_private=settings.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    )
    record(delivery, result)
    return delivery


def record(delivery: WebhookDelivery, result: SendResult) -> None:
    """Store the attempt and move the delivery on: done, retry later (``next_attempt_at``
    set, status ``RETRYING``), or failed for good."""
    now = timezone.now()
    delivery.attempt += 1
    delivery.status_code = result.status_code
    delivery.duration_ms = result.duration_ms
    delivery.error = result.error
    delivery.response_body = result.response_body
    delivery.claim_token = None
    delivery.claimed_until = None
    delivery.next_attempt_at = None
    schedule = settings.WEBHOOK_RETRY_SCHEDULE
    if result.succeeded:
        delivery.status = DeliveryStatus.SUCCEEDED
    elif result.permanent or delivery.manual or delivery.attempt > len(schedule):
        delivery.status = DeliveryStatus.FAILED
    else:
        delivery.status = DeliveryStatus.RETRYING
        delivery.next_attempt_at = now + timedelta(seconds=schedule[delivery.attempt - 1])
    if not WebhookDelivery.objects.filter(pk=delivery.pk).exists():
        logger.info("Delivery %s was deleted with its webhook while sending.", delivery.pk)
        delivery.next_attempt_at = None  # nothing left to retry
        return
    with transaction.atomic():
        WebhookDeliveryAttempt.objects.create(
            delivery=delivery,
            number=delivery.attempt,
            url=delivery.webhook.url,
            status_code=result.status_code,
            duration_ms=result.duration_ms,
            error=result.error,
            response_body=result.response_body,
            created_at=now,
        )
        delivery.save()
        if not delivery.manual:
            _update_webhook_health(delivery.webhook, delivery, result)


def retry_delay(delivery: WebhookDelivery | None) -> timedelta | None:
    """How long until the retry :func:`record` scheduled for ``delivery``; None if none was."""
    if delivery is None or delivery.status != DeliveryStatus.RETRYING:
        return None
    if delivery.next_attempt_at is None:
        return None
    return max(delivery.next_attempt_at - timezone.now(), timedelta(0))


def _update_webhook_health(webhook: Webhook, delivery: WebhookDelivery, result: SendResult) -> None:
    """Reset the failure streak on success; disable on 410 or after too many FAILED in a row."""
    rows = Webhook.objects.filter(pk=webhook.pk)
    if result.succeeded:
        rows.filter(consecutive_failures__gt=0).update(consecutive_failures=0)
    elif result.permanent:
        _disable(webhook, f"The receiver answered 410 Gone on {timezone.now():%Y-%m-%d %H:%M} UTC.")
    elif delivery.status == DeliveryStatus.FAILED:
        rows.update(consecutive_failures=F("consecutive_failures") + 1)
        webhook.refresh_from_db(fields=["consecutive_failures", "enabled"])
        limit = settings.WEBHOOK_DISABLE_AFTER_FAILURES
        if webhook.enabled and webhook.consecutive_failures >= limit:
            _disable(
                webhook,
                f"Disabled after {webhook.consecutive_failures} deliveries in a row failed; "
                f"last error: {result.error}",
            )


def _disable(webhook: Webhook, reason: str) -> None:
    Webhook.objects.filter(pk=webhook.pk, enabled=True).update(
        enabled=False, disabled_reason=reason, updated_at=timezone.now()
    )
    logger.warning("Webhook %s disabled: %s", webhook.pk, reason)


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
