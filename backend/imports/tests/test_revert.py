"""A revert deletes what the import created and restores what it updated, except products
written again since (conflicts, with the reason); counts are exact; the catalogue ends as
it was before the import for every product not written since."""

import json

import pytest

from imports.models import ImportJob, RevertConflict
from products.counts import product_count
from products.models import Product
from products.services import create_product, delete_all_products, delete_product, update_product
from webhooks.models import WebhookEvent
from webhooks.services import create_webhook

from .conftest import full_catalogue, sample_csv

pytestmark = pytest.mark.django_db


def assert_counts_exact():
    assert product_count(Product.objects.all()) == Product.objects.count()
    for active in (True, False):
        filtered = Product.objects.filter(active=active)
        assert product_count(filtered) == filtered.count()


def base_catalogue():
    for i in range(0, 400, 3):
        create_product(sku=f"sku-{i}", name="Name 1", description="plain 1", active=i % 2 == 0)


def conflicts(revert):
    return sorted(
        (c.change.sku, c.reason, c.later_import_id)
        for c in RevertConflict.objects.filter(job=revert).select_related("change")
    )


def test_reverting_an_import_gives_back_the_catalogue_as_it_was(run_import, run_revert, settings):
    settings.IMPORT_CHUNK_ROWS = 41  # many chunks in the import and in the revert
    base_catalogue()
    before = full_catalogue()
    job = run_import(sample_csv(1500, seed=5))
    assert job.created_count > 0 and job.updated_count > 0
    assert full_catalogue() != before

    revert = run_revert(job)

    assert revert.status == ImportJob.Status.COMPLETED and revert.kind == ImportJob.Kind.REVERT
    assert (revert.deleted_count, revert.restored_count, revert.conflict_count) == (
        job.created_count, job.updated_count, 0
    )
    assert revert.rows_processed == job.created_count + job.updated_count
    assert revert.progress == 100 and revert.chunks_committed > 3
    assert full_catalogue() == before
    assert_counts_exact()


def test_reverting_an_import_after_a_later_one_keeps_what_the_later_one_wrote(
    run_import, run_revert
):
    base_catalogue()
    first = run_import(sample_csv(600, seed=1))
    second = run_import(sample_csv(600, seed=2))
    after_second = full_catalogue()

    revert = run_revert(first)

    assert revert.conflict_count > 0
    assert {reason for _, reason, _ in conflicts(revert)} == {"REIMPORTED"}
    assert {later for _, _, later in conflicts(revert)} == {second.pk}
    # Only products the second import did not write again were reverted.
    now = full_catalogue()
    for sku, values in after_second.items():
        if values[3] == second.pk:
            assert now[sku] == values
    assert revert.deleted_count + revert.restored_count + revert.conflict_count == (
        first.created_count + first.updated_count
    )
    assert_counts_exact()


def test_reverting_the_later_import_first_then_the_earlier_one(run_import, run_revert):
    base_catalogue()
    before = full_catalogue()
    first = run_import(sample_csv(600, seed=1))
    after_first = full_catalogue()
    second = run_import(sample_csv(600, seed=2))

    assert run_revert(second).conflict_count == 0
    assert full_catalogue() == after_first  # provenance too: the first import's again
    assert run_revert(first).conflict_count == 0
    assert full_catalogue() == before
    assert_counts_exact()


# Committed transactions, as in real use: the count triggers stand aside only inside a bulk
# writer's own transaction (SET LOCAL), so a test-wide transaction would hide edits' counts.
@pytest.mark.django_db(transaction=True)
def test_products_written_since_are_kept_and_listed_with_the_reason(run_import, run_revert):
    create_product(sku="kept", name="Old", description="d", active=True)
    create_product(sku="upd", name="Old", description="d", active=True)
    job = run_import(
        b"sku,name,description,active\n"
        b"kept,New,d,yes\nupd,New,d,no\nedited,E,d,yes\ngone,G,d,yes\nlater,L,d,yes\nfine,F,d,yes\n"
    )
    update_product(Product.objects.get(sku="edited").pk, {"name": "By hand"})
    delete_product(Product.objects.get(sku="gone").pk)
    later = run_import(b"sku,name\nlater,Later\n")
    update_product(Product.objects.get(sku="kept").pk, {"description": "by hand"})

    revert = run_revert(job)

    assert (revert.deleted_count, revert.restored_count, revert.conflict_count) == (1, 1, 4)
    assert conflicts(revert) == [
        ("edited", "EDITED", None), ("gone", "DELETED", None), ("kept", "EDITED", None),
        ("later", "REIMPORTED", later.pk),
    ]
    assert {p.sku: (p.name, p.description, p.active) for p in Product.objects.all()} == {
        "kept": ("New", "by hand", True),  # the person's edit wins
        "upd": ("Old", "d", True),  # restored
        "edited": ("By hand", "d", True),
        "later": ("Later", "d", True),
    }
    assert_counts_exact()


def test_a_delete_all_between_import_and_revert_reports_every_product(run_import, run_revert):
    create_product(sku="a", name="Old")
    job = run_import(b"sku,name\na,New\nb,B\nc,C\n")
    delete_all_products()

    revert = run_revert(job)

    assert revert.status == ImportJob.Status.COMPLETED
    assert (revert.deleted_count, revert.restored_count, revert.conflict_count) == (0, 0, 3)
    assert conflicts(revert) == [("a", "DELETED", None), ("b", "DELETED", None),
                                 ("c", "DELETED", None)]
    assert not Product.objects.exists()
    assert_counts_exact()


def test_a_revert_sends_one_import_reverted_event_and_no_product_events(
    run_import, run_revert, settings
):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    create_webhook(
        url="http://127.0.0.1:9/hook",
        events=["import.reverted", "import.finished", "product.deleted", "product.updated"],
    )
    create_product(sku="a", name="Old")
    WebhookEvent.objects.all().delete()
    job = run_import(b"sku,name\na,New\nb,B\nc,C\n")

    revert = run_revert(job)

    assert list(WebhookEvent.objects.order_by("id").values_list("type", flat=True)) == [
        "import.finished", "import.reverted"
    ]
    data = json.loads(WebhookEvent.objects.get(type="import.reverted").payload)["data"]
    assert data["status"] == "COMPLETED"
    assert (data["deletedCount"], data["restoredCount"], data["conflictCount"]) == (2, 1, 0)
    assert data["revertedImport"]["fileName"] == job.file_name
    assert data["id"] != data["revertedImport"]["id"]
    assert revert.file_name == f"Revert of {job.file_name}"
