"""The change log and reverts over GraphQL and HTTP: changes(first, after, kind) with an exact
totalCount, revertImport and its refusals, conflicts, provenance, changes.csv."""

import csv
import io

import pytest
from django.test import Client
from strawberry.relay import to_base64

from imports import services
from products.models import Product
from products.services import create_product, update_product

from .documents import IMPORT_CHANGES, PRODUCT_PROVENANCE, REVERT_CONFLICTS, REVERT_IMPORT
from .test_errors_csv import read_stream

pytestmark = pytest.mark.django_db

DATA = (
    b"sku,name,description,active\n"
    + b"".join(b"new-%02d,New %d,d,yes\n" % (i, i) for i in range(30))
    + b"old-1,Old one,changed,no\nold-2,Old two,same,yes\n"
)


def gid(job) -> str:
    return to_base64("ImportJob", job.pk)


@pytest.fixture
def imported(run_import):
    create_product(sku="old-1", name="Old one", description="before", active=True)
    create_product(sku="OLD-2", name="Old two", description="same", active=True)
    return run_import(DATA, name="catalogue.csv")


def test_changes_are_paged_in_file_order_with_an_exact_total(gql_client, imported):
    seen, after = [], None
    while True:
        page = gql_client.query(IMPORT_CHANGES, {"id": gid(imported), "first": 7, "after": after})
        changes = page["data"]["importJob"]["changes"]
        assert changes["totalCount"] == 32
        seen += [edge["node"] for edge in changes["edges"]]
        if not changes["pageInfo"]["hasNextPage"]:
            break
        after = changes["pageInfo"]["endCursor"]
    assert [n["line"] for n in seen] == list(range(2, 34))
    first = seen[0]
    assert (first["kind"], first["sku"], first["before"]) == ("CREATED", "new-00", None)
    assert first["after"] == {"sku": "new-00", "name": "New 0", "description": "d", "active": True}
    assert first["product"]["sku"] == "new-00"
    assert first["changedFields"] == ["sku", "name", "description", "active"]


def test_changes_filtered_by_kind_show_before_and_after(gql_client, imported):
    page = gql_client.query(IMPORT_CHANGES, {"id": gid(imported), "first": 10, "kind": "UPDATED"})
    changes = page["data"]["importJob"]["changes"]
    assert changes["totalCount"] == 2
    one, two = (edge["node"] for edge in changes["edges"])
    assert one["before"] == {"sku": "old-1", "name": "Old one", "description": "before",
                             "active": True}
    assert one["after"] == {"sku": "old-1", "name": "Old one", "description": "changed",
                            "active": False}
    assert one["changedFields"] == ["description", "active"]
    assert (two["before"]["sku"], two["after"]["sku"], two["changedFields"]) == (
        "OLD-2", "old-2", ["sku"]
    )
    created = gql_client.query(IMPORT_CHANGES, {"id": gid(imported), "first": 1,
                                                "kind": "CREATED"})
    assert created["data"]["importJob"]["changes"]["totalCount"] == 30


def test_products_show_their_provenance_until_a_person_edits_them(gql_client, imported):
    answer = gql_client.query(PRODUCT_PROVENANCE, {"sku": "new-05"})["data"]["productBySku"]
    assert answer["lastImportLine"] == 7
    assert answer["lastImport"] == {"id": gid(imported), "fileName": "catalogue.csv"}
    update_product(Product.objects.get(sku="new-05").pk, {"name": "Mine"})
    answer = gql_client.query(PRODUCT_PROVENANCE, {"sku": "new-05"})["data"]["productBySku"]
    assert (answer["lastImport"], answer["lastImportLine"]) == (None, None)


