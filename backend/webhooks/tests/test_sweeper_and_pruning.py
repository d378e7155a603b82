"""The periodic actors: the sweeper hands out due rows; pruning keeps the log bounded."""

from datetime import timedelta

import pytest
from django.utils import timezone

from products import services as products
from webhooks import tasks
from webhooks.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookDeliveryAttempt,
    WebhookEvent,
)

pytestmark = pytest.mark.django_db


def test_the_sweeper_sends_due_rows_and_leaves_future_ones(make_webhook, receiver):
    make_webhook(receiver.url)
    products.create_product(sku="DUE", name="x")
    products.create_product(sku="LATER", name="x")
    later = WebhookDelivery.objects.get(event__payload__contains='"LATER"')
    WebhookDelivery.objects.filter(pk=later.pk).update(
        status=DeliveryStatus.RETRYING, next_attempt_at=timezone.now() + timedelta(hours=1)
    )

    ids, token = tasks.dispatch.claim_due()
    for delivery_id in ids:  # what the deliver messages the sweeper sends will do
        tasks.dispatch.deliver(delivery_id, token)

    [request] = receiver.wait_for(1)
    assert b'"DUE"' in request.body
    assert WebhookDelivery.objects.get(pk=later.pk).status == DeliveryStatus.RETRYING


def test_pruning_removes_deliveries_older_than_the_retention_and_their_events(
    make_webhook, receiver, settings
):
    settings.WEBHOOK_DELIVERY_RETENTION_DAYS = 30
    make_webhook(receiver.url)
    products.create_product(sku="OLD", name="x")
    products.create_product(sku="NEW", name="x")
    old = WebhookDelivery.objects.get(event__payload__contains='"OLD"')
    tasks.dispatch.deliver(old.pk)
    long_ago = timezone.now() - timedelta(days=31)
    WebhookDelivery.objects.filter(pk=old.pk).update(created_at=long_ago)
    WebhookEvent.objects.filter(pk=old.event_id).update(created_at=long_ago)

    tasks.prune_deliveries()

    [remaining] = WebhookDelivery.objects.all()
    assert '"NEW"' in remaining.event.payload
    assert not WebhookEvent.objects.filter(pk=old.event_id).exists()
    assert not WebhookDeliveryAttempt.objects.exists()
