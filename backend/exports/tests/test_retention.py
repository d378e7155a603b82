"""Files are deleted after EXPORT_RETENTION_HOURS; lost jobs are sent again by the sweeper."""

from datetime import timedelta

import pytest
from django.utils import timezone

from exports import runner, tasks
from exports.models import ExportJob

from .documents import EXPORT_JOB

pytestmark = pytest.mark.django_db


def test_completed_export_expires_after_the_retention_period(settings, run_export,
                                                             tricky_products):
    settings.EXPORT_RETENTION_HOURS = 2
    job = run_export("CSV")

    assert job.expires_at - job.finished_at == timedelta(hours=2)
    assert job.file.storage.exists(job.file.name)


def test_sweeper_deletes_the_file_and_marks_the_job_expired(gql_client, run_export,
                                                            tricky_products):
    job = run_export("CSV")
    name, storage = job.file.name, job.file.storage
    fresh = run_export("CSV")
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    tasks.sweep_exports.fn()

    job.refresh_from_db()
    fresh.refresh_from_db()
    assert job.status == ExportJob.Status.EXPIRED and not job.file
    assert not storage.exists(name)
    assert fresh.status == ExportJob.Status.COMPLETED and storage.exists(fresh.file.name)
    answer = gql_client.query(EXPORT_JOB, {"id": f"{_gid(job.pk)}"})["data"]["exportJob"]
    assert answer["status"] == "EXPIRED" and answer["downloadUrl"] is None


def test_sweeping_twice_expires_once(run_export, tricky_products):
    from exports import services

    run_export("CSV")
    later = timezone.now() + timedelta(days=2)

    assert (services.expire_due(now=later), services.expire_due(now=later)) == (1, 0)


def test_sweeper_sends_again_a_job_whose_worker_went_silent(start_export, tricky_products,
                                                            monkeypatch):
    start_export("CSV")
    job = ExportJob.objects.get()
    assert runner.claim(job.pk) is not None  # a worker took it ... and died
    ExportJob.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(hours=1))
    sent = []
    monkeypatch.setattr(tasks.export_products, "send", lambda job_id: sent.append(job_id))

    tasks.sweep_exports.fn()

    assert sent == [job.pk]
    runner.run(job.pk)
    job.refresh_from_db()
    assert job.status == ExportJob.Status.COMPLETED and job.attempts == 2


def test_a_running_job_is_not_taken_by_a_second_message(start_export, tricky_products):
    start_export("CSV")
    job = ExportJob.objects.get()

    first, second = runner.claim(job.pk), runner.claim(job.pk)

    assert first is not None and second is None


def _gid(pk: int) -> str:
    from strawberry.relay import to_base64

    return to_base64("ExportJob", pk)
