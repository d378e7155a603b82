"""Production mode with real worker processes: a `kill -9` of the worker mid-revert.

The new worker resumes the revert from its last committed chunk; the catalogue ends equal
to the catalogue before the import (values and provenance) and the counts are exact.
"""

import pytest

from imports import services, tasks
from imports.models import ImportJob, RevertConflict
from products.counts import product_count
from products.models import Product
from products.services import create_product

from . import test_worker_processes as processes
from .conftest import full_catalogue, sample_csv
from .test_worker_processes import kill, workers  # noqa: F401 (the fixture)
from .waiting import wait_final, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.production_only]


def test_worker_killed_mid_revert_resumes_to_the_catalogue_before_the_import(
    broker, workers, submit, monkeypatch  # noqa: F811
):
    monkeypatch.setattr(processes, "CHUNK", 40)  # the workers' IMPORT_CHUNK_ROWS
    for n in range(0, 3000, 7):
        create_product(sku=f"sku-{n}", name="Name 1", description="plain 1", active=n % 2 == 0)
    before = full_catalogue()
    job = submit(sample_csv(24_000, seed=13))
    services.process_queue()  # the import, in this process
    job.refresh_from_db()
    assert job.status == ImportJob.Status.COMPLETED and job.updated_count > 0
    broker.flush_all()

    revert = services.submit_revert(job.pk)
    first = workers()
    tasks.process_imports.send()  # as the revertImport mutation does on commit
    wait_for(lambda: ImportJob.objects.get(pk=revert.pk).chunks_committed >= 5, 60, "5 chunks")
    kill(first)  # kill -9 the worker and its children, mid-revert
    revert.refresh_from_db()
    total = job.created_count + job.updated_count
    assert revert.status == ImportJob.Status.PROCESSING
    assert 0 < revert.rows_processed < total

    workers()  # a new worker finds the orphaned revert (boot sweep) and resumes it
    revert = wait_final(revert, 120)
    assert revert.status == ImportJob.Status.COMPLETED and revert.attempts == 2
    assert (revert.deleted_count, revert.restored_count, revert.conflict_count) == (
        job.created_count, job.updated_count, 0
    )
    assert not RevertConflict.objects.filter(job=revert).exists()
    assert full_catalogue() == before
    assert product_count(Product.objects.all()) == Product.objects.count()
    for active in (True, False):
        assert product_count(Product.objects.filter(active=active)) == (
            Product.objects.filter(active=active).count()
        )

