"""Import the file of a completed dry run again, with the same settings, without uploading
it or choosing its columns again.

A completed dry run keeps its stored file for IMPORT_STAGED_TTL_HOURS
(`pipeline.finishing.keeps_file`). `import_again` makes a new PENDING job from it: the same
file (it moves to the new job), layout, mapping and sync choices. Like `services`, this
records rows and returns; the API layer sends the worker.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from activity.recording import record
from core.text import plural

from ..models import ImportJob
from ..pipeline import finishing
from ..pipeline import options as sync_options

# What the new job takes over from the dry run, besides its file (its origin too: the file
# came from the same place).
COPIED = (
    "origin", "file_name", "file_size", "file_sha256", "header", "options", "mapping", "inspection",
    *ImportJob.LAYOUT_FIELDS, *sync_options.KEYS,
)


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError({"id": ValidationError(message, code=code)})


def import_again(job_id: int, *, dry_run: bool = False, user: Any = None) -> ImportJob:
    """Queue the file of completed dry run `job_id` as a new import with the same settings
    (for real unless `dry_run`); return the new PENDING job. A ValidationError on `id` says
    why when it cannot be done (`not_found`, `not_a_dry_run`, `file_gone`)."""
    user = user if getattr(user, "is_authenticated", False) else None
    with transaction.atomic():
        source = ImportJob.objects.select_for_update().filter(pk=job_id).first()
        if source is None:
            raise _refuse("No import job with this id.", "not_found")
        if not finishing.keeps_file(source):
            raise _refuse(
                "Only a completed dry run can be imported again with the same settings; "
                f"this job is {'a dry run' if source.dry_run else 'an import'} that is "
                f"{source.status}.", "not_a_dry_run")
        kept_until = finishing.file_kept_until(source)
        if kept_until is None or kept_until < timezone.now():
            raise _refuse(
                "The file of this dry run is no longer kept (a dry run keeps it for "
                f"{plural(settings.IMPORT_STAGED_TTL_HOURS, 'hour')}, "
                "IMPORT_STAGED_TTL_HOURS, or until it is imported); upload it again.",
                "file_gone")
        job = ImportJob.objects.create(
            **{name: getattr(source, name) for name in COPIED},
            file=source.file.name, dry_run=dry_run, created_by=user,
            status=ImportJob.Status.PENDING, queued_at=timezone.now(),
            changes_logged=settings.IMPORT_CHANGE_LOG,
        )
        source.file = ""  # the file is the new job's now: deleted when that one ends
        source.save(update_fields=["file"])
        record("import.dry_run" if dry_run else "import.started", job,
               detail={"file": job.file_name, "bytes": job.file_size, "dry_run_of": source.pk})
    return job
