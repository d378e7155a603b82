"""Every import job says where it came from (`origin`), decided where the job is made: an
uploaded file, an upsertProducts call (at once or queued), a bulk action or deletion, a
revert, a dry run imported again; the API names each; the migration gives existing jobs the
best origin their row tells."""

import importlib

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from strawberry.relay import to_base64

from imports import bulk_actions, deletions, staging, upserts
from imports.models import DirectUpload, ImportJob
from products.models import Product

from .documents import public_operation

pytestmark = pytest.mark.django_db(transaction=True)

Origin = ImportJob.Origin
ORIGIN = "query($id: ID!) { importJob(id: $id) { fileName origin } }"
UPSERT = """mutation($input: [ProductInput!]!) { upsertProducts(input: $input) {
  ... on UpsertProductsResult { job { id fileName origin } } } }"""
CSV = b"sku,name\np-1,One\np-2,Two\n"


def origin_of(client, job_id: str) -> str:
    return client.query(ORIGIN, {"id": job_id})["data"]["importJob"]["origin"]


def test_a_file_uploaded_with_import_products_or_stage_import_is_an_upload(gql_client):
    imported = gql_client.query(public_operation("ImportProducts"),
                                files={"file": SimpleUploadedFile("cat.csv", CSV)})
    staged = gql_client.query(public_operation("StageImport"),
                              files={"file": SimpleUploadedFile("cat.csv", CSV)})

    assert origin_of(gql_client, imported["data"]["importProducts"]["id"]) == "UPLOAD"
    assert origin_of(gql_client, staged["data"]["stageImport"]["id"]) == "UPLOAD"


def test_an_upsert_products_call_is_api_at_once_and_when_queued(gql_client):
    answer = gql_client.query(UPSERT, {"input": [{"sku": "p-1", "name": "One"}]})
    queued = upserts.submit_upsert([{"sku": "p-2", "name": "Two"}])

    job = answer["data"]["upsertProducts"]["job"]
    assert (job["fileName"], job["origin"]) == ("API upsert of 1 product", "API")
    assert queued.origin == Origin.API


def test_activating_deactivating_and_deleting_chosen_products_are_bulk_actions(gql_client):
    Product.objects.bulk_create(Product(sku=f"p-{n}", name=f"P {n}") for n in range(3))

    deactivated = bulk_actions.set_products_active(Product.objects.all(), False)
    _, deleted = deletions.delete_products([], ["p-0"])

    assert (deactivated.file_name, deactivated.origin) == (
        "Deactivate (3 products)", Origin.BULK_ACTION)
    assert (deleted.file_name, deleted.origin) == ("Delete of 1 product", Origin.BULK_ACTION)


def test_a_revert_is_a_revert(run_import, run_revert):
    imported = run_import(CSV)

    revert = run_revert(imported)

    assert (imported.origin, revert.origin) == (Origin.UPLOAD, Origin.REVERT)


def test_a_dry_run_imported_again_keeps_where_its_file_came_from(run_import):
    dry = run_import(CSV, dry_run=True)
    # as the dry run of a direct upload is
    ImportJob.objects.filter(pk=dry.pk).update(origin=Origin.DIRECT_UPLOAD)

    with transaction.atomic():
        again = staging.import_again(dry.pk)

    assert again.origin == Origin.DIRECT_UPLOAD


@pytest.mark.parametrize("origin", Origin.values)
def test_the_api_names_every_origin(gql_client, origin):
    job = ImportJob.objects.create(file_name="x", origin=origin)

    assert origin_of(gql_client, to_base64("ImportJob", job.pk)) == origin


def test_the_migration_gives_existing_jobs_the_origin_their_row_tells():
    def job(name: str, **fields) -> ImportJob:
        return ImportJob.objects.create(file_name=name, **fields)

    jobs = {
        "upload": job("cat.csv", file="imports/1.upload", file_size=10),
        "api_options": job("upsert", options={"format": "JSONL", "absent_keeps": True}),
        "api_name": job("API upsert of 1,000 products"),
        "direct": job("big.csv", file="direct-uploads/x.csv", file_size=10),
        "feed_test": job("c.csv", listed=False),
        "deactivate": job("Deactivate (1,200 products)"),
        "activate": job("Activate (1 product)"),
        "delete": job("Delete of 2 products"),
        "api_delete": job("API delete of 1 product"),
        "named_like_an_action": job("Delete of 2 products", file="imports/2.upload",
                                    file_size=10),
    }
    jobs["revert"] = job("Revert of cat.csv", kind=ImportJob.Kind.REVERT,
                         reverts=jobs["upload"])
    DirectUpload.objects.create(file_name="big.csv", size=10, part_size=10, job=jobs["direct"])
    ImportJob.objects.update(origin=Origin.UPLOAD)  # as the new column holds them at first
    migration = importlib.import_module("imports.migrations.0014_job_origin")

    migration.backfill(apps, None)

    found = dict(ImportJob.objects.values_list("pk", "origin"))
    assert {name: found[j.pk] for name, j in jobs.items()} == {
        "upload": "UPLOAD", "api_options": "API", "api_name": "API",
        "direct": "DIRECT_UPLOAD", "feed_test": "FEED", "deactivate": "BULK_ACTION",
        "activate": "BULK_ACTION", "delete": "BULK_ACTION", "api_delete": "BULK_ACTION",
        "named_like_an_action": "UPLOAD", "revert": "REVERT",
    }
