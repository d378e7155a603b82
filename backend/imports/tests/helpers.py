"""Small builders for import tests (no database)."""

from __future__ import annotations

import gzip
import io

from imports.chunks import Chunk, read_chunks
from imports.filestream import check_file
from imports.parsing import CsvReader, Position


def read_all(data: bytes, size: int = 1000, start: Position | None = None) -> list[Chunk]:
    """Check the file, then read every chunk of it (from `start` when given)."""
    check_file(io.BytesIO(data))
    header = CsvReader(io.BytesIO(data)).read_header()
    reader = CsvReader(io.BytesIO(data), start) if start else CsvReader(io.BytesIO(data))
    if not start:
        reader.read_header()
    return list(read_chunks(reader, header, size))


def gz(data: bytes) -> bytes:
    """Gzip-compress `data`."""
    return gzip.compress(data)