def test_revert_import_queues_a_revert_and_lists_conflicts(
    gql_client, imported, django_capture_on_commit_callbacks
):
    update_product(Product.objects.get(sku="new-03").pk, {"name": "Mine"})
    with django_capture_on_commit_callbacks() as callbacks:
        answer = gql_client.query(REVERT_IMPORT, {"id": gid(imported)})["data"]["revertImport"]
    assert len(callbacks) == 1  # the queue's worker, sent once the revert is committed
    assert (answer["kind"], answer["status"]) == ("REVERT", "PENDING")
    assert answer["reverts"] == {"id": gid(imported), "fileName": "catalogue.csv"}
    services.process_queue()

    job_id = answer["id"]
    done = gql_client.query(REVERT_CONFLICTS, {"id": job_id, "first": 10})["data"]["importJob"]
    assert done["conflictCount"] == 1 == done["conflicts"]["totalCount"]
    conflict = done["conflicts"]["edges"][0]["node"]
    assert conflict["reason"] == "EDITED" and "changed the product" in conflict["message"]
    assert conflict["change"] == {"line": 5, "sku": "new-03", "kind": "CREATED"}
    assert sorted(Product.objects.values_list("sku", "description")) == [
        ("OLD-2", "same"), ("new-03", "d"), ("old-1", "before")
    ]
    status = gql_client.query(IMPORT_CHANGES, {"id": gid(imported), "first": 1})
    job = status["data"]["importJob"]
    assert job["latestRevert"] == {"id": job_id, "status": "COMPLETED"}
    assert "already been reverted" in job["revertBlockedReason"]


@pytest.mark.parametrize("bad_id", ["nope", to_base64("Product", 1)])
def test_revert_of_a_malformed_id_is_bad_user_input(gql_client, bad_id):
    answer = gql_client.query(REVERT_IMPORT, {"id": bad_id})

    assert answer["data"] is None
    assert answer["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "id"}
    assert "is not the id of an import job" in answer["errors"][0]["message"]


def test_revert_of_an_unknown_id_is_a_message(gql_client):
    answer = gql_client.query(REVERT_IMPORT, {"id": to_base64("ImportJob", 99)})
    messages = answer["data"]["revertImport"]["messages"]
    assert messages == [{"kind": "VALIDATION", "message": "No import job with this id.",
                         "field": "id", "code": "not_found"}]


def test_revert_of_a_dry_run_is_a_message(gql_client, run_import):
    dry = run_import(b"sku,name\na,A\n", dry_run=True)
    answer = gql_client.query(REVERT_IMPORT, {"id": gid(dry)})["data"]["revertImport"]
    assert "dry run" in answer["messages"][0]["message"]


def test_signed_out_clients_cannot_revert(anon_gql_client, imported):
    # Signed out is an UNAUTHENTICATED error (the contract), not a message about the import.
    answer = anon_gql_client.query(REVERT_IMPORT, {"id": gid(imported)})
    assert answer["data"] is None
    [error] = answer["errors"]
    assert error["extensions"] == {"code": "UNAUTHENTICATED"}
    assert error["message"].startswith("Sign in first")
    assert not imported.reverted_by.exists()


def test_changes_csv_streams_before_and_after_side_by_side(user, imported, run_import):
    client = Client()
    client.force_login(user)
    response = client.get(f"/imports/{gid(imported)}/changes.csv")
    assert response.status_code == 200
    text = read_stream(response)
    assert text.startswith("\ufeff")  # UTF-8 with a BOM: Excel shows "Straße", not "StraÃŸe"
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:4] == ["line", "change", "sku", "before_sku"]
    assert len(rows) == 33
    by_sku = {row[2]: row for row in rows[1:]}
    assert by_sku["old-1"] == [
        "32", "Updated", "old-1", "old-1", "Old one", "before", "true",
        "old-1", "Old one", "changed", "false", "description active",
    ]
    assert by_sku["new-00"][1:] == [
        "Created", "new-00", "", "", "", "", "new-00", "New 0", "d", "true",
        "sku name description active",
    ]
    assert Client().get(f"/imports/{gid(imported)}/changes.csv").status_code == 401
    dry = run_import(b"sku,name\nnew-00,Renamed\nfresh,Fresh\n", dry_run=True)
    text = read_stream(client.get(f"/imports/{gid(dry)}/changes.csv"))
    assert [row[1] for row in csv.reader(io.StringIO(text[1:]))][1:] == [
        "Would update", "Would create"]
    unknown = client.get("/imports/9999/changes.csv")
    assert unknown.status_code == 404
    assert unknown.json() == {"error": "No import job with this id.", "code": "NOT_FOUND"}
