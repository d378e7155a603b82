"""A dry run chosen before the column check stays a dry run: `stageImport(dryRun: true)`
keeps the choice on the staged job, and `startImport` without `dryRun` follows it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imports import services
from imports.models import ImportJob

from .conftest import catalogue
from .documents import public_operation

pytestmark = pytest.mark.django_db

STAGE = public_operation("StageImport")
START = public_operation("StartImport")
FILE = b"sku,name\nA-1,Apple\nA-2,Pear\n"


def stage(client, dry_run=None) -> dict:
    variables = {} if dry_run is None else {"dryRun": dry_run}
    body = client.query(STAGE, variables, files={"file": SimpleUploadedFile("de.csv", FILE)})
    return body["data"]["stageImport"]


def test_a_dry_run_chosen_before_the_check_stays_a_dry_run(gql_client):
    # given a file staged with "Dry run" ticked
    staged = stage(gql_client, dry_run=True)
    assert (staged["status"], staged["dryRun"]) == ("STAGED", True)
    # when it is started without saying again
    started = gql_client.query(START, {"id": staged["id"]})["data"]["startImport"]
    assert (started["status"], started["dryRun"]) == ("PENDING", True)
    services.process_queue()
    # then it ran as a dry run: counted, nothing written
    job = ImportJob.objects.get()
    assert (job.status, job.dry_run, job.created_count) == ("COMPLETED", True, 2)
    assert not catalogue()


def test_the_preview_may_still_import_for_real(gql_client):
    staged = stage(gql_client, dry_run=True)
    started = gql_client.query(START, {"id": staged["id"], "dryRun": False})
    assert started["data"]["startImport"]["dryRun"] is False
    services.process_queue()
    assert set(catalogue()) == {"A-1", "A-2"}


def test_a_file_staged_without_the_choice_imports_for_real(gql_client):
    staged = stage(gql_client)
    assert staged["dryRun"] is False
    gql_client.query(START, {"id": staged["id"]})
    services.process_queue()
    assert set(catalogue()) == {"A-1", "A-2"}
