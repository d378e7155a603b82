"""The task broker down while products change: changes succeed at normal speed, and the
events go out through the sweeper once the broker is back."""

import time

import dramatiq
import pytest
from dramatiq.brokers.redis import RedisBroker

from webhooks import signing, tasks
from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.tests.conftest import settle
from webhooks.tests.receiver import closed_port

pytestmark = pytest.mark.django_db(transaction=True)

CREATE_PRODUCT = """
mutation CreateProduct($input: ProductInput!) {
  createProduct(input: $input) { ... on Product { id sku } }
}
"""


@pytest.fixture
def broker_down(monkeypatch):
    """Point the deliver actor at a Redis broker on a port where nothing listens."""
    down = RedisBroker(url=f"redis://127.0.0.1:{closed_port()}/0")
    down.attempts = 0
    enqueue = down.enqueue

    def counted(*args, **kwargs):
        down.attempts += 1
        return enqueue(*args, **kwargs)

    monkeypatch.setattr(down, "enqueue", counted)
    monkeypatch.setattr(tasks.deliver_webhook, "broker", down)
    return down


def test_changes_succeed_quickly_and_events_arrive_after_the_broker_returns(
    gql_client, make_webhook, receiver, broker, broker_down, settings, monkeypatch
):
    webhook = make_webhook(receiver.url)

    for n in range(5):
        answer = gql_client.query(CREATE_PRODUCT, {"input": {"sku": f"DOWN-{n}", "name": "x"}})
        assert answer["data"]["createProduct"]["sku"] == f"DOWN-{n}"

    # Only the first change tried the broker (and failed at once: connection refused); the
    # others skipped it during the back-off, so none of them waited on an unreachable broker.
    assert broker_down.attempts == 1
    assert WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING).count() == 5
    time.sleep(0.3)
    assert receiver.requests == []

    # The broker is back and a worker starts: its sweeper sends what waited.
    monkeypatch.undo()
    settings.PERIODIC_TASKS_ENABLED = True
    worker = dramatiq.Worker(broker, worker_timeout=100, worker_threads=2)
    worker.start()
    try:
        requests = receiver.wait_for(5, timeout=20)
        settle(broker, worker)
    finally:
        worker.stop()

    for request in requests:
        signing.verify(webhook.secret, request.headers, request.body)
    assert {r.headers["webhook-id"] for r in requests} == set(
        WebhookDelivery.objects.values_list("message_id", flat=True)
    )
    assert set(WebhookDelivery.objects.values_list("status", "attempt")) == {
        (DeliveryStatus.SUCCEEDED, 1)
    }
