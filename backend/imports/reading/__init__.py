"""Reading an import file, in stages: bytes (compression) -> text -> records -> header.

`compression.ByteSource` gives the decompressed bytes (gzip found by its magic bytes),
`text` cuts them into line-aligned UTF-8 blocks, a `Reader` (today `CsvReader`) turns the
text into records with their physical line, and `header` finds the known columns. The
passes use only `open_reader` and the `Reader` interface, so a new file format is a new
reader chosen here.
"""

from __future__ import annotations

from typing import BinaryIO

from .base import START, Position, Reader, Record
from .csv_records import CsvReader
from .header import Columns, Header

__all__ = ["START", "Columns", "CsvReader", "Header", "Position", "Reader", "Record",
           "open_reader"]


def open_reader(raw: BinaryIO, start: Position = START) -> Reader:
    """The reader for the uploaded file `raw` (binary, at its start), from `start`."""
    return CsvReader(raw, start)
