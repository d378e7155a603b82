"""The storage of the bucket: django-storages' S3 backend, with files read as streams.

``S3Storage.open(name, "rb")`` downloads the whole object to a temporary file before the
first byte is read; here a read opens an ``ObjectReader`` (ranged, streamed GETs) instead, so
a worker reads a catalogue of any size with a bounded buffer and no local copy. Writing and
everything else is django-storages' own.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError
from django.core.files.base import File
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from .object_reader import open_object


class StoredFile(File):
    """A stored file opened for reading, streamed from the bucket."""

    @property
    def identity(self) -> tuple[str, int]:
        """What tells this version of the object from any other: its ETag and size."""
        raw: Any = getattr(self.file, "raw", None)
        return (raw.etag, raw.size)


class BucketStorage(S3Storage):
    """``S3Storage`` whose files opened for reading stream from the bucket."""

    def _open(self, name: str, mode: str = "rb") -> Any:
        if any(flag in mode for flag in "wa+"):
            return super()._open(name, mode)
        key = self._normalize_name(clean_name(name))
        try:
            stream = open_object(self.connection.meta.client, self.bucket_name, key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                raise FileNotFoundError(f"File does not exist: {name}") from exc
            raise
        stored = StoredFile(stream, name)
        stored.mode = mode
        reader: Any = stream.raw
        stored.size = reader.size
        return stored
