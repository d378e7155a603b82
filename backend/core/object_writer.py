"""Write an object to the bucket in parts as its bytes arrive (an S3 multipart upload).

Bytes are gathered in a temporary file until they make one part (``UPLOAD_PART_BYTES``);
the part is sent and the file emptied for the next one, so the local disk holds at most one
part whatever the size of the object, and memory holds none. The object appears in the
bucket only when complete; an aborted one leaves nothing behind.
"""

from __future__ import annotations

import io
import tempfile
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings

from .object_storage import bucket_key, bucket_name, s3_client


class MultipartWriter:
    """The object ``name`` (a storage name; the key prefix is applied) written in parts."""

    def __init__(self, name: str, content_type: str = "application/octet-stream") -> None:
        """Start the multipart upload of ``name``."""
        self.name = name
        self.key = bucket_key(name)
        self.part_bytes: int = settings.UPLOAD_PART_BYTES
        self.size = 0
        self._client = s3_client()
        self._bucket = bucket_name()
        self._parts: list[dict[str, Any]] = []
        self._buffer = tempfile.TemporaryFile(dir=settings.FILE_UPLOAD_TEMP_DIR)  # noqa: SIM115
        self._buffered = 0
        answer = self._client.create_multipart_upload(
            Bucket=self._bucket, Key=self.key, ContentType=content_type
        )
        self.upload_id: str = answer["UploadId"]

    def write(self, data: bytes) -> None:
        """Add ``data``; each time a part is full it is sent."""
        view = memoryview(data)
        while view:
            room = self.part_bytes - self._buffered
            self._buffer.write(view[:room])
            self._buffered += min(room, len(view))
            self.size += min(room, len(view))
            view = view[room:]
            if self._buffered >= self.part_bytes:
                self._send_part()

    def _send_part(self) -> None:
        self._buffer.seek(0)
        number = len(self._parts) + 1
        answer = self._client.upload_part(
            Bucket=self._bucket, Key=self.key, UploadId=self.upload_id, PartNumber=number,
            Body=self._buffer, ContentLength=self._buffered,
        )
        self._parts.append({"PartNumber": number, "ETag": answer["ETag"]})
        self._buffer.seek(0)
        self._buffer.truncate()
        self._buffered = 0

    def complete(self) -> None:
        """Send the last part and make the object."""
        if self._buffered or not self._parts:  # an empty object is one empty part
            self._send_part()
        self._buffer.close()
        self._client.complete_multipart_upload(
            Bucket=self._bucket, Key=self.key, UploadId=self.upload_id,
            MultipartUpload={"Parts": self._parts},
        )

    def abort(self) -> None:
        """Drop the parts sent: no object is made (safe to call more than once)."""
        self._buffer.close()
        try:
            self._client.abort_multipart_upload(
                Bucket=self._bucket, Key=self.key, UploadId=self.upload_id
            )
        except self._client.exceptions.NoSuchUpload:
            pass


class ObjectSink(io.RawIOBase):
    """A binary file that writes the object ``name`` in parts (wrap it in ``io.BufferedWriter``
    or ``io.TextIOWrapper``). Closing completes the object, unless ``abort`` came first."""

    def __init__(self, name: str, content_type: str = "application/octet-stream") -> None:
        """Start the multipart upload of ``name``."""
        super().__init__()
        self.writer = MultipartWriter(name, content_type)
        self._aborted = False

    def writable(self) -> bool:
        """Always: this is a sink."""
        return True

    def write(self, data: Any) -> int:
        """Add ``data`` (bytes-like); returns its length (dropped once aborted)."""
        if not self._aborted:
            self.writer.write(bytes(data))
        return len(data)

    def abort(self) -> None:
        """Give the object up: closing then makes nothing."""
        if not self._aborted:
            self._aborted = True
            self.writer.abort()

    def close(self) -> None:
        """Complete the object (or nothing after ``abort``)."""
        if self.closed:
            return
        try:
            if not self._aborted:
                self.writer.complete()
        except Exception:
            self.abort()
            raise
        finally:
            super().close()


def abort_stale_uploads(older_than: timedelta, now: datetime | None = None) -> int:
    """Abort the multipart uploads under the key prefix started more than ``older_than``
    ago (a web process or worker that died mid-upload); return how many.

    Any store that lists multipart uploads by prefix (S3, R2, moto) is swept; MinIO lists
    them only by exact key, so there its unfinished parts stay until aborted by key.
    """
    client, bucket = s3_client(), bucket_name()
    cutoff = (now or datetime.now(UTC)) - older_than
    prefix = bucket_key("")
    aborted = 0
    pages = client.get_paginator("list_multipart_uploads").paginate(Bucket=bucket, Prefix=prefix)
    for page in pages:
        for upload in page.get("Uploads", []):
            if upload["Initiated"] >= cutoff:
                continue
            try:
                client.abort_multipart_upload(
                    Bucket=bucket, Key=upload["Key"], UploadId=upload["UploadId"]
                )
            except client.exceptions.NoSuchUpload:
                continue  # aborted meanwhile (another worker, or the API)
            aborted += 1
    return aborted
