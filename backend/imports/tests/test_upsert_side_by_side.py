"""upsertProducts calls sent side by side: while one call is written at once (holding the
import queue), the next waits for it and is written at once too, not queued as a file; a
queue held past `UPSERT_PRODUCTS_WAIT_SECONDS` still answers with a PENDING job; a worker is
sent to an import queued while a call held the queue."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction

from core.ids import node_pk
from imports import services, upserts
from imports.models import ImportJob
from imports.pipeline import databases
from imports.tests.conftest import catalogue
from imports.tests.test_upsert_products import outcomes, session, upsert  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@contextmanager
def queue_held_by_another(seconds: float) -> Iterator[None]:
    """Hold the import queue's lock from another thread (its own database connection) for
    `seconds` after entering."""
    held, done = threading.Event(), threading.Event()

    def hold() -> None:
        try:
            with services.queue_lock() as got:
                assert got
                held.set()
                done.wait(seconds)
        finally:
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(10)
    timer = threading.Timer(seconds, done.set)
    timer.start()
    try:
        yield
    finally:
        done.set()
        timer.cancel()
        thread.join(10)


def job_of(result) -> ImportJob:
    return ImportJob.objects.get(pk=node_pk(result["job"]["id"], "ImportJob"))


@pytest.fixture
def queued(monkeypatch) -> list[int]:
    """The calls stored as a file and queued (`upserts.submit_upsert`), by item count."""
    calls: list[int] = []
    submit = upserts.submit_upsert

    def counted(items, **options):
        calls.append(len(items))
        return submit(items, **options)

    monkeypatch.setattr(upserts, "submit_upsert", counted)
    return calls


def test_a_call_sent_while_another_is_written_waits_and_is_written_at_once(
    session, settings, queued  # noqa: F811
):
    settings.UPSERT_PRODUCTS_WAIT_SECONDS = 30

    with queue_held_by_another(0.5):
        result = upsert(session, [{"sku": "side-1", "name": "Side by side"}])

    assert result["job"]["status"] == "COMPLETED"
    assert outcomes(result) == [(0, "side-1", "CREATED")]
    assert queued == []  # written at once, not stored as a file and queued
    assert catalogue() == {"side-1": ("Side by side", "", True)}


def test_calls_sent_together_are_each_written_at_once(session, settings, queued):  # noqa: F811
    settings.UPSERT_PRODUCTS_WAIT_SECONDS = 30
    results: dict[int, dict] = {}

    def call(n: int) -> None:
        try:
            results[n] = upsert(session, [{"sku": f"batch-{n}-{i}", "name": f"Item {i}"}
                                          for i in range(50)])
        finally:
            connection.close()

    with queue_held_by_another(0.3):
        threads = [threading.Thread(target=call, args=(n,)) for n in range(3)]
        for thread in threads:
            thread.start()
    for thread in threads:
        thread.join(60)

    assert sorted(results) == [0, 1, 2]
    for result in results.values():
        assert result["job"]["status"] == "COMPLETED"
        assert result["job"]["createdCount"] == 50
    assert queued == []
    assert len(catalogue()) == 150


def test_a_queue_held_past_the_wait_answers_with_a_pending_job(
    session, settings, queued  # noqa: F811
):
    settings.UPSERT_PRODUCTS_WAIT_SECONDS = 0.2

    with queue_held_by_another(3):
        result = upsert(session, [{"sku": "late-1", "name": "Late"}])
        assert result["job"]["status"] == "PENDING"
        assert result["items"] is None
    assert queued == [1]

    services.process_queue()
    assert job_of(result).status == "COMPLETED"
    assert catalogue() == {"late-1": ("Late", "", True)}


def test_a_worker_is_sent_for_an_import_queued_while_a_call_held_the_queue(session):  # noqa: F811
    result = upsert(session, [{"sku": "first", "name": "First"}])
    job = job_of(result)
    assert not upserts.worker_needed(job)

    services.submit_import(SimpleUploadedFile("products.csv", b"sku,name\nq-1,Queued\n"))

    assert upserts.worker_needed(job)


@pytest.mark.production_only
def test_a_lock_wait_that_times_out_leaves_the_transaction_usable():
    with services.queue_lock() as got:  # held by this connection; another connection must wait
        assert got
        answer: list[bool] = []

        def other() -> None:
            try:
                with transaction.atomic():
                    with databases.current().try_lock(services.QUEUE_LOCK_KEY, 0.2) as held:
                        answer.append(held)
                    with connection.cursor() as cursor:  # still usable after the timeout
                        cursor.execute("SELECT current_setting('lock_timeout')")
                        answer.append(cursor.fetchone()[0])
            finally:
                connection.close()

        thread = threading.Thread(target=other)
        thread.start()
        thread.join(10)

    assert answer == [False, "0"]
