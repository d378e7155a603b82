"""Cut the records of an import file into chunks: valid rows, rejected rows, and the boundary."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from .parsing import CsvReader, Header, Position, Record
from .rows import ProductRow, clean_row


class RejectedRow(NamedTuple):
    """A bad row as reported to the user: where, which SKU, why, and the record as written."""

    line: int
    sku: str
    message: str
    raw: str


@dataclass
class Chunk:
    """Records up to a record boundary; committing it moves the checkpoint to `end`."""

    rows: list[ProductRow] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    end: Position = Position()
    consumed: int = 0  # bytes of the uploaded file read so far (for progress)


def read_chunks(reader: CsvReader, header: Header, size: int) -> Iterator[Chunk]:
    """Yield chunks of at most `size` data records, in file order, the last one possibly empty.

    The last chunk is always yielded (even when empty) so the caller sees the final position.
    """
    columns = header.columns
    chunk = Chunk()
    rows, rejected = chunk.rows, chunk.rejected
    count = 0
    for record in reader.records():
        if type(record) is Record:
            row = clean_row(record.line, record.fields, columns)
            if type(row) is ProductRow:
                rows.append(row)
            else:
                raw = reader.raw_text(row.line, reader.lines_read())
                rejected.append(RejectedRow(row.line, row.sku, row.message, raw))
        else:
            raw = reader.raw_text(record.line, reader.lines_read())
            rejected.append(RejectedRow(record.line, "", record.message, raw))
        count += 1
        if count >= size:
            chunk.end = reader.position()
            chunk.consumed = reader.source.consumed
            yield chunk
            chunk = Chunk()
            rows, rejected = chunk.rows, chunk.rejected
            count = 0
    chunk.end = reader.position()
    chunk.consumed = reader.source.consumed
    yield chunk
