"""The periodic actors: the sweeper hands out due rows; pruning keeps the log bounded."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from products import services as products
from webhooks import dispatch, tasks
from webhooks.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookDeliveryAttempt,
    WebhookEvent,
)


def wait_until(predicate, timeout=15.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "the worker did not record the delivery in time"
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_the_sweeper_sends_due_rows_and_leaves_future_ones(
    make_webhook, receiver, worker, monkeypatch
):
    make_webhook(receiver.url)
    # Given two rows written while the broker was unreachable (nothing was enqueued) ...
    monkeypatch.setattr(tasks, "enqueue_webhooks", lambda *args, **kwargs: False)
    products.create_product(sku="DUE", name="x")
    products.create_product(sku="LATER", name="x")
    monkeypatch.undo()
    later = WebhookDelivery.objects.get(event__payload__contains='"LATER"')
    WebhookDelivery.objects.filter(pk=later.pk).update(
        status=DeliveryStatus.RETRYING, next_attempt_at=timezone.now() + timedelta(hours=1)
    )
    assert set(WebhookDelivery.objects.values_list("attempt", flat=True)) == {0}

    # ... when the sweeper actor runs, its message wakes the webhook in a worker.
    tasks.sweep_deliveries()

    [request] = receiver.wait_for(1)
    assert b'"DUE"' in request.body
    due = WebhookDelivery.objects.get(event__payload__contains='"DUE"')
    wait_until(lambda: WebhookDelivery.objects.get(pk=due.pk).status != DeliveryStatus.PENDING)
    due.refresh_from_db()
    assert (due.status, due.attempt) == (DeliveryStatus.SUCCEEDED, 1)
    assert WebhookDelivery.objects.get(pk=later.pk).status == DeliveryStatus.RETRYING
    assert len(receiver.requests) == 1


@pytest.mark.django_db
def test_pruning_removes_deliveries_older_than_the_retention_and_their_events(
    make_webhook, receiver, settings
):
    settings.WEBHOOK_DELIVERY_RETENTION_DAYS = 30
    make_webhook(receiver.url)
    products.create_product(sku="OLD", name="x")
    products.create_product(sku="NEW", name="x")
    old = WebhookDelivery.objects.get(event__payload__contains='"OLD"')
    dispatch.deliver(old.pk)
    long_ago = timezone.now() - timedelta(days=31)
    WebhookDelivery.objects.filter(pk=old.pk).update(created_at=long_ago)
    WebhookEvent.objects.filter(pk=old.event_id).update(created_at=long_ago)

    tasks.prune_deliveries()

    [remaining] = WebhookDelivery.objects.all()
    assert '"NEW"' in remaining.event.payload
    assert not WebhookEvent.objects.filter(pk=old.event_id).exists()
    assert not WebhookDeliveryAttempt.objects.exists()
