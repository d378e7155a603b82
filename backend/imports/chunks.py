"""Cut the records of an import file into chunks: valid rows, rejected rows, and the boundary."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
    # Prepared ahead by the reader thread: the rows to apply by key, and their COPY text.
    keyed: dict[str, ProductRow] | None = None
    staged: str | None = None


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


def last_lines(
    reader: CsvReader,
    header: Header,
    db_lower: Callable[[list[str]], dict[str, str]],
    odd_keys: dict[str, str] | None = None,
) -> tuple[dict[str, int], int]:
    """First pass: for each SKU key, the line of its last valid row; and the records read.

    Only those rows are applied later, so each product is written at most once per import
    and its outcome (created, updated, unchanged) is final the moment it is written.
    `db_lower` gives the database's lower() of SKUs that are not plain ASCII; when given,
    `odd_keys` receives those (SKU -> key), so the second pass need not ask again.
    """
    columns = header.columns
    last: dict[str, int] = {}
    odd: list[tuple[str, int]] = []
    records = 0
    for record in reader.records():
        records += 1
        if type(record) is not Record:
            continue
        row = clean_row(record.line, record.fields, columns)
        if type(row) is ProductRow:
            sku = row.sku
            if sku.isascii():
                last[sku.lower()] = row.line
            else:
                odd.append((sku, row.line))
    for start in range(0, len(odd), 10_000):
        batch = odd[start : start + 10_000]
        keys = db_lower([sku for sku, _ in batch])
        if odd_keys is not None:
            odd_keys.update(keys)
        for sku, line in batch:
            key = keys[sku]
            if last.get(key, 0) < line:
                last[key] = line
    return last, records
