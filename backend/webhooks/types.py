"""GraphQL types of the webhooks app: Webhook, WebhookDelivery, their inputs and enums.

The classes end in ``Type`` so they never shadow the models of the same GraphQL name.
"""

from __future__ import annotations

from datetime import datetime

import strawberry
import strawberry_django
from strawberry import relay

from accounts.permissions import caller_may
from core.ids import encode_id as global_id

from . import models

WebhookEventType = strawberry.enum(
    models.EventType,
    name="WebhookEventType",
    description="Events a webhook can subscribe to (wire names: product.created, ...).",
)
WebhookDeliveryStatus = strawberry.enum(models.DeliveryStatus, name="WebhookDeliveryStatus")


@strawberry_django.type(models.Webhook, name="Webhook")
class WebhookType(relay.Node):
    """An endpoint that receives signed POSTs (Standard Webhooks) for the events it wants."""

    url: strawberry.auto
    enabled: strawberry.auto

    @strawberry_django.field(
        only=["secret"],
        description="Signing secret (whsec_...). After a rotation the previous one also signs "
        "deliveries for 24 hours. Empty for people whose role may not manage webhooks.",
    )
    def secret(self, root: models.Webhook) -> str:
        """The secret, for those who may rotate it."""
        return root.secret if caller_may("rotateWebhookSecret") else ""

    description: strawberry.auto
    consecutive_failures: int
    created_at: datetime
    updated_at: datetime

    @strawberry_django.field(only=["events"])
    def events(self, root: models.Webhook) -> list[WebhookEventType]:
        """The subscribed event types."""
        return [models.EventType(name) for name in root.events if name in models.EventType]

    @strawberry_django.field(only=["disabled_reason"])
    def disabled_reason(self, root: models.Webhook) -> str | None:
        """Why the webhook was disabled automatically; null when it was not."""
        return root.disabled_reason or None


@strawberry_django.type(models.WebhookDeliveryAttempt, name="WebhookDeliveryAttempt")
class WebhookDeliveryAttemptType:
    """One HTTP request of a delivery, as it went."""

    number: int
    url: str
    status_code: int | None
    duration_ms: int
    error: str
    response_body: str
    created_at: datetime


@strawberry_django.type(models.WebhookDelivery, name="WebhookDelivery")
class WebhookDeliveryType(relay.Node):
    """One event sent (or to be sent) to one webhook, with its latest attempt."""

    attempt: int = strawberry_django.field(description="Attempts made so far.")
    status: WebhookDeliveryStatus
    status_code: int | None
    duration_ms: int | None
    error: str | None
    response_body: str | None = strawberry_django.field(
        description="The first 4 KB of the receiver's latest answer."
    )
    created_at: datetime
    next_attempt_at: datetime | None
    message_id: str = strawberry_django.field(description="The webhook-id header it is sent with.")

    attempts: list[WebhookDeliveryAttemptType] = strawberry_django.field(
        description="Every attempt, first to last."
    )

    @strawberry_django.field(only=["event_id"])
    def event_id(self, root: models.WebhookDelivery) -> strawberry.ID:
        """The event's id: deliveries of one event to several webhooks share it."""
        return strawberry.ID(global_id("WebhookEvent", root.event_id))

    @strawberry_django.field(select_related=["event"], only=["event__type"])
    def event_type(self, root: models.WebhookDelivery) -> str:
        """The event's wire name, e.g. product.created or webhook.test."""
        return root.event.type

    @strawberry_django.field(select_related=["event"], only=["event__payload"])
    def request_body(self, root: models.WebhookDelivery) -> str:
        """The JSON body sent."""
        return root.event.payload


@strawberry.input(description="A new webhook endpoint. The server makes the secret.")
class WebhookInput:
    """Fields of createWebhook."""

    url: str
    events: list[WebhookEventType]
    enabled: bool = True
    description: str = ""


@strawberry.input(description="Changes to a webhook; fields left out stay as they are.")
class WebhookPartialInput:
    """Fields of updateWebhook."""

    id: strawberry.ID
    url: str | None = strawberry.UNSET
    events: list[WebhookEventType] | None = strawberry.UNSET
    enabled: bool | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
