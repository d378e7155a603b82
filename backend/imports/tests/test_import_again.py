"""The check step's counts and "Import this file now with the same settings": a dry run of a
staged file reports every count the real run then has (created, updated, unchanged, skipped
by reason, deactivated, deleted, whether the guard holds), and `importAgain` imports its
kept file for real without a new upload or mapping."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from strawberry.relay import to_base64

from imports import services
from imports.models import ImportJob

from .conftest import catalogue
from .documents import public_operation

pytestmark = pytest.mark.django_db

STAGE = public_operation("StageImport")
START = public_operation("StartImport")
AGAIN = public_operation("ImportAgain")
KEPT = "query Kept($id: ID!) { importJob(id: $id) { fileKeptUntil } }"

# Headers a person maps by hand; the stored catalogue is p-0..p-9.
FILE = ("Artikel;Bezeichnung\n" + "p-1;One again\n" + "p-2;P 2\n" + "new-1;New\n"
        + "new-2;New too\n").encode()
MAPPING = {"sku": "Artikel", "name": "Bezeichnung", "description": None, "active": None}
SYNC = {"mode": "UPDATE_ONLY", "missing": "DEACTIVATE", "maxRemovalPercent": 100}
COUNTED = ("rows_processed", "created_count", "updated_count", "unchanged_count",
           "replaced_count", "skipped_count", "error_count", "deactivated_count",
           "deleted_count", "removal_count", "removal_held")


def counts(job: ImportJob) -> dict:
    job.refresh_from_db()
    return {name: getattr(job, name) for name in COUNTED} | {
        "skips": Counter(job.skips.values_list("reason", flat=True))}


def dry_run_of_a_mapped_file(client, run_import) -> ImportJob:
    run_import(b"sku,name\n" + b"".join(b"p-%d,P %d\n" % (i, i) for i in range(10)))
    staged = client.query(STAGE, {"dryRun": True, "options": SYNC},
                          files={"file": SimpleUploadedFile("lieferant.csv", FILE)})
    job_id = staged["data"]["stageImport"]["id"]
    started = client.query(START, {"id": job_id, "options": {**SYNC, "mapping": MAPPING}})
    assert started["data"]["startImport"]["dryRun"] is True
    services.process_queue()
    return ImportJob.objects.get(file_name="lieferant.csv", dry_run=True)


def test_the_dry_run_of_a_staged_file_counts_what_the_real_run_then_does(
        gql_client, run_import, django_capture_on_commit_callbacks):
    dry = dry_run_of_a_mapped_file(gql_client, run_import)
    before = catalogue()
    predicted = counts(dry)
    assert predicted["updated_count"] == 1 and predicted["unchanged_count"] == 1
    assert predicted["skips"] == {"NOT_FOUND": 2}
    assert predicted["deactivated_count"] == 8 and predicted["removal_held"] is False
    assert catalogue() == before  # a dry run writes nothing
    kept = gql_client.query(KEPT, {"id": to_base64("ImportJob", dry.pk)})
    assert kept["data"]["importJob"]["fileKeptUntil"] is not None
    # when "Import this file now with the same settings" is pressed
    answer = gql_client.query(AGAIN, {"id": to_base64("ImportJob", dry.pk)})
    again = answer["data"]["importAgain"]
    assert (again["status"], again["dryRun"], again["fileName"]) == (
        "PENDING", False, "lieferant.csv")
    with django_capture_on_commit_callbacks(execute=True):
        services.process_queue()
    real = ImportJob.objects.latest("pk")
    # then the real run did exactly what the dry run counted, with the same mapping
    assert real.status == ImportJob.Status.COMPLETED and real.mapping == MAPPING
    assert counts(real) == predicted
    assert catalogue()["p-1"] == ("One again", "", True)
    assert catalogue()["p-5"][2] is False and "new-1" not in catalogue()
    # and the file was used once: the dry run holds none any more, the import deleted it
    dry.refresh_from_db()
    real.refresh_from_db()
    assert not dry.file and not real.file


def test_a_dry_run_held_by_the_guard_says_so_and_so_does_the_real_run(
        gql_client, run_import):
    run_import(b"sku,name\n" + b"".join(b"p-%d,P %d\n" % (i, i) for i in range(10)))
    staged = gql_client.query(STAGE, {"dryRun": True, "options": {"missing": "DELETE"}},
                              files={"file": SimpleUploadedFile("a.csv", b"sku,name\np-1,P\n")})
    gql_client.query(START, {"id": staged["data"]["stageImport"]["id"]})
    services.process_queue()
    dry = ImportJob.objects.get(dry_run=True)
    assert (dry.removal_held, dry.removal_count) == (True, 9)
    gql_client.query(AGAIN, {"id": to_base64("ImportJob", dry.pk)})
    services.process_queue()
    real = ImportJob.objects.latest("pk")
    assert (real.status, real.removal_count) == (ImportJob.Status.NEEDS_CONFIRMATION, 9)
    assert len(catalogue()) == 10


def messages(answer: dict) -> list[tuple]:
    return [(m["field"], m["code"], m["message"]) for m in answer["messages"]]


def test_only_a_completed_dry_run_with_its_file_can_be_imported_again(
        gql_client, run_import, settings, django_capture_on_commit_callbacks):
    real = run_import(b"sku,name\na,A\n")
    answer = gql_client.query(AGAIN, {"id": to_base64("ImportJob", real.pk)})
    (field, code, text), = messages(answer["data"]["importAgain"])
    assert (field, code) == ("id", "not_a_dry_run") and "an import that is COMPLETED" in text
    missing = gql_client.query(AGAIN, {"id": to_base64("ImportJob", 987654)})
    assert messages(missing["data"]["importAgain"])[0][:2] == ("id", "not_found")
    # a dry run's file is kept for IMPORT_STAGED_TTL_HOURS, then the sweeper deletes it
    settings.IMPORT_STAGED_TTL_HOURS = 1
    dry = run_import(b"sku,name\nb,B\n", dry_run=True)
    assert dry.file and dry.file.storage.exists(dry.file.name)
    services.sweep()
    dry.refresh_from_db()
    assert dry.file  # still within its time
    ImportJob.objects.filter(pk=dry.pk).update(finished_at=timezone.now() - timedelta(hours=2))
    services.sweep()
    dry.refresh_from_db()
    assert not dry.file
    gone = gql_client.query(AGAIN, {"id": to_base64("ImportJob", dry.pk)})
    (field, code, text), = messages(gone["data"]["importAgain"])
    assert (field, code) == ("id", "file_gone") and "upload it again" in text
    assert ImportJob.objects.count() == 2  # nothing queued by the refusals
