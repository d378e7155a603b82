"""The sync options over GraphQL: importProducts options, the job's new counts, the guard's
confirmation (confirmImport), skipped rows, and bad options as messages with a code."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from strawberry.relay import to_base64

from imports import services
from imports.models import ImportJob
from products.models import Product

pytestmark = pytest.mark.django_db

SYNC = """
mutation Sync($file: Upload!, $dryRun: Boolean, $options: ImportOptionsInput) {
  importProducts(file: $file, dryRun: $dryRun, options: $options) {
    ... on ImportJob { id status mode emptyCells missing missingScope source maxRemovalPercent }
    ... on OperationInfo { messages { kind message field code } }
  }
}
"""

JOB = """
query Job($id: ID!) {
  importJob(id: $id) {
    status rowsProcessed createdCount updatedCount skippedCount deactivatedCount deletedCount
    removalCount removalScopeCount removalSample removalHeld
    skips(first: 10) { totalCount edges { node { line sku reason } } }
  }
}
"""

CONFIRM = """
mutation Confirm($id: ID!) {
  confirmImport(id: $id) {
    ... on ImportJob { status }
    ... on OperationInfo { messages { kind message field code } }
  }
}
"""

CATALOGUE = b"sku,name\n" + b"".join(b"p-%d,P\n" % i for i in range(10))


def sync(client, data: bytes, options: dict, dry_run: bool = False) -> dict:
    variables = {"options": options, "dryRun": dry_run}
    files = {"file": SimpleUploadedFile("feed.csv", data)}
    return client.query(SYNC, variables, files=files)["data"]["importProducts"]


def job_of(client, job_id: str) -> dict:
    return client.query(JOB, {"id": job_id})["data"]["importJob"]


def test_a_guarded_sync_waits_then_carries_on_when_confirmed(
        gql_client, run_import, django_capture_on_commit_callbacks):
    run_import(CATALOGUE)
    started = sync(gql_client, b"sku,name\np-0,P\nghost,G\n",
                   {"missing": "DEACTIVATE", "source": "erp", "mode": "UPDATE_ONLY"})
    assert (started["status"], started["missing"], started["source"]) == (
        "PENDING", "DEACTIVATE", "erp")
    with django_capture_on_commit_callbacks(execute=True):
        services.process_queue()
    held = job_of(gql_client, started["id"])
    assert held["status"] == "NEEDS_CONFIRMATION"
    assert (held["removalCount"], held["removalScopeCount"], held["removalHeld"]) == (9, 10, True)
    assert held["skippedCount"] == 1
    assert held["skips"]["edges"][0]["node"] == {"line": 3, "sku": "ghost", "reason": "NOT_FOUND"}
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = gql_client.query(CONFIRM, {"id": started["id"]})["data"]["confirmImport"]
        assert confirmed["status"] == "PENDING"
        services.process_queue()
    done = job_of(gql_client, started["id"])
    assert (done["status"], done["deactivatedCount"]) == ("COMPLETED", 9)
    assert Product.objects.filter(active=True).count() == 1


def test_confirming_a_job_that_is_not_waiting_is_a_message_with_a_code(gql_client, run_import):
    job = run_import(CATALOGUE)
    answer = gql_client.query(CONFIRM, {"id": to_base64("ImportJob", job.pk)})
    message = answer["data"]["confirmImport"]["messages"][0]
    assert (message["field"], message["code"]) == ("id", "not_waiting")


@pytest.mark.parametrize(
    ("options", "field", "code"),
    [
        ({"missing": "DELETE", "missingScope": "SOURCE"}, "source", "source_required"),
        ({"maxRemovalPercent": 101}, "maxRemovalPercent", "out_of_range"),
    ],
)
def test_bad_options_are_messages_on_their_field(gql_client, options, field, code):
    message = sync(gql_client, CATALOGUE, options)["messages"][0]
    assert (message["field"], message["code"]) == (field, code)
    assert not ImportJob.objects.exists()


def test_an_unknown_mode_is_refused_before_anything_is_written(gql_client):
    files = {"file": SimpleUploadedFile("feed.csv", CATALOGUE)}
    body = gql_client.query(SYNC, {"options": {"mode": "MERGE"}}, files=files)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert not ImportJob.objects.exists()


def test_the_staged_preview_follows_empty_cells_keep_and_start_keeps_the_choices(
        gql_client, run_import, django_capture_on_commit_callbacks):
    from .test_staging_api import INSPECT, START, stage

    run_import(b"sku,name,description\na,Alpha,old\n")
    data = b"sku,name,description\na,,\n"
    staged = stage(gql_client, data)
    assert staged["previewRows"][0]["problem"].startswith("name is empty")
    keep = {"emptyCells": "KEEP"}
    inspected = gql_client.query(INSPECT, {"id": staged["id"], "options": keep})
    row = inspected["data"]["inspectImport"]["previewRows"][0]
    assert row["problem"] is None
    with django_capture_on_commit_callbacks(execute=True):
        started = gql_client.query(START, {"id": staged["id"], "options": {"mode": "UPDATE_ONLY"}})
        assert started["data"]["startImport"]["status"] == "PENDING"
        services.process_queue()
    job = ImportJob.objects.get(pk=ImportJob.objects.latest("id").pk)
    assert (job.mode, job.empty_cells, job.unchanged_count) == ("UPDATE_ONLY", "KEEP", 1)
    assert Product.objects.get(sku="a").description == "old"
