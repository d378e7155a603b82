"""Production mode: a worker killed (`kill -9`) mid-removal; the next one ends it exact."""

import pytest

from imports import services
from imports.models import ImportChange, ImportJob
from products.models import Product

from .test_worker_processes import kill, workers  # noqa: F401  (the fixture)
from .waiting import wait_final, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.production_only]

PRODUCTS = 40_000
CHUNK = 500  # the workers' IMPORT_CHUNK_ROWS (test_worker_processes.CHUNK)


def test_worker_killed_mid_removal_resumes_exactly(broker, workers, submit, settings):  # noqa: F811
    everything = b"sku,name\n" + b"".join(b"k-%d,N\n" % i for i in range(PRODUCTS))
    submit(everything)
    services.process_queue()  # the catalogue, in this process
    assert Product.objects.count() == PRODUCTS
    broker.flush_all()
    half = b"sku,name\n" + b"".join(b"k-%d,N\n" % i for i in range(0, PRODUCTS, 2))
    job = submit(half, options={"missing": "DELETE", "max_removal_percent": 60})
    first = workers()

    def removing() -> bool:
        current = ImportJob.objects.get(pk=job.pk)
        return current.deleted_count >= 3 * CHUNK

    wait_for(removing, 120, "3 removal chunks")
    kill(first)  # kill -9 the worker and its children, mid-removal
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PROCESSING
    assert 0 < job.deleted_count < PRODUCTS // 2

    workers()  # a new worker finds the orphaned job (boot sweep) and resumes it
    job = wait_final(job, 180)
    assert (job.status, job.deleted_count, job.attempts) == (
        ImportJob.Status.COMPLETED, PRODUCTS // 2, 2)
    assert Product.objects.count() == PRODUCTS // 2
    assert not Product.objects.filter(sku="k-1").exists()
    deleted = ImportChange.objects.filter(job=job, kind=ImportChange.Kind.DELETED)
    assert deleted.count() == PRODUCTS // 2
    assert deleted.values("product_id").distinct().count() == PRODUCTS // 2
