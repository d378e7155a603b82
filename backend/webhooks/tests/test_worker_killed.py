"""A worker killed between two attempts: once a worker runs again, the retry still happens.

Production mode kills a real ``manage.py rundramatiq`` process with SIGKILL. The embedded
mode's worker lives inside the web process, so there the test stops it and throws away the
in-memory broker's messages, which is what the death of that process loses. Either way the
broker's copy of the retry is dropped too, so only the database row can bring it back.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dramatiq
import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone

from products import services as products
from webhooks import signing
from webhooks.models import DeliveryStatus, WebhookDelivery

pytestmark = pytest.mark.django_db(transaction=True)

BACKEND_DIR = Path(__file__).resolve().parents[2]


class SubprocessWorker:
    """``manage.py rundramatiq`` against the test database, killable with SIGKILL."""

    def __init__(self, threads: int = 2, **extra_env: str) -> None:
        db = connection.settings_dict
        env = os.environ | {
            "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:"
            f"{db['PORT']}/{db['NAME']}",
            "WEBHOOK_ALLOW_PRIVATE_TARGETS": "1",
            "WEBHOOK_TIMEOUT_SECONDS": "1",
            "WEBHOOK_RETRY_SCHEDULE": "2,2",
            "WEBHOOK_SWEEP_INTERVAL_SECONDS": "1",
            "PERIODIC_TASKS_ENABLED": "1",
            **extra_env,
        }
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [
                sys.executable, "manage.py", "rundramatiq", "--processes", "1",
                "--threads", str(threads),
            ],
            cwd=BACKEND_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kill the worker children too
        )

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-3000:]


class InProcessWorker:
    """The embedded mode's worker: a dramatiq.Worker in this process."""

    def __init__(self, broker) -> None:
        self.broker = broker
        self.worker = dramatiq.Worker(broker, worker_timeout=100, worker_threads=2)
        self.worker.start()

    def kill(self) -> None:
        self.worker.stop()
        self.broker.flush_all()  # the process's in-memory queues die with it

    def output(self) -> str:
        return ""


def start_worker(broker):
    if django_settings.EMBEDDED:
        return InProcessWorker(broker)
    return SubprocessWorker()


def wait_until(predicate, timeout, worker):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"condition not met in time; worker output:\n{worker.output()}")


def test_a_retry_survives_a_worker_killed_between_attempts(
    make_webhook, receiver, broker, settings
):
    settings.PERIODIC_TASKS_ENABLED = True
    settings.WEBHOOK_RETRY_SCHEDULE = [2, 2]
    webhook = make_webhook(receiver.url)
    receiver.script("500")
    first_worker = start_worker(broker)
    try:
        products.create_product(sku="KILL-1", name="x")
        delivery = WebhookDelivery.objects.get()
        wait_until(
            lambda: WebhookDelivery.objects.get().status == DeliveryStatus.RETRYING,
            30,
            first_worker,
        )
    finally:
        first_worker.kill()
    broker.flush_all()  # drop the broker's delayed copy of the retry as well
    assert len(receiver.requests) == 1

    delivery.refresh_from_db()
    while timezone.now() < delivery.next_attempt_at:
        time.sleep(0.1)
    second_worker = start_worker(broker)
    try:
        first, second = receiver.wait_for(2, timeout=30)
        wait_until(
            lambda: WebhookDelivery.objects.get().status == DeliveryStatus.SUCCEEDED,
            10,
            second_worker,
        )
    finally:
        second_worker.kill()

    assert first.headers["webhook-id"] == second.headers["webhook-id"] == delivery.message_id
    signing.verify(webhook.secret, second.headers, second.body)
    assert WebhookDelivery.objects.get().attempt == 2
