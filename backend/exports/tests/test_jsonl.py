"""JSON Lines exports: one object a line with the API's names; ids that the API resolves."""

import gzip
import json

import pytest
from strawberry.relay import to_base64

from .conftest import TRICKY, read_download

pytestmark = pytest.mark.django_db

PRODUCT_BY_ID = """
query ($id: ID!) {
  product(id: $id) { id sku name description active createdAt updatedAt }
}
"""


def download(gql_client, job) -> tuple:
    response, body = read_download(
        gql_client.client, f"/exports/{to_base64('ExportJob', job.pk)}/download"
    )
    assert response.status_code == 200, body
    return response, body


def lines_of(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_jsonl_export_parses_line_by_line_and_its_ids_resolve(
    gql_client, run_export, tricky_products
):
    job = run_export("JSONL")
    response, body = download(gql_client, job)

    items = lines_of(body.decode("utf-8"))

    assert job.status == "COMPLETED" and job.row_count == len(TRICKY)
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    assert f'products-export-{job.pk}.jsonl"' in response["Content-Disposition"]
    assert body.count(b"\n") == len(TRICKY) and body.endswith(b"\n")
    assert [(i["sku"], i["name"], i["description"], i["active"]) for i in items] == sorted(
        TRICKY, key=lambda row: row[0]
    )
    for item in items:
        answer = gql_client.query(PRODUCT_BY_ID, {"id": item["id"]})
        assert "errors" not in answer, answer
        assert answer["data"]["product"] == item  # same names and values as the API gives


def test_jsonl_gz_export_decompresses_to_the_same_lines(gql_client, run_export, tricky_products):
    plain = download(gql_client, run_export("JSONL"))[1]
    job = run_export("JSONL_GZ")
    response, body = download(gql_client, job)

    assert response["Content-Type"] == "application/gzip"
    assert f'products-export-{job.pk}.jsonl.gz"' in response["Content-Disposition"]
    assert body[:2] == b"\x1f\x8b"
    assert lines_of(gzip.decompress(body).decode("utf-8")) == lines_of(plain.decode("utf-8"))


def test_jsonl_export_follows_the_filters(gql_client, run_export, tricky_products):
    job = run_export("JSONL", {"active": {"exact": False}})

    items = lines_of(download(gql_client, job)[1].decode("utf-8"))

    assert sorted(i["sku"] for i in items) == sorted(s for s, _, _, a in TRICKY if not a)
    assert all(i["active"] is False for i in items)
