"""Reading an import file, in stages: what it is -> bytes -> text -> records -> header.

`layout.find_layout` looks at the start of the file (`detect`: format, compression and
encoding by content; then the delimiter, the sheet and the header row) unless a person chose
them (`ReadOptions`). `compression.ByteSource` gives the decompressed bytes, `text` turns
them into line-aligned UTF-8 blocks (transcoding other encodings), a `Reader` turns them into
records with their line (`CsvReader` for CSV/TSV text, `XlsxReader` for .xlsx workbooks,
`JsonlReader` for JSON Lines),
and `header` finds the known columns (names, common names, or a person's mapping). The
passes use only `open_reader` and the `Reader` interface.
"""

from __future__ import annotations

from typing import BinaryIO

from .base import START, Position, Reader, Record
from .csv_records import CsvReader
from .header import Columns, Header
from .jsonl_records import JsonlReader
from .layout import Layout, ReadOptions, find_layout
from .xlsx_records import XlsxReader, forget_sheets

__all__ = ["START", "Columns", "CsvReader", "Header", "JsonlReader", "Layout", "Position",
           "ReadOptions", "Reader", "Record", "XlsxReader", "find_layout", "forget_sheets",
           "open_reader"]


def open_reader(
    raw: BinaryIO, start: Position = START, layout: Layout | None = None, size: int = 0
) -> Reader:
    """The reader for the uploaded file `raw` (binary, seekable, at its start), from `start`;
    the layout is detected when not given."""
    if layout is None:
        layout = find_layout(raw, size=size)
    if layout.format == "JSONL":
        return JsonlReader(raw, start, absent_keeps=layout.absent_keeps)
    if layout.format == "XLSX":
        return XlsxReader(raw, start, sheet=layout.sheet, header_row=layout.header_row,
                          size=size)
    return CsvReader(raw, start, encoding=layout.encoding, delimiter=layout.delimiter,
                     header_row=layout.header_row)
