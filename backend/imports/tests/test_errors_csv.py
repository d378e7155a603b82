"""GET /imports/<id>/errors.csv: the rejected rows as they were, plus an `error` column."""

import csv
import io

import pytest
from asgiref.sync import async_to_sync
from django.test import Client
from django.utils.http import urlencode
from strawberry.relay import to_base64

from products.models import Product

pytestmark = pytest.mark.django_db


def read_stream(response) -> str:
    async def collect():
        return [part async for part in response.streaming_content]

    return b"".join(async_to_sync(collect)()).decode()

DATA = (
    b"SKU,Name,description\n"
    b'good,Fine,"ok"\n'
    b'bad-1,,"two\nlines"\n'
    b"short,Only two\n"
    b"x,y,z,extra\n"
)


def test_errors_csv_has_the_original_rows_and_an_error_column(gql_client, run_import):
    job = run_import(DATA)
    response = gql_client.client.get(f"/imports/{to_base64('ImportJob', job.pk)}/errors.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="import-{job.pk}-errors.csv"' in response["Content-Disposition"]
    text = read_stream(response)
    assert text.startswith("\ufeff")  # UTF-8 with a BOM: Excel opens it cleanly
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert rows[0] == ["line", "error", "SKU", "Name", "description"]
    assert rows[1][0] == "3" and rows[1][2:] == ["bad-1", "", "two\nlines"]
    assert rows[1][1].startswith("name is empty")
    assert rows[2][0] == "5" and rows[2][2:] == ["short", "Only two", ""]
    assert rows[2][1].startswith("the row has 2 fields but the header has 3")
    # a row with too many fields keeps line and error in their columns, the extra field last
    assert rows[3][0] == "6" and rows[3][2:] == ["x", "y", "z", "extra"]
    assert rows[3][1].startswith("the row has 4 fields")
    assert len(rows) == 4


def test_errors_csv_fixed_and_uploaded_again_as_it_is(gql_client, run_import):
    # given a semicolon Windows-1252 file with two bad rows
    data = "sku;name;active\r\nok;Fine;yes\r\nno-name;;yes\r\nbad-act;Crème;maybe\r\n"
    job = run_import(data.encode("cp1252"))
    assert (job.created_count, job.error_count) == (1, 2)
    # when the person fixes the cells in errors.csv and uploads it as it is
    text = read_stream(gql_client.client.get(f"/imports/{job.pk}/errors.csv"))
    fixed = text.replace("no-name,,yes", "no-name,Named now,yes").replace(",maybe", ",no")
    again = run_import(fixed.encode())
    # then both rows are imported and the line and error columns are ignored
    assert again.status == "COMPLETED" and again.error_count == 0
    assert again.header == ["line", "error", "sku", "name", "active"]
    assert again.created_count == 2
    assert dict(Product.objects.values_list("sku", "name")) == {
        "ok": "Fine", "no-name": "Named now", "bad-act": "Crème"}


def test_a_row_with_too_many_fields_fixed_in_errors_csv_imports(gql_client, run_import):
    # given a row whose description holds an unquoted comma (one field too many)
    job = run_import(b"sku,name,description\nA-1,Cup,White\nA-2,Mug,Big, blue\n")
    assert (job.created_count, job.error_count) == (1, 1)
    # when the person merges the split description back in errors.csv and uploads it
    text = read_stream(gql_client.client.get(f"/imports/{job.pk}/errors.csv"))
    header, row = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert header == ["line", "error", "sku", "name", "description"]
    assert row[2:] == ["A-2", "Mug", "Big", " blue"]
    out = io.StringIO()
    csv.writer(out).writerows([header, [*row[:4], "Big, blue"]])
    again = run_import(("\ufeff" + out.getvalue()).encode())
    # then the row imports, its line and error columns ignored
    assert again.status == "COMPLETED" and (again.created_count, again.error_count) == (1, 0)
    assert Product.objects.get(sku="A-2").description == "Big, blue"


def test_errors_csv_needs_sign_in(run_import):
    job = run_import(DATA)
    response = Client().get(f"/imports/{job.pk}/errors.csv")
    assert response.status_code == 401
    assert response.json()["code"] == "UNAUTHENTICATED"
    assert response.json()["error"].startswith("Sign in first")


def test_a_signed_out_browser_goes_to_sign_in_and_comes_back_to_the_download(run_import):
    job = run_import(DATA)
    path = f"/imports/{to_base64('ImportJob', job.pk)}/errors.csv"
    html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

    browser = Client().get(path, headers={"Accept": html})
    api_client = Client().get(path, headers={"Accept": "text/csv, application/json"})
    token_client = Client().get(path, headers={"Accept": html, "Authorization": "Bearer nope"})

    assert browser.status_code == 302
    assert browser["Location"] == "/login?" + urlencode({"next": path})
    assert api_client.status_code == 401 and "Sign in first" in api_client.json()["error"]
    assert token_client.status_code == 401


def test_errors_csv_of_unknown_job_is_404(gql_client):
    for path in ("/imports/424242/errors.csv", "/imports/garbage/errors.csv"):
        response = gql_client.client.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"error": "No import job with this id.", "code": "NOT_FOUND"}
