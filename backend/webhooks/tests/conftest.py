"""Fixtures of the webhooks app: a real loopback HTTP receiver and quick delivery settings."""

import time

import pytest
from dramatiq.brokers.stub import StubBroker

from core import queueing
from webhooks import fanout, services, tasks
from webhooks.tests.receiver import Receiver


@pytest.fixture
def receiver():
    """A loopback HTTP receiver that answers 200 unless told otherwise."""
    with Receiver(hang_seconds=30) as server:
        yield server


@pytest.fixture(autouse=True)
def _webhook_settings(settings):
    """Short timeouts and retries so tests run in seconds; loopback receivers allowed."""
    settings.WEBHOOK_TIMEOUT_SECONDS = 1.0
    settings.WEBHOOK_RETRY_SCHEDULE = [1, 1]
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 3
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    queueing.reset_broker_backoff()
    yield
    queueing.reset_broker_backoff()


@pytest.fixture
def make_webhook(db):
    """Create a webhook through the service (secret made by the server)."""

    def make(url, events=("product.created",), **kwargs):
        return services.create_webhook(url=url, events=list(events), **kwargs)

    return make


def settle(broker, worker, timeout: float = 30.0) -> None:
    """Wait until every webhooks message (delayed ones too) has been processed and every
    send the worker's pool started is recorded, with nothing more asked for."""
    deadline = time.monotonic() + timeout
    while True:
        for queue_name in ("webhooks", tasks.DELIVERY_QUEUE):
            broker.join(queue_name, timeout=int(timeout * 1000))
        worker.join()
        idle = fanout.pool().wait_idle(max(0.0, deadline - time.monotonic()))
        assert idle, "webhook sends still in flight"
        if _queues_empty(broker):
            return
        assert time.monotonic() < deadline, "webhook messages keep coming"


def _queues_empty(broker) -> bool:
    names = ("webhooks", tasks.DELIVERY_QUEUE)
    if isinstance(broker, StubBroker):
        return all(
            broker.queues[queue].qsize() == 0
            for name in names
            for queue in (name, f"{name}.DQ")
            if queue in broker.queues
        )
    return all(broker.do_qsize(name) == 0 for name in names)  # Redis: queued, delayed, taken


@pytest.fixture
def drain(broker, worker):
    """Wait until every webhooks message (delayed ones too) has been processed and recorded."""
    return lambda: settle(broker, worker)
