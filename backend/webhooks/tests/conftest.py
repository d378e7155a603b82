"""Fixtures of the webhooks app: a real loopback HTTP receiver and quick delivery settings."""

import pytest

from webhooks import outbox, transport
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
    outbox.reset_broker_backoff()
    yield
    outbox.reset_broker_backoff()
    transport.close_sessions()


@pytest.fixture
def make_webhook(db):
    """Create a webhook through the service (secret made by the server)."""
    from webhooks import services

    def make(url, events=("product.created",), **kwargs):
        return services.create_webhook(url=url, events=list(events), **kwargs)

    return make


@pytest.fixture
def one_thread_worker(broker):
    """A started Dramatiq worker with one thread (use with ``transactional_db``).

    One thread, because the embedded mode's test database (a SQLite file, see
    `config/settings.py`) takes one writer at a time; more threads would only queue on its
    busy timeout.
    """
    import dramatiq
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("tasks")
    worker = dramatiq.Worker(broker, worker_timeout=100, worker_threads=1)
    worker.start()
    yield worker
    worker.stop()


@pytest.fixture
def drain(broker, one_thread_worker):
    """Wait until every webhooks message (delayed ones too) has been processed."""

    def wait() -> None:
        broker.join("webhooks", timeout=30_000)
        one_thread_worker.join()

    return wait
