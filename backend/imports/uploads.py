"""Upload handling: stream to a temporary file on disk, and stop storing past the size limit."""

from __future__ import annotations

import errno

from django.conf import settings
from django.core.files.uploadhandler import TemporaryFileUploadHandler


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

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:  # noqa: D102
        self.received += len(raw_data)
        if self.received <= self.limit and self.write_error is None:
            try:
                self.file.write(raw_data)
            except OSError as exc:  # disk full: free what was written, drop the rest
                self.write_error = exc
                self.file.seek(0)
                self.file.truncate()

    def file_complete(self, file_size: int):  # noqa: D102
        upload = super().file_complete(file_size)
        upload.too_large = self.received > self.limit
        upload.size = self.received
        upload.write_error = self.write_error
        return upload


def storage_failure(exc: OSError, size: int) -> str:
    """The job's message when the upload of `size` bytes could not be stored."""
    if exc.errno == errno.ENOSPC:
        problem = "the server's disk is full (no space left for the uploaded file)"
    else:
        problem = f"the server could not store the uploaded file ({exc.strerror or exc})"
    return (
        f"The file ({size:,} bytes) was not imported: {problem}. Nothing was kept. Try again "
        "later; if this keeps happening, tell the operator (the upload folder, MEDIA_ROOT)."
    )
