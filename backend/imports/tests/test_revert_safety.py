"""Reverts that must be refused, two at once, cancel, a crash mid-revert, edits during a
revert, and the retention of change logs (both modes)."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from imports import services
from imports.models import ImportChange, ImportJob, RevertConflict
from imports.reverting import run as reverting
from products.models import Product
from products.services import create_product, update_product

from .conftest import full_catalogue, sample_csv

pytestmark = pytest.mark.django_db


def refused(job_id: int) -> str:
    with pytest.raises(ValidationError) as caught:
        services.submit_revert(job_id)
    return caught.value.message_dict["id"][0]


class Crash(Exception):
    pass


def test_reverts_that_are_refused_say_why(run_import, run_revert, submit):
    assert refused(999_999) == "No import job with this id."
    dry = run_import(b"sku,name\na,A\n", dry_run=True)
    assert "dry run" in refused(dry.pk)
    failed = run_import(b"sku,name\n")  # a header and no rows: fails, changes nothing
    assert failed.status == ImportJob.Status.FAILED
    assert "nothing to revert" in refused(failed.pk)
    unchanged = run_import(b"sku,name\nb,B\n")
    again = run_import(b"sku,name\nb,B\n")
    assert again.unchanged_count == 1 and "nothing to revert" in refused(again.pk)

    pending = submit(b"sku,name\nc,C\n")
    assert "still pending" in refused(pending.pk)
    ImportJob.objects.filter(pk=pending.pk).update(status=ImportJob.Status.PROCESSING)
    assert "still processing" in refused(pending.pk)
    ImportJob.objects.filter(pk=pending.pk).update(status=ImportJob.Status.CANCELLED)

    revert = run_revert(unchanged)
    assert revert.status == ImportJob.Status.COMPLETED
    assert "already been reverted" in refused(unchanged.pk)
    assert "a revert cannot be reverted" in refused(revert.pk)
    assert ImportJob.objects.filter(kind=ImportJob.Kind.REVERT).count() == 1


def test_a_queued_revert_refuses_a_second_one(run_import):
    job = run_import(b"sku,name\na,A\n")
    services.submit_revert(job.pk)
    assert "already being reverted" in refused(job.pk)


@pytest.mark.django_db(transaction=True)
def test_two_clients_asking_at_once_get_one_revert(run_import):
    job = run_import(b"sku,name\na,A\nb,B\n")
    barrier = threading.Barrier(2)
    answers: list[str] = []

    def ask():
        barrier.wait()
        try:
            services.submit_revert(job.pk)
            answers.append("queued")
        except ValidationError as exc:
            answers.append(exc.message_dict["id"][0])
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(answers)[1] == "queued"
    assert "already being reverted" in sorted(answers)[0]
    assert ImportJob.objects.filter(reverts=job).count() == 1


def test_a_cancelled_revert_is_continued_by_the_next_one(
    run_import, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.IMPORT_CHUNK_ROWS = 20
    create_product(sku="sku-1", name="x", description="y", active=False)
    before = full_catalogue()
    job = run_import(sample_csv(400, seed=7))
    commit = reverting.commit_chunk
    calls = {"n": 0}

    def cancel_after_three(revert, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            services.cancel_import(revert.pk)
        return commit(revert, *args, **kwargs)

    monkeypatch.setattr(reverting, "commit_chunk", cancel_after_three)
    first = services.submit_revert(job.pk)
    services.process_queue()
    first.refresh_from_db()
    assert first.status == ImportJob.Status.CANCELLED
    assert first.rows_processed == 60 and first.deleted_count + first.restored_count == 60
    assert full_catalogue() != before

    monkeypatch.setattr(reverting, "commit_chunk", commit)
    second = services.submit_revert(job.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.process_queue()
    second.refresh_from_db()
    assert second.status == ImportJob.Status.COMPLETED
    assert full_catalogue() == before
    assert (second.deleted_count, second.restored_count, second.conflict_count) == (
        job.created_count, job.updated_count, 0
    )


def test_a_pending_revert_can_be_cancelled(run_import):
    job = run_import(b"sku,name\na,A\n")
    revert = services.submit_revert(job.pk)
    assert services.cancel_import(revert.pk).status == ImportJob.Status.CANCELLED
    services.process_queue()
    assert Product.objects.filter(sku="a").exists()


def test_a_revert_that_crashes_resumes_to_the_exact_result(
    run_import, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.IMPORT_CHUNK_ROWS = 25
    for i in range(0, 300, 4):
        create_product(sku=f"sku-{i}", name="Name 1", description="plain 1", active=True)
    before = full_catalogue()
    job = run_import(sample_csv(800, seed=9))
    commit = reverting.commit_chunk
    calls = {"n": 0}

    def crashing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:
            raise Crash("worker lost")
        return commit(*args, **kwargs)

    monkeypatch.setattr(reverting, "commit_chunk", crashing)
    revert = services.submit_revert(job.pk)
    with pytest.raises(Crash):
        services.process_queue()
    revert.refresh_from_db()
    assert revert.status == ImportJob.Status.PROCESSING and revert.chunks_committed == 4

    monkeypatch.setattr(reverting, "commit_chunk", commit)
    with django_capture_on_commit_callbacks(execute=True):
        services.process_queue()
    revert.refresh_from_db()
    assert revert.status == ImportJob.Status.COMPLETED and revert.attempts == 2
    assert (revert.deleted_count, revert.restored_count, revert.conflict_count) == (
        job.created_count, job.updated_count, 0
    )
    assert revert.rows_processed == job.created_count + job.updated_count
    assert full_catalogue() == before


def test_an_edit_during_a_revert_is_a_conflict_and_is_kept(run_import, settings, monkeypatch):
    settings.IMPORT_CHUNK_ROWS = 10
    job = run_import(b"sku,name\n" + b"".join(b"p%03d,Imported\n" % i for i in range(50)))
    commit = reverting.commit_chunk
    calls = {"n": 0}

    def edit_between_chunks(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:  # the first chunk is reverted; the edited product comes later
            update_product(Product.objects.get(sku="p040").pk, {"name": "By hand"})
        return commit(*args, **kwargs)

    monkeypatch.setattr(reverting, "commit_chunk", edit_between_chunks)
    revert = services.submit_revert(job.pk)
    services.process_queue()
    revert.refresh_from_db()
    assert (revert.deleted_count, revert.conflict_count) == (49, 1)
    assert list(Product.objects.values_list("sku", "name")) == [("p040", "By hand")]
    (conflict,) = RevertConflict.objects.filter(job=revert)
    assert (conflict.change.sku, conflict.reason) == ("p040", "EDITED")


def test_change_logs_are_pruned_after_the_retention_and_the_import_says_so(
    run_import, settings
):
    settings.IMPORT_CHANGE_RETENTION_DAYS = 30
    old = run_import(b"sku,name\na,A\nb,B\n")
    recent = run_import(b"sku,name\nc,C\n")
    ImportJob.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=31))

    services.sweep()

    old.refresh_from_db()
    assert old.changes_pruned_at is not None
    assert not ImportChange.objects.filter(job=old).exists()
    assert ImportChange.objects.filter(job=recent).count() == 1
    message = refused(old.pk)
    assert "can no longer be reverted" in message and "30 days" in message
    assert Product.objects.count() == 3  # the products themselves stay
