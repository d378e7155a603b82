"""Rows of an Excel workbook (.xlsx), read with python-calamine, as the person typed them.

python-calamine (Rust) was chosen over openpyxl's read-only mode with figures
(`bench/xlsx_bench.py`, README): it reads the 500,000-row workbook several times faster.
It holds one sheet's cells in memory while it reads (well under the 500 MB budget for that
workbook); the file itself is read from storage, never copied. Parsing the sheet's XML is
most of the work, so the last sheet loaded is kept (`load_sheet`) for the next pass over the
same stored file, until `forget_sheets` (called when a job's run ends).

Cells become the text a person typed: 12 not "12.0", 0.5 as "0.5", dates and times in ISO
8601 (a date without a time as a date), booleans as TRUE/FALSE; empty rows are skipped; the
line of a record is its row number in the sheet. A checkpoint's position is the sheet row
after which to resume.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import threading
import zipfile
from collections.abc import Iterator
from typing import Any, BinaryIO

from django.conf import settings
from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook

from ..problems import BadFile, BadOption
from .base import EMPTY_FILE, START, Position, Reader, Record


def cell_text(value: Any) -> str:
    """The text of one cell as typed: numbers without a needless `.0`, ISO 8601 dates."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return str(value)
    return str(value)


_lock = threading.Lock()
_kept: dict[tuple, tuple[list[str], CalamineSheet]] = {}


def _file_key(raw: BinaryIO) -> tuple | None:
    identity = getattr(raw, "identity", None)  # a file streamed from a bucket: its ETag, size
    if identity is not None:
        return (getattr(raw, "name", ""), *identity)
    try:
        stat = os.fstat(raw.fileno())
    except (AttributeError, OSError, io.UnsupportedOperation):
        return None
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


def load_sheet(raw: BinaryIO, wanted: str | None) -> tuple[list[str], str, CalamineSheet]:
    """`(sheet names, the sheet's name, its cells)` of the workbook `raw`; the sheet is
    kept for the next call on the same stored file."""
    key = _file_key(raw)
    with _lock:
        for (file, name), (names, sheet) in _kept.items():
            if key is not None and file == key and name == pick_sheet(names, wanted):
                return names, name, sheet
    book = open_workbook(raw)
    names = list(book.sheet_names)
    name = pick_sheet(names, wanted)
    try:
        sheet = book.get_sheet_by_name(name)
    except CalamineError as exc:
        raise BadFile(f"The sheet {name!r} cannot be read ({exc}).") from exc
    if key is not None:
        with _lock:
            _kept.clear()
            _kept[(key, name)] = (names, sheet)
    return names, name, sheet


def forget_sheets() -> None:
    """Drop the kept sheet (its memory goes back)."""
    with _lock:
        _kept.clear()


def check_expansion(raw: BinaryIO, max_bytes: int | None = None) -> int:
    """Decompress every part of the workbook `raw` once, counting bytes; return the total.

    An .xlsx is a zip archive, and calamine holds a whole sheet in memory: a small upload
    whose XML expands to gigabytes (a "zip bomb") would exhaust the worker. Parts are read in
    pieces, so this costs time, not memory; the count stops at `max_bytes` (default: the
    `IMPORT_MAX_XLSX_EXPANDED_BYTES` setting) and Python's zip reader checks each part's CRC,
    so a part whose header understates its size fails as corrupt. Raise BadFile either way.
    """
    limit = settings.IMPORT_MAX_XLSX_EXPANDED_BYTES if max_bytes is None else max_bytes
    raw.seek(0)
    total = 0
    try:
        with zipfile.ZipFile(raw) as archive:
            parts = archive.infolist()
            declared = sum(part.file_size for part in parts)
            if declared > limit:
                raise BadFile(_too_big(limit, f"its parts declare {declared:,} bytes"))
            for part in parts:
                with archive.open(part) as stream:
                    while piece := stream.read(1 << 20):
                        total += len(piece)
                        if total > limit:
                            raise BadFile(_too_big(limit, f"{part.filename!r} expands past it"))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError,
            OSError, ValueError) as exc:
        raise BadFile(
            f"This Excel workbook is damaged ({type(exc).__name__}: {exc}). Open it in Excel, "
            "save it again as an Excel Workbook (.xlsx) or as CSV UTF-8, and upload that file."
        ) from exc
    finally:
        raw.seek(0)
    return total


