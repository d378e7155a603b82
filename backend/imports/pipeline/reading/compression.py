"""Bytes of an uploaded import file: plain, or gzip detected by its magic bytes (not its name).

Everything streams: memory stays bounded by the piece size whatever the file size, and a
gzip file may expand to at most `IMPORT_MAX_DECOMPRESSED_BYTES` (a file that expands further
fails saying so, however little of it was uploaded). `ByteSource.consumed` counts bytes of the
uploaded file itself (compressed or not) for progress, `ByteSource.produced` the bytes given
out; everything after this stage counts decompressed bytes. Another compression would
be one more branch of `ByteSource.pieces`.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from django.conf import settings

from ..problems import BadFile

GZIP_MAGIC = b"\x1f\x8b"
READ_SIZE = 1 << 20
GZIP_READ_SIZE = 64 << 10


def _fmt(n: int) -> str:
    return f"{n:,}"


class ByteSource:
    """The decompressed bytes of an uploaded file object, gzip detected by its magic bytes."""

    def __init__(self, raw: BinaryIO, max_bytes: int | None = None) -> None:
        """Wrap `raw`, a binary file object positioned at its start; a gzip file may expand
        to `max_bytes` (default: the `IMPORT_MAX_DECOMPRESSED_BYTES` setting)."""
        self.raw = raw
        self.consumed = 0
        self.produced = 0
        self.max_bytes = settings.IMPORT_MAX_DECOMPRESSED_BYTES if max_bytes is None else max_bytes
        self._head = raw.read(2)
        self.is_gzip = self._head == GZIP_MAGIC

    def skip_to(self, offset: int) -> int:
        """Start reading plain (not gzip) content at byte `offset` by seeking, without reading
        the bytes before it (a ranged read from a bucket); return the offset reached (0 when
        the content must be read from its start: gzip, or a stream that cannot seek)."""
        if offset <= 0 or self.is_gzip or not self.raw.seekable():
            return 0
        self.raw.seek(offset)
        self._head = b""
        self.consumed = self.produced = offset
        return offset

    def pieces(self) -> Iterator[bytes]:
        """Yield the decompressed content in pieces of bounded size."""
        return self._gzip_pieces() if self.is_gzip else self._plain_pieces()

    def _plain_pieces(self) -> Iterator[bytes]:
        first = self._head + self.raw.read(READ_SIZE)
        self.consumed += len(first)
        self.produced = self.consumed
        if first:
            yield first
        while data := self.raw.read(READ_SIZE):
            self.consumed += len(data)
            self.produced = self.consumed
            yield data

    def _gzip_pieces(self) -> Iterator[bytes]:
        decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
        data = self._head + self.raw.read(GZIP_READ_SIZE)
        start = 0
        self.consumed = len(data)
        while True:
            while data:
                try:
                    out = decomp.decompress(data, READ_SIZE)
                except zlib.error as exc:
                    raise BadFile(
                        f"The gzip data is corrupt between bytes {_fmt(start + 1)} and "
                        f"{_fmt(self.consumed)} of the file ({exc}). Compress the CSV again "
                        "and upload the new file."
                    ) from exc
                if out:
                    self.produced += len(out)
                    if self.produced > self.max_bytes:
                        raise BadFile(
                            f"The gzip file expands to more than {_fmt(self.max_bytes)} bytes "
                            "(IMPORT_MAX_DECOMPRESSED_BYTES; it stopped being read at byte "
                            f"{_fmt(self.consumed)} of the upload). Split the CSV into smaller "
                            "files, or upload it uncompressed."
                        )
                    yield out
                data = decomp.unconsumed_tail
                if decomp.eof:
                    rest = decomp.unused_data
                    if rest.strip(b"\0"):  # another gzip member follows
                        decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
                        data = rest
                    else:
                        data = b""
            data = self.raw.read(GZIP_READ_SIZE)
            if not data:
                break
            start = self.consumed
            self.consumed += len(data)
        if not decomp.eof:
            raise BadFile(
                f"The gzip file is truncated: it ends at byte {_fmt(self.consumed)} before the "
                "end of the compressed data. Upload the complete file."
            )
