"""The bulk write path (pipeline/bulk.py), both modes, in this process: a large import into an
empty catalogue loads with the secondary indexes (SQLite: the FTS5 triggers) dropped, builds
them again before COMPLETED, and ends exactly as the normal path does.

`IMPORT_BULK_MIN_ROWS` is lowered so that files of a few thousand rows take the bulk path.
The `kill -9` tests with real worker processes are in test_bulk_worker_processes.py.
"""

import re

import pytest
from django.db import connection

from imports import services
from imports.models import BulkLoad, ImportChange, ImportJob
from imports.pipeline import bulk
from imports.pipeline.passes import apply
from products import bulk_indexes, counts
from products.models import Product
from products.search import search_q
from products.services import create_product

from .bulk_helpers import counts_exact, table_schema
from .conftest import catalogue, full_catalogue, sample_csv

pytestmark = pytest.mark.django_db(transaction=True)

ROWS = 3000
SEARCHES = ["name", "line two", "plain", "sku-12", "nothing-like-this", "Name 1 line"]


class Crash(Exception):
    pass


@pytest.fixture
def bulk_settings(settings):
    settings.IMPORT_CHUNK_ROWS = 400
    settings.IMPORT_BULK_MIN_ROWS = 500
    settings.IMPORT_UPKEEP_MIN_ROWS = 500
    return settings


def watch_chunks(monkeypatch, on_chunk):
    """Call `on_chunk(n, job)` before each chunk commits (n from 1)."""
    commit = apply.commit_chunk
    seen = {"n": 0}

    def watched(job, *args, **kwargs):
        seen["n"] += 1
        on_chunk(seen["n"], job)
        return commit(job, *args, **kwargs)

    monkeypatch.setattr(apply, "commit_chunk", watched)
    return seen


def search_results() -> dict[str, list[str]]:
    found = {q: sorted(Product.objects.filter(search_q(q)).values_list("sku", flat=True))
             for q in SEARCHES}
    for term in ("ne tw", "sku-1", "AME"):
        found[f"contains {term}"] = sorted(
            Product.objects.filter(description__icontains=term).values_list("sku", flat=True)
        ) + sorted(Product.objects.filter(name__icontains=term).values_list("sku", flat=True))
    return found


def normal_reference(run_import, settings, data: bytes):
    """The catalogue, change-log shape and search answers of the normal path; then empty."""
    settings.IMPORT_BULK_MIN_ROWS = 10**9
    job = run_import(data)
    assert job.status == ImportJob.Status.COMPLETED
    result = (catalogue(), search_results(), counts_of(job))
    ImportJob.objects.all().delete()
    Product.objects.all().delete()
    settings.IMPORT_BULK_MIN_ROWS = 500
    return result


def counts_of(job: ImportJob) -> tuple:
    return (job.rows_processed, job.created_count, job.updated_count, job.unchanged_count,
            job.replaced_count, job.error_count)


def test_bulk_import_drops_the_indexes_and_ends_with_those_of_a_fresh_migrate(
    run_import, bulk_settings, monkeypatch
):
    data = sample_csv(ROWS, seed=5)
    expected, searches, expected_counts = normal_reference(run_import, bulk_settings, data)
    migrated = table_schema()  # the test database is freshly migrated
    dropped = bulk_indexes.secondary_indexes()
    assert dropped  # PostgreSQL: the ordering/search indexes; SQLite: the FTS5 triggers
    during: list[list] = []
    watch_chunks(monkeypatch, lambda n, job: during.append(bulk_indexes.missing(dropped)))

    job = run_import(data)

    assert job.status == ImportJob.Status.COMPLETED
    assert during and all(missing == dropped for missing in during)  # loaded without them
    assert table_schema() == migrated
    assert not BulkLoad.objects.exists()
    assert catalogue() == expected
    assert counts_of(job) == expected_counts
    assert counts_exact()
    assert search_results() == searches


def test_bulk_import_keeps_the_change_log_and_provenance_and_can_be_reverted(
    run_import, run_revert, bulk_settings
):
    job = run_import(sample_csv(ROWS, seed=8))
    assert job.status == ImportJob.Status.COMPLETED
    create_product(sku="kept-1", name="Kept", description="", active=True)  # not the import's
    products = full_catalogue()
    written = {sku: v for sku, v in products.items() if sku != "kept-1"}
    assert job.created_count == len(written) > 500
    entries = ImportChange.objects.filter(job=job)
    assert entries.filter(kind=ImportChange.Kind.CREATED).count() == job.created_count
    assert {(e.sku, e.line) for e in entries} == {(s, v[4]) for s, v in written.items()}
    assert all(v[3] == job.pk for v in written.values())

    revert = run_revert(job)

    assert revert.status == ImportJob.Status.COMPLETED
    assert revert.deleted_count == job.created_count
    assert list(catalogue()) == ["kept-1"]
    assert counts_exact()
    assert not BulkLoad.objects.exists()


def test_small_imports_and_dry_runs_take_the_normal_path(run_import, bulk_settings, monkeypatch):
    before = table_schema()
    for n in range(30):
        create_product(sku=f"pre-{n}", name="Pre", description="", active=True)
    watch_chunks(monkeypatch, lambda n, job: assert_not_bulk())
    bulk_settings.IMPORT_BULK_MIN_ROWS = 500
    small = b"sku,name\n" + b"".join(b"s%d,n\n" % n for n in range(499))
    assert run_import(small).status == ImportJob.Status.COMPLETED
    assert run_import(sample_csv(ROWS, seed=2), dry_run=True).status == "COMPLETED"
    bulk_settings.IMPORT_BULK_MIN_ROWS = 10
    # 20 new SKUs against 529 stored products: smaller than the catalogue.
    fewer = b"sku,name\n" + b"".join(b"t%d,n\n" % n for n in range(20))
    assert run_import(fewer).status == ImportJob.Status.COMPLETED
    assert table_schema() == before


