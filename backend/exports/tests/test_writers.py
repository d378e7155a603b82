"""The file writers on their own: nothing cut short, values written as text."""

import openpyxl
import pytest

from exports.writers import (
    XLSX_MAX_CELL_CHARS,
    CellTooLong,
    CsvExportWriter,
    XlsxExportWriter,
    open_writer,
)


def test_xlsx_writer_refuses_a_value_longer_than_a_cell_instead_of_cutting_it(tmp_path):
    writer = XlsxExportWriter(tmp_path / "out.xlsx")
    writer.write("fits", "Name", "z" * XLSX_MAX_CELL_CHARS, True)

    with pytest.raises(CellTooLong, match="'long' has 32,768 characters"):
        writer.write("long", "Name", "z" * (XLSX_MAX_CELL_CHARS + 1), True)
    writer.close()


def test_xlsx_writer_keeps_number_like_text_as_text(tmp_path):
    writer = XlsxExportWriter(tmp_path / "out.xlsx")
    writer.write("00123", "1e5", "http://example.com", False)
    writer.close()

    row = list(openpyxl.load_workbook(tmp_path / "out.xlsx").active.iter_rows(values_only=True))[1]

    assert row == ("00123", "1e5", "http://example.com", False)


def test_csv_writer_starts_with_a_bom_and_quotes_per_rfc_4180(tmp_path):
    writer = CsvExportWriter(tmp_path / "out.csv")
    writer.write("a,b", 'say "hi"', "two\nlines", True)
    writer.close()

    assert (tmp_path / "out.csv").read_bytes() == (
        b'\xef\xbb\xbfsku,name,description,active\r\n"a,b","say ""hi""","two\nlines",true\r\n'
    )


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="use CSV, XLSX, JSONL or JSONL_GZ"):
        open_writer("PDF", tmp_path / "out.pdf")
