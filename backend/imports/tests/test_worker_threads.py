"""Imports through the real broker and a worker: order, cancel while processing, progress."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imports.models import ImportJob
from products.models import Product

from .conftest import sample_csv
from .documents import IMPORT_PRODUCTS
from .waiting import wait_final, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_upload_through_the_api_is_run_by_a_worker(worker, gql_client):
    body = gql_client.query(
        IMPORT_PRODUCTS, files={"file": SimpleUploadedFile("p.csv", b"sku,name\na,A\nb,B\n")}
    )
    assert body["data"]["importProducts"]["status"] == "PENDING"
    job = wait_final(ImportJob.objects.get(), timeout=30)
    assert job.status == ImportJob.Status.COMPLETED and job.created_count == 2
    assert dict(Product.objects.values_list("sku", "name")) == {"a": "A", "b": "B"}


def test_two_imports_apply_one_at_a_time_in_submission_order(worker, submit, settings):
    settings.IMPORT_CHUNK_ROWS = 100
    first = submit(b"sku,name\n" + b"".join(b"s%d,first\n" % i for i in range(3000)))
    second = submit(b"sku,name\n" + b"".join(b"s%d,second\n" % i for i in range(0, 3000, 2)))
    first, second = wait_final(first), wait_final(second)
    assert first.status == second.status == ImportJob.Status.COMPLETED
    assert second.started_at >= first.finished_at
    assert first.created_count == 3000
    assert (second.updated_count, second.created_count) == (1500, 0)
    names = dict(Product.objects.values_list("sku", "name"))
    assert names["s0"] == "second" and names["s1"] == "first"


def test_cancel_while_processing_stops_at_a_chunk_boundary(worker, submit, settings):
    from imports import services

    settings.IMPORT_CHUNK_ROWS = 200
    job = submit(sample_csv(60_000, seed=5))
    wait_for(lambda: ImportJob.objects.get(pk=job.pk).chunks_committed >= 2, what="2 chunks")
    wait_for(lambda: services.cancel_import(job.pk), what="the cancel request to be saved")
    job = wait_final(job, timeout=10)
    assert job.status == ImportJob.Status.CANCELLED
    assert 400 <= job.rows_processed < 60_000
    assert job.rows_processed % 200 == 0  # whole chunks kept, nothing half-applied
    assert job.finished_at is not None
    assert job.attempts == 1  # the worker that saw the cancel ended it, not a second claim
    wait_for(lambda: not ImportJob.objects.get(pk=job.pk).file, 5, "the upload to be deleted")
    kept = Product.objects.count()
    assert 0 < kept <= job.rows_processed


def test_file_is_removed_when_the_job_ends(worker, submit):
    job = submit(b"sku,name\na,b\n")
    name = job.file.name
    storage = job.file.storage
    assert storage.exists(name)
    job = wait_final(job)
    assert job.status == ImportJob.Status.COMPLETED
    # The file goes first, then the job's reference to it (so a worker that dies between
    # the two leaves no file behind): wait for both.
    wait_for(
        lambda: not storage.exists(name) and not ImportJob.objects.get(pk=job.pk).file,
        5, "the upload and the job's reference to it to be deleted",
    )
