"""Bytes of an uploaded import file: gzip detection, line-aligned blocks, the UTF-8 check.

Everything streams: memory stays bounded by the block size whatever the file size. Offsets
are positions in the decompressed data (the same as file positions for a plain CSV), which
is what a checkpoint records; `ByteSource.consumed` counts bytes of the uploaded file itself
(compressed or not) for progress.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
BOM = b"\xef\xbb\xbf"
READ_SIZE = 1 << 20
GZIP_READ_SIZE = 64 << 10
MAX_LINE_BYTES = 64 << 20


class BadFile(Exception):
    """The file as a whole cannot be imported; the message says what, where and what to do."""


def _fmt(n: int) -> str:
    return f"{n:,}"


class ByteSource:
    """The decompressed bytes of an uploaded file object, gzip detected by its magic bytes."""

    def __init__(self, raw: BinaryIO) -> None:
        """Wrap `raw`, a binary file object positioned at its start."""
        self.raw = raw
        self.consumed = 0
        self._head = raw.read(2)
        self.is_gzip = self._head == GZIP_MAGIC

    def pieces(self) -> Iterator[bytes]:
        """Yield the decompressed content in pieces of bounded size."""
        return self._gzip_pieces() if self.is_gzip else self._plain_pieces()

    def _plain_pieces(self) -> Iterator[bytes]:
        first = self._head + self.raw.read(READ_SIZE)
        self.consumed += len(first)
        if first:
            yield first
        while data := self.raw.read(READ_SIZE):
            self.consumed += len(data)
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


def iter_blocks(pieces: Iterator[bytes], start: int = 0) -> Iterator[tuple[int, bytes]]:
    """Yield `(offset, block)` where each block ends with a newline (except the last one).

    Starting at `start` (a line start) skips the bytes before it, so a resumed import
    re-reads a gzip stream up to its checkpoint without parsing it.
    """
    offset = 0
    rest = b""
    for piece in pieces:
        if offset + len(rest) + len(piece) <= start:
            offset += len(piece)
            continue
        if offset < start:
            piece = piece[start - offset :]
            offset = start
        buf = rest + piece if rest else piece
        cut = buf.rfind(b"\n") + 1
        if cut == 0:
            if len(buf) > MAX_LINE_BYTES:
                raise BadFile(
                    f"A line starting at byte {_fmt(offset + 1)} is longer than "
                    f"{_fmt(MAX_LINE_BYTES)} bytes; this does not look like a CSV file."
                )
            rest = buf
            continue
        yield offset, buf[:cut]
        offset += cut
        rest = buf[cut:]
    if rest:
        yield offset, rest


def decode_block(block: bytes, offset: int, line: int) -> str:
    """Decode a block as UTF-8; `line` is the number of lines before the block.

    Raises BadFile naming the line and byte of the first invalid byte or NUL byte.
    """
    try:
        text = block.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = line + block.count(b"\n", 0, exc.start) + 1
        raise BadFile(
            f"The file is not UTF-8 text: byte 0x{block[exc.start]:02x} on line {_fmt(bad_line)} "
            f"(byte {_fmt(offset + exc.start + 1)} of the file) is not valid UTF-8. Save or "
            "export the CSV as UTF-8 and upload it again."
        ) from exc
    nul = text.find("\0")
    if nul >= 0:
        at = len(text[:nul].encode())
        bad_line = line + block.count(b"\n", 0, at) + 1
        raise BadFile(
            f"The file contains a NUL byte on line {_fmt(bad_line)} (byte "
            f"{_fmt(offset + at + 1)} of the file); it looks like a binary file, not a CSV."
        )
    return text


@dataclass(frozen=True)
class FileFacts:
    """What the check pass learned about a file."""

    is_gzip: bool
    size: int  # decompressed bytes
    lines: int


def check_file(raw: BinaryIO) -> FileFacts:
    """Read the whole file once: gzip integrity, UTF-8, no NUL bytes, not empty.

    Runs before the first write, so such a file fails without changing any product.
    """
    source = ByteSource(raw)
    size = 0
    lines = 0
    blank = True
    for offset, block in iter_blocks(source.pieces()):
        decode_block(block, offset, lines)
        if blank:
            body = block[3:] if offset == 0 and block.startswith(BOM) else block
            blank = not body.strip()
        lines += block.count(b"\n")
        size = offset + len(block)
    if blank:
        raise BadFile(
            "The file is empty: it needs a header row (with sku and name) and product rows."
        )
    return FileFacts(source.is_gzip, size, lines)
