"""CSV records of an import file (RFC 4180), each with the physical line it starts on.

Python's C `csv` module parses (RFC 4180 quoting, quoted line breaks, CRLF or LF) over
line-aligned UTF-8 blocks; `csv.reader.line_num` counts the physical lines it has pulled, so
the line where each record starts is known without any per-line Python code. The reader
never reads ahead of a record, so after each record the exact byte offset of the next one is
known: `position()` gives the `(offset, line, rows)` a checkpoint stores, and a reader
created with that position resumes there.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

from ..problems import BadFile, BadOption, RowProblem
from .base import EMPTY_FILE, START, Position, Record, StreamReader
from .compression import ByteSource
from .text import BOM, UTF8_CODECS, decode_block, iter_blocks, transcode

# A description may be long, but a field past this is nearly always a quote left open.
MAX_FIELD_CHARS = 1 << 20
csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))
MAX_RAW_CHARS = 1 << 20


class _Block(NamedTuple):
    offset: int  # decompressed offset of text[0]
    text: str
    ascii: bool
    first_line: int  # physical lines before the block (absolute)


class CsvReader(StreamReader):
    """Records of one CSV file from a given position, with positions and raw text."""

    def __init__(
        self, raw: BinaryIO, start: Position = START, *, encoding: str = "utf-8",
        delimiter: str = ",", header_row: int = 1,
    ) -> None:
        """Read `raw` (binary, at its start) as text in `encoding` with fields separated by
        `delimiter`; the header is the record on line `header_row` (records above it are
        skipped); records before `start` are skipped unread."""
        self.source = ByteSource(raw)
        self._start = start
        self._header_row = header_row
        # Plain UTF-8: the checkpoint's offset is a byte of the file itself, so reading starts
        # there (a ranged read from a bucket); otherwise the bytes before it are read, unparsed.
        skipped = self.source.skip_to(start.offset) if encoding in UTF8_CODECS else 0
        self._blocks = iter_blocks(
            transcode(self.source.pieces(), encoding), start.offset, skipped
        )
        self._block: _Block | None = None
        self._prev: _Block | None = None
        self._sio = io.StringIO()
        self._line_index: dict[int, list[int]] = {}
        self._lines_before = start.line
        self._reader = csv.reader(
            itertools.chain.from_iterable(self._texts()), delimiter=delimiter, strict=True
        )
        self._line_base = start.line
        self._rows = start.rows
        self._nul_seen = False  # records are checked for NUL once a block holds one
        self._names: list[str] = []

    def _texts(self) -> Iterator[io.StringIO]:
        for offset, block in self._blocks:
            text = decode_block(block, offset, self._lines_before)
            if not self._nul_seen and "\0" in text:
                self._nul_seen = True
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

    def header_fields(self) -> list[str]:
        """The header row as written (the record on line `header_row`; records above it are
        skipped); raise BadFile if none."""
        reader = self._reader
        while True:
            line = self._line_base + reader.line_num + 1
            try:
                fields = next(reader, None)
            except csv.Error as exc:
                raise BadFile(f"The header (line {line}) is not valid CSV: {exc}.") from exc
            if fields is None:
                if self._header_row == 1:
                    raise BadFile(EMPTY_FILE)
                raise BadOption("header_row", f"The file has no line {self._header_row}: it "
                                f"ends at line {line - 1}.", "bad_header_row")
            if self._header_row == 1:  # the first record that is not blank
                if fields == []:
                    continue
            elif line < self._header_row:
                continue
            elif line > self._header_row or fields == []:
                raise BadOption("header_row", f"Line {self._header_row} is not the start of "
                                "a row (it is blank or inside a quoted field); choose the line "
                                "that holds the column names.", "bad_header_row")
            nul = _nul_field(fields)
            if nul is not None:
                raise BadFile(f"The header (line {line}) holds a NUL character (byte 0x00) in "
                              f"column {nul + 1}; remove it, or upload the file as saved by "
                              "the program that made it.")
            self.header_line = line
            self._names = fields
            return fields

    def records(self) -> Iterator[Record | RowProblem]:
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
                yield RowProblem(line, "", _csv_message(str(exc), line, base + end))
                continue
            line = base + end + 1
            end = reader.line_num
            if fields:
                self._rows += 1
                if self._nul_seen and (nul := _nul_field(fields)) is not None:
                    yield RowProblem(line, "", self._nul_message(nul))
                    continue
                yield Record(line, fields)

    def _nul_message(self, index: int) -> str:
        name = self._names[index] if index < len(self._names) else ""
        column = f"column {index + 1}" + (f" ({name})" if name else "")
        return (f"{column} holds a NUL character (byte 0x00), which is not text; remove it "
                "(shown as \ufffd in the report)")

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
        return text[:MAX_RAW_CHARS].replace("\0", "\ufffd")  # the database stores no NUL

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


def _nul_field(fields: list[str]) -> int | None:
    """The index of the first field holding a NUL character, or None."""
    for index, value in enumerate(fields):
        if "\0" in value:
            return index
    return None


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
