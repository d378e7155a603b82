"""Answering the removal guard: an import it holds (NEEDS_CONFIRMATION) carries on when a
person confirms (`confirm_import`); `services.cancel_import` ends it with nothing removed.

Like `services`, this module records rows and returns; the API layer sends the worker.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from activity.recording import record

from .models import ImportJob


def confirm_import(job_id: int) -> ImportJob:
    """Let an import the removal guard holds (NEEDS_CONFIRMATION) carry on with its removal:
    it is queued again (first in line) and removes what was decided. The caller has a worker
    sent on commit."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None:
            raise ValidationError({"id": ValidationError("No import job with this id.",
                                                         code="not_found")})
        if job.status != ImportJob.Status.NEEDS_CONFIRMATION:
            raise ValidationError({"id": ValidationError(
                f"This import is {job.status}; only an import waiting for confirmation of "
                "its removal (NEEDS_CONFIRMATION) can be confirmed.", code="not_waiting")})
        job.status = ImportJob.Status.PENDING
        job.removal_confirmed = True
        job.attempts = 0
        job.save(update_fields=["status", "removal_confirmed", "attempts"])
        # Not `import.confirmed` (a staged import started): this lets a held removal go on.
        record("import.removal_confirmed", job, detail={"removal_count": job.removal_count})
    return job
