"""The two-step import: stage (upload and inspect), inspect again with other options (or keep
the sync choices made meanwhile), start.

A staged job (`STAGED`) holds its stored file and what inspecting it found; it is not in the
queue (the queue takes PENDING and PROCESSING jobs only) until `start_import` confirms the
options and makes it PENDING. Changing an option inspects the stored file again: nothing is
uploaded twice. A staged job never started expires after `IMPORT_STAGED_TTL_HOURS` and its
file is deleted (`expire_staged`, run by a sweeper actor).

Like `services`, this module records rows and returns; the API layer sends the worker.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from activity.recording import record
from core.text import plural

from ..models import ImportJob, SavedMapping
from ..pipeline import finishing
from ..pipeline import options as sync_options
from ..pipeline.problems import BadFile, BadOption
from ..pipeline.reading import forget_sheets
from ..pipeline.reading.header import header_key
from ..services import submit_import, submit_stored
from .inspection import inspect_file

OPTION_KEYS = ("format", "sheet", "encoding", "delimiter", "header_row", "mapping")


def clean_options(options: dict[str, Any] | None) -> dict[str, Any]:
    """The options a person set (None and empty values dropped; a mapping kept whole)."""
    options = options or {}
    return {k: options[k] for k in OPTION_KEYS if options.get(k) not in (None, "")}


def _api_field(name: str) -> str:
    """An option's name as the API spells it (`header_row` -> `headerRow`)."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _sync(
    job: ImportJob | None, options: dict[str, Any] | None, *, complete: bool = True
) -> dict[str, Any]:
    """The sync options given in `options` over those the job holds (checked: a
    ValidationError on the option at fault; `complete`: see `sync_options.clean`)."""
    given = {k: v for k, v in (options or {}).items() if k in sync_options.KEYS}
    held = {k: getattr(job, k) for k in sync_options.KEYS} if job is not None else {}
    return sync_options.clean({**held, **{k: v for k, v in given.items() if v is not None}},
                              complete=complete)


def _saved_mapping(headers: list[str]) -> dict | None:
    saved = SavedMapping.objects.filter(header_key=header_key(headers)).first()
    return saved.mapping if saved else None


def _inspect(job: ImportJob, options: dict[str, Any]) -> None:
    """Inspect the job's stored file with `options` and keep the result on the job
    (not saved); raise ValidationError for an option that does not fit the file."""
    try:
        with job.file.storage.open(job.file.name, "rb") as raw:
            keep = job.empty_cells == "KEEP"
            found = inspect_file(raw, job.file_size, options, saved=None, keep_empty=keep)
            saved = _saved_mapping(found.header)
            if saved is not None and "mapping" not in options:
                raw.seek(0)
                found = inspect_file(raw, job.file_size, options, saved=saved,
                                     keep_empty=keep)
    except BadOption as exc:
        raise ValidationError(
            {_api_field(exc.field): ValidationError(str(exc), code=exc.code)}
        ) from exc
    finally:
        forget_sheets()  # the web process keeps no workbook between requests
    for name in ImportJob.LAYOUT_FIELDS:
        setattr(job, name, getattr(found.layout, name))
    job.options = options
    job.header = found.header
    job.mapping = found.mapping
    job.inspection = found.details


def stage_import(
    upload: UploadedFile, options: dict[str, Any] | None = None, user: Any = None,
    *, dry_run: bool = False, listed: bool = True, origin: str = ImportJob.Origin.UPLOAD,
) -> ImportJob:
    """Store `upload` as a STAGED job and inspect it; a file that cannot be read at all
    (refused format, too large, ...) gives a FAILED job that says why. `dry_run` is kept on
    the job: what `start_import` does unless told otherwise. `listed=False`: a preview that
    is not shown among the imports. `origin`: where the file came from (an upload unless
    told)."""
    sync = _sync(None, options)
    job = submit_import(upload, user=user, staged=True, options=sync, dry_run=dry_run,
                        listed=listed, origin=origin)
    return _inspect_new(job, options)


def stage_stored(
    name: str, stored_name: str, size: int, options: dict[str, Any] | None = None,
    user: Any = None, *, dry_run: bool = False,
) -> ImportJob:
    """Like `stage_import`, for a file already in the storage under `stored_name` (a direct
    upload): the same checks, the same inspection, the same answer; a refused file is deleted."""
    sync = _sync(None, options)
    job = submit_stored(name, stored_name, size, user=user, options=sync, dry_run=dry_run)
    return _inspect_new(job, options)


