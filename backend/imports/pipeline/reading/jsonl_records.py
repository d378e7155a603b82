"""JSON Lines import files (`.jsonl`, gzip or not): one product object a line, UTF-8.

The passes see the same `Reader` interface as for CSV: a header and records of text fields
with their line. The header is the known columns (`sku`, `name`, `description`, `active`)
that appear in the first `HEADER_SAMPLE_LINES` objects, then the other keys found there, in
order; a key first seen later is ignored, like a column that is not mapped. A key an object
leaves out is an empty cell (as in a CSV row). Values: a string as written, `true`/`false`
for a JSON boolean, a number as written, `null` as empty; an object or a list is a bad row.

Each physical line is one record (JSON escapes line breaks inside strings), so a line that
is not JSON, or is JSON but not an object, is a bad row with its line number, and the next
line is read as usual. A line longer than `MAX_LINE_BYTES` is a bad row without being
parsed. After each record the byte offset of the next line is known (`position()`), so a
checkpointed import resumes there like a CSV one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from ..problems import BadFile, BadOption, RowProblem
from .base import EMPTY_FILE, START, Position, Record, StreamReader
from .compression import ByteSource
from .text import BOM, iter_blocks

KNOWN = ("sku", "name", "description", "active")
HEADER_SAMPLE_LINES = 100
DETECT_BYTES = 8 << 20  # the first line is read this far to tell JSON Lines from CSV
MAX_LINE_BYTES = 8 << 20
MAX_RAW_CHARS = 1 << 20


def _lines(raw: BinaryIO, start: int = 0) -> Iterator[tuple[int, bytes]]:
    """`(offset, line)` of the decompressed file from byte `start`, line breaks removed."""
    for offset, block in iter_blocks(ByteSource(raw).pieces(), start):
        at = 0
        if offset == 0 and block.startswith(BOM):
            at = len(BOM)
        while at < len(block):
            end = block.find(b"\n", at)
            end = len(block) if end < 0 else end + 1
            yield offset + at, block[at:end]
            at = end


def looks_like_jsonl(raw: BinaryIO) -> bool:
    """Whether the text file `raw` (seekable; left at its start) is JSON Lines: its first
    non-blank character is `{` and its first line is a JSON object (or too long to tell)."""
    raw.seek(0)
    try:
        head = b""
        source = ByteSource(raw)
        for piece in source.pieces():
            head += piece
            if b"\n" in head.lstrip() or len(head) >= DETECT_BYTES:
                break
    except BadFile:
        return False
    finally:
        raw.seek(0)
    text = head.removeprefix(BOM).lstrip()
    if not text.startswith(b"{"):
        return False
    line, newline, _ = text.partition(b"\n")
    if not newline and len(head) >= DETECT_BYTES:
        return True  # one huge first line: the reader reports it as a bad row
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def jsonl_estimate(raw: BinaryIO, total: int) -> int:
    """About how many lines the file holds, from its first MiB (`total`: its decompressed
    size when known, else 0)."""
    raw.seek(0)
    sample = b""
    for piece in ByteSource(raw).pieces():
        sample += piece
        if len(sample) >= 1 << 20:
            break
    raw.seek(0)
    lines = sum(1 for line in sample.splitlines() if line.strip())
    if total <= len(sample) or b"\n" not in sample:
        return lines
    return int(total * lines / len(sample))


def check_jsonl_options(encoding: str | None, delimiter: str | None, sheet: str | None) -> None:
    """Refuse options that do not apply to JSON Lines (always UTF-8, no delimiter or sheet)."""
    if sheet:
        raise BadOption("sheet", "This file is JSON Lines, not a workbook: it has no sheets.",
                        "not_a_workbook")
    if delimiter:
        raise BadOption("delimiter", "A JSON Lines file has no delimiter; leave it empty.",
                        "not_text")
    if encoding and encoding.replace("_", "-").lower() not in ("utf-8", "utf8", "utf-8-sig"):
        raise BadOption("encoding", "A JSON Lines file is UTF-8 text; leave the encoding "
                        "empty or choose utf-8.", "unknown_encoding")


def _cell(value: object) -> str | None:
    """A JSON value as the text a CSV cell would hold; None for an object or a list."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    return None


def object_record(
    number: int, item: dict, names: list[str], *, absent_keeps: bool = False
) -> Record | RowProblem:
    """The record of one product object on line `number`: its fields in `names` order as a
    CSV row's cells (`absent_keeps`: a key it leaves out, sku apart, is a None field that
    keeps the stored value), or the problem that rejects it. Also reads the API's items
    (`pipeline.items`), which are objects already."""
    sku = item.get("sku")
    sku_text = sku.strip()[:255] if isinstance(sku, str) else ""
    fields: list[str | None] = []
    for name in names:
        if absent_keeps and name not in item and name != "sku":
            fields.append(None)
            continue
        cell = _cell(item.get(name))
        if cell is None:
            return RowProblem(number, sku_text, f"{name} is a JSON "
                              f"{'list' if isinstance(item[name], list) else 'object'}; "
                              "a product field takes text, a number or true/false",
                              field=name if name in KNOWN else "")
        if "\0" in cell:
            return RowProblem(number, sku_text.replace("\0", ""), f"{name} holds a NUL "
                              "character (\\u0000), which is not text; remove it",
                              field=name if name in KNOWN else "")
        fields.append(cell)
    return Record(number, fields)  # type: ignore[arg-type]  # None: kept (absent_keeps)


