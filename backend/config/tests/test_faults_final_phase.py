"""A worker killed (SIGKILL) during an import's final phase, inside the transaction that
writes the final status, the counts and the import.finished event: the import resumes in the
next worker and ends exactly once, with the counts of an uninterrupted run, one event and
one delivery.

The test holds a lock on the event table, so the worker stops right at the event's INSERT
(after its last chunk committed, with the COMPLETED status written but not committed).
"""

import time

import psycopg2
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from conftest import close_other_connections
from imports import services as imports
from imports.models import ImportJob, ImportRowError
from imports.tests.conftest import catalogue, sample_csv
from imports.tests.test_worker_processes import CHUNK, kill, start_worker
from imports.tests.waiting import wait_final
from products.models import Product
from webhooks import services as webhooks
from webhooks.models import WebhookDelivery, WebhookEvent
from webhooks.tests.receiver import Receiver

from .faults import wait_until

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.production_only]


def outcome(job: ImportJob) -> tuple:
    return (job.status, job.rows_processed, job.created_count, job.updated_count,
            job.unchanged_count, job.error_count)


def test_a_worker_killed_while_finishing_an_import_resumes_and_ends_exactly_once(
    broker, settings, tmp_path
):
    settings.IMPORT_CHUNK_ROWS = CHUNK
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    data = sample_csv(6000, seed=5, prefix="fin")
    reference = imports.submit_import(SimpleUploadedFile("p.csv", data))
    imports.process_queue()  # uninterrupted, in this process
    reference.refresh_from_db()
    expected = catalogue()
    expected_errors = ImportRowError.objects.filter(job=reference).count()
    broker.flush_all()
    Product.objects.all().delete()

    db = connection.settings_dict
    blocker = psycopg2.connect(
        dbname=db["NAME"], user=db["USER"], host=db["HOST"] or "127.0.0.1", port=db["PORT"]
    )
    workers = []
    with Receiver() as receiver:
        webhooks.create_webhook(url=receiver.url, events=["import.finished"])
        try:
            with blocker.cursor() as cursor:  # no event can be written until we let go
                cursor.execute("LOCK TABLE webhooks_webhookevent IN SHARE ROW EXCLUSIVE MODE")
            job = imports.submit_import(SimpleUploadedFile("p.csv", data))
            workers.append(start_worker(tmp_path / "w1.log", WEBHOOK_ALLOW_PRIVATE_TARGETS="1"))

            def finishing():
                with blocker.cursor() as cursor:
                    cursor.execute(
                        "SELECT count(*) FROM pg_locks WHERE NOT granted "
                        "AND relation = 'webhooks_webhookevent'::regclass"
                    )
                    return cursor.fetchone()[0]

            wait_until(finishing, 120, "the worker to reach the final phase")
            job.refresh_from_db()
            assert job.status == ImportJob.Status.PROCESSING  # nothing of the end committed
            assert job.rows_processed == reference.rows_processed  # every chunk committed
            kill(workers[0])
        finally:
            blocker.rollback()
            blocker.close()

        workers.append(start_worker(tmp_path / "w2.log", WEBHOOK_ALLOW_PRIVATE_TARGETS="1"))
        try:
            job = wait_final(job, 120)
            received = receiver.wait_for(1, timeout=30)
            time.sleep(1)  # a second send would arrive now
        finally:
            for worker in workers:
                kill(worker)
            close_other_connections()  # sessions of the killed workers

        assert outcome(job) == outcome(reference)
        assert job.attempts == 2
        assert catalogue() == expected
        assert ImportRowError.objects.filter(job=job).count() == expected_errors
        events = WebhookEvent.objects.filter(type="import.finished")
        assert events.count() == 1
        delivery = WebhookDelivery.objects.get(event=events.get())
        assert delivery.status == "SUCCEEDED"
        assert '"status": "COMPLETED"' in events.get().payload.replace('":"', '": "')
        assert len(receiver.requests) == len(received) == 1
        assert received[0].headers["webhook-id"] == delivery.message_id
