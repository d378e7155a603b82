"""Production mode with real worker processes: a `kill -9` mid-import, and two workers.

Each worker is `manage.py rundramatiq` in its own session against the test database and
the Redis broker. The embedded mode has one process; its crash/resume is test_resume.py.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from imports import services
from imports.models import ImportJob, ImportRowError
from products.models import Product
from products.services import create_product

from .conftest import catalogue, sample_csv
from .waiting import wait_final, wait_for

# Separate worker processes exist only in production mode (the embedded broker lives in one
# process's memory); conftest deselects these tests in embedded mode and says so.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.production_only]

BACKEND = Path(__file__).resolve().parents[2]
CHUNK = 500


def start_worker(log: Path, **overrides: str) -> subprocess.Popen:
    """A `rundramatiq` worker process (1 process, 2 threads) on the test database.

    `overrides` replace variables of its environment (another database or Redis, settings).
    """
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": settings.REDIS_URL,
        "SECRET_KEY": settings.SECRET_KEY,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "IMPORT_CHUNK_ROWS": str(CHUNK),
        "PERIODIC_TASKS_ENABLED": "1",
        "IMPORT_SWEEP_SECONDS": "1",
        **overrides,
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "rundramatiq", "--processes", "1", "--threads", "2"],
        cwd=BACKEND,
        env=env,
        start_new_session=True,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


def kill(process: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    """Send `sig` to the worker and every process it started; wait for it."""
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass
    process.wait(timeout=30)


@pytest.fixture
def workers(tmp_path):
    started: list[subprocess.Popen] = []

    def start(**overrides: str) -> subprocess.Popen:
        process = start_worker(tmp_path / f"worker-{len(started)}.log", **overrides)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            kill(process, signal.SIGTERM)
    with connection.cursor() as cursor:  # sessions of killed workers the server still keeps
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


def base_catalogue() -> None:
    for n in range(0, 3000, 7):
        create_product(sku=f"sku-{n}", name="Name 1", description="plain 1", active=True)


def outcome(job: ImportJob) -> tuple:
    return (job.status, job.rows_processed, job.created_count, job.updated_count,
            job.unchanged_count, job.error_count)


def test_worker_killed_mid_import_resumes_to_an_uninterrupted_result(
    broker, workers, submit, settings
):
    settings.IMPORT_CHUNK_ROWS = CHUNK
    data = sample_csv(60_000, seed=11, prefix="sku")
    base_catalogue()
    reference = submit(data)
    services.process_queue()  # uninterrupted, in this process
    reference.refresh_from_db()
    expected, expected_errors = catalogue(), ImportRowError.objects.filter(job=reference).count()
    assert reference.status == ImportJob.Status.COMPLETED
    broker.flush_all()
    Product.objects.all().delete()
    base_catalogue()

    job = submit(data)
    first = workers()
    wait_for(lambda: ImportJob.objects.get(pk=job.pk).chunks_committed >= 3, 60, "3 chunks")
    kill(first)  # kill -9 the worker and its children, mid-import
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PROCESSING
    assert 0 < job.rows_processed < 60_000

    workers()  # a new worker finds the orphaned job (boot sweep) and resumes it
    job = wait_final(job, 120)
    assert outcome(job) == outcome(reference)
    assert catalogue() == expected
    assert ImportRowError.objects.filter(job=job).count() == expected_errors == job.error_count
    assert job.attempts == 2


def test_worker_killed_mid_import_from_a_bucket_checks_only_the_rest_when_it_resumes(
    broker, workers, submit, settings, object_storage, tmp_path
):
    settings.IMPORT_CHUNK_ROWS = CHUNK
    data = sample_csv(30_000, seed=5, prefix="sku")
    base_catalogue()
    reference = submit(data)
    services.process_queue()  # uninterrupted, in this process
    reference.refresh_from_db()
    expected = catalogue()
    assert reference.status == ImportJob.Status.COMPLETED
    broker.flush_all()
    Product.objects.all().delete()
    base_catalogue()
    in_the_bucket = {**object_storage.environment(), "LOG_LEVEL": "INFO", "LOG_FORMAT": "TEXT"}

    job = submit(data)
    first = workers(**in_the_bucket)
    wait_for(lambda: ImportJob.objects.get(pk=job.pk).chunks_committed >= 3, 60, "3 chunks")
    kill(first)  # kill -9 the worker and its children, mid-import
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PROCESSING and 0 < job.rows_processed < 30_000
    checkpoint = (job.checkpoint_line, job.checkpoint_offset)

    workers(**in_the_bucket)
    job = wait_final(job, 120)
    assert outcome(job) == outcome(reference)
    assert catalogue() == expected
    assert job.attempts == 2
    log = (tmp_path / "worker-1.log").read_text()
    assert (f"import {job.pk} resumed: the check pass reads from line {checkpoint[0] + 1} "
            f"(byte {checkpoint[1]})") in log


def test_two_worker_processes_run_each_import_once_in_order(broker, workers, submit):
    workers()
    workers()
    files = [
        b"sku,name\n" + b"".join(b"s%d,v%d\n" % (n, i) for n in range(4000)) + b",bad\n"
        for i in range(3)
    ]
    jobs = [submit(data) for data in files]
    jobs = [wait_final(job, 120) for job in jobs]
    assert [j.status for j in jobs] == [ImportJob.Status.COMPLETED] * 3
    assert [(j.created_count, j.updated_count, j.error_count) for j in jobs] == [
        (4000, 0, 1), (0, 4000, 1), (0, 4000, 1)
    ]
    assert [ImportRowError.objects.filter(job=j).count() for j in jobs] == [1, 1, 1]
    assert [j.attempts for j in jobs] == [1, 1, 1]
    for earlier, later in zip(jobs, jobs[1:], strict=False):
        assert later.started_at >= earlier.finished_at
    assert set(Product.objects.values_list("name", flat=True)) == {"v2"}
