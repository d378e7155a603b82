"""Claiming deliveries: a lease (``claim_token``, ``claimed_until``) per row being sent.

Rows are claimed with a conditional UPDATE, or ``SELECT ... FOR UPDATE SKIP LOCKED`` for a
batch, so any number of workers and sweepers can run at once and each due row is sent by one
of them. A worker that dies mid-send leaves a lease that lapses; the sweeper then hands the
row out again (delivery is at least once, with the same ``webhook-id``).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import DUE_STATUSES, DeliveryStatus, Webhook, WebhookDelivery

#: A claim outlives the request timeout by this much before another worker may take the row.
LEASE_MARGIN = timedelta(seconds=60)

DISABLED_ERROR = "Not sent: the webhook is disabled."


def lease_duration() -> timedelta:
    """How long a claim lasts: the longest a send can take, plus a margin."""
    return timedelta(seconds=settings.WEBHOOK_TIMEOUT_SECONDS) + LEASE_MARGIN


def unclaimed(now: datetime) -> Q:
    """Rows nobody holds: never claimed, or the lease has lapsed."""
    return Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)


def claim(delivery_id: int, token: str | None = None) -> WebhookDelivery | None:
    """Take the lease on a due delivery; None if it is not due or someone else holds it.

    With ``token``, take it only if that claim still stands.
    """
    now = timezone.now()
    rows = WebhookDelivery.objects.filter(pk=delivery_id, status__in=DUE_STATUSES)
    if token:
        rows = rows.filter(claim_token=token)
    else:
        rows = rows.filter(unclaimed(now), next_attempt_at__lte=now)
    claimed = rows.update(claim_token=uuid.uuid4(), claimed_until=now + lease_duration())
    if claimed != 1:
        return None
    return WebhookDelivery.objects.select_related("webhook", "event").get(pk=delivery_id)


def _due(now: datetime, webhook_id: int | None = None):
    rows = WebhookDelivery.objects.filter(
        unclaimed(now), status__in=DUE_STATUSES, next_attempt_at__lte=now
    )
    return rows if webhook_id is None else rows.filter(webhook_id=webhook_id)


def claim_batch(webhook_id: int, limit: int) -> list[WebhookDelivery]:
    """Claim up to ``limit`` due, unclaimed deliveries of one webhook, oldest due first.

    Returns them with their webhook and event loaded, so sending them needs no database.
    A disabled webhook's due rows are all closed as FAILED (not sent) and none is returned.
    """
    now = timezone.now()
    enabled = Webhook.objects.filter(pk=webhook_id).values_list("enabled", flat=True).first()
    if not enabled:
        if enabled is not None:
            _due(now, webhook_id).update(
                status=DeliveryStatus.FAILED,
                error=DISABLED_ERROR,
                next_attempt_at=None,
                claim_token=None,
                claimed_until=None,
                updated_at=now,
            )
        return []
    token = uuid.uuid4()
    with transaction.atomic():
        ids = list(
            _due(now, webhook_id)
            .order_by("next_attempt_at", "id")
            .select_for_update(skip_locked=True, no_key=True)
            .values_list("pk", flat=True)[:limit]
        )
        if not ids:
            return []
        WebhookDelivery.objects.filter(pk__in=ids).update(
            claim_token=token, claimed_until=now + lease_duration()
        )
    return list(
        WebhookDelivery.objects.select_related("webhook", "event")
        .filter(claim_token=token)
        .order_by("next_attempt_at", "id")
    )


def webhooks_with_due_deliveries() -> list[int]:
    """Ids of the webhooks that have due deliveries nobody is sending (for the sweeper)."""
    rows = _due(timezone.now()).order_by().values_list("webhook_id", flat=True).distinct()
    return sorted(rows)
