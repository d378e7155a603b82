"""The two-step import over GraphQL: stageImport, inspectImport, startImport (the documents of
docs/api/operations.graphql), bad options with their codes, expiry of staged jobs."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from strawberry.relay import to_base64

from imports import services, staging
from imports.models import ImportJob, SavedMapping

from . import real_files
from .conftest import catalogue
from .documents import public_operation

pytestmark = pytest.mark.django_db

STAGE = public_operation("StageImport")
INSPECT = public_operation("InspectImport")
START = public_operation("StartImport")

SUPPLIER = b"Price list 2024\nArtikel;Bezeichnung;Text;Status\nA-1;Eins;x;active\nA-2;;y;draft\n"


def stage(client, data: bytes, name="products.csv", options=None) -> dict:
    variables = {"options": options} if options else {}
    body = client.query(STAGE, variables, files={"file": SimpleUploadedFile(name, data)})
    return body["data"]["stageImport"]


def messages(answer: dict) -> list[tuple]:
    return [(m["field"], m["code"], m["message"]) for m in answer["messages"]]


def test_stage_inspects_without_importing_and_stays_out_of_the_queue(
    gql_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        job = stage(gql_client, real_files.windows_1252_semicolons(), name="de.csv")
    assert job["status"] == "STAGED" and not callbacks  # no worker is sent
    assert (job["format"], job["encoding"], job["delimiter"], job["headerRow"]) == (
        "CSV", "cp1252", ";", 1)
    assert job["headers"] == ["sku", "name", "description", "active"]
    assert job["mapping"] == {"sku": "sku", "name": "name", "description": "description",
                              "active": "active"}
    assert job["mappingSource"] == "DETECTED" and job["rowEstimate"] == 3
    first = job["previewRows"][0]
    assert first["line"] == 2 and first["problem"] is None
    assert {c["field"]: c["value"] for c in first["cells"]} == {
        "SKU": "CAF-1", "NAME": "Café crème", "DESCRIPTION": "Tasse 0,2 l; porcelaine",
        "ACTIVE": "TRUE"}
    assert not services.has_unfinished()  # the queue does not see it
    assert not catalogue()


def test_inspect_with_options_then_start_for_real(gql_client):
    # given a supplier file whose header is below a title and whose names are not ours
    job = stage(gql_client, SUPPLIER)
    assert job["headerRow"] == 1 and job["delimiter"] == ";"
    assert job["mappingProblem"]["field"] == "mapping.sku"
    # when the person maps the columns
    mapping = {"sku": "Artikel", "name": "Bezeichnung", "description": None, "active": "Status"}
    job = gql_client.query(INSPECT, {"id": job["id"], "options": {
        "headerRow": 2, "mapping": mapping}})["data"]["inspectImport"]
    # then the preview shows each cell as it would be imported, the bad one marked
    assert job["mappingProblem"] is None and job["mappingSource"] == "CHOSEN"
    rows = job["previewRows"]
    assert [r["line"] for r in rows] == [3, 4]
    bad = {c["field"]: c for c in rows[1]["cells"]}
    assert bad["NAME"]["problem"] == "name is empty; every row needs a name"
    assert bad["SKU"]["problem"] is None and rows[1]["problem"].startswith("name is empty")
    # and starting it imports with those options
    started = gql_client.query(START, {"id": job["id"], "options": {
        "headerRow": 2, "mapping": mapping}})["data"]["startImport"]
    assert started["status"] == "PENDING"
    stored = ImportJob.objects.get()
    services.process_queue()
    stored.refresh_from_db()
    assert stored.status == "COMPLETED" and stored.error_count == 1
    assert catalogue() == {"A-1": ("Eins", "", True)}
    # and the confirmed mapping is suggested for the same columns next time
    again = stage(gql_client, SUPPLIER.replace(b"A-1", b"B-1"), options={"headerRow": 2})
    assert again["mappingSource"] == "SAVED" and again["mapping"] == mapping
    assert SavedMapping.objects.count() == 1


def test_start_as_dry_run_uses_the_detected_options(gql_client):
    job = stage(gql_client, real_files.xlsx_workbook(), name="book.xlsx")
    assert (job["format"], job["sheet"], job["sheetNames"]) == ("XLSX", "Products",
                                                                 ["Products", "Prices"])
    started = gql_client.query(START, {"id": job["id"], "dryRun": True})["data"]["startImport"]
    assert started["status"] == "PENDING" and started["dryRun"] is True
    services.process_queue()
    stored = ImportJob.objects.get()
    assert stored.status == "COMPLETED" and stored.created_count == 3
    assert not catalogue()  # a dry run writes nothing


def test_a_refused_file_gives_a_failed_job_at_once(gql_client):
    job = stage(gql_client, real_files.xls_workbook(), name="old.xls")
    assert job["status"] == "FAILED"
    assert job["errorMessage"].startswith("This file is an Excel 97-2003 workbook (.xls")


@pytest.mark.parametrize(
    ("data", "options", "field", "code", "text"),
    [
        (real_files.xlsx_workbook(), {"sheet": "Nope"}, "sheet", "unknown_sheet",
         "The workbook has no sheet 'Nope'; its sheets are 1: 'Products', 2: 'Prices'"),
        (real_files.xlsx_workbook(), {"sheet": "3"}, "sheet", "unknown_sheet", "no sheet '3'"),
        (SUPPLIER, {"delimiter": ":"}, "delimiter", "bad_delimiter",
         "':' is not a delimiter this importer reads"),
        (SUPPLIER, {"encoding": "klingon-8"}, "encoding", "unknown_encoding",
         "Unknown encoding 'klingon-8'"),
        (SUPPLIER, {"headerRow": 0}, "headerRow", "bad_header_row", "counted from 1"),
        (SUPPLIER, {"headerRow": 99}, "headerRow", "bad_header_row", "line 99 is past"),
        (SUPPLIER, {"sheet": "1"}, "sheet", "not_a_workbook", "has no sheets"),
        (SUPPLIER, {"format": "XLSX"}, "format", "wrong_format", "cannot be read as XLSX"),
        (SUPPLIER, {"headerRow": 2, "mapping": {"sku": "Artikel", "name": "Missing"}},
         "mapping.name", "missing_column", "has no column 'Missing'"),
        (SUPPLIER, {"headerRow": 2, "mapping": {"sku": "Artikel", "name": "Artikel"}},
         "mapping.name", "duplicate_column", "already mapped to sku"),
    ],
)
def test_bad_options_are_messages_on_their_field_before_any_work(
    gql_client, data, options, field, code, text
):
    job = stage(gql_client, data)
    answer = gql_client.query(INSPECT, {"id": job["id"], "options": options})["data"]
    (got_field, got_code, message), = messages(answer["inspectImport"])
    assert (got_field, got_code) == (field, code)
    assert text.lower() in message.lower()
    start = gql_client.query(START, {"id": job["id"], "options": options})["data"]
    assert messages(start["startImport"])[0][:2] == (field, code)
    assert ImportJob.objects.get().status == "STAGED"  # still waiting, nothing done


def test_starting_a_job_that_is_not_staged(gql_client, run_import):
    job = run_import(b"sku,name\na,b\n")
    answer = gql_client.query(START, {"id": to_base64("ImportJob", job.pk)})["data"]
    (field, code, message), = messages(answer["startImport"])
    assert (field, code) == ("id", "not_staged")
    assert message.startswith("This import is COMPLETED, not STAGED")


@pytest.mark.parametrize("bad_id", ["garbage", to_base64("Product", 1)])
def test_malformed_ids_are_bad_user_input(gql_client, bad_id):
    for document, name in ((START, "startImport"), (INSPECT, "inspectImport")):
        answer = gql_client.query(document, {"id": bad_id, "options": {}})

        assert answer["data"] is None, name
        error = answer["errors"][0]
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "id"}
        assert "is not the id of an import job" in error["message"]


def test_unknown_ids_are_validation_messages(gql_client):
    for document, name in ((START, "startImport"), (INSPECT, "inspectImport")):
        answer = gql_client.query(document, {"id": to_base64("ImportJob", 424242), "options": {}})
        answer = answer["data"][name]
        assert messages(answer)[0][:1] == ("id",)
        assert "No import job with this id." in messages(answer)[0][2]


def test_staged_job_expires_and_its_file_is_deleted(
    gql_client, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_STAGED_TTL_HOURS = 24
    job = stage(gql_client, b"sku,name\na,b\n")
    stored = ImportJob.objects.get()
    path = stored.file.name
    assert stored.file.storage.exists(path)
    assert staging.expire_staged(now=timezone.now() + timedelta(hours=23)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert staging.expire_staged(now=timezone.now() + timedelta(hours=25)) == 1
    stored.refresh_from_db()
    assert stored.status == "EXPIRED" and not stored.file
    assert not stored.file.storage.exists(path)
    assert "not started within 24 hours" in stored.error_message
    answer = gql_client.query(START, {"id": job["id"]})["data"]["startImport"]
    assert messages(answer)[0][1] == "not_staged"


def test_a_staged_job_kept_for_one_hour_says_1_hour(gql_client, settings):
    settings.IMPORT_STAGED_TTL_HOURS = 1
    stage(gql_client, b"sku,name\na,b\n")
    assert staging.expire_staged(now=timezone.now() + timedelta(hours=2)) == 1
    assert "not started within 1 hour (IMPORT" in ImportJob.objects.get().error_message


def test_one_step_import_still_detects_everything(run_import):
    job = run_import(real_files.utf16_unicode_text())
    assert job.status == "COMPLETED" and job.created_count == 2


def test_a_mapping_without_sku_is_inspected_and_cannot_start(gql_client):
    job = stage(gql_client, SUPPLIER, options={"headerRow": 2})
    options = {"headerRow": 2, "mapping": {"name": "Artikel"}}
    inspected = gql_client.query(INSPECT, {"id": job["id"], "options": options})["data"]
    inspected = inspected["inspectImport"]
    assert inspected["mapping"]["name"] == "Artikel"  # the choice so far is kept
    assert inspected["mappingProblem"] == {
        "field": "mapping.sku", "code": "required",
        "message": "Choose the column that holds the sku: every product needs one."}
    start = gql_client.query(START, {"id": job["id"], "options": options})["data"]
    (field, code, message), = messages(start["startImport"])
    assert (field, code) == ("mapping.sku", "required")
    assert ImportJob.objects.get().status == "STAGED"


def test_a_staged_job_never_holds_up_the_queue_and_joins_it_when_started(gql_client, submit):
    # given an older staged job and a newer one-step import
    staged = stage(gql_client, b"sku,name\nstaged,S\n")
    pending = submit(b"sku,name\npending,P\n")
    # then the queue sees only the pending one
    with services.queue_lock():
        assert services.claim_next().pk == pending.pk
    # and a staged job started later runs after the jobs queued before it started
    ImportJob.objects.filter(pk=pending.pk).update(status="PENDING", claim_token="")
    gql_client.query(START, {"id": staged["id"]})
    with services.queue_lock():
        first = services.claim_next()
    assert first.pk == pending.pk
