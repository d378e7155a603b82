"""Files as people really have them, through the one-step import with everything detected:
the products written, what was detected (kept on the job), and the messages."""

import pytest

from imports.models import ImportJob

from . import real_files
from .conftest import catalogue

pytestmark = pytest.mark.django_db


def completed(job: ImportJob) -> ImportJob:
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    return job


def test_windows_1252_semicolon_csv_with_crlf_and_accents(run_import):
    job = completed(run_import(real_files.windows_1252_semicolons(), name="export.csv"))
    assert (job.format, job.encoding, job.delimiter, job.header_row) == ("CSV", "cp1252", ";", 1)
    assert catalogue() == {
        "CAF-1": ("Café crème", "Tasse 0,2 l; porcelaine", True),
        "MUE-2": ("Kaffeemühle Öko", "Größe 20 cm – für Küche", False),
        "EUR-3": ("Prix 5 €", "Œuvre “spéciale”", True),
    }
    assert (job.created_count, job.error_count) == (3, 0)


def test_utf16_le_tab_separated_unicode_text(run_import):
    job = completed(run_import(real_files.utf16_unicode_text(), name="export.txt"))
    assert (job.encoding, job.delimiter) == ("utf-16-le", "\t")
    assert job.mapping == {"sku": "SKU", "name": "Product Name",
                           "description": "Long Description", "active": "Enabled"}
    assert catalogue() == {
        "U-1": ("Żółw 🐢", "Zażółć gęślą jaźń", True),
        "U-2": ("日本の茶", "緑茶 100g", False),
    }


def test_xlsx_workbook_cells_as_typed_first_sheet(run_import):
    job = completed(run_import(real_files.xlsx_workbook(), name="catalogue.bin"))
    assert (job.format, job.sheet, job.header_row) == ("XLSX", "Products", 1)
    assert catalogue() == {
        "12": ("Twelve", "3.5", True),
        "D-1": ("Dated", "2024-03-01", False),
        "T-2": ("Timed", "2024-03-01T13:45:00", True),
    }
    assert (job.created_count, job.error_count) == (3, 1)
    error = job.errors.get()
    assert (error.line, error.sku) == (7, "BAD")  # the sheet's row number
    assert error.message == "name is empty; every row needs a name"
    assert error.raw == "BAD,,no name,TRUE"


def test_xlsx_second_sheet_by_name_and_by_number(run_import):
    job = run_import(real_files.xlsx_workbook(), options={"sheet": "prices"})
    assert completed(job).sheet == "Prices"
    assert catalogue() == {"P-1": ("From the second sheet", "", True)}
    job = run_import(real_files.xlsx_workbook(), options={"sheet": "2"})
    assert completed(job).sheet == "Prices" and job.unchanged_count == 1


def test_shopify_export_variant_rows_each_sku_is_a_product(run_import):
    job = completed(run_import(real_files.shopify_export()))
    assert job.mapping == {"sku": "Variant SKU", "name": "Title", "description": "Body (HTML)",
                           "active": "Status"}
    assert catalogue() == {
        "TEE-S": ("Classic Tee - S", "<p>Soft cotton</p>", True),
        "TEE-M": ("Classic Tee - M", "<p>Soft cotton</p>", True),
        "TEE-L": ("Classic Tee - L", "<p>Soft cotton</p>", True),
        "MUG-1": ("Big Mug", "<b>Ceramic</b>", False),
    }
    # the image-only row is not a product, and it is counted and explained
    assert (job.rows_processed, job.created_count, job.error_count) == (5, 4, 1)
    assert job.errors.get().message.startswith("image row without a SKU (handle 'tee')")


def test_woocommerce_export(run_import):
    job = completed(run_import(real_files.woocommerce_export()))
    assert job.mapping == {"sku": "SKU", "name": "Name", "description": "Description",
                           "active": "Published"}
    assert catalogue() == {
        "WOO-1": ("Hoodie", "A warm hoodie, with pockets", True),
        "WOO-2": ("Beanie", "A draft beanie", False),
        "WOO-3": ("Belt", "A private belt", False),
    }


def test_title_line_above_the_header(run_import):
    job = completed(run_import(real_files.title_line_above_header()))
    assert job.header_row == 3
    assert catalogue() == {"T-1": ("First", "", True), "T-2": ("Second", "", False)}


def test_one_column_file_is_not_misread(run_import):
    job = run_import(b"sku\nA;1\nB|2\n")
    # A sku-only file may update products; these SKUs are new and have no name.
    assert (job.status, job.error_count, job.created_count) == (ImportJob.Status.COMPLETED, 2, 0)
    assert [e.sku for e in job.errors.all()] == ["A;1", "B|2"]
    assert job.delimiter == ","


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (real_files.xls_workbook(), "This file is an Excel 97-2003 workbook (.xls"),
        (real_files.encrypted_workbook(), "This workbook is protected with a password"),
        (real_files.ods_spreadsheet(), "This file is an OpenDocument spreadsheet (.ods"),
        (real_files.pdf_document(), "This file is a PDF document, not a spreadsheet"),
        (real_files.png_image(), "This file is a PNG image, not a spreadsheet"),
    ],
)
def test_refused_formats_say_what_the_file_is_and_what_to_save_it_as(run_import, data, message):
    job = run_import(data, name="products.csv")
    assert job.status == ImportJob.Status.FAILED
    assert job.error_message.startswith(message)
    assert ".xlsx" in job.error_message and "CSV" in job.error_message
    assert not catalogue()
