"""Direct uploads: start one, hand out part URLs, list the parts held, complete it into a
staged import, abort it; and abort those abandoned past `UPLOAD_ABANDON_HOURS`.

Every refusal is a ValidationError on the argument at fault with a code. Only the owner of
an upload (or an admin) may use it; to anyone else it does not exist.
"""

from __future__ import annotations

import logging
import math
import time
import uuid
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.roles import Role, role_of
from core.object_storage import uses_object_storage

from ..models import DirectUpload, ImportJob
from ..services import too_large_message
from ..staging import stage_stored
from . import store

logger = logging.getLogger(__name__)

#: Where direct uploads are kept in the storage.
FOLDER = "direct-uploads"
#: Part URLs handed out in one call.
MAX_URLS = 100
#: The most parts S3 joins into one object.
MAX_PARTS = 10_000

UNAVAILABLE = (
    "Direct uploads need object storage, and this server keeps files in a folder "
    "(STORAGE_BUCKET is unset). Send the file with stageImport or importProducts instead."
)
NOT_FOUND = (
    "No unfinished direct upload with this id: it was completed, aborted, abandoned for "
    "longer than UPLOAD_ABANDON_HOURS, or belongs to someone else. Start a new one with "
    "createUpload."
)


def _refuse(field: str | None, message: str, code: str) -> ValidationError:
    error = ValidationError(message, code=code)
    return ValidationError({field: error}) if field else error


def available() -> bool:
    """Whether clients may upload straight to the bucket (object storage is configured)."""
    return uses_object_storage()


def part_size_for(size: int) -> int:
    """The part size of a file of `size` bytes: `UPLOAD_PART_BYTES`, larger when the file
    would need more than the store's 10,000 parts."""
    return max(settings.UPLOAD_PART_BYTES, math.ceil(size / MAX_PARTS))


def part_count(upload: DirectUpload) -> int:
    """How many parts the upload's file is cut into (an empty file is one part)."""
    return max(1, math.ceil(upload.size / upload.part_size))


def _clean_name(file_name: str) -> str:
    name = (file_name or "").strip()
    if not name:
        raise _refuse("fileName", "Give the file's name, such as products.csv.", "required")
    if len(name) > 255:
        raise _refuse(
            "fileName", f"The file name has {len(name):,} characters; at most 255 are kept.",
            "too_long",
        )
    if any(c in "/\\" or ord(c) < 32 or ord(c) == 127 for c in name):
        raise _refuse(
            "fileName",
            "The file name may not hold a folder (/ or \\) or control characters: give the "
            "name alone, such as products.csv.",
            "invalid_name",
        )
    return name


def _clean_size(size: float) -> int:
    if not isinstance(size, int | float) or not math.isfinite(size) or size != int(size):
        raise _refuse("size", "The size must be a whole number of bytes.", "invalid_size")
    if size < 0:
        raise _refuse("size", "The size cannot be negative.", "invalid_size")
    if size == 0:
        raise _refuse(
            "size", "The file is empty (0 bytes): there is nothing to import.", "empty_file"
        )
    limit = settings.IMPORT_MAX_UPLOAD_BYTES
    if size > limit:
        raise _refuse("size", too_large_message(int(size), limit), "file_too_large")
    return int(size)


def create_upload(
    user: Any, file_name: str, size: float, content_type: str | None = None
) -> DirectUpload:
    """Start a multipart upload of a file of `size` bytes to the bucket for `user`."""
    if not available():
        raise _refuse(None, UNAVAILABLE, "direct_upload_unavailable")
    name = _clean_name(file_name)
    size = _clean_size(size)
    content_type = (content_type or "").strip()
    if len(content_type) > 255 or any(ord(c) < 32 for c in content_type):
        raise _refuse(
            "contentType", "The content type must be a media type such as text/csv.",
            "invalid",
        )
    today = timezone.now().strftime("%Y/%m/%d")
    storage_name = f"{FOLDER}/{today}/{uuid.uuid4().hex}.upload"
    key, upload_id = store.start(storage_name, content_type)
    try:
        return DirectUpload.objects.create(
            owner=user if getattr(user, "is_authenticated", False) else None,
            file_name=name, size=size, content_type=content_type,
            part_size=part_size_for(size), storage_name=storage_name, key=key,
            s3_upload_id=upload_id,
        )
    except BaseException:
        store.abort(key, upload_id)  # no row, no upload: nothing is left for the sweeper
        raise


