"""Upload handling: stream into the bucket (object storage) or to a temporary file on disk,
and stop storing past the size limit; the SHA-256 of what was stored is taken on the way
(`sha256` on the uploaded file: a re-import of the same file is recognised by it)."""

from __future__ import annotations

import errno
import hashlib
import logging
import uuid
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import (
    FileUploadHandler,
    StopFutureHandlers,
    TemporaryFileUploadHandler,
)
from django.utils import timezone

from core.object_reader import open_object
from core.object_storage import bucket_name, s3_client, uses_object_storage
from core.object_writer import MultipartWriter

logger = logging.getLogger(__name__)


class LimitedTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Django's disk upload handler that stops writing once `IMPORT_MAX_UPLOAD_BYTES` is passed.

    The rest of the body is read and dropped; the file it returns has `too_large = True` and
    `size` = the bytes received, so the import fails with a message instead of filling disks.
    """

    def new_file(self, *args, **kwargs) -> None:  # noqa: D102
        super().new_file(*args, **kwargs)
        self.received = 0
        self.limit = settings.IMPORT_MAX_UPLOAD_BYTES
        self.write_error: OSError | None = None
        self.digest = hashlib.sha256()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:  # noqa: D102
        self.received += len(raw_data)
        if self.received <= self.limit and self.write_error is None:
            try:
                self.file.write(raw_data)
                self.digest.update(raw_data)
            except OSError as exc:  # disk full: free what was written, drop the rest
                self.write_error = exc
                self.file.seek(0)
                self.file.truncate()

    def file_complete(self, file_size: int):  # noqa: D102
        upload = super().file_complete(file_size)
        upload.too_large = self.received > self.limit
        upload.size = self.received
        upload.write_error = self.write_error
        upload.sha256 = self.digest.hexdigest()
        return upload


class BucketUpload(UploadedFile):
    """A file of the request already stored in the bucket under ``stored_name``.

    Read, it streams from the bucket. When the request closes its files, the object is
    deleted unless an import job holds it (a job row naming it, committed or in the closing
    thread's transaction): a refused or rolled-back request leaves nothing in the bucket.
    """

    def __init__(self, stored_name: str, name: str, content_type: str, size: int,
                 charset: str | None, content_type_extra: dict[str, Any] | None) -> None:
        """``stored_name`` is the storage name of the object holding ``size`` bytes."""
        self.stored_name = stored_name
        self.kept = False
        self._stream: Any = None
        super().__init__(None, name, content_type, size, charset, content_type_extra)

    @property
    def file(self) -> Any:
        """The object's bytes, streamed (opened on first use)."""
        if self._stream is None:
            from core.object_storage import bucket_key

            self._stream = open_object(s3_client(), bucket_name(), bucket_key(self.stored_name))
        return self._stream

    @file.setter
    def file(self, value: Any) -> None:
        self._stream = value

    def close(self) -> None:
        """Close the stream; delete the object unless a job kept it."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None
        if not self.kept and not _held_by_a_job(self.stored_name):
            from django.core.files.storage import default_storage

            try:
                default_storage.delete(self.stored_name)
            except Exception:  # logged; the bucket's lifecycle rules are the last resort
                logger.warning("Could not delete the refused upload %s", self.stored_name,
                               exc_info=True)
            self.kept = True  # deleted (or given up): once


def _held_by_a_job(stored_name: str) -> bool:
    from .models import ImportJob

    return ImportJob.objects.filter(file=stored_name).exists()


class BucketUploadHandler(FileUploadHandler):
    """With object storage, each uploaded file goes straight into the bucket in parts.

    At most one part (``UPLOAD_PART_BYTES``) waits in a temporary file at a time; past
    `IMPORT_MAX_UPLOAD_BYTES` the multipart upload is aborted and the rest of the body is
    read and dropped, so the import fails saying so (as with the folder). Without object
    storage it steps aside for the next handler.
    """

    writer: MultipartWriter | None = None

    def new_file(self, field_name: str, file_name: str, content_type: str,  # noqa: D102
                 content_length: int | None, charset: str | None = None,
                 content_type_extra: dict[str, Any] | None = None) -> None:
        super().new_file(field_name, file_name, content_type, content_length, charset,
                         content_type_extra)
        self.writer = None
        if not uses_object_storage():
            return
        self.received = 0
        self.limit = settings.IMPORT_MAX_UPLOAD_BYTES
        self.write_error: OSError | None = None
        self.digest = hashlib.sha256()
        stored_name = timezone.now().strftime("imports/%Y/%m/%d/") + f"{uuid.uuid4().hex}.upload"
        try:
            self.writer = MultipartWriter(stored_name)
        except Exception:  # the store is down: the next handler keeps the file, and storing
            logger.warning("Could not start an upload into the bucket", exc_info=True)
            return  # it then fails the job saying the file could not be stored
        raise StopFutureHandlers

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:  # noqa: D102
        if self.writer is None:
            return raw_data
        self.received += len(raw_data)
        if self.write_error is not None or self.received > self.limit:
            return None
        try:
            self.writer.write(raw_data)
            self.digest.update(raw_data)
        except Exception as exc:  # the store refused a part: drop it all, the job says why
            self.write_error = OSError(errno.EIO, f"the bucket refused a part: {exc}")
            self.writer.abort()
        return None

    def file_complete(self, file_size: int) -> UploadedFile | None:  # noqa: D102
        writer = self.writer
        if writer is None:
            return None
        self.writer = None
        upload = BucketUpload(writer.name, self.file_name, self.content_type, self.received,
                              self.charset, self.content_type_extra)
        upload.too_large = self.received > self.limit
        upload.write_error = self.write_error
        upload.sha256 = self.digest.hexdigest()
        if upload.too_large or self.write_error is not None:
            writer.abort()
            upload.kept = True  # nothing was stored
            return upload
        try:
            writer.complete()
        except Exception as exc:
            writer.abort()
            upload.write_error = OSError(errno.EIO, f"the bucket refused the file: {exc}")
            upload.kept = True
        return upload

    def upload_interrupted(self) -> None:  # noqa: D102
        if self.writer is not None:  # the client went away mid-file
            self.writer.abort()
            self.writer = None


def storage_failure(exc: OSError, size: int) -> str:
    """The job's message when the upload of `size` bytes could not be stored."""
    if exc.errno == errno.ENOSPC:
        problem = "the server's disk is full (no space left for the uploaded file)"
    else:
        problem = f"the server could not store the uploaded file ({exc.strerror or exc})"
    return (
        f"The file ({size:,} bytes) was not imported: {problem}. Nothing was kept. Try again "
        "later; if this keeps happening, tell the operator (the upload folder, MEDIA_ROOT, or "
        "the bucket, STORAGE_BUCKET)."
    )
