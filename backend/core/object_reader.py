"""Read a stored object as a seekable binary stream, never as a local copy.

django-storages' ``S3File`` downloads the whole object into a temporary file on first read; a
worker reading a catalogue of several GB would need that much local disk. ``ObjectReader``
instead streams the object's body from the current position (one ``GET`` with a ``Range``
header) and, after a seek, starts a new ranged ``GET`` at the new position when it next reads.
So a reader that goes through the file once costs one request, a resumed import starts at its
checkpoint's byte, and a zip reader's seeks cost one short request each. A connection dropped
mid-body is picked up again at the byte where it stopped.

The object's first bytes (up to ``HEAD_BYTES``) are kept once read, and the body being read
stays open across a seek: a reader that detects the file's layout, goes back to the start and
reads on (an import's inspection, an import's check pass) is served its first bytes from
memory and carries on with the same ``GET``. One request instead of one per return to the
start matters where a request costs more than its bytes: a store that reads the whole object
for each ranged ``GET`` (moto_server does) would read a large file once per request.
"""

from __future__ import annotations

import io
import logging
from typing import Any

logger = logging.getLogger(__name__)

READ_BUFFER_BYTES = 256 << 10
#: The object's first bytes kept once read (an inspection reads about 1 MiB of them).
HEAD_BYTES = 4 << 20
RECONNECTS = 3


class ObjectReader(io.RawIOBase):
    """The bytes of the object ``key`` in ``bucket``: readable, seekable, streamed."""

    def __init__(self, client: Any, bucket: str, key: str) -> None:
        """Read ``key`` with the boto3 S3 ``client``; asks the store for its size and ETag."""
        super().__init__()
        self._client = client
        self._bucket = bucket
        self._key = key
        head = client.head_object(Bucket=bucket, Key=key)
        self.size: int = head["ContentLength"]
        self.etag: str = head.get("ETag", "")
        self._position = 0
        self._body: Any = None
        self._body_at = 0  # the byte the open body gives next
        self._head = bytearray()  # the object's first bytes, as far as read from byte 0
        # Each GET made: [its first byte, the bytes read from it] (tests and benches read it).
        self.ranges: list[list[int]] = []

    def readable(self) -> bool:
        """Always: this is a reader."""
        return True

    def seekable(self) -> bool:
        """Always: a seek starts the next read at another byte."""
        return True

    def tell(self) -> int:
        """The position of the next byte read."""
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Move the position; the next read is served from the first bytes kept, or by the
        open body if it is at that byte, else asks the store from there."""
        if whence == io.SEEK_SET:
            target = offset
        elif whence == io.SEEK_CUR:
            target = self._position + offset
        elif whence == io.SEEK_END:
            target = self.size + offset
        else:
            raise ValueError(f"invalid whence ({whence})")
        if target < 0:
            raise ValueError(f"negative seek position {target}")
        self._position = target
        return self._position

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer`` with the next bytes (fewer at the end); 0 at the end."""
        wanted = min(len(buffer), self.size - self._position)
        if wanted <= 0:
            return 0
        if self._position < len(self._head):
            count = min(wanted, len(self._head) - self._position)
            buffer[:count] = self._head[self._position : self._position + count]
            self._position += count
            return count
        if self._body is not None and self._body_at != self._position:
            self._drop_body()
        for attempt in range(RECONNECTS + 1):
            try:
                if self._body is None:
                    self._open_body()
                data = self._body.read(wanted)
                break
            except Exception as exc:  # a dropped connection: carry on where it stopped
                if attempt == RECONNECTS or not _is_transient(exc):
                    raise
                logger.warning("reading %s again from byte %d: %s", self._key,
                               self._position, exc)
                self._drop_body()
        if not data:  # the object shrank under us: the store's answer ends early
            raise OSError(f"{self._key} ended at byte {self._position} of {self.size}.")
        count = len(data)
        buffer[:count] = data
        if self._position == len(self._head) < HEAD_BYTES:
            self._head += data[: HEAD_BYTES - self._position]
        self.ranges[-1][1] += count
        self._position += count
        self._body_at = self._position
        return count

    def _open_body(self) -> None:
        # IfMatch: an object replaced while it is read fails the read (412) instead of
        # mixing the bytes of two files.
        extra = {"IfMatch": self.etag} if self.etag else {}
        answer = self._client.get_object(
            Bucket=self._bucket, Key=self._key, Range=f"bytes={self._position}-", **extra
        )
        self.ranges.append([self._position, 0])
        self._body = answer["Body"]
        self._body_at = self._position

    def _drop_body(self) -> None:
        if self._body is not None:
            self._body.close()
            self._body = None

    def close(self) -> None:
        """Close the body being streamed, if any."""
        self._drop_body()
        super().close()


def _is_transient(exc: Exception) -> bool:
    from botocore.exceptions import ConnectionError as BotoConnectionError
    from botocore.exceptions import ReadTimeoutError, ResponseStreamingError
    from urllib3.exceptions import ProtocolError

    return isinstance(
        exc, BotoConnectionError | ReadTimeoutError | ResponseStreamingError | ProtocolError
    )


def open_object(client: Any, bucket: str, key: str) -> io.BufferedReader:
    """``ObjectReader`` behind a read buffer, which serves small reads and near seeks."""
    return io.BufferedReader(ObjectReader(client, bucket, key), buffer_size=READ_BUFFER_BYTES)
