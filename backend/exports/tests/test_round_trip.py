"""Exports made by a real worker, downloaded, read back, and imported again unchanged."""

import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from exports.models import ExportJob
from imports import services as imports
from imports import tasks as imports_tasks
from imports.models import ImportJob
from imports.tests.conftest import catalogue
from imports.tests.waiting import wait_final, wait_for
from products.models import Product

from .conftest import TRICKY, csv_rows, read_download
from .documents import EXPORT_JOB

pytestmark = pytest.mark.django_db(transaction=True)


def many_products(count: int) -> None:
    Product.objects.bulk_create(
        Product(
            sku=f"bulk-{i:05d}",
            name=f"Bulk product {i}",
            description=f"line a {i}\nline b" if i % 3 else "",
            active=bool(i % 2),
        )
        for i in range(count)
    )


def export_and_wait(gql_client, start_export, export_format: str, filters=None) -> dict:
    job = start_export(export_format, filters)

    def done():
        answer = gql_client.query(EXPORT_JOB, {"id": job["id"]})["data"]["exportJob"]
        return answer if answer["status"] in ("COMPLETED", "FAILED") else None

    return wait_for(done, 60, "the export to end")


def download(gql_client, job: dict) -> bytes:
    response, body = read_download(gql_client.client, job["downloadUrl"])
    assert response.status_code == 200, body
    return body


def import_again(data: bytes, name: str) -> ImportJob:
    job = imports.submit_import(SimpleUploadedFile(name, data))
    imports_tasks.process_imports.send()  # as the importProducts mutation does after commit
    return wait_final(job)


def test_csv_export_imported_again_reports_every_product_unchanged(
    worker, gql_client, start_export, tricky_products
):
    many_products(3000)
    before = catalogue()

    job = export_and_wait(gql_client, start_export, "CSV")
    result = import_again(download(gql_client, job), "export.csv")

    assert job["status"] == "COMPLETED" and job["rowCount"] == len(before)
    assert result.status == ImportJob.Status.COMPLETED, result.error_message
    assert (result.created_count, result.updated_count, result.error_count) == (0, 0, 0)
    assert result.unchanged_count == len(before) == result.rows_processed
    assert catalogue() == before


def test_xlsx_export_imported_again_reports_every_product_unchanged(
    worker, gql_client, start_export, tricky_products
):
    many_products(300)
    before = catalogue()

    job = export_and_wait(gql_client, start_export, "XLSX")
    result = import_again(download(gql_client, job), "export.xlsx")

    assert job["status"] == "COMPLETED"
    assert result.status == ImportJob.Status.COMPLETED, result.error_message
    assert (result.created_count, result.updated_count, result.error_count) == (0, 0, 0)
    assert result.unchanged_count == len(before)
    assert catalogue() == before


def test_csv_file_layout_bom_quoting_and_line_breaks(worker, gql_client, start_export,
                                                     tricky_products):
    job = export_and_wait(gql_client, start_export, "CSV")
    body = download(gql_client, job)

    rows = csv_rows(body)
    assert rows[0] == ["sku", "name", "description", "active"]
    expected = sorted(TRICKY)  # SKU order
    assert rows[1:] == [[s, n, d, "true" if a else "false"] for s, n, d, a in expected]
    assert body.count(b"\r\n") >= len(TRICKY) + 1  # records end with CRLF (RFC 4180)
    assert b'"Line one\nline two with ""quotes""\n\nafter a blank line"' in body


