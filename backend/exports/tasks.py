"""Dramatiq actors of the exports app. They take ids only and are safe to run twice."""

import dramatiq
from django.conf import settings

from core.periodic import every
from exports import runner, services

EXPORT_TIME_LIMIT_MS = 6 * 3600 * 1000


@dramatiq.actor(queue_name="exports", time_limit=EXPORT_TIME_LIMIT_MS, max_retries=0)
def export_products(job_id: int) -> None:
    """Make the file of export ``job_id`` (a job another worker holds is left alone)."""
    runner.run(job_id)


@every(settings.EXPORT_SWEEP_SECONDS)
@dramatiq.actor(queue_name="exports", max_retries=0)
def sweep_exports() -> None:
    """Delete expired export files; send again the jobs whose message or worker was lost."""
    services.expire_due()
    for job_id in services.jobs_needing_a_worker():
        export_products.send(job_id)
