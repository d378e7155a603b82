"""The layout of an uploaded file: every choice a reader needs, detected or chosen by a person.

`find_layout` looks at the start of the file only (the first `SAMPLE_BYTES` of text, or the
first rows of a sheet): format and compression by content, the text encoding, the
delimiter among `,` `;` tab `|` (from the header and the first records: the one that splits
them into the same number of fields, more than one; none does: a one-column file), the
header row (the first of the first rows whose names give a sku and a name column, so a
title line above the header is skipped), the sheet of a workbook (the first whose header
gives them, and `sheet_note` names the others), and an estimate of the data rows.
`ReadOptions` holds what a person chose instead; each is checked against the file
(`BadOption` with the option's name and a code).
"""

from __future__ import annotations

import codecs
import csv
import io
import struct
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO

from core.text import plural

from ..problems import BadFile, BadOption
from .compression import ByteSource
from .detect import check_gzip_content, codec_name, detect_encoding, detect_kind
from .header import looks_like_header, names_sku_column
from .jsonl_records import check_jsonl_options, jsonl_estimate, looks_like_jsonl
from .text import refuse_binary

if TYPE_CHECKING:
    from python_calamine import CalamineSheet

SAMPLE_BYTES = 1 << 20
SNIFF_RECORDS = 30
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_WORDS = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
FORMATS = ("CSV", "XLSX", "JSONL")