def test_a_large_import_into_a_catalogue_in_use_keeps_the_indexes(
    run_import, bulk_settings, monkeypatch
):
    # One stored product is a catalogue someone reads: a file a hundred times its size still
    # loads with every index in place, so lists and searches stay indexed during the load.
    create_product(sku="in-use", name="In use", description="", active=True)
    before = table_schema()
    watch_chunks(monkeypatch, lambda n, job: assert_not_bulk())
    job = run_import(sample_csv(ROWS, seed=21))
    assert job.status == ImportJob.Status.COMPLETED
    assert job.created_count > 100
    assert table_schema() == before


def test_a_reimport_of_the_same_file_takes_the_normal_path(
    run_import, bulk_settings, monkeypatch
):
    data = sample_csv(ROWS, seed=14)
    first = run_import(data)
    assert first.status == ImportJob.Status.COMPLETED
    watch_chunks(monkeypatch, lambda n, job: assert_not_bulk())
    again = run_import(data)
    assert again.status == ImportJob.Status.COMPLETED
    assert again.unchanged_count == first.created_count


def assert_not_bulk():
    assert not BulkLoad.objects.exists()


def test_cancel_during_the_bulk_load_builds_the_indexes_again(
    run_import, bulk_settings, monkeypatch
):
    migrated = table_schema()

    def cancel_at_third(n, job):
        if n == 3:
            services.cancel_import(job.pk)

    watch_chunks(monkeypatch, cancel_at_third)
    job = run_import(sample_csv(ROWS, seed=9))

    assert job.status == ImportJob.Status.CANCELLED
    assert job.chunks_committed == 2
    assert table_schema() == migrated
    assert not BulkLoad.objects.exists()
    assert Product.objects.count() == job.created_count > 0
    assert counts_exact()


def test_a_crash_mid_build_resumes_and_builds_the_rest(
    submit, bulk_settings, monkeypatch, django_capture_on_commit_callbacks
):
    migrated = table_schema()
    rebuild = bulk_indexes.rebuild

    def crashing_rebuild(definitions, **kwargs):
        rebuild(definitions[:1], **kwargs)  # one built (committed), then the worker is lost
        raise Crash("worker lost mid-build")

    monkeypatch.setattr(bulk_indexes, "rebuild", crashing_rebuild)
    data = sample_csv(ROWS, seed=4)
    job = submit(data)
    with pytest.raises(Crash):
        services.process_queue()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PROCESSING
    load = BulkLoad.objects.get(job_id=job.pk)
    if connection.vendor == "postgresql":
        assert len(bulk_indexes.missing(load.definitions)) == len(load.definitions) - 1
    created = Product.objects.count()

    monkeypatch.setattr(bulk_indexes, "rebuild", rebuild)
    with django_capture_on_commit_callbacks(execute=True):
        services.process_queue()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.COMPLETED
    assert job.attempts == 2
    assert job.created_count == created == Product.objects.count()
    assert table_schema() == migrated
    assert not BulkLoad.objects.exists()
    assert counts_exact()


def test_the_sweeper_builds_the_indexes_of_a_job_that_failed_for_good(
    submit, bulk_settings, monkeypatch
):
    migrated = table_schema()

    def fail(*args, **kwargs):
        raise Crash("always")

    monkeypatch.setattr(apply, "commit_chunk", fail)
    job = submit(sample_csv(ROWS, seed=6))
    with pytest.raises(Crash):
        services.process_queue()
    assert BulkLoad.objects.filter(job_id=job.pk).exists()
    assert table_schema() != migrated
    assert bulk.restore_abandoned() == 0  # its job may still resume: left alone

    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.FAILED)
    services.sweep()

    assert table_schema() == migrated
    assert not BulkLoad.objects.exists()


def test_large_writes_leave_the_table_analyzed(run_import, bulk_settings):
    job = run_import(sample_csv(ROWS, seed=12))
    assert job.created_count >= bulk_settings.IMPORT_UPKEEP_MIN_ROWS
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT last_vacuum IS NOT NULL, last_analyze IS NOT NULL "
                "FROM pg_stat_user_tables WHERE relname = 'products_product'"
            )
            assert cursor.fetchone() == (True, True)
        else:
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'products_product'")
            assert cursor.fetchone()[0] > 0


def test_searches_stay_right_during_the_bulk_load(run_import, bulk_settings, monkeypatch):
    checked: list[int] = []

    def check(n, job):
        if n not in (2, 5):
            return
        rows = list(Product.objects.values_list("sku", "name", "description"))
        assert BulkLoad.objects.filter(job_id=job.pk).exists()
        for word in ("plain", "line", "sku-1", "name"):
            start = re.compile(rf"(^|[\W_]){re.escape(word)}", re.IGNORECASE)
            expected = {s for s, *texts in rows if any(start.search(t) for t in [s, *texts])}
            assert set(Product.objects.filter(search_q(word)).values_list("sku", flat=True)) \
                == expected, word
        for term in ("ne tw", "AIN 3", "sku-2"):
            expected = {s for s, _, d in rows if term.casefold() in d.casefold()}
            found = Product.objects.filter(description__icontains=term)
            assert set(found.values_list("sku", flat=True)) == expected, term
            assert counts.product_count(found) == len(expected)
        checked.append(n)

    watch_chunks(monkeypatch, check)
    job = run_import(sample_csv(ROWS, seed=13))
    assert job.status == ImportJob.Status.COMPLETED
    assert checked == [2, 5]
