"""testFeedSource: reach the source, stage the fetched file (not listed among imports)."""

import pytest

from core.ids import encode_id
from feeds.models import Feed, FeedRun
from feeds.tests.conftest import CATALOGUE
from feeds.tests.documents import IMPORT_JOBS, TEST_SOURCE, messages
from imports.models import ImportJob

pytestmark = pytest.mark.django_db


def test_a_reachable_source_gives_a_staged_job_with_its_preview(gql_client, server):
    server.serve("/cat.csv", CATALOGUE, etag='"v1"')
    answer = gql_client.query(TEST_SOURCE, {"input": {"url": server.url("/cat.csv")}})
    found = answer["data"]["testFeedSource"]
    assert found["ok"] is True and found["httpStatus"] == 200
    assert found["size"] == len(CATALOGUE) and found["contentType"] == "text/csv"
    assert found["job"]["status"] == "STAGED"
    assert found["job"]["headers"] == ["sku", "name", "description"]
    assert found["job"]["mapping"] == {"sku": "sku", "name": "name"}
    assert [row["values"][0] for row in found["job"]["previewRows"]] == ["SKU-1", "SKU-2"]
    # Not listed among the imports, and nothing saved about a feed.
    assert gql_client.query(IMPORT_JOBS)["data"]["importJobs"]["totalCount"] == 0
    assert ImportJob.objects.get().listed is False
    assert ImportJob.objects.get().origin == ImportJob.Origin.FEED
    assert not Feed.objects.exists() and not FeedRun.objects.exists()


def test_a_saved_feed_lends_its_secrets(gql_client, server, make_feed):
    server.serve("/private.csv", CATALOGUE, basic=("shop", "s3cret"))
    feed = make_feed(server.url("/private.csv"), username="shop", password="s3cret")
    without = gql_client.query(TEST_SOURCE, {"input": {"url": server.url("/private.csv")}})
    assert without["data"]["testFeedSource"]["ok"] is False
    assert without["data"]["testFeedSource"]["httpStatus"] == 401
    assert without["data"]["testFeedSource"]["code"] == "SOURCE_HTTP_ERROR"
    answer = gql_client.query(TEST_SOURCE, {"input": {}, "feedId": encode_id("Feed", feed.pk)})[
        "data"
    ]["testFeedSource"]
    assert answer["ok"] is True and answer["job"]["status"] == "STAGED"


def test_an_html_page_is_not_a_catalogue(gql_client, server):
    server.serve(
        "/login", b"<!DOCTYPE html><html><body>Sign in</body></html>", content_type="text/plain"
    )
    found = gql_client.query(TEST_SOURCE, {"input": {"url": server.url("/login")}})
    assert found["data"]["testFeedSource"]["code"] == "NOT_A_CATALOGUE"
    assert not ImportJob.objects.exists()


def test_bad_fields_and_unknown_feed_are_refused(gql_client):
    answer = gql_client.query(TEST_SOURCE, {"input": {"url": "ftp://x/y.csv"}})
    assert messages(answer["data"]["testFeedSource"]) == {"url": "unsupported_scheme"}
    unknown = gql_client.query(TEST_SOURCE, {"input": {}, "feedId": encode_id("Feed", 42)})
    assert messages(unknown["data"]["testFeedSource"]) == {"feedId": "not_found"}