def _open_upload(upload_id: int, user: Any, *, lock: bool = False) -> DirectUpload:
    """The caller's unfinished upload `upload_id`; an upload of someone else does not exist
    (unless the caller is an admin)."""
    if not available():
        raise _refuse(None, UNAVAILABLE, "direct_upload_unavailable")
    uploads = DirectUpload.objects.select_for_update() if lock else DirectUpload.objects
    upload = uploads.filter(pk=upload_id, status=DirectUpload.Status.UPLOADING).first()
    mine = upload is not None and (
        upload.owner_id == getattr(user, "pk", None) or role_of(user) >= Role.ADMIN
    )
    if not mine:
        raise _refuse("id", NOT_FOUND, "not_found")
    assert upload is not None
    return upload


def _check_numbers(upload: DirectUpload, numbers: list[int], field: str) -> None:
    count = part_count(upload)
    if not numbers:
        raise _refuse(field, "Give at least one part number.", "bad_part_numbers")
    wrong = sorted({n for n in numbers if not 1 <= n <= count})
    if wrong:
        raise _refuse(
            field,
            f"Part {wrong[0]} does not exist: this upload has parts 1 to {count} "
            f"({upload.part_size:,} bytes each but the last).",
            "bad_part_numbers",
        )
    if len(set(numbers)) != len(numbers):
        raise _refuse(field, "Each part number may be given once.", "bad_part_numbers")


def part_urls(upload_id: int, user: Any, part_numbers: list[int]) -> list[tuple[int, str]]:
    """Presigned PUT URLs for these parts of the caller's upload."""
    upload = _open_upload(upload_id, user)
    _check_numbers(upload, part_numbers, "partNumbers")
    if len(part_numbers) > MAX_URLS:
        raise _refuse(
            "partNumbers", f"Ask for at most {MAX_URLS} part URLs at a time.", "too_many"
        )
    return [(n, store.part_url(upload.key, upload.s3_upload_id, n)) for n in part_numbers]


def uploaded_parts(upload_id: int, user: Any) -> list[store.StoredPart]:
    """The parts of the caller's upload the store holds (to resume without sending them)."""
    upload = _open_upload(upload_id, user)
    try:
        return store.parts(upload.key, upload.s3_upload_id)
    except store.UploadGone:
        _forget(upload)
        raise _refuse("id", NOT_FOUND, "not_found") from None


