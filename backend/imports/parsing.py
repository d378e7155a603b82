"""Streaming CSV reader for imports: header rules, records with their physical line, positions.

Python's C `csv` module parses (RFC 4180 quoting, quoted line breaks, CRLF or LF) over
line-aligned UTF-8 blocks; `csv.reader.line_num` counts the physical lines it has pulled, so
the line where each record starts is known without any per-line Python code. The reader
never reads ahead of a record, so after each record the exact byte offset of the next one is
known: `position()` gives the `(offset, line, rows)` a checkpoint stores and `open_at`
resumes from.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, NamedTuple

from .filestream import BOM, BadFile, ByteSource, decode_block, iter_blocks
from .rows import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, Columns

# A description may be long, but a field past this is nearly always a quote left open.
MAX_FIELD_CHARS = 1 << 20
csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))
MAX_RAW_CHARS = 1 << 20


class Position(NamedTuple):
    """A record boundary: decompressed bytes, physical lines and data records before it."""

    offset: int = 0
    line: int = 0
    rows: int = 0


START = Position()


class Record(NamedTuple):
    """A data record: the physical line it starts on and its fields."""

    line: int
    fields: list[str]


class BadRecord(NamedTuple):
    """A record the CSV syntax rejects (bad quoting, field too long, quote open at the end)."""

    line: int
    message: str


@dataclass(frozen=True)
class Header:
    """The header row: its names as written and where the known columns are."""

    names: list[str]
    columns: Columns


def parse_header(fields: list[str]) -> Header:
    """Match header names case-insensitively, spaces trimmed, any order; raise BadFile."""
    names = [f.strip().lower() for f in fields]
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        if name and name in seen:
            raise BadFile(
                f"The header (line 1) has the column {name!r} twice (columns "
                f"{seen[name] + 1} and {index + 1}); keep one of them."
            )
        seen[name] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in seen]
    if missing:
        found = ", ".join(n for n in names if n) or "nothing"
        raise BadFile(
            f"The header (line 1) has no {' and no '.join(repr(m) for m in missing)} column "
            f"(found: {found}). The first row must name the columns; sku and name are required, "
            "description and active are optional."
        )
    optional = {c: seen.get(c) for c in OPTIONAL_COLUMNS}
    columns = Columns(len(fields), seen["sku"], seen["name"], **optional)
    return Header(list(fields), columns)


class _Block(NamedTuple):
    offset: int  # decompressed offset of text[0]
    text: str
    ascii: bool
    first_line: int  # physical lines before the block (absolute)


class CsvReader:
    """Records of one import file from a given position, with positions and raw text."""

    def __init__(self, raw: BinaryIO, start: Position = START) -> None:
        """Read `raw` (binary, at its start); records before `start` are skipped unread."""
        self.source = ByteSource(raw)
        self._start = start
        self._blocks = iter_blocks(self.source.pieces(), start.offset)
        self._block: _Block | None = None
        self._prev: _Block | None = None
        self._sio = io.StringIO()
        self._line_index: dict[int, list[int]] = {}
        self._lines_before = start.line
        self._reader = csv.reader(itertools.chain.from_iterable(self._texts()), strict=True)
        self._line_base = start.line
        self._rows = start.rows

    def _texts(self) -> Iterator[io.StringIO]:
        for offset, block in self._blocks:
            text = decode_block(block, offset, self._lines_before)
            if offset == 0 and block.startswith(BOM):
                text = text[1:]
                offset += len(BOM)
            self._prev = self._block
            self._block = _Block(offset, text, len(text) == len(block), self._lines_before)
            self._lines_before += block.count(b"\n")
            self._sio = io.StringIO(text, newline="\n")
            yield self._sio

    def position(self) -> Position:
        """The boundary after the last record returned."""
        block = self._block
        if block is None:
            return self._start
        chars = self._sio.tell()
        used = chars if block.ascii else len(block.text[:chars].encode())
        return Position(block.offset + used, self._line_base + self._reader.line_num, self._rows)

    def lines_read(self) -> int:
        """Physical lines consumed so far (the last line of the last record returned)."""
        return self._line_base + self._reader.line_num

    def read_header(self) -> Header:
        """Read and check the header row (the first record of the file)."""
        try:
            fields = next(self._reader, None)
        except csv.Error as exc:
            raise BadFile(f"The header (line 1) is not valid CSV: {exc}.") from exc
        while fields == []:
            fields = next(self._reader, None)
        if fields is None:
            raise BadFile(
                "The file is empty: it needs a header row (with sku and name) and product rows."
            )
        return parse_header(fields)

    def records(self) -> Iterator[Record | BadRecord]:
        """Yield each data record (blank lines skipped) or a syntax problem, in file order."""
        reader = self._reader
        base = self._line_base
        end = reader.line_num
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                line = base + end + 1
                end = reader.line_num
                self._rows += 1
                yield BadRecord(line, _csv_message(str(exc), line, base + end))
                continue
            line = base + end + 1
            end = reader.line_num
            if fields:
                self._rows += 1
                yield Record(line, fields)

    def raw_text(self, first: int, last: int) -> str:
        """The text of physical lines `first`..`last` while still buffered (for error reports)."""
        parts = []
        for block in (self._prev, self._block):
            if block is None:
                continue
            starts = self._line_starts(block)
            lo = max(first - block.first_line - 1, 0)
            hi = min(last - block.first_line - 1, len(starts) - 2)
            if lo <= hi:
                parts.append(block.text[starts[lo] : starts[hi + 1]])
        text = "".join(parts)
        if text.endswith("\n"):
            text = text[:-2] if text.endswith("\r\n") else text[:-1]
        return text[:MAX_RAW_CHARS]

    def _line_starts(self, block: _Block) -> list[int]:
        starts = self._line_index.get(block.first_line)
        if starts is None:
            text = block.text
            starts = [0]
            at = text.find("\n")
            while at >= 0:
                starts.append(at + 1)
                at = text.find("\n", at + 1)
            if starts[-1] != len(text):
                starts.append(len(text))
            keep = {b.first_line for b in (self._prev, self._block) if b is not None}
            self._line_index = {k: v for k, v in self._line_index.items() if k in keep}
            self._line_index[block.first_line] = starts
        return starts


def _csv_message(error: str, line: int, last: int) -> str:
    if "unexpected end of data" in error:
        return (
            f"a quoted field opened in the record on line {line} is never closed: the file ends "
            "inside it. Close the quote (a quote inside a field is written twice: \"\")"
        )
    if "field larger than field limit" in error:
        return (
            f"a field is longer than {MAX_FIELD_CHARS:,} characters (the record runs from line "
            f"{line} to {last}); a quote is probably left open"
        )
    return f"the record is not valid CSV ({error}); a quote inside a field is written twice: \"\""
