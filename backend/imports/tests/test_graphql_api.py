"""The import operations over GraphQL: upload, query, list, cancel, errors; sign-in required."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from strawberry.relay import to_base64

from imports import services
from imports.models import ImportJob

from .documents import CANCEL_IMPORT, IMPORT_JOB, IMPORT_JOBS, IMPORT_PRODUCTS

pytestmark = pytest.mark.django_db


def upload(client, data: bytes, name="products.csv", dry_run=None):
    variables = {} if dry_run is None else {"dryRun": dry_run}
    return client.query(IMPORT_PRODUCTS, variables, files={"file": SimpleUploadedFile(name, data)})


def test_upload_answers_at_once_with_a_pending_job(gql_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        body = upload(gql_client, b"sku,name\na,b\n", name="cat.csv")
    job = body["data"]["importProducts"]
    assert job["status"] == "PENDING"
    assert (job["fileName"], job["fileSize"], job["dryRun"]) == ("cat.csv", 13, False)
    assert job["progress"] == 0 and job["finishedAt"] is None
    assert len(callbacks) == 1  # the worker is told only once the job is committed
    stored = ImportJob.objects.get()
    assert stored.file.storage.exists(stored.file.name)
    assert job["id"] == to_base64("ImportJob", stored.pk)


def test_dry_run_flag_is_kept(gql_client):
    assert upload(gql_client, b"sku,name\n", dry_run=True)["data"]["importProducts"]["dryRun"]


def test_upload_over_the_size_limit_fails_the_job_and_stores_nothing(gql_client, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 100
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 10  # stream to disk through the limiting handler
    job = upload(gql_client, b"sku,name\n" + b"a,b\n" * 100)["data"]["importProducts"]
    assert job["status"] == "FAILED"
    assert job["errorMessage"].startswith("The file is too large: it has 409 bytes or more")
    assert "the limit is 100 bytes (IMPORT_MAX_UPLOAD_BYTES)" in job["errorMessage"]
    assert not ImportJob.objects.get().file


def test_job_query_with_errors_connection(gql_client, run_import):
    job = run_import(b"sku,name,active\na,A,yes\n,B,no\nc,C,maybe\n")
    body = gql_client.query(IMPORT_JOB, {"id": to_base64("ImportJob", job.pk)})
    got = body["data"]["importJob"]
    assert got["status"] == "COMPLETED" and got["progress"] == 100
    assert (got["createdCount"], got["errorCount"], got["rowsProcessed"]) == (1, 2, 3)
    assert got["bytesProcessed"] == got["fileSize"]
    errors = got["errors"]
    assert errors["totalCount"] == 2
    nodes = [e["node"] for e in errors["edges"]]
    assert nodes[0] == {"line": 3, "sku": None, "message": nodes[0]["message"]}
    assert nodes[0]["message"].startswith("sku is empty")
    assert nodes[1]["line"] == 4 and nodes[1]["sku"] == "c"
    assert "active is 'maybe'" in nodes[1]["message"]


def test_unknown_job_id_is_null_and_a_malformed_one_an_error(gql_client):
    body = gql_client.query(IMPORT_JOB, {"id": to_base64("ImportJob", 999)})
    assert body["data"]["importJob"] is None
    body = gql_client.query(IMPORT_JOB, {"id": "nope"})
    assert body["errors"][0]["message"].startswith("'id' is not the id of an import job")
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "id"}


def test_jobs_list_newest_first_with_total_count(gql_client, submit):
    jobs = [submit(b"sku,name\n", name=f"{i}.csv") for i in range(3)]
    body = gql_client.query(IMPORT_JOBS, {"first": 2})["data"]["importJobs"]
    assert body["totalCount"] == 3
    assert [e["node"]["fileName"] for e in body["edges"]] == ["2.csv", "1.csv"]
    assert jobs


def test_cancel_pending_job_at_once(gql_client, submit):
    job = submit(b"sku,name\na,b\n")
    body = gql_client.query(CANCEL_IMPORT, {"id": to_base64("ImportJob", job.pk)})
    got = body["data"]["cancelImport"]
    assert got["status"] == "CANCELLED" and got["finishedAt"]
    job.refresh_from_db()
    assert job.status == "CANCELLED"
    services.process_queue()  # nothing left to run
    job.refresh_from_db()
    assert job.status == "CANCELLED" and job.rows_processed == 0


def test_cancel_finished_job_is_an_operation_info(gql_client, run_import):
    job = run_import(b"sku,name\na,b\n")
    body = gql_client.query(CANCEL_IMPORT, {"id": to_base64("ImportJob", job.pk)})
    (message,) = body["data"]["cancelImport"]["messages"]
    assert message["field"] == "id"
    assert message["message"].startswith("This import has already ended (COMPLETED)")


def test_cancel_unknown_job(gql_client):
    body = gql_client.query(CANCEL_IMPORT, {"id": to_base64("ImportJob", 12345)})
    (message,) = body["data"]["cancelImport"]["messages"]
    assert message["message"] == "No import job with this id."
    assert (message["field"], message["code"]) == ("id", "not_found")


@pytest.mark.parametrize(
    ("document", "variables"),
    [(IMPORT_JOB, {"id": "x"}), (IMPORT_JOBS, {}), (CANCEL_IMPORT, {"id": "x"})],
)
def test_anonymous_calls_are_refused(anon_gql_client, document, variables):
    body = anon_gql_client.query(document, variables)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_anonymous_upload_is_refused_and_stores_nothing(anon_gql_client):
    body = upload(anon_gql_client, b"sku,name\na,b\n")
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert not ImportJob.objects.exists()


def test_upload_keeps_bytes_exactly(gql_client):
    data = "sku,name\r\nä,\"x\r\ny\"\r\n".encode()
    upload(gql_client, data)
    stored = ImportJob.objects.get()
    with stored.file.open("rb") as handle:
        assert handle.read() == data
    assert io.BytesIO(data).read() == data