def _too_big(limit: int, detail: str) -> str:
    return (f"This Excel workbook expands to more than {limit:,} bytes when unzipped "
            f"(IMPORT_MAX_XLSX_EXPANDED_BYTES; {detail}). Split it into smaller workbooks, "
            "or save it as CSV UTF-8 and upload that.")


def open_workbook(raw: BinaryIO) -> CalamineWorkbook:
    """Open the workbook `raw` (seekable) once its size unzipped is checked
    (`check_expansion`); raise BadFile when it cannot be read."""
    check_expansion(raw)
    raw.seek(0)
    try:
        return CalamineWorkbook.from_filelike(raw)
    except (CalamineError, ValueError, OSError) as exc:
        raise BadFile(
            f"This Excel workbook cannot be read ({type(exc).__name__}: {exc}). Open it in "
            "Excel, save it again as an Excel Workbook (.xlsx) or as CSV UTF-8, and upload "
            "that file."
        ) from exc


def pick_sheet(names: list[str], wanted: str | None) -> str:
    """The sheet named `wanted` (exactly, then ignoring case), or numbered `wanted` (1 is the
    first); the first sheet when `wanted` is empty. Raise BadOption for no such sheet."""
    if not names:
        raise BadFile("This workbook has no sheets.")
    if not wanted or not wanted.strip():
        return names[0]
    wanted = wanted.strip()
    if wanted in names:
        return wanted
    folded = [n for n in names if n.casefold() == wanted.casefold()]
    if folded:
        return folded[0]
    if wanted.isdigit() and 1 <= int(wanted) <= len(names):
        return names[int(wanted) - 1]
    listed = ", ".join(f"{i}: {n!r}" for i, n in enumerate(names, 1))
    raise BadOption("sheet", f"The workbook has no sheet {wanted!r}; its sheets are {listed} "
                    "(give a name or a number).", "unknown_sheet")


def sheet_rows(data: CalamineSheet) -> Iterator[tuple[int, list[str]]]:
    """`(row number, cell texts)` of each non-empty row of the sheet, in order."""
    start = data.start
    if start is None:
        return
    number, column = start
    pad = [""] * column
    for cells in data.iter_rows():
        number += 1
        texts = [c if type(c) is str else cell_text(c) for c in cells]
        if any(texts):
            yield number, pad + texts if pad else texts


def sheet_height(data: CalamineSheet) -> int:
    """The last used row number of the sheet (0 when it is empty)."""
    end = data.end
    return 0 if end is None else end[0] + 1


class XlsxReader(Reader):
    """Records of one sheet of an .xlsx workbook, with sheet row numbers as lines."""

    def __init__(
        self, raw: BinaryIO, start: Position = START, *, sheet: str | None = None,
        header_row: int = 1, size: int = 0,
    ) -> None:
        """Read the sheet `sheet` (the first when None) of `raw`; resume after `start.line`."""
        _, self.sheet, data = load_sheet(raw, sheet)
        self._start = start
        self._header_row = header_row
        self._size = size
        self._height = max(sheet_height(data), 1)
        self._rows = sheet_rows(data)
        self._line = start.line
        self._count = start.rows
        self._last: list[str] = []

    def header_fields(self) -> list[str]:
        """The row at `header_row` (rows above it are skipped); raise BadFile if none."""
        for number, cells in self._rows:
            if number < self._header_row:
                continue
            self._line = number
            if number > self._header_row:
                break
            self.header_line = number
            return cells
        if self._line == 0:
            raise BadFile(EMPTY_FILE)
        raise BadOption("header_row", f"Row {self._header_row} of the sheet {self.sheet!r} "
                        "is empty; choose the row that holds the column names.",
                        "bad_header_row")

    def records(self) -> Iterator[Record]:
        """Each non-empty row after the header (or after the checkpoint), in sheet order."""
        after = max(self._line, self._start.line)
        for number, cells in self._rows:
            if number <= after:
                continue
            self._line = number
            self._count += 1
            self._last = cells
            yield Record(number, cells)

    def position(self) -> Position:
        """The sheet row after which to resume (also stored as the offset)."""
        return Position(self._line, self._line, self._count)

    def lines_read(self) -> int:
        """The sheet row of the last record returned."""
        return self._line

    def raw_text(self, first: int, last: int) -> str:
        """The last record's cells as one CSV line (for the errors report)."""
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(self._last)
        return out.getvalue()

    @property
    def consumed(self) -> int:
        """The share of the file read, in bytes, from the rows read (for progress)."""
        return self._size * min(self._line, self._height) // self._height