def _inspect_new(job: ImportJob, options: dict[str, Any] | None) -> ImportJob:
    """Inspect a newly staged job (a file that cannot be read at all fails it)."""
    if job.is_final:
        return job
    try:
        _inspect(job, clean_options(options))
    except BadFile as exc:
        finishing.finish(job, ImportJob.Status.FAILED, str(exc))
        return job
    job.save()
    return job


def _staged(job_id: int) -> ImportJob:
    job = ImportJob.objects.select_for_update().filter(pk=job_id).first()
    if job is None:
        raise ValidationError({"id": ValidationError("No import job with this id.",
                                                     code="not_found")})
    if job.status != ImportJob.Status.STAGED:
        raise ValidationError({"id": ValidationError(
            f"This import is {job.status}, not STAGED: only a staged import can be inspected "
            "or started. Upload the file again with stageImport.", code="not_staged")})
    return job


def _inspect_staged(
    job_id: int, options: dict[str, Any] | None, *, complete: bool = True
) -> tuple[ImportJob, dict[str, Any]]:
    """Lock the staged job, take its sync choices and inspect its file with `options`;
    return the job (not saved) and the cleaned options. `complete=False`: the sync choices
    may still be incomplete (see `sync_options.clean`)."""
    job = _staged(job_id)
    for key, value in _sync(job, options, complete=complete).items():
        setattr(job, key, value)
    cleaned = clean_options(options)
    try:
        _inspect(job, cleaned)
    except BadFile as exc:
        raise ValidationError({"options": ValidationError(str(exc), code="unreadable")}) \
            from exc
    return job, cleaned


def inspect_import(job_id: int, options: dict[str, Any] | None) -> ImportJob:
    """Inspect a staged job's stored file again with other options; return the job. Its
    sync choices may still be incomplete (`startImport` checks them whole)."""
    with transaction.atomic():
        job, _ = _inspect_staged(job_id, options, complete=False)
        job.save()
    return job


def choose_sync(job_id: int, options: dict[str, Any] | None) -> ImportJob:
    """Keep the sync choices given in `options` on a staged job as they are made, without
    inspecting its file again, so that the check step reloaded starts from them. Each value
    is checked (a ValidationError with a code, and nothing kept); a choice still waiting for
    another (`missingScope: SOURCE` before its `source`) is kept, and `start_import` checks
    them whole."""
    with transaction.atomic():
        job = _staged(job_id)
        chosen = _sync(job, options, complete=False)
        for key, value in chosen.items():
            setattr(job, key, value)
        job.save(update_fields=list(chosen))
    return job


def start_import(
    job_id: int, options: dict[str, Any] | None, *, dry_run: bool | None = None
) -> ImportJob:
    """Start a staged job with the confirmed `options` (a dry run or for real; None: as
    chosen when it was staged): it joins the queue as PENDING. The mapping in effect is
    remembered for the same column names.

    The caller has a worker sent on commit (`tasks.process_imports`).
    """
    with transaction.atomic():
        job, options = _inspect_staged(job_id, options)
        problem = job.inspection.get("mapping_problem")
        if problem:
            raise ValidationError({_api_field(problem["field"]): ValidationError(
                problem["message"], code=problem["code"])})
        job.options = {**options, "mapping": job.mapping}
        job.status = ImportJob.Status.PENDING
        if dry_run is not None:
            job.dry_run = dry_run
        job.queued_at = timezone.now()
        job.save()
        SavedMapping.objects.update_or_create(
            header_key=header_key(job.header),
            defaults={"headers": job.header, "mapping": job.mapping},
        )
        record("import.dry_run" if job.dry_run else "import.confirmed", job)
    return job


def expire_staged(now: Any = None) -> int:
    """Expire staged jobs older than `IMPORT_STAGED_TTL_HOURS` (their files are deleted);
    return how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(hours=settings.IMPORT_STAGED_TTL_HOURS)
    ids = list(ImportJob.objects.filter(status=ImportJob.Status.STAGED, created_at__lt=cutoff)
               .values_list("pk", flat=True)[:500])
    expired = 0
    for job_id in ids:
        with transaction.atomic():
            job = ImportJob.objects.select_for_update().filter(
                pk=job_id, status=ImportJob.Status.STAGED).first()
            if job is None:
                continue
            finishing.finish_locked(
                job, ImportJob.Status.EXPIRED,
                f"This import was staged and not started within "
                f"{plural(settings.IMPORT_STAGED_TTL_HOURS, 'hour')} "
                "(IMPORT_STAGED_TTL_HOURS); its file was deleted. Upload the file again.")
            expired += 1
    return expired
