"""Before an undo: what it would do now; after it: the conflicts as a CSV file."""

import csv
import io

import pytest
from django.test import Client
from strawberry.relay import to_base64

from products.models import Product
from products.services import create_product, delete_all_products, update_product

from .test_errors_csv import read_stream

pytestmark = pytest.mark.django_db

PREVIEW = """
query Preview($id: ID!) {
  importJob(id: $id) { revertPreview { deleteCount restoreCount conflictCount } }
}
"""


def gid(job) -> str:
    return to_base64("ImportJob", job.pk)


def preview(client, job):
    answer = client.query(PREVIEW, {"id": gid(job)})
    assert "errors" not in answer, answer
    return answer["data"]["importJob"]["revertPreview"]


def test_the_preview_counts_what_an_undo_would_do_now(gql_client, run_import, run_revert):
    create_product(sku="a", name="Old")
    job = run_import(b"sku,name\na,New\nb,B\nc,C\n")
    assert preview(gql_client, job) == {"deleteCount": 2, "restoreCount": 1, "conflictCount": 0}

    update_product(Product.objects.get(sku="b").pk, {"name": "Mine"})
    assert preview(gql_client, job) == {"deleteCount": 1, "restoreCount": 1, "conflictCount": 1}

    delete_all_products()
    assert preview(gql_client, job) == {"deleteCount": 0, "restoreCount": 0, "conflictCount": 3}
    revert = run_revert(job)
    assert (revert.deleted_count, revert.restored_count, revert.conflict_count) == (0, 0, 3)
    # Reverted: there is nothing to preview any more.
    assert preview(gql_client, job) is None


def test_a_dry_run_has_no_preview(gql_client, run_import):
    job = run_import(b"sku,name\na,New\n", dry_run=True)
    assert preview(gql_client, job) is None


def test_conflicts_csv_shows_the_current_and_the_earlier_values(user, run_import, run_revert):
    create_product(sku="s1", name="Straße alt", description="before")
    job = run_import(b"sku,name,description\ns1,Strasse neu,after\nn1,New,d\nn2,Gone,d\n")
    update_product(Product.objects.get(sku="s1").pk, {"name": "Straße von Hand"})
    Product.objects.filter(sku="n2").delete()
    revert = run_revert(job)
    assert revert.conflict_count == 2

    client = Client()
    client.force_login(user)
    response = client.get(f"/imports/{gid(revert)}/conflicts.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = read_stream(response)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == [
        "line", "sku", "conflict",
        "current_sku", "current_name", "current_description", "current_active",
        "import_name", "import_description", "import_active",
        "earlier_sku", "earlier_name", "earlier_description", "earlier_active",
    ]  # fmt: skip
    assert rows[1] == [
        "2", "s1", "Edited since",
        "s1", "Straße von Hand", "after", "true",
        "Strasse neu", "after", "true",
        "s1", "Straße alt", "before", "true",
    ]  # fmt: skip
    assert rows[2][:7] == ["4", "n2", "Deleted since", "", "", "", ""]
    assert rows[2][10:] == ["", "", "", ""]  # created by the import: nothing earlier
    assert len(rows) == 3


def test_conflicts_csv_of_an_import_or_unknown_job_is_refused(user, run_import):
    job = run_import(b"sku,name\na,New\n")
    client = Client()
    client.force_login(user)
    refused = client.get(f"/imports/{gid(job)}/conflicts.csv")
    assert refused.status_code == 400
    assert refused.json()["code"] == "BAD_USER_INPUT"
    assert "only a revert has conflicts" in refused.json()["error"]
    assert client.get("/imports/9999/conflicts.csv").status_code == 404
    assert client.get("/imports/nope/conflicts.csv").status_code == 404
    assert Client().get(f"/imports/{gid(job)}/conflicts.csv").status_code == 401
