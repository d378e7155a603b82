"""Export file writers: CSV and XLSX with the columns the importer reads back.

Both write one product at a time to a file on disk, so memory stays flat however many
products there are:

* CSV: UTF-8 with a byte order mark (Excel then reads it as UTF-8), RFC 4180 quoting (a
  field with a comma, quote or line break is quoted; quotes are doubled), CRLF between
  records, line breaks inside descriptions kept as they are. ``active`` is ``true``/``false``.
* XLSX: XlsxWriter in ``constant_memory`` mode (each row goes to a temporary file as soon as
  the next starts). Every value is written as a string, never read as a number, formula or
  link, so ``00123`` and ``=A1`` stay what they are; ``active`` is an Excel boolean.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Protocol

import xlsxwriter

COLUMNS = ("sku", "name", "description", "active")
BOM = "\ufeff"
XLSX_MAX_CELL_CHARS = 32_767
XLSX_MAX_ROWS = 1_048_576  # the header is one of them


class CellTooLong(Exception):
    """A value does not fit in one spreadsheet cell."""


class ExportWriter(Protocol):
    """Writes products to a file: ``write`` each row, then ``close``."""

    def write(self, sku: str, name: str, description: str, active: bool) -> None:
        """Add one product."""

    def close(self) -> None:
        """Finish the file."""


class CsvExportWriter:
    """The CSV export: header, then one record per product."""

    def __init__(self, path: Path) -> None:
        self._file = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._file.write(BOM)
        self._csv = csv.writer(self._file, lineterminator="\r\n")
        self._csv.writerow(COLUMNS)

    def write(self, sku: str, name: str, description: str, active: bool) -> None:
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

    def write(self, sku: str, name: str, description: str, active: bool) -> None:
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


def open_writer(export_format: str, path: Path) -> ExportWriter:
    """Return the writer for ``export_format`` (``CSV`` or ``XLSX``) writing to ``path``."""
    if export_format == "CSV":
        return CsvExportWriter(path)
    if export_format == "XLSX":
        return XlsxExportWriter(path, tmpdir=path.parent)
    raise ValueError(f"Unknown export format {export_format!r}; use CSV or XLSX.")
