"""Small builders for import tests (no database)."""

from __future__ import annotations

import gzip
import io

from imports.pipeline.passes.chunks import Chunk, read_chunks
from imports.pipeline.reading import Position, Reader, open_reader


def read_through(data: bytes) -> Reader:
    """Read the whole file as pass 1 reads it (header, then every record); return the reader.

    Raises BadFile for a file that cannot be imported.
    """
    reader = open_reader(io.BytesIO(data))
    reader.read_header()
    for _ in reader.records():
        pass
    return reader


def read_all(data: bytes, size: int = 1000, start: Position | None = None) -> list[Chunk]:
    """Read the whole file once, then read every chunk of it (from `start` when given)."""
    header = open_reader(io.BytesIO(data)).read_header()
    read_through(data)
    reader = open_reader(io.BytesIO(data), start) if start else open_reader(io.BytesIO(data))
    if not start:
        reader.read_header()
    return list(read_chunks(reader, header, size))


def gz(data: bytes) -> bytes:
    """Gzip-compress `data`."""
    return gzip.compress(data)
