"""A re-import of the very file an earlier import completed, with the same options, while no
product has been written since: every row is unchanged, so the job completes without
reading its rows.

The earlier import must have COMPLETED (not a dry run, not held by the removal guard, never
reverted), with nobody else writing a product while it ran: its `data_version_after` is the
product table's data version it left (`products.data_version`). While the version is still
that one, no product has been written by anything since (an edit, a deletion, another
import, a revert, a bulk write all move it on), so the catalogue holds every row of the file
as that import wrote it: the normal path would find each row unchanged, the same rows bad
and the same rows replaced by a later one.

The new job then gets those counts (what the earlier one created, updated or found unchanged
is unchanged now), a copy of its bad rows (the same errors.csv), no change-log entry, and
completes with a message saying so. Only the plain upsert takes this path (`UPSERT`, products
the file no longer lists left alone): the other modes' counts depend on what the earlier
import did. Anything uncertain (no fingerprint, another option, a resumed job, the setting
IMPORT_SAME_FILE_SHORTCUT off) takes the normal path.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.db import connection

from products import data_version

from ..models import ImportJob, ImportRowError
from . import finishing

MESSAGE = (
    "Same file as import #{earlier}, with the same options, and no product has changed "
    "since: every row is unchanged (the rows were not read again)."
)
# The job fields that decide what a file does to the catalogue, beside the file itself.
OPTION_FIELDS = ("options", "mode", "empty_cells", "missing", "missing_scope", "source",
                 "max_removal_percent", "all_or_nothing", "file_size")
# Fields the new job takes from the earlier one (the same bytes read the same way).
READ_FIELDS = ("header", "mapping", *ImportJob.LAYOUT_FIELDS)
_BLOCK = 1 << 20


def effective_options(job: ImportJob) -> dict[str, Any]:
    """Everything that can change what `job`'s file does, as one comparable dict."""
    return {name: getattr(job, name) for name in OPTION_FIELDS}


def may_skip(job: ImportJob) -> bool:
    """Whether `job` could complete without reading its rows, as far as the job itself
    says (a fresh, plain upsert of a stored file)."""
    return (settings.IMPORT_SAME_FILE_SHORTCUT and job.kind == ImportJob.Kind.IMPORT
            and not job.dry_run and job.mode == "UPSERT" and job.missing == "LEAVE"
            and bool(job.file.name) and job.chunks_committed == 0
            and job.checkpoint_offset == 0 and job.removal_decided_at is None)


def note_version(job: ImportJob) -> None:
    """Keep the data version before a fresh job writes anything (a resumed job keeps the one
    noted before its first chunk)."""
    if job.chunks_committed or job.removal_decided_at is not None:
        return
    job.data_version_before = data_version.current()
    job.data_version_moved = 0
    ImportJob.objects.filter(pk=job.pk).update(
        data_version_before=job.data_version_before, data_version_moved=0)


def fingerprint(job: ImportJob) -> str:
    """The SHA-256 of `job`'s stored file: the one taken as it was stored, or (a file that
    reached the storage another way, such as a direct upload to the bucket) read now."""
    if not job.file_sha256:
        digest = hashlib.sha256()
        with job.file.storage.open(job.file.name, "rb") as raw:
            while block := raw.read(_BLOCK):
                digest.update(block)
        job.file_sha256 = digest.hexdigest()
        ImportJob.objects.filter(pk=job.pk).update(file_sha256=job.file_sha256)
    return job.file_sha256


def earlier_import(job: ImportJob) -> ImportJob | None:
    """The latest completed import of the same file with the same options after which no
    product was written, or None (then `job` takes the normal path)."""
    if not may_skip(job):
        return None
    try:
        sha256 = fingerprint(job)
    except Exception:  # unreadable: the normal path says why
        return None
    found = (ImportJob.objects.filter(
        kind=ImportJob.Kind.IMPORT, status=ImportJob.Status.COMPLETED, dry_run=False,
        file_sha256=sha256, file_size=job.file_size, removal_held=False, skipped_count=0,
        data_version_after=data_version.current(), reverted_by__isnull=True,
    ).exclude(pk=job.pk).order_by("-finished_at", "-id"))
    wanted = effective_options(job)
    return next((e for e in found[:10] if effective_options(e) == wanted), None)


class _Moved(Exception):
    """A product was written after the earlier import was found: take the normal path."""


def complete(job: ImportJob, earlier: ImportJob) -> bool:
    """Complete `job` with the counts and bad rows of `earlier`, writing no product; return
    False (nothing done) when a product was written since `earlier` was found. Raises
    `finishing.Stopped` when the job was cancelled or is no longer this worker's."""
    try:
        _complete(job, earlier)
    except _Moved:
        return False
    return True


def _complete(job: ImportJob, earlier: ImportJob) -> None:
    table = ImportRowError._meta.db_table
    with finishing.chunk_transaction(job):
        if data_version.current() != earlier.data_version_after:
            raise _Moved
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (job_id, line, sku, message, raw) "  # noqa: S608
                f"SELECT %s, line, sku, message, raw FROM {table} WHERE job_id = %s "
                "ORDER BY line, id", [job.pk, earlier.pk])
        for name in READ_FIELDS:
            setattr(job, name, getattr(earlier, name))
        job.rows_processed = earlier.rows_processed
        job.created_count = job.updated_count = job.skipped_count = 0
        job.unchanged_count = (earlier.created_count + earlier.updated_count
                               + earlier.unchanged_count)
        job.replaced_count = earlier.replaced_count
        job.error_count = earlier.error_count
        job.checkpoint_line = earlier.checkpoint_line
        job.save(update_fields=[
            *READ_FIELDS, "rows_processed", "created_count", "updated_count", "skipped_count",
            "unchanged_count", "replaced_count", "error_count", "checkpoint_line"])
        finishing.finish_locked(job, ImportJob.Status.COMPLETED,
                                notice=MESSAGE.format(earlier=earlier.pk))
