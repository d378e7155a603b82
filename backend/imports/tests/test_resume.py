"""A run that stops mid-file resumes from its last committed chunk and ends as if it never stopped.

Here the stop is an error raised inside the worker after a few chunks (both modes); the real
`kill -9` of a worker process is in test_worker_processes.py (production mode).
"""

import pytest

from imports import services
from imports.models import ImportJob
from imports.pipeline.passes import apply

from .conftest import catalogue, sample_csv
from .crashes import Crash, crash_at_commit

pytestmark = pytest.mark.django_db



def test_resume_after_a_crash_matches_an_uninterrupted_run(
    run_import, submit, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.IMPORT_CHUNK_ROWS = 50
    data = sample_csv(1500, seed=3)
    reference = run_import(data)
    expected = catalogue()
    ImportJob.objects.all().delete()
    from products.models import Product

    Product.objects.all().delete()

    commit = apply.commit_chunk
    crash_at_commit(monkeypatch, 7)
    job = submit(data)
    with pytest.raises(Crash):
        services.process_queue()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PROCESSING
    assert job.chunks_committed == 6 and job.rows_processed == 300
    assert job.last_error == "Crash: worker lost"

    monkeypatch.setattr(apply, "commit_chunk", commit)
    with django_capture_on_commit_callbacks(execute=True):
        services.process_queue()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.COMPLETED
    assert job.attempts == 2
    assert catalogue() == expected
    fields = ("rows_processed", "created_count", "updated_count", "unchanged_count",
              "replaced_count", "error_count")
    assert [getattr(job, f) for f in fields] == [getattr(reference, f) for f in fields]
    assert not job.file


def test_a_job_that_keeps_crashing_is_failed_with_the_reason(submit, settings, monkeypatch):
    settings.IMPORT_MAX_ATTEMPTS = 2

    def broken(*args, **kwargs):
        raise Crash("disk on fire")

    monkeypatch.setattr(apply, "commit_chunk", broken)
    job = submit(b"sku,name\na,b\n")
    for _ in range(2):
        with pytest.raises(Crash):
            services.process_queue()
    services.process_queue()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "internal error 2 times" in job.error_message
    assert "Crash: disk on fire" in job.error_message
