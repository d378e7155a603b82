"""The bulk write path with real worker processes (production mode): a `kill -9` during the
load and during the index build, a second import, product edits and a cancel during the
build. Each ends with every index of a fresh migrate, exact counts and no lost write.

To catch a worker inside the build, the test holds the advisory lock the builder takes for
one index (`bulk_indexes.build_lock`): the worker builds every other index, then waits
there, with the job still PROCESSING, until the test lets go.
"""

import signal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from imports import services
from imports.models import BulkLoad, ImportJob
from products import bulk_indexes
from products.models import Product
from products.search import search_q
from products.services import create_product, delete_product, update_product

from .bulk_helpers import counts_exact, table_schema
from .conftest import catalogue, sample_csv
from .test_worker_processes import kill, start_worker
from .waiting import wait_final, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.production_only]

CHUNK = 500
WORKER_ENV = {"IMPORT_CHUNK_ROWS": str(CHUNK), "IMPORT_BULK_MIN_ROWS": "1000"}


@pytest.fixture
def workers(tmp_path):
    started = []

    def start():
        process = start_worker(tmp_path / f"worker-{len(started)}.log", **WORKER_ENV)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            kill(process, signal.SIGTERM)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture
def held_build():
    """Hold one index's build lock; yields (the index's name, a function releasing it)."""
    gin_first = sorted(
        bulk_indexes.secondary_indexes(), key=lambda d: (" USING gin " not in d[1], d[0])
    )
    name = gin_first[0][0]
    held = {"on": True}
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", bulk_indexes.build_lock(name))

    def release():
        if held.pop("on", False):
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", bulk_indexes.build_lock(name))

    yield name, release
    release()


def wait_mid_build(job: ImportJob, held: str) -> None:
    """Wait until every index but `held` is built again while `job` still runs."""

    def mid_build():
        load = BulkLoad.objects.filter(job_id=job.pk).first()
        return load is not None and [n for n, _ in bulk_indexes.missing(load.definitions)] == [
            held
        ]

    wait_for(mid_build, 120, "the index build to reach the held index")
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PROCESSING


def reference(data: bytes, settings) -> dict:
    """The catalogue an uninterrupted normal-path import of `data` gives (then emptied)."""
    settings.IMPORT_CHUNK_ROWS = CHUNK
    settings.IMPORT_BULK_MIN_ROWS = 10**9
    job = services.submit_import(SimpleUploadedFile("ref.csv", data))
    services.process_queue()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.COMPLETED
    expected = catalogue()
    Product.objects.all().delete()
    ImportJob.objects.all().delete()
    return expected


def test_kill_9_during_the_bulk_load_resumes_exactly(broker, workers, submit, settings):
    data = sample_csv(30_000, seed=21)
    expected = reference(data, settings)
    broker.flush_all()
    migrated = table_schema()

    job = submit(data)
    first = workers()
    wait_for(lambda: ImportJob.objects.get(pk=job.pk).chunks_committed >= 3, 60, "3 chunks")
    kill(first)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PROCESSING and job.rows_processed < 30_000
    assert BulkLoad.objects.filter(job_id=job.pk).exists()  # loading without the indexes

    workers()
    job = wait_final(job, 120)
    assert job.status == ImportJob.Status.COMPLETED
    assert job.attempts == 2
    assert catalogue() == expected
    assert table_schema() == migrated
    assert not BulkLoad.objects.exists()
    assert counts_exact()


def test_kill_9_during_the_index_build_resumes_and_builds_every_index(
    broker, workers, submit, settings, held_build
):
    held, release = held_build
    data = sample_csv(4000, seed=22)
    expected = reference(data, settings)
    broker.flush_all()
    migrated = table_schema()

    job = submit(data)
    first = workers()
    wait_mid_build(job, held)
    kill(first)  # kill -9 while the worker waits to build the last index
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PROCESSING
    release()

    workers()
    job = wait_final(job, 120)
    assert job.status == ImportJob.Status.COMPLETED
    assert catalogue() == expected
    assert table_schema() == migrated
    assert not BulkLoad.objects.exists()
    assert counts_exact()


def test_a_second_import_and_edits_during_the_index_build(
    broker, workers, submit, held_build
):
    held, release = held_build
    migrated = table_schema()
    first = submit(b"sku,name\n" + b"".join(b"a-%d,First %d\n" % (n, n) for n in range(3000)))
    workers()
    wait_mid_build(first, held)

    # A second import waits for the first to end (one job at a time, in order).
    second = submit(b"sku,name\n" + b"".join(b"a-%d,Second\n" % n for n in range(100)))
    # Edits while the indexes are being built: none is lost, searches stay right.
    made = create_product(sku="edit-new", name="Zebrafish", description="", active=False)
    edited = Product.objects.get(sku="a-2000")
    update_product(edited.pk, {"name": "Edited name", "active": False})
    gone = Product.objects.get(sku="a-2001")
    delete_product(gone.pk)
    assert list(Product.objects.filter(search_q("zebrafish")).values_list("pk", flat=True)) == [
        made.pk
    ]
    assert Product.objects.filter(name__icontains="edited NAME").count() == 1
    second.refresh_from_db()
    assert second.status == ImportJob.Status.PENDING

    release()
    first, second = wait_final(first, 120), wait_final(second, 120)
    assert (first.status, first.created_count) == (ImportJob.Status.COMPLETED, 3000)
    assert (second.status, second.updated_count) == (ImportJob.Status.COMPLETED, 100)
    assert second.started_at >= first.finished_at
    products = catalogue()
    assert len(products) == 3000  # 3000 imported + 1 created - 1 deleted
    assert products["edit-new"] == ("Zebrafish", "", False)
    assert products["a-2000"] == ("Edited name", "", False)
    assert "a-2001" not in products
    assert sum(1 for name, _, _ in products.values() if name == "Second") == 100
    assert table_schema() == migrated
    assert not BulkLoad.objects.exists()
    assert counts_exact()


def test_cancel_during_the_index_build_still_builds_every_index(
    broker, workers, submit, held_build
):
    held, release = held_build
    migrated = table_schema()
    job = submit(sample_csv(4000, seed=23))
    workers()
    wait_mid_build(job, held)

    services.cancel_import(job.pk)  # every chunk is written: too late to stop the import
    release()

    job = wait_final(job, 120)
    assert job.status == ImportJob.Status.COMPLETED
    assert Product.objects.count() == job.created_count > 0
    assert table_schema() == migrated
    assert not BulkLoad.objects.exists()
    assert counts_exact()