@dataclass(frozen=True)
class ReadOptions:
    """What a person chose; None leaves the choice to detection."""

    format: str | None = None
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int | None = None

    @classmethod
    def of(cls, options: dict | None) -> ReadOptions:
        """The read options among an import's stored options (other keys ignored)."""
        options = options or {}
        return cls(**{k: options.get(k) for k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Layout:
    """How to read one file: format, compression, encoding, delimiter, sheet, header row."""

    format: str = "CSV"
    compression: str = ""
    encoding: str = "utf-8"
    delimiter: str = ","
    sheet: str = ""
    sheet_names: tuple[str, ...] = ()
    header_row: int = 1
    row_estimate: int = 0
    sample: list[tuple[int, list[str]]] = field(default_factory=list, compare=False)
    sheet_note: str = ""
    # JSON Lines from the API (`upsertProducts`): a key an object leaves out keeps the
    # stored value (a None field) instead of being an empty cell.
    absent_keeps: bool = False


def parse_delimiter(value: str) -> str:
    """A delimiter option as the character (`tab`, `\\t` and the names are accepted)."""
    if value in DELIMITERS:
        return value
    word = DELIMITER_WORDS.get(value.strip().lower())
    if word:
        return word
    raise BadOption("delimiter", f"{value!r} is not a delimiter this importer reads; choose "
                    "one of comma (,), semicolon (;), tab or pipe (|).", "bad_delimiter")


def _check_options(options: ReadOptions) -> None:
    if options.format is not None and options.format.upper() not in FORMATS:
        raise BadOption("format", f"Unknown format {options.format!r}; use CSV, XLSX or JSONL.",
                        "bad_format")
    if options.header_row is not None and not 1 <= options.header_row <= 1_000_000:
        raise BadOption("header_row", f"The header row is counted from 1 (the first line or "
                        f"row); {options.header_row} is not a row number.", "bad_header_row")
    if options.encoding is not None:
        try:
            codec_name(options.encoding)
        except LookupError:
            raise BadOption("encoding", f"Unknown encoding {options.encoding!r}; use a name "
                            "such as utf-8, utf-16, windows-1252 or iso-8859-2.",
                            "unknown_encoding") from None


def find_layout(raw: BinaryIO, options: ReadOptions | None = None, size: int = 0) -> Layout:
    """The layout of the file `raw` (seekable; left at its start) with `options` applied."""
    options = options or ReadOptions()
    _check_options(options)
    kind, compression = detect_kind(raw)
    if kind == "CSV" and looks_like_jsonl(raw):
        kind = "JSONL"
    wanted = (options.format or kind).upper()
    if wanted != kind:
        what = {"XLSX": "an Excel workbook (.xlsx)", "JSONL": "JSON Lines (one object a line)"
                }.get(kind, "text (CSV), not a workbook")
        raise BadOption("format", f"This file is {what}; it cannot be read as {wanted}.",
                        "wrong_format")
    if kind == "XLSX":
        layout = _workbook_layout(raw, options)
    elif kind == "JSONL":
        check_jsonl_options(options.encoding, options.delimiter, options.sheet)
        estimate = jsonl_estimate(raw, _text_size(raw, compression, size))
        layout = Layout("JSONL", compression, "utf-8", "", "", (), 0, estimate)
    else:
        if options.sheet:
            raise BadOption("sheet", "This file is text (CSV), not a workbook: it has no "
                            "sheets.", "not_a_workbook")
        layout = _text_layout(raw, options, compression, size)
    raw.seek(0)
    return layout


def _workbook_layout(raw: BinaryIO, options: ReadOptions) -> Layout:
    from .xlsx_records import load_sheet, sheet_height

    if options.encoding or options.delimiter:
        field_name = "encoding" if options.encoding else "delimiter"
        raise BadOption(field_name, f"An Excel workbook has no {field_name}; leave it empty.",
                        "not_text")
    names, sheet, data = load_sheet(raw, options.sheet)
    sample = _sheet_sample(data, options.header_row)
    note = ""
    if not options.sheet and not _has_header(sample):
        # A cover or notes sheet first: read the first sheet whose header names sku and name.
        for other in names[1:]:
            _, _, other_data = load_sheet(raw, other)
            other_sample = _sheet_sample(other_data, options.header_row)
            if _has_header(other_sample):
                note = (f"The first sheet {sheet!r} has no sku and name columns; the sheet "
                        f"{other!r} is read.")
                sheet, data, sample = other, other_data, other_sample
                break
    if len(names) > 1:
        others = ", ".join(repr(n) for n in names if n != sheet)
        note = (f"{note} Its other sheets" if note else f"The sheet {sheet!r} is read; the "
                "workbook's other sheets") + f": {others} (choose one to read it instead)."
    if not sample:
        raise BadFile(f"The sheet {sheet!r} is empty: it needs a header row (with sku and "
                      "name) and product rows. Choose another sheet.")
    header_row = _header_row(sample, options.header_row, "row of the sheet")
    height = sheet_height(data)
    return Layout("XLSX", "", "", "", sheet, tuple(names), header_row, max(height - header_row, 0),
                  sample, note)


def _sheet_sample(data: CalamineSheet, header_row: int | None) -> list[tuple[int, list[str]]]:
    from .xlsx_records import sheet_rows

    sample = []
    for number, cells in sheet_rows(data):
        sample.append((number, cells))
        if len(sample) >= SNIFF_RECORDS + 20 + (header_row or 0):
            break
    return sample


def _has_header(sample: list) -> bool:
    return any(looks_like_header(fields) for _, fields in sample[:SNIFF_RECORDS])


def _text_layout(raw: BinaryIO, options: ReadOptions, compression: str, size: int) -> Layout:
    source = ByteSource(raw)
    data = bytearray()
    complete = True
    for piece in source.pieces():
        data += piece
        if len(data) >= SAMPLE_BYTES:
            complete = False
            break
    head = bytes(data[:SAMPLE_BYTES])
    if compression:
        check_gzip_content(head)
    encoding = codec_name(options.encoding) if options.encoding else detect_encoding(head, complete)
    text = _decode_sample(head, encoding, complete)
    refuse_binary(text, 0, "content" if complete else f"first {len(head):,} bytes",
                  encoding)
    delimiter = parse_delimiter(options.delimiter) if options.delimiter else sniff_delimiter(text)
    sample = _records(text, delimiter, 10**9)
    header_row = _header_row(sample, options.header_row, "line") if sample else 1
    total = _text_size(raw, compression, size)
    estimate = _estimate(sample, header_row, len(head), total, complete)
    return Layout("CSV", compression, encoding, delimiter, "", (), header_row, estimate,
                  sample[:SNIFF_RECORDS + 40])


def _decode_sample(head: bytes, encoding: str, complete: bool) -> str:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = decoder.decode(head, final=complete)
    if not complete and "\n" in text:
        text = text[: text.rfind("\n") + 1]  # whole lines only
    return text.lstrip("\ufeff")


def _records(text: str, delimiter: str, limit: int) -> list:
    """`(line, fields)` of the sample's first records (blank ones skipped)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out = []
    line = 1
    try:
        for fields in reader:
            if fields:
                out.append((line, fields))
            line = reader.line_num + 1
            if len(out) >= limit:
                break
    except csv.Error:
        pass
    return out


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first records into the same number (> 1) of fields;
    a comma when none does (a one-column file)."""
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [len(f) for _, f in _records(text, delimiter, SNIFF_RECORDS)]
        if not counts:
            continue
        width, often = Counter(counts).most_common(1)[0]
        if width < 2:
            continue
        score = (often, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _header_row(sample: list, chosen: int | None, unit: str) -> int:
    if chosen is not None:
        if not any(line == chosen for line, _ in sample) and chosen <= sample[-1][0]:
            raise BadOption("header_row", f"{unit.capitalize()} {chosen} is blank or inside "
                            "a record; choose the one that holds the column names.",
                            "bad_header_row")
        if chosen > sample[-1][0]:
            raise BadOption("header_row", f"The header row must be among the first rows: "
                            f"{unit} {chosen} is past the first {plural(len(sample), 'record')}.",
                            "bad_header_row")
        return chosen
    for line, fields in sample[:SNIFF_RECORDS]:
        if looks_like_header(fields):
            return line
    for line, fields in sample[:SNIFF_RECORDS]:  # a partial file: a sku column, no name
        if names_sku_column(fields):
            return line
    return sample[0][0]


def _text_size(raw: BinaryIO, compression: str, size: int) -> int:
    if compression != "gzip":
        return size
    try:  # a gzip member's last 4 bytes: the uncompressed size modulo 2**32
        raw.seek(-4, 2)
        return struct.unpack("<I", raw.read(4))[0]
    except (OSError, struct.error):
        return 0


def _estimate(sample: list, header_row: int, sample_bytes: int, total: int,
              complete: bool) -> int:
    rows = sum(1 for line, _ in sample if line > header_row)
    if complete:
        return rows
    return int(total * rows / max(sample_bytes, 1))