def excel_text(value):
    """A cell's text as Excel shows it: OOXML ``_xHHHH_`` escapes decoded (openpyxl keeps them).

    A carriage return or control character cannot appear as itself in the sheet's XML, so
    writers escape it as ``_x000D_``; Excel decodes it. An ``.xlsx`` reader must do the same.
    """
    if not isinstance(value, str):
        return value
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def test_xlsx_file_has_headers_text_values_booleans_and_line_breaks(
    worker, gql_client, start_export, tricky_products
):
    job = export_and_wait(gql_client, start_export, "XLSX")
    response, body = read_download(gql_client.client, job["downloadUrl"])

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(body), read_only=True).worksheets[0]
    rows = [[excel_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["sku", "name", "description", "active"]
    assert rows[1:] == [[s, n, d, a] for s, n, d, a in sorted(TRICKY)]
    assert all(isinstance(row[3], bool) for row in rows[1:])
    by_sku = {row[0]: row for row in rows[1:]}
    assert by_sku["delta-4"][1] == "=1+2 formula-looking"  # text, not a formula
    assert by_sku["delta-4"][2] == "0012 leading zeros"
    assert by_sku["ALPHA-1"][2].count("\n") == 3


def test_progress_reaches_100_and_counts_every_row(worker, gql_client, start_export):
    many_products(12_000)

    job = export_and_wait(gql_client, start_export, "CSV")

    assert job["status"] == "COMPLETED"
    assert (job["progress"], job["rowCount"], job["totalRows"]) == (100, 12_000, 12_000)
    assert job["fileSize"] > 0 and job["finishedAt"] and job["expiresAt"]
    assert job["downloadUrl"].startswith("http://testserver/exports/")
    assert len(csv_rows(download(gql_client, job))) == 12_001


PRODUCTS = """
query Products($filters: ProductFilter) {
  products(first: 500, filters: $filters) { totalCount edges { node { sku } } }
}
"""


@pytest.mark.parametrize(
    "filters",
    [
        {"search": "budg red"},
        {"active": {"exact": False}, "name": {"iContains": "lamp"}},
        {"OR": {"sku": {"iStartsWith": "z"}}, "description": {"iContains": "budget"}},
        {"NOT": {"search": "lamp"}, "active": {"exact": True}},
    ],
)
def test_export_holds_exactly_what_the_products_field_shows(
    worker, gql_client, start_export, filters
):
    words = ["budget red lamp", "Budgeted blue lamp", "red chair", "budget-red table", "zebra"]
    for i in range(60):
        Product.objects.create(
            sku=f"{'z' if i % 7 == 0 else 'p'}-{i}",
            name=words[i % len(words)] + f" {i}",
            description="budget line" if i % 4 == 0 else "other",
            active=bool(i % 3),
        )
    shown = gql_client.query(PRODUCTS, {"filters": filters})["data"]["products"]

    job = export_and_wait(gql_client, start_export, "CSV", filters)

    exported = [row[0] for row in csv_rows(download(gql_client, job))[1:]]
    assert 0 < shown["totalCount"] < 60
    assert sorted(exported) == sorted(edge["node"]["sku"] for edge in shown["edges"])
    assert job["rowCount"] == job["totalRows"] == shown["totalCount"]


def test_date_filters_survive_the_trip_to_the_worker(worker, gql_client, start_export):
    old = Product.objects.create(sku="old", name="Old")
    Product.objects.filter(pk=old.pk).update(created_at="2020-01-01T00:00:00Z")
    Product.objects.create(sku="new", name="New")

    job = export_and_wait(
        gql_client, start_export, "CSV", {"createdAt": {"gte": "2021-01-01T00:00:00+00:00"}}
    )

    assert [row[0] for row in csv_rows(download(gql_client, job))[1:]] == ["new"]


def test_a_description_too_long_for_excel_fails_the_xlsx_export_and_csv_keeps_it(
    worker, gql_client, start_export
):
    Product.objects.create(sku="short", name="Short")
    Product.objects.create(sku="huge-1", name="Huge", description="x" * 40_000)

    xlsx = export_and_wait(gql_client, start_export, "XLSX")
    csv_job = export_and_wait(gql_client, start_export, "CSV")

    assert xlsx["status"] == "FAILED" and xlsx["downloadUrl"] is None
    assert "'huge-1'" in xlsx["errorMessage"]
    assert "32,767" in xlsx["errorMessage"] and "export as CSV" in xlsx["errorMessage"]
    assert csv_job["status"] == "COMPLETED"
    rows = csv_rows(download(gql_client, csv_job))
    assert rows[1] == ["huge-1", "Huge", "x" * 40_000, "true"]
    assert ExportJob.objects.get(status="FAILED").file.name == ""
