"""Upload handling: stream to a temporary file on disk, and stop storing past the size limit."""

from __future__ import annotations

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

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:  # noqa: D102
        self.received += len(raw_data)
        if self.received <= self.limit:
            self.file.write(raw_data)

    def file_complete(self, file_size: int):  # noqa: D102
        upload = super().file_complete(file_size)
        upload.too_large = self.received > self.limit
        upload.size = self.received
        return upload
