"""Webhook use cases, called by the GraphQL layer (which stays thin over this module).

Errors a user can fix are raised as ``ValidationError({"field": message})``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from activity.recording import record
from core.ids import encode_id
from core.text import reject_nul

from . import dispatch, signing
from .models import (
    SECRET_OVERLAP,
    TEST_EVENT_TYPE,
    DeliveryStatus,
    EventType,
    Webhook,
    WebhookDelivery,
    WebhookDeliveryAttempt,
    WebhookEvent,
)
from .payloads import event_body
from .targets import TargetError, resolve, validate_url

MAX_DESCRIPTION_LENGTH = 2000
_UNSET: Any = object()


def clean_url(url: str) -> str:
    """Validate the URL and, unless private targets are allowed, where it resolves to."""
    reject_nul({"url": url})
    try:
        url = validate_url(url)
        if not settings.WEBHOOK_ALLOW_PRIVATE_TARGETS:
            resolve(url, allow_private=False)
    except TargetError as exc:
        raise ValidationError({"url": ValidationError(str(exc), code="invalid_url")}) from None
    return url


def clean_events(events: Iterable[str]) -> list[str]:
    """Wire names, deduplicated in order; at least one, each a known event type."""
    names = list(dict.fromkeys(str(getattr(e, "value", e)) for e in events))
    if not names:
        raise ValidationError(
            {"events": ValidationError("Choose at least one event type.", code="required")}
        )
    unknown = [name for name in names if name not in EventType.values]
    if unknown:
        known = ", ".join(EventType.values)
        raise ValidationError(
            {
                "events": ValidationError(
                    f"Unknown event type {unknown[0]!r}; use one of: {known}.", code="invalid"
                )
            }
        )
    return names


def clean_description(description: str | None) -> str:
    """Trimmed description of at most MAX_DESCRIPTION_LENGTH characters."""
    reject_nul({"description": description})
    text = (description or "").strip()
    if len(text) > MAX_DESCRIPTION_LENGTH:
        raise ValidationError(
            {"description": f"At most {MAX_DESCRIPTION_LENGTH} characters, got {len(text)}."}
        )
    return text


def check_not_duplicate(url: str, events: Iterable[str], exclude_pk: int | None = None) -> None:
    """Refuse a second webhook that would receive the same event at the same URL.

    Each webhook gets its own delivery (and ``webhook-id``) of every event it subscribes to, so
    two webhooks sharing a URL and an event would make the receiver process that event twice.
    """
    wanted = set(events)
    others = Webhook.objects.filter(url=url).exclude(pk=exclude_pk).order_by("id")
    for other in others:
        shared = [name for name in other.events if name in wanted]
        if not shared:
            continue
        who = (
            f"“{other.description}”"
            if other.description
            else f"added {other.created_at:%Y-%m-%d %H:%M} UTC"
        )
        state = "" if other.enabled else ", disabled"
        raise ValidationError(
            {
                "url": ValidationError(
                    f"Another webhook ({who}{state}) already sends {', '.join(shared)} to this "
                    "URL, so the receiver would get each of those events twice. Edit that "
                    "webhook instead, or choose other events.",
                    code="duplicate",
                )
            }
        )


def get_webhook(webhook_id: int | None, field: str = "id") -> Webhook:
    """The webhook with this id, or a ValidationError on ``field``."""
    webhook = Webhook.objects.filter(pk=webhook_id).first() if webhook_id else None
    if webhook is None:
        raise ValidationError(
            {field: ValidationError("No webhook with this id.", code="not_found")}
        )
    return webhook


def create_webhook(
    *, url: str, events: Iterable[str], enabled: bool = True, description: str | None = ""
) -> Webhook:
    """Create an endpoint with a fresh ``whsec_`` secret."""
    errors: dict[str, Any] = {}
    cleaned: dict[str, Any] = {}
    for field, cleaner, value in (
        ("url", clean_url, url),
        ("events", clean_events, events),
        ("description", clean_description, description),
    ):
        try:
            cleaned[field] = cleaner(value)
        except ValidationError as exc:
            errors.update(exc.error_dict)
    if errors:
        raise ValidationError(errors)
    check_not_duplicate(cleaned["url"], cleaned["events"])
    with transaction.atomic():
        webhook = Webhook.objects.create(
            **cleaned, enabled=enabled, secret=signing.generate_secret()
        )
        _record("webhook.created", webhook)
    return webhook


def _record(kind: str, webhook: Webhook, **detail: Any) -> None:
    # Scheme, host and path only: a receiver's URL may carry credentials in it.
    parts = urlsplit(webhook.url)
    record(kind, webhook, label=f"{parts.scheme}://{parts.hostname}{parts.path}", detail=detail)


def update_webhook(
    webhook_id: int,
    *,
    url: Any = _UNSET,
    events: Any = _UNSET,
    enabled: Any = _UNSET,
    description: Any = _UNSET,
) -> Webhook:
    """Change the given fields only. Enabling a webhook clears its failure streak and reason."""
    webhook = get_webhook(webhook_id)
    errors: dict[str, Any] = {}
    for field, cleaner, value in (
        ("url", clean_url, url),
        ("events", clean_events, events),
        ("description", clean_description, description),
    ):
        if value is _UNSET or (value is None and field != "description"):
            continue
        try:
            setattr(webhook, field, cleaner(value))
        except ValidationError as exc:
            errors.update(exc.error_dict)
    if errors:
        raise ValidationError(errors)
    if url is not _UNSET or events is not _UNSET:
        # Only a change of address or events can make a duplicate (toggling never refuses).
        check_not_duplicate(webhook.url, webhook.events, exclude_pk=webhook.pk)
    if enabled is not _UNSET and enabled is not None:
        if enabled and not webhook.enabled:
            webhook.consecutive_failures = 0
            webhook.disabled_reason = ""
        webhook.enabled = bool(enabled)
    with transaction.atomic():
        webhook.save()
        changed = [name for name, value in
                   (("url", url), ("events", events), ("enabled", enabled),
                    ("description", description)) if value is not _UNSET]
        _record("webhook.updated", webhook, fields=changed)
    return webhook


def delete_webhook(webhook_id: int) -> Webhook:
    """Delete the endpoint and its delivery log; return it (with its id) for the answer."""
    webhook = get_webhook(webhook_id)
    pk = webhook.pk
    with transaction.atomic():
        _record("webhook.deleted", webhook)
        webhook.delete()
    webhook.pk = pk
    return webhook


def rotate_secret(webhook_id: int) -> Webhook:
    """Make a new secret; the old one keeps signing deliveries for 24 hours."""
    with transaction.atomic():
        get_webhook(webhook_id)
        webhook = Webhook.objects.select_for_update().get(pk=webhook_id)
        webhook.previous_secret = webhook.secret
        webhook.previous_secret_expires_at = timezone.now() + SECRET_OVERLAP
        webhook.secret = signing.generate_secret()
        webhook.save()
        _record("webhook.secret_rotated", webhook)
    return webhook


def send_test_event(webhook_id: int) -> WebhookDelivery:
    """Send a ``webhook.test`` event now, also to a disabled webhook, once; return the outcome."""
    webhook = get_webhook(webhook_id)
    now = timezone.now()
    data = {"webhookId": encode_id("Webhook", webhook.pk), "message": "This is a test event."}
    event = WebhookEvent.objects.create(
        type=TEST_EVENT_TYPE, payload=event_body(TEST_EVENT_TYPE, data, now), created_at=now
    )
    delivery = WebhookDelivery.objects.create(
        event=event, webhook=webhook, manual=True, created_at=now
    )
    return dispatch.attempt(delivery)


def redeliver(delivery_id: int) -> WebhookDelivery:
    """Send a past delivery's event again, once, with the same ``webhook-id``."""
    original = (
        WebhookDelivery.objects.select_related("webhook", "event").filter(pk=delivery_id).first()
    )
    if original is None:
        raise ValidationError(
            {"deliveryId": ValidationError("No delivery with this id.", code="not_found")}
        )
    delivery = WebhookDelivery.objects.create(
        event=original.event,
        webhook=original.webhook,
        message_id=original.message_id,
        manual=True,
        status=DeliveryStatus.PENDING,
    )
    return dispatch.attempt(delivery)


def deliveries_of(webhook_id: int) -> QuerySet[WebhookDelivery]:
    """One webhook's delivery log, newest first (ties by id)."""
    webhook = get_webhook(webhook_id, field="webhookId")
    return WebhookDelivery.objects.filter(webhook=webhook).order_by("-created_at", "-id")


#: Deliveries deleted per statement when pruning the log.
PRUNE_BATCH = 5000


def prune_delivery_log(cutoff: datetime) -> int:
    """Delete the delivery log before ``cutoff`` in batches, then the events left without
    deliveries; return how many deliveries were deleted."""
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
