"""productChanges: every create, update and delete from any write path, in commit order, with
the product's current values; cursors, retention and wrong values."""

import threading
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.utils import timezone

from core.ids import encode_id
from imports import deletions
from imports import services as imports
from products import changes_feed, services
from products.models import Product

pytestmark = pytest.mark.django_db(transaction=True)

CHANGES = """query($after: String, $first: Int!) {
  productChanges(after: $after, first: $first) {
    changes { cursor kind id sku product { id sku name description active } }
    endCursor hasMore } }"""
HEAD = "query { productChangesCursor }"


def read_all(client, after):
    """Every change after `after`, page by page; the changes and the last cursor."""
    changes = []
    while True:
        page = client.query(CHANGES, {"after": after, "first": 3})["data"]["productChanges"]
        changes += page["changes"]
        after = page["endCursor"]
        if not page["hasMore"]:
            return changes, after


def import_file(data: bytes, **options):
    job = imports.submit_import(SimpleUploadedFile("p.csv", data), options=options or None)
    imports.process_queue()
    job.refresh_from_db()
    return job


def test_every_write_path_shows_in_commit_order_with_current_values(gql_client):
    start = gql_client.query(HEAD)["data"]["productChangesCursor"]

    made = services.create_product(sku="API-1", name="By hand")
    services.update_product(made.pk, {"name": "Renamed"})
    first = import_file(b"sku,name\nIMP-1,Imported\nIMP-2,Imported too\nAPI-1,Again\n")
    imports.submit_revert(first.pk)
    imports.process_queue()
    import_file(b"sku,name\nKEEP-1,Kept\nGONE-1,Gone\nGONE-2,Gone\n")
    import_file(b"sku,name\nKEEP-1,Kept\n", missing="DELETE", max_removal_percent=100)
    kept = Product.objects.get(sku="KEEP-1")
    deletions.delete_products([kept.pk], [])
    services.create_product(sku="LAST", name="Last one")
    last = Product.objects.get(sku="LAST")
    services.delete_product(last.pk)

    changes, end = read_all(gql_client, start)

    # One group per writing operation, in commit order (rows of one statement in any order).
    groups = [
        {("CREATED", "API-1")}, {("UPDATED", "API-1")},
        {("CREATED", "IMP-1"), ("CREATED", "IMP-2"), ("UPDATED", "API-1")},  # the import
        {("DELETED", "IMP-1"), ("DELETED", "IMP-2"), ("UPDATED", "API-1")},  # its revert
        {("CREATED", "KEEP-1"), ("CREATED", "GONE-1"), ("CREATED", "GONE-2")},
        {("DELETED", "API-1"), ("DELETED", "GONE-1"), ("DELETED", "GONE-2")},  # sync removal
        {("DELETED", "KEEP-1")},  # deleteProducts
        {("CREATED", "LAST")}, {("DELETED", "LAST")},
    ]
    seen = [(c["kind"], c["sku"]) for c in changes]
    at = 0
    for group in groups:
        assert sorted(seen[at:at + len(group)]) == sorted(group), str(seen)
        at += len(group)
    assert at == len(seen), seen
    api = changes[0]
    assert api["id"] == encode_id("Product", made.pk)
    assert api["product"] is None  # deleted since, by the sync removal
    keep = next(c for c in changes if c["sku"] == "KEEP-1" and c["kind"] == "CREATED")
    assert keep["product"] is None  # deleted since by deleteProducts
    assert all(c["product"] is None for c in changes if c["kind"] == "DELETED")
    services.create_product(sku="NOW", name="Now", description="current")
    [now], _ = read_all(gql_client, end)
    assert now["product"] == {"id": now["id"], "sku": "NOW", "name": "Now",
                              "description": "current", "active": True}


def test_a_later_committing_transaction_is_never_skipped(gql_client):
    start = gql_client.query(HEAD)["data"]["productChangesCursor"]
    wrote, release = threading.Event(), threading.Event()
    second_done = threading.Event()

    def slow_writer():
        with transaction.atomic():
            Product.objects.create(sku="SLOW", name="Slow")  # takes its place now...
            wrote.set()
            release.wait(10)  # ...and commits after the other writer and the reader
        connection.close()

    def fast_writer():
        wrote.wait(10)
        Product.objects.create(sku="FAST", name="Fast")
        second_done.set()
        connection.close()

    threads = [threading.Thread(target=slow_writer), threading.Thread(target=fast_writer)]
    for thread in threads:
        thread.start()
    second_done.wait(2)  # PostgreSQL: committed; SQLite: waits for the one writer
    seen, cursor = read_all(gql_client, start)
    release.set()
    for thread in threads:
        thread.join(10)
    more, _ = read_all(gql_client, cursor)

    assert sorted(c["sku"] for c in seen + more) == ["FAST", "SLOW"]


def test_changes_past_their_retention_need_a_full_read(gql_client, settings):
    settings.PRODUCT_CHANGES_RETENTION_DAYS = 1
    old_cursor = gql_client.query(HEAD)["data"]["productChangesCursor"]
    services.create_product(sku="OLD", name="Old")

    removed = changes_feed.prune(now=timezone.now() + timedelta(days=2))
    head = gql_client.query(HEAD)["data"]["productChangesCursor"]
    services.create_product(sku="NEW", name="New")
    behind = gql_client.query(CHANGES, {"after": old_cursor, "first": 10})
    fresh = gql_client.query(CHANGES, {"after": None, "first": 10})
    current = gql_client.query(CHANGES, {"after": head, "first": 10})

    assert removed >= 1
    for answer in (behind, fresh):
        [error] = answer["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert error["extensions"]["reason"] == "CHANGES_EXPIRED"
        assert "read the whole catalogue again" in error["message"]
    assert [c["sku"] for c in current["data"]["productChanges"]["changes"]] == ["NEW"]


@pytest.mark.parametrize(("variables", "field"), [
    ({"after": "not-a-cursor", "first": 10}, "after"),
    ({"after": None, "first": 0}, "first"),
    ({"after": None, "first": 1001}, "first"),
])
def test_a_wrong_argument_is_a_coded_error(gql_client, variables, field):
    answer = gql_client.query(CHANGES, variables)

    [error] = answer["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["field"] == field
    assert answer["data"] is None
