"""Recording attempts: the attempt rows, each delivery's new state and the webhook's health.

:func:`record_many` stores any number of outcomes in one transaction (the fan-out's recorder
hands it everything that finished since its last call); :func:`record` is one outcome.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.text import plural

from .delivery import SendResult
from .models import DeliveryStatus, Webhook, WebhookDelivery, WebhookDeliveryAttempt

logger = logging.getLogger(__name__)

Outcome = tuple[WebhookDelivery, SendResult]

_UPDATED_FIELDS = (
    "attempt",
    "status",
    "status_code",
    "duration_ms",
    "error",
    "response_body",
    "next_attempt_at",
    "claim_token",
    "claimed_until",
    "updated_at",
)


def record(delivery: WebhookDelivery, result: SendResult) -> None:
    """Store one attempt and move the delivery on (see :func:`record_many`)."""
    record_many([(delivery, result)])


def record_many(outcomes: Sequence[Outcome]) -> None:
    """Store the attempts and move each delivery on: done, retry later (``next_attempt_at``
    set, status ``RETRYING``), or failed for good; then update each webhook's failure streak.

    The delivery objects are updated in place. A delivery deleted with its webhook while it
    was being sent is skipped (its ``next_attempt_at`` is cleared: nothing to retry).
    """
    if not outcomes:
        return
    now = timezone.now()
    for delivery, result in outcomes:
        _advance(delivery, result, now)
    ids = [delivery.pk for delivery, _ in outcomes]
    with transaction.atomic():
        existing = set(WebhookDelivery.objects.filter(pk__in=ids).values_list("pk", flat=True))
        kept = [(d, r) for d, r in outcomes if d.pk in existing]
        for delivery, _ in outcomes:
            if delivery.pk not in existing:
                logger.info("Delivery %s was deleted with its webhook while sending.", delivery.pk)
                delivery.next_attempt_at = None
        if not kept:
            return
        WebhookDeliveryAttempt.objects.bulk_create(
            WebhookDeliveryAttempt(
                delivery=delivery,
                number=delivery.attempt,
                url=delivery.webhook.url,
                status_code=result.status_code,
                duration_ms=result.duration_ms,
                error=result.error,
                response_body=result.response_body,
                created_at=now,
            )
            for delivery, result in kept
        )
        WebhookDelivery.objects.bulk_update([d for d, _ in kept], _UPDATED_FIELDS)
        by_webhook: dict[int, list[Outcome]] = defaultdict(list)
        for delivery, result in kept:
            if not delivery.manual:
                by_webhook[delivery.webhook_id].append((delivery, result))
        for webhook_id, its_outcomes in sorted(by_webhook.items()):
            _update_health(webhook_id, its_outcomes)


def _advance(delivery: WebhookDelivery, result: SendResult, now) -> None:
    delivery.attempt += 1
    delivery.status_code = result.status_code
    delivery.duration_ms = result.duration_ms
    delivery.error = result.error
    delivery.response_body = result.response_body
    delivery.claim_token = None
    delivery.claimed_until = None
    delivery.next_attempt_at = None
    delivery.updated_at = now
    schedule = settings.WEBHOOK_RETRY_SCHEDULE
    if result.succeeded:
        delivery.status = DeliveryStatus.SUCCEEDED
    elif result.permanent or delivery.manual or delivery.attempt > len(schedule):
        delivery.status = DeliveryStatus.FAILED
    else:
        delivery.status = DeliveryStatus.RETRYING
        delivery.next_attempt_at = now + timedelta(seconds=schedule[delivery.attempt - 1])


def _update_health(webhook_id: int, outcomes: list[Outcome]) -> None:
    """Apply the outcomes in order: a success resets the failure streak, a 410 disables, and
    too many FAILED deliveries in a row disable. One locked read and one write per webhook."""
    # NO KEY UPDATE: the row is locked against other recorders, but not against the
    # KEY SHARE locks that inserting a delivery (its foreign key) takes in product changes.
    webhook = (
        Webhook.objects.select_for_update(no_key=True)
        .filter(pk=webhook_id)
        .only("consecutive_failures", "enabled")
        .first()
    )
    if webhook is None:
        return
    streak = webhook.consecutive_failures
    reason = ""
    limit = settings.WEBHOOK_DISABLE_AFTER_FAILURES
    for delivery, result in outcomes:
        if result.succeeded:
            streak = 0
        elif result.permanent:
            reason = reason or (
                f"The receiver answered 410 Gone on {timezone.now():%Y-%m-%d %H:%M} UTC."
            )
        elif delivery.status == DeliveryStatus.FAILED:
            streak += 1
            if streak >= limit and not reason:
                reason = (
                    f"Disabled after {plural(streak, 'delivery', 'deliveries')} in a row failed; "
                    f"last error: {result.error}"
                )
    changes: dict[str, object] = {}
    if streak != webhook.consecutive_failures:
        changes["consecutive_failures"] = streak
    if reason and webhook.enabled:
        changes.update(enabled=False, disabled_reason=reason, updated_at=timezone.now())
        logger.warning("Webhook %s disabled: %s", webhook_id, reason)
    if changes:
        Webhook.objects.filter(pk=webhook_id).update(**changes)
