"""A workbook whose first sheet is a cover or notes sheet: the first sheet whose header names a
sku and a name column is read, and the inspection says which and lists the others."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imports.models import ImportJob

from . import real_files
from .conftest import catalogue
from .documents import public_operation

pytestmark = pytest.mark.django_db

STAGE = public_operation("StageImport")
SHEET = "query Sheet($id: ID!) { importJob(id: $id) { sheet sheetNames sheetNote } }"


def cover_first_workbook() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    cover.title = "Read me"
    cover.append(["Spring catalogue 2024"])
    cover.append(["Prices without VAT"])
    products = book.create_sheet("Artikel")
    products.append(["Artikelnummer", "Bezeichnung", "Aktiv"])
    products.append(["A-1", "Tasse", "ja"])
    products.append(["A-2", "Kanne", "nein"])
    notes = book.create_sheet("Notes")
    notes.append(["nothing to import"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_first_sheet_with_a_header_is_imported(run_import):
    job = run_import(cover_first_workbook(), name="catalogue.xlsx")
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert job.sheet == "Artikel"
    assert catalogue() == {"A-1": ("Tasse", "", True), "A-2": ("Kanne", "", False)}


def test_the_inspection_says_which_sheet_is_read_and_lists_the_others(gql_client):
    staged = gql_client.query(STAGE, {}, files={
        "file": SimpleUploadedFile("catalogue.xlsx", cover_first_workbook())})
    job_id = staged["data"]["stageImport"]["id"]
    job = gql_client.query(SHEET, {"id": job_id})["data"]["importJob"]
    assert job["sheet"] == "Artikel"
    assert job["sheetNames"] == ["Read me", "Artikel", "Notes"]
    assert job["sheetNote"] == (
        "The first sheet 'Read me' has no sku and name columns; the sheet 'Artikel' is read. "
        "Its other sheets: 'Read me', 'Notes' (choose one to read it instead).")


def test_a_workbook_read_on_its_first_sheet_names_the_others(gql_client):
    staged = gql_client.query(STAGE, {}, files={
        "file": SimpleUploadedFile("book.xlsx", real_files.xlsx_workbook())})
    job_id = staged["data"]["stageImport"]["id"]
    job = gql_client.query(SHEET, {"id": job_id})["data"]["importJob"]
    assert job["sheetNote"] == ("The sheet 'Products' is read; the workbook's other sheets: "
                                "'Prices' (choose one to read it instead).")


def test_a_chosen_sheet_is_read_even_without_a_header(run_import):
    job = run_import(cover_first_workbook(), options={"sheet": "Read me"})
    assert job.status == ImportJob.Status.FAILED
    assert "has no 'sku'" in job.error_message
