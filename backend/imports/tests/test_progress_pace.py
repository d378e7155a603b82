"""Progress moves and a cancel is seen at least every IMPORT_PROGRESS_SECONDS of work: the
check pass records how far it has read and looks for a cancel; the apply pass sizes its
chunks to take about that long to write (a cancel waits for the chunk being written)."""

import pytest

from imports import services
from imports.models import ImportJob
from imports.pipeline import run as pipeline
from imports.pipeline.passes.check import check_file
from imports.pipeline.passes.keys import database_lower
from imports.pipeline.passes.pace import CHECK_SHARE, FIRST_CHUNK_ROWS, Pace
from imports.pipeline.reading import compression
from products.models import Product

from .conftest import sample_csv

pytestmark = pytest.mark.django_db


def test_the_check_pass_reports_the_bytes_it_has_read(tmp_path, monkeypatch):
    # read in 16 KiB blocks instead of 1 MiB, so a small file shows the steps of a large one
    monkeypatch.setattr(compression, "READ_SIZE", 16 << 10)
    data = sample_csv(5_000)
    seen: list[int] = []
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    with path.open("rb") as raw:
        check_file(raw, database_lower, size=len(data), on_progress=seen.append)
    assert len(seen) >= 9 and seen == sorted(seen) and 0 < seen[0] < seen[-1] <= len(data)
    assert len(set(seen)) >= 5  # it moves while the file is read, not only at its end


def test_a_cancel_during_the_check_stops_before_any_write_and_progress_moved(
        submit, settings):
    settings.IMPORT_PROGRESS_SECONDS = 0
    job = submit(sample_csv(3_000))
    # the worker has claimed it; the person cancels while it checks the file
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.PROCESSING,
                                               claim_token="t", cancel_requested=True)
    job.refresh_from_db()
    pipeline.run(job)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CANCELLED
    assert (job.chunks_committed, job.rows_processed, Product.objects.count()) == (0, 0, 0)
    assert 0 < job.progress <= CHECK_SHARE  # the check's progress showed before the cancel


def test_chunks_follow_the_time_they_take_and_counts_stay_exact(submit, settings):
    settings.IMPORT_PROGRESS_SECONDS = 0.0001  # as if every write were slow
    job = submit(sample_csv(4_000))
    services.process_queue()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.COMPLETED
    assert job.chunks_committed >= 4_000 // FIRST_CHUNK_ROWS + 1
    assert job.rows_processed == 4_000
    assert job.created_count + job.replaced_count + job.error_count == 4_000
    assert job.created_count == Product.objects.count() > 0


def test_pace_sizes_chunks_to_the_goal():
    pace = Pace(most=25_000, seconds=1.0)
    assert pace.size() == FIRST_CHUNK_ROWS
    pace.wrote(1_000, 2.0)  # 500 rows a second: slow
    assert pace.size() == 400
    pace.wrote(1_000, 0.01)  # fast: up to the most
    assert pace.size() == 25_000
