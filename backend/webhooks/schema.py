"""GraphQL root fields of the webhooks app: each turns input into one service call.

Resolvers return models; each decorator names the GraphQL type they are read as
(``graphql_type``, as ``connection`` takes its connection type), so the annotations say
what the function returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from strawberry.permission import BasePermission

from accounts.permissions import IsAuthenticated
from core.graphql_errors import not_found
from core.ids import node_pk
from core.pagination import ListConnection

from . import models, services
from .types import WebhookDeliveryType, WebhookInput, WebhookPartialInput, WebhookType

AUTH: list[type[BasePermission]] = [IsAuthenticated]


def _changes(data: WebhookPartialInput) -> dict[str, Any]:
    fields = ("url", "events", "enabled", "description")
    return {f: getattr(data, f) for f in fields if getattr(data, f) is not strawberry.UNSET}


@strawberry.type
class Query:
    """Webhook queries."""

    @strawberry_django.field(graphql_type=list[WebhookType], permission_classes=AUTH)
    def webhooks(self) -> QuerySet[models.Webhook]:
        """Every webhook, newest first."""
        return models.Webhook.objects.order_by("-created_at", "-id")

    @strawberry_django.connection(ListConnection[WebhookDeliveryType], permission_classes=AUTH)
    def webhook_deliveries(self, webhook_id: strawberry.ID) -> Iterable[models.WebhookDelivery]:
        """One webhook's delivery log, newest first."""
        pk = node_pk(webhook_id, "Webhook", field="webhookId")
        try:
            return services.deliveries_of(pk)
        except ValidationError as exc:
            raise not_found(exc.messages[0], field="webhookId") from None


@strawberry.type
class Mutation:
    """Webhook mutations; errors come back as OperationInfo with ``field`` set."""

    @strawberry_django.mutation(
        graphql_type=WebhookType, handle_django_errors=True, permission_classes=AUTH
    )
    def create_webhook(self, input: WebhookInput) -> models.Webhook:  # noqa: A002
        """Create a webhook with a fresh signing secret."""
        return services.create_webhook(
            url=input.url,
            events=input.events,
            enabled=input.enabled,
            description=input.description,
        )

    @strawberry_django.mutation(
        graphql_type=WebhookType, handle_django_errors=True, permission_classes=AUTH
    )
    def update_webhook(self, input: WebhookPartialInput) -> models.Webhook:  # noqa: A002
        """Change some fields of a webhook."""
        webhook_id = node_pk(input.id, "Webhook")
        return services.update_webhook(webhook_id, **_changes(input))

    @strawberry_django.mutation(
        graphql_type=WebhookType, handle_django_errors=True, permission_classes=AUTH
    )
    def delete_webhook(self, id: strawberry.ID) -> models.Webhook:  # noqa: A002
        """Delete a webhook and its delivery log."""
        return services.delete_webhook(node_pk(id, "Webhook"))

    @strawberry_django.mutation(
        graphql_type=WebhookType, handle_django_errors=True, permission_classes=AUTH
    )
    def rotate_webhook_secret(self, id: strawberry.ID) -> models.Webhook:  # noqa: A002
        """Make a new secret; the old one also signs deliveries for 24 hours."""
        return services.rotate_secret(node_pk(id, "Webhook"))

    @strawberry_django.mutation(
        graphql_type=WebhookDeliveryType, handle_django_errors=True, permission_classes=AUTH
    )
    def test_webhook(self, id: strawberry.ID) -> models.WebhookDelivery:  # noqa: A002
        """Send a webhook.test event now (also to a disabled webhook) and answer with it."""
        return services.send_test_event(node_pk(id, "Webhook"))

    @strawberry_django.mutation(
        graphql_type=WebhookDeliveryType, handle_django_errors=True, permission_classes=AUTH
    )
    def redeliver_webhook(self, delivery_id: strawberry.ID) -> models.WebhookDelivery:
        """Send a past delivery's event again, with the same webhook-id."""
        pk = node_pk(delivery_id, "WebhookDelivery", field="deliveryId")
        return services.redeliver(pk)
