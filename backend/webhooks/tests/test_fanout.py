"""The fan-out: slow, flaky and fast receivers side by side, through a real worker.

A slow receiver holds only its own slots (``WEBHOOK_MAX_IN_FLIGHT``), so a fast one's
deliveries all finish while the slow one's requests are still open; a receiver that fails
half the time ends with exactly one success per event; a worker that stops finishes and
records its sends first.
"""

import time
from collections import Counter

import dramatiq
import pytest

from products import services as products
from webhooks import fanout
from webhooks.models import DeliveryStatus, WebhookDelivery, WebhookDeliveryAttempt
from webhooks.tests.conftest import settle
from webhooks.tests.receiver import Receiver

pytestmark = pytest.mark.django_db(transaction=True)


def wait_until(predicate, timeout=20.0, what="the condition"):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def statuses(webhook) -> Counter:
    return Counter(WebhookDelivery.objects.filter(webhook=webhook).values_list("status", flat=True))


def test_a_slow_receiver_does_not_hold_up_a_fast_one(make_webhook, broker, worker, settings):
    settings.WEBHOOK_TIMEOUT_SECONDS = 30
    settings.WEBHOOK_MAX_IN_FLIGHT = 3
    settings.WEBHOOK_SENDER_THREADS = 8
    with Receiver("hang", hang_seconds=30) as slow, Receiver("200") as fast:
        slow_hook = make_webhook(slow.url + "/slow")
        fast_hook = make_webhook(fast.url + "/fast")

        for n in range(8):
            products.create_product(sku=f"FAN-{n}", name="x")

        # Every fast delivery arrives and is recorded while the slow receiver still holds
        # its first requests unanswered (the worker has only 2 threads: before the fan-out,
        # two slow sends took both and the fast receiver waited 30 s).
        fast.wait_for(8)
        wait_until(lambda: statuses(fast_hook) == {DeliveryStatus.SUCCEEDED: 8}, what="fast")
        slow.wait_for(3)
        time.sleep(0.3)
        assert len(slow.requests) == 3  # its three slots, no more
        assert statuses(slow_hook) == {DeliveryStatus.PENDING: 8}
        assert not WebhookDeliveryAttempt.objects.filter(delivery__webhook=slow_hook).exists()
        wait_until(lambda: fanout.pool().in_flight() == {slow_hook.pk: 3}, what="slots")

        slow.behaviour = "200"
        slow.release()
        wait_until(lambda: statuses(slow_hook) == {DeliveryStatus.SUCCEEDED: 8}, what="slow")
        settle(broker, worker)

    ids = Counter(r.headers["webhook-id"] for r in slow.requests)
    assert len(ids) == 8 and set(ids.values()) == {1}


def test_a_receiver_failing_half_the_time_ends_with_one_success_per_event(
    make_webhook, broker, worker, settings
):
    settings.WEBHOOK_RETRY_SCHEDULE = [1] * 10
    settings.WEBHOOK_MAX_IN_FLIGHT = 4
    events = 12
    with Receiver() as flaky, Receiver() as fast:
        flaky.script(*["500", "200"] * events * 2)  # every other request fails
        flaky_hook = make_webhook(flaky.url + "/flaky")
        make_webhook(fast.url + "/fast")

        for n in range(events):
            products.create_product(sku=f"FLAKY-{n}", name="x")

        wait_until(
            lambda: statuses(flaky_hook) == {DeliveryStatus.SUCCEEDED: events},
            timeout=60,
            what="every flaky delivery to succeed",
        )
        settle(broker, worker)

    answers = Counter((r.headers["webhook-id"], r.behaviour) for r in flaky.requests)
    successes = Counter(id_ for (id_, behaviour) in answers.elements() if behaviour == "200")
    failures = sum(count for (_, behaviour), count in answers.items() if behaviour == "500")
    deliveries = WebhookDelivery.objects.filter(webhook=flaky_hook)
    assert set(successes) == set(deliveries.values_list("message_id", flat=True))
    assert set(successes.values()) == {1}  # exactly one success per event
    assert failures >= 1  # some were retried
    assert sum(d.attempt for d in deliveries) == len(flaky.requests)
    assert Counter(r.headers["webhook-id"] for r in fast.requests).most_common(1)[0][1] == 1
    assert len(fast.requests) == events


def test_a_worker_stopped_mid_batch_finishes_and_records_its_sends(
    make_webhook, broker, settings
):
    settings.WEBHOOK_TIMEOUT_SECONDS = 10
    with Receiver("hang", hang_seconds=1.5) as slow:
        hook = make_webhook(slow.url)
        running = dramatiq.Worker(broker, worker_timeout=100, worker_threads=2)
        running.start()
        try:
            for n in range(4):
                products.create_product(sku=f"STOP-{n}", name="x")
            slow.wait_for(4)  # all four are in flight
        finally:
            running.stop()  # waits for the answers and records them

        assert statuses(hook) == {DeliveryStatus.SUCCEEDED: 4}
        assert fanout.pool().in_flight() == {}
        ids = Counter(r.headers["webhook-id"] for r in slow.requests)
        assert len(ids) == 4 and set(ids.values()) == {1}
