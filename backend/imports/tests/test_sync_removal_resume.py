"""A removal that stops mid-way resumes from its last committed chunk and ends exact.

Here the stop is an error raised inside the worker (both modes); the real `kill -9` of a
worker process mid-removal is in test_sync_removal_kill.py (production mode).
"""

import pytest

from imports import services
from imports.models import ImportChange, ImportJob
from imports.pipeline import removal
from products.models import Product

pytestmark = pytest.mark.django_db

CATALOGUE = b"sku,name\n" + b"".join(b"s-%d,N\n" % i for i in range(300))
HALF = b"sku,name\n" + b"".join(b"s-%d,N\n" % i for i in range(0, 300, 2))


class Crash(Exception):
    pass


@pytest.mark.parametrize("missing", ["DEACTIVATE", "DELETE"])
def test_a_removal_resumes_after_a_crash_and_ends_exact(
    run_import, submit, settings, monkeypatch, django_capture_on_commit_callbacks, missing
):
    run_import(CATALOGUE)
    settings.IMPORT_CHUNK_ROWS = 20
    remove = removal.remove_chunk
    calls = {"n": 0}

    def crashing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise Crash("worker lost")
        return remove(*args, **kwargs)

    monkeypatch.setattr(removal, "remove_chunk", crashing)
    job = submit(HALF, options={"missing": missing, "max_removal_percent": 60})
    with pytest.raises(Crash):
        services.process_queue()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PROCESSING
    assert 0 < job.deactivated_count + job.deleted_count < 150

    monkeypatch.setattr(removal, "remove_chunk", remove)
    with django_capture_on_commit_callbacks(execute=True):
        services.process_queue()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.COMPLETED
    assert job.deactivated_count + job.deleted_count == 150 == job.removal_count
    kept = Product.objects.filter(active=True).count()
    assert kept == 150
    assert ImportChange.objects.filter(job=job, kind__gte=3).count() == 150
    assert job.rows_processed == 150 and job.unchanged_count == 150