def _check_parts(upload: DirectUpload, given: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The parts to join: `given` must name every part once, in order, as the store holds it."""
    numbers = [n for n, _ in given]
    _check_numbers(upload, numbers, "parts")
    count = part_count(upload)
    if numbers != list(range(1, count + 1)):
        raise _refuse(
            "parts",
            f"Give every part of the upload once, in order: parts 1 to {count}.",
            "bad_part_numbers",
        )
    held = {p.part_number: p for p in store.parts(upload.key, upload.s3_upload_id)}
    for number, etag in given:
        part = held.get(number)
        if part is None:
            raise _refuse(
                "parts", f"Part {number} is not in the store: send it, then complete the "
                "upload (uploadedParts lists the parts it holds).", "parts_mismatch",
            )
        if part.etag.strip('"') != (etag or "").strip('"'):
            raise _refuse(
                "parts", f"Part {number}'s ETag is not the one the store holds "
                f"({part.etag}): send the part again or take the ETags from uploadedParts.",
                "parts_mismatch",
            )
    total = sum(held[n].size for n in numbers)
    if total != upload.size:
        raise _refuse(
            "parts",
            f"The parts hold {total:,} bytes, and the upload was started for a file of "
            f"{upload.size:,} bytes: send each part of the same file again.",
            "parts_mismatch",
        )
    return [(n, held[n].etag) for n in numbers]


def complete_upload(
    upload_id: int, user: Any, parts: list[tuple[int, str]], options: dict[str, Any] | None,
    *, dry_run: bool = False,
) -> ImportJob:
    """Join the parts into the file and stage an import of it, exactly as `stage_import`
    stages an uploaded file (a file too large or not readable gives a FAILED job, and the
    stored object is deleted).

    Logs the seconds each step took (``direct upload <id> completed: check parts 0.02 s,
    join 12.41 s, stage 0.35 s``) at INFO: the join is the store's own work.
    """
    phases: dict[str, float] = {}
    started = time.perf_counter()
    with transaction.atomic():
        upload = _open_upload(upload_id, user, lock=True)
        try:
            etags = _check_parts(upload, parts)
            joining = time.perf_counter()
            phases["check parts"] = joining - started
            store.complete(upload.key, upload.s3_upload_id, etags)
            phases["join"] = time.perf_counter() - joining
        except store.UploadGone:
            _forget(upload)
            raise _refuse("id", NOT_FOUND, "not_found") from None
        upload.status = DirectUpload.Status.COMPLETED
        upload.finished_at = timezone.now()
        upload.save(update_fields=["status", "finished_at"])
    staging = time.perf_counter()
    try:
        # Not what the client said: what the store holds (no size is enforced on a PUT).
        size = store.size(upload.key)
        job = stage_stored(
            upload.file_name, upload.storage_name, size, options, user=user, dry_run=dry_run
        )
    except BaseException:
        _delete_quietly(upload.key)  # no job owns the object: it would never be deleted
        raise
    DirectUpload.objects.filter(pk=upload.pk).update(job=job)
    phases["stage"] = time.perf_counter() - staging
    logger.info(
        "direct upload %s completed: %s", upload.pk,
        ", ".join(f"{name} {seconds:.2f} s" for name, seconds in phases.items()),
        extra={"direct_upload": upload.pk, "phase_seconds": phases},
    )
    return job


def _delete_quietly(key: str) -> None:
    try:
        store.delete(key)
    except Exception:
        logger.warning("Could not delete the object %s of a direct upload", key, exc_info=True)


def abort_upload(upload_id: int, user: Any) -> DirectUpload:
    """Abandon the caller's upload: the store frees its parts."""
    with transaction.atomic():
        upload = _open_upload(upload_id, user, lock=True)
        store.abort(upload.key, upload.s3_upload_id)
        _forget(upload)
    return upload


def _forget(upload: DirectUpload) -> None:
    upload.status = DirectUpload.Status.ABORTED
    upload.finished_at = timezone.now()
    upload.save(update_fields=["status", "finished_at"])


def abort_abandoned(now: Any = None) -> int:
    """Abort the uploads not completed within `UPLOAD_ABANDON_HOURS`; return how many.

    Safe to run in several workers at once: each row is claimed by a conditional UPDATE.
    (A multipart upload whose row was never written, the web process dying in between, is
    aborted by `tasks.abort_stale_uploads`, which sweeps the bucket itself: docs/storage.md.)
    """
    if not available():
        return 0
    cutoff = (now or timezone.now()) - timedelta(hours=settings.UPLOAD_ABANDON_HOURS)
    stale = DirectUpload.objects.filter(
        status=DirectUpload.Status.UPLOADING, created_at__lt=cutoff
    )
    aborted = 0
    for upload in stale[:500]:
        claimed = DirectUpload.objects.filter(
            pk=upload.pk, status=DirectUpload.Status.UPLOADING
        ).update(status=DirectUpload.Status.ABORTED, finished_at=timezone.now())
        if claimed:
            store.abort(upload.key, upload.s3_upload_id)
            aborted += 1
    return aborted
