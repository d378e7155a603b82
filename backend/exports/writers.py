"""Export file writers: CSV and XLSX with the columns the importer reads back, JSON Lines.

All write one product at a time to a file on disk (or, CSV and JSON Lines, to a binary
stream: an object in the bucket written in parts), so memory stays flat however many
products there are:

* CSV: UTF-8 with a byte order mark (Excel then reads it as UTF-8), RFC 4180 quoting (a
  field with a comma, quote or line break is quoted; quotes are doubled), CRLF between
  records, line breaks inside descriptions kept as they are. ``active`` is ``true``/``false``.
* XLSX: XlsxWriter in ``constant_memory`` mode (each row goes to a temporary file as soon as
  the next starts). Every value is written as a string, never read as a number, formula or
  link, so ``00123`` and ``=A1`` stay what they are; ``active`` is an Excel boolean.
* JSON Lines (``JSONL``, or ``JSONL_GZ`` compressed with gzip): one JSON object per line with
  the API's field names (``id`` the Relay global id, ``createdAt``/``updatedAt`` in ISO 8601
  as the API gives them), UTF-8, LF between lines; written through ``gzip`` as it goes.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from datetime import datetime
from pathlib import Path
from typing import IO, BinaryIO, NamedTuple, Protocol

import xlsxwriter

from core.ids import encode_id

COLUMNS = ("sku", "name", "description", "active")
BOM = "\ufeff"
XLSX_MAX_CELL_CHARS = 32_767
XLSX_MAX_ROWS = 1_048_576  # the header is one of them


class CellTooLong(Exception):
    """A value does not fit in one spreadsheet cell."""


class ProductMeta(NamedTuple):
    """What only the JSON Lines export writes besides the importer's columns."""

    pk: int
    created_at: datetime
    updated_at: datetime


class ExportWriter(Protocol):
    """Writes products to a file: ``write`` each row, then ``close``."""

    def write(
        self, sku: str, name: str, description: str, active: bool, meta: ProductMeta | None = None
    ) -> None:
        """Add one product (``meta`` is used by the formats that carry ids and times)."""

    def close(self) -> None:
        """Finish the file."""


class CsvExportWriter:
    """The CSV export: header, then one record per product."""

    def __init__(self, path: Path | BinaryIO) -> None:
        self._file = _text(path, "")
        self._file.write(BOM)
        self._csv = csv.writer(self._file, lineterminator="\r\n")
        self._csv.writerow(COLUMNS)

    def write(
        self, sku: str, name: str, description: str, active: bool, meta: ProductMeta | None = None
    ) -> None:
        """Add one product; ``active`` as ``true``/``false``."""
        self._csv.writerow((sku, name, description, "true" if active else "false"))

    def close(self) -> None:
        """Flush and close the file."""
        self._file.close()


class XlsxExportWriter:
    """The XLSX export: one sheet named ``products``, header on row 1."""

    def __init__(self, path: Path, tmpdir: Path | None = None) -> None:
        options = {
            "constant_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        }
        if tmpdir is not None:
            options["tmpdir"] = str(tmpdir)
        self._book = xlsxwriter.Workbook(str(path), options)
        self._sheet = self._book.add_worksheet("products")
        self._sheet.write_row(0, 0, COLUMNS)
        self._row = 0

    def write(
        self, sku: str, name: str, description: str, active: bool, meta: ProductMeta | None = None
    ) -> None:
        """Add one product; raises ``CellTooLong`` rather than cut a value short."""
        self._row += 1
        if self._row >= XLSX_MAX_ROWS:
            raise CellTooLong(
                f"An Excel sheet holds at most {XLSX_MAX_ROWS - 1:,} products below its header."
            )
        for column, value in enumerate((sku, name, description)):
            if len(value) > XLSX_MAX_CELL_CHARS:
                raise CellTooLong(
                    f"The {COLUMNS[column]} of product {sku!r} has {len(value):,} characters; "
                    f"an Excel cell holds at most {XLSX_MAX_CELL_CHARS:,}."
                )
            self._sheet.write_string(self._row, column, value)
        self._sheet.write_boolean(self._row, 3, active)

    def close(self) -> None:
        """Write the workbook's remaining parts and close it."""
        self._book.close()


class JsonlExportWriter:
    """The JSON Lines export: one object per product, the API's field names and ids."""

    def __init__(self, path: Path | BinaryIO, compress: bool = False) -> None:
        self._file: IO[str] = (
            gzip.open(path, "wt", encoding="utf-8", newline="\n")
            if compress
            else _text(path, "\n")
        )

    def write(
        self, sku: str, name: str, description: str, active: bool, meta: ProductMeta | None = None
    ) -> None:
        """Add one product as one line; ``meta`` (id and times) is required here."""
        if meta is None:
            raise ValueError("The JSON Lines export needs each product's id and times.")
        item = {
            "id": encode_id("Product", meta.pk),
            "sku": sku,
            "name": name,
            "description": description,
            "active": active,
            "createdAt": meta.created_at.isoformat(),
            "updatedAt": meta.updated_at.isoformat(),
        }
        # ensure_ascii=False keeps the file UTF-8 text; JSON escapes line breaks inside values.
        self._file.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n")

    def close(self) -> None:
        """Flush (and finish the gzip stream) and close the file."""
        self._file.close()


def _text(target: Path | BinaryIO, newline: str) -> IO[str]:
    """UTF-8 text written to the file at ``target``, or to the binary stream ``target``."""
    if isinstance(target, Path):
        return open(target, "w", encoding="utf-8", newline=newline)  # noqa: SIM115
    return io.TextIOWrapper(target, encoding="utf-8", newline=newline)


STREAMED_FORMATS = ("CSV", "JSONL", "JSONL_GZ")  # may be written to a stream (not XLSX)


def open_writer(export_format: str, path: Path | BinaryIO) -> ExportWriter:
    """Return the writer for ``export_format`` (``CSV``, ``XLSX``, ``JSONL``, ``JSONL_GZ``);
    ``path`` may be a binary stream for the `STREAMED_FORMATS`."""
    if export_format == "CSV":
        return CsvExportWriter(path)
    if export_format == "XLSX":
        if not isinstance(path, Path):
            raise ValueError("An XLSX export is written to a file, not a stream.")
        return XlsxExportWriter(path, tmpdir=path.parent)
    if export_format in ("JSONL", "JSONL_GZ"):
        return JsonlExportWriter(path, compress=export_format == "JSONL_GZ")
    raise ValueError(f"Unknown export format {export_format!r}; use CSV, XLSX, JSONL or JSONL_GZ.")
