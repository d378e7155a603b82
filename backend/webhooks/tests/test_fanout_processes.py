"""The fan-out in a real worker process (production mode): its database connections stay
within the budget however many requests are in flight, and a worker killed with requests in
flight leaves claims that lapse, after which every delivery succeeds once more with its id.
"""

import time
from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from conftest import close_other_connections
from products import services as products
from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.tests.receiver import Receiver
from webhooks.tests.test_worker_killed import SubprocessWorker

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.production_only]

THREADS = 2
FAN_OUT_ENV = {
    "WEBHOOK_TIMEOUT_SECONDS": "15",
    "WEBHOOK_SENDER_THREADS": "32",
    "WEBHOOK_MAX_IN_FLIGHT": "16",
}


def worker_connections() -> int:
    """Sessions on the test database other than this test's own."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def wait_until(predicate, timeout, worker, what):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}; worker:\n{worker.output()}")
        time.sleep(0.1)


def test_sixteen_requests_in_flight_use_no_more_connections_than_the_worker_threads_plus_one(
    make_webhook,
):
    with Receiver("hang", hang_seconds=3) as slow:
        make_webhook(slow.url)
        for n in range(16):
            products.create_product(sku=f"BUDGET-{n}", name="x")
        worker = SubprocessWorker(threads=THREADS, **FAN_OUT_ENV)
        try:
            slow.wait_for(16, timeout=30)  # all sixteen are open at the receiver at once
            peak = worker_connections()
            while WebhookDelivery.objects.exclude(status=DeliveryStatus.SUCCEEDED).exists():
                peak = max(peak, worker_connections())
                time.sleep(0.05)
        finally:
            worker.kill()
            close_other_connections()

    # Worker threads (claims, sweeps) plus the recorder: not one per request in flight.
    assert 1 <= peak <= THREADS + 1, peak
    assert len({r.headers["webhook-id"] for r in slow.requests}) == 16


def test_a_worker_killed_with_requests_in_flight_resends_them_once_with_the_same_ids(
    make_webhook,
):
    with Receiver("hang", hang_seconds=60) as receiver:
        make_webhook(receiver.url)
        for n in range(6):
            products.create_product(sku=f"KILLED-{n}", name="x")
        first = SubprocessWorker(threads=THREADS, **FAN_OUT_ENV)
        try:
            receiver.wait_for(6, timeout=30)
        finally:
            first.kill()
        # Nothing was recorded: each row is still claimed by the dead worker.
        rows = WebhookDelivery.objects.all()
        assert {(d.status, d.attempt) for d in rows} == {(DeliveryStatus.PENDING, 0)}
        assert all(d.claimed_until > timezone.now() for d in rows)

        # The claims lapse (shortened here: a lease is the timeout plus a minute).
        WebhookDelivery.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))
        receiver.behaviour = "200"
        receiver.release()
        second = SubprocessWorker(threads=THREADS, **FAN_OUT_ENV)
        try:
            wait_until(
                lambda: set(WebhookDelivery.objects.values_list("status", flat=True))
                == {DeliveryStatus.SUCCEEDED},
                30,
                second,
                "every delivery to succeed",
            )
        finally:
            second.kill()
            close_other_connections()

    sent = Counter(r.headers["webhook-id"] for r in receiver.requests)
    assert set(sent) == set(WebhookDelivery.objects.values_list("message_id", flat=True))
    # At least once: the request cut by the kill, then the one that succeeded; no other.
    assert set(sent.values()) == {2}
    assert set(WebhookDelivery.objects.values_list("attempt", flat=True)) == {1}
