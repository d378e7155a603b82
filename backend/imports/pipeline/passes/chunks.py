"""Cut the records of an import file into chunks: valid rows, problems, and the boundary."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..problems import RowProblem
from ..reading import Header, Position, Reader, Record
from ..rules import ProductRow, clean_row, fill_variants

# A chunk also ends past this many bytes of content, so that chunks of long records (a
# description may hold a million characters) keep the worker's memory bounded.
CHUNK_MAX_BYTES = 64 << 20


@dataclass
class Chunk:
    """Records up to a record boundary; committing it moves the checkpoint to `end`."""

    rows: list[ProductRow] = field(default_factory=list)
    rejected: list[RowProblem] = field(default_factory=list)
    end: Position = Position()
    consumed: int = 0  # bytes of the uploaded file read so far (for progress)
    # Filled ahead by the reader thread: the rows to apply by key, and the writer's
    # `prepare()` of them.
    keyed: dict[str, ProductRow] | None = None
    prepared: object | None = None
    valid_rows: int = 0  # rows that passed the rules (kept when `rows` is freed after keying)


def read_chunks(
    reader: Reader, header: Header, size: int | Callable[[], int]
) -> Iterator[Chunk]:
    """Yield chunks of at most `size` data records (fewer when they hold more than
    `CHUNK_MAX_BYTES`), in file order, the last one possibly empty. `size` may be a callable
    asked at the start of each chunk (`pace.Pace.size`).

    The last chunk is always yielded (even when empty) so the caller sees the final position.
    Each problem gets the record's text as written.
    """
    columns = header.columns
    chunk = Chunk()
    rows, rejected = chunk.rows, chunk.rejected
    count = 0
    limit = size() if callable(size) else size
    until = reader.produced + CHUNK_MAX_BYTES
    for record in fill_variants(reader.records(), columns):
        if type(record) is Record:
            row = clean_row(record.line, record.fields, columns)
            if type(row) is ProductRow:
                if row.name is None:  # refused later if its SKU is new: keep its text
                    row = row._replace(raw=reader.raw_text(row.line, reader.lines_read()))
                rows.append(row)
            else:
                rejected.append(row._replace(raw=reader.raw_text(row.line, reader.lines_read())))
        else:
            raw = reader.raw_text(record.line, reader.lines_read())
            rejected.append(record._replace(raw=raw))
        count += 1
        if count >= limit or reader.produced > until:
            chunk.end = reader.position()
            chunk.consumed = reader.consumed
            yield chunk
            chunk = Chunk()
            rows, rejected = chunk.rows, chunk.rejected
            count = 0
            limit = size() if callable(size) else size
            until = reader.produced + CHUNK_MAX_BYTES
    chunk.end = reader.position()
    chunk.consumed = reader.consumed
    yield chunk
