"""Webhook endpoints (subscriptions), the event outbox and the delivery log."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone

#: How long the previous secret keeps signing deliveries after a rotation.
SECRET_OVERLAP = timedelta(hours=24)


class EventType(models.TextChoices):
    """Event types a webhook can subscribe to, by wire name."""

    PRODUCT_CREATED = "product.created", "Product created"
    PRODUCT_UPDATED = "product.updated", "Product updated"
    PRODUCT_DELETED = "product.deleted", "Product deleted"
    PRODUCTS_BULK_DELETED = "products.bulk_deleted", "All products deleted"
    PRODUCTS_BULK_UPDATED = "products.bulk_updated", "Products activated or deactivated together"
    IMPORT_FINISHED = "import.finished", "Import finished"
    IMPORT_REVERTED = "import.reverted", "Import reverted"
    FEED_DISABLED = "feed.disabled", "Feed disabled"


#: Sent by ``testWebhook`` only; nobody subscribes to it.
TEST_EVENT_TYPE = "webhook.test"


class Webhook(models.Model):
    """An endpoint that receives signed POSTs for the events it subscribes to."""

    url = models.CharField(max_length=2000)
    events = models.JSONField(default=list, help_text="Wire names of the subscribed events.")
    enabled = models.BooleanField(default=True)
    description = models.TextField(blank=True, default="")
    secret = models.CharField(max_length=64)
    previous_secret = models.CharField(max_length=64, blank=True, default="")
    previous_secret_expires_at = models.DateTimeField(null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    disabled_reason = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return self.url

    def live_secrets(self, now: datetime | None = None) -> list[str]:
        """Secrets that sign a delivery now: the current one, and the previous one while the
        rotation overlap lasts."""
        now = now or timezone.now()
        secrets = [self.secret]
        expires = self.previous_secret_expires_at
        if self.previous_secret and expires and expires > now:
            secrets.append(self.previous_secret)
        return secrets


class WebhookEvent(models.Model):
    """One event in the outbox, written in the same transaction as the change it reports."""

    type = models.CharField(max_length=64)
    payload = models.TextField(help_text="The exact JSON body every delivery sends.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.type} #{self.pk}"


class DeliveryStatus(models.TextChoices):
    """Where a delivery stands."""

    PENDING = "PENDING"
    SUCCEEDED = "SUCCEEDED"
    RETRYING = "RETRYING"
    FAILED = "FAILED"


#: Statuses the sweeper sends when ``next_attempt_at`` has come.
DUE_STATUSES = (DeliveryStatus.PENDING, DeliveryStatus.RETRYING)


def new_message_id() -> str:
    """A Standard Webhooks message id (``webhook-id``)."""
    return "msg_" + uuid.uuid4().hex


class WebhookDelivery(models.Model):
    """One event for one endpoint, with its latest attempt (the delivery log's row).

    ``message_id`` is the ``webhook-id``: the same on every retry and on a redelivery (a
    redelivery is a new row carrying the same message id). ``claim_token`` and
    ``claimed_until`` are a lease: a worker owns the row while it sends, and a worker that dies
    mid-send lets the lease lapse so the sweeper sends the row again.
    """

    event = models.ForeignKey(WebhookEvent, on_delete=models.CASCADE, related_name="deliveries")
    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    message_id = models.CharField(max_length=64, default=new_message_id, db_index=True)
    manual = models.BooleanField(
        default=False, help_text="Sent by testWebhook or redeliverWebhook: once, no retries."
    )
    status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempt = models.PositiveIntegerField(default=0)
    status_code = models.PositiveIntegerField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True, default="")
    response_body = models.TextField(blank=True, default="")
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claim_token = models.UUIDField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (
            # The delivery log: one webhook's deliveries, newest first.
            models.Index(fields=["webhook", "-created_at", "-id"], name="webhooks_delivery_log"),
            # The sweeper: only rows still to send, by due time.
            models.Index(
                fields=["next_attempt_at"],
                name="webhooks_delivery_due",
                condition=Q(status__in=["PENDING", "RETRYING"]),
            ),
            # The fan-out: one webhook's rows still to send, by due time (each batch claims
            # from one webhook, so a backlog of another does not have to be scanned past).
            models.Index(
                fields=["webhook", "next_attempt_at"],
                name="webhooks_delivery_due_hook",
                condition=Q(status__in=["PENDING", "RETRYING"]),
            ),
            # Retention pruning.
            models.Index(fields=["created_at"], name="webhooks_delivery_created"),
        )

    def __str__(self) -> str:
        return f"{self.message_id} -> webhook {self.webhook_id}: {self.status}"


class WebhookDeliveryAttempt(models.Model):
    """One HTTP request of a delivery, kept so a person can read every try."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveIntegerField()
    url = models.CharField(max_length=2000)
    status_code = models.PositiveIntegerField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField()
    error = models.TextField(blank=True, default="")
    response_body = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("delivery", "number")

    def __str__(self) -> str:
        return f"attempt {self.number} of delivery {self.delivery_id}"
