"""Fixtures of the webhooks app: a real loopback HTTP receiver and quick delivery settings."""

import pytest

from webhooks import services, tasks
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
    tasks.reset_broker_backoff()
    yield
    tasks.reset_broker_backoff()


@pytest.fixture
def make_webhook(db):
    """Create a webhook through the service (secret made by the server)."""

    def make(url, events=("product.created",), **kwargs):
        return services.create_webhook(url=url, events=list(events), **kwargs)

    return make


@pytest.fixture
def drain(broker, worker):
    """Wait until every webhooks message (delayed ones too) has been processed."""

    def wait() -> None:
        broker.join("webhooks", timeout=30_000)
        worker.join()

    return wait