class JsonlReader(StreamReader):
    """Records of one JSON Lines file from a given position, with positions and raw text."""

    header_line = 0  # the header is made from the objects' keys, not read from a line

    def __init__(self, raw: BinaryIO, start: Position = START, *,
                 absent_keeps: bool = False) -> None:
        """Read `raw` (binary, seekable, at its start); lines before `start` are skipped.
        `absent_keeps`: a key an object leaves out is a None field (keep the stored value)."""
        # The API's small files are read whole for their keys.
        self._names = self._sample_keys(raw, None if absent_keeps else HEADER_SAMPLE_LINES)
        self._absent_keeps = absent_keeps
        raw.seek(0)
        self.source = ByteSource(raw)
        self._raw = raw
        self._start = start
        self._position = start
        self._recent: dict[int, bytes] = {}  # the lines of the current block, by number
        self._previous: dict[int, bytes] = {}  # and of the block before it

    @staticmethod
    def _sample_keys(raw: BinaryIO, most: int | None) -> list[str]:
        keys: dict[str, None] = {}
        seen = 0
        raw.seek(0)
        for _, line in _lines(raw):
            if most is not None and seen >= most:
                break
            if not line.strip() or len(line) > MAX_LINE_BYTES:
                continue
            seen += 1
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if isinstance(item, dict):
                keys.update(dict.fromkeys(str(k) for k in item))
        known = [k for k in KNOWN if k in keys]
        return known + [k for k in keys if k not in KNOWN]

    def header_fields(self) -> list[str]:
        """The known columns, then the other keys, found in the first objects."""
        if not self._names:
            raise BadFile(EMPTY_FILE if self._raw_is_blank() else
                          "No line among the first of this JSON Lines file is a JSON object "
                          "with keys such as sku and name.")
        return list(self._names)

    def _raw_is_blank(self) -> bool:
        pos = self._raw.tell()
        self._raw.seek(0)
        blank = all(not line.strip() for _, line in _lines(self._raw))
        self._raw.seek(pos)
        return blank

    def records(self) -> Iterator[Record | RowProblem]:
        """Yield each object's fields in header order (blank lines skipped) or the problem
        with its line, in file order."""
        offset, number, rows = self._start
        skipped = self.source.skip_to(offset)  # plain: start at the checkpoint's byte
        for block_offset, block in iter_blocks(self.source.pieces(), offset, skipped):
            at = len(BOM) if block_offset == 0 and block.startswith(BOM) else 0
            self._previous, self._recent = self._recent, {}
            while at < len(block):
                end = block.find(b"\n", at)
                end = len(block) if end < 0 else end + 1
                line = block[at:end]
                number += 1
                at = end
                self._recent[number] = line
                if line.strip():
                    rows += 1
                self._position = Position(block_offset + at, number, rows)
                if line.strip():
                    yield self._record(number, line)

    def _record(self, number: int, line: bytes) -> Record | RowProblem:
        if len(line) > MAX_LINE_BYTES:
            return RowProblem(number, "", f"the line is {len(line):,} bytes long; a JSON Lines "
                              f"import reads lines of at most {MAX_LINE_BYTES:,} bytes")
        try:
            item = json.loads(line)
        except UnicodeDecodeError:
            return RowProblem(number, "", "the line is not UTF-8 text")
        except ValueError as exc:
            return RowProblem(number, "", f"the line is not valid JSON ({exc}); each line "
                              "must be one product object such as "
                              '{"sku": "A-1", "name": "Chair"}')
        if not isinstance(item, dict):
            kind = "a list" if isinstance(item, list) else "a single JSON value"
            return RowProblem(number, "", f"the line is {kind}, not a JSON object; each line "
                              'must be one product object such as {"sku": "A-1", "name": "Chair"}')
        return object_record(number, item, self._names, absent_keeps=self._absent_keeps)

    def position(self) -> Position:
        """The boundary after the last record returned."""
        return self._position

    def lines_read(self) -> int:
        """Physical lines consumed so far (the line of the last record returned)."""
        return self._position.line

    def raw_text(self, first: int, last: int) -> str:
        """The text of lines `first`..`last` while still buffered (for error reports)."""
        lines = {**self._previous, **self._recent}
        parts = [lines[n][: MAX_RAW_CHARS * 4] for n in range(first, last + 1) if n in lines]
        text = b"".join(parts).decode("utf-8", errors="replace").rstrip("\r\n")
        return text[:MAX_RAW_CHARS].replace("\0", "\ufffd")
