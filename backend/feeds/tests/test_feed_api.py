"""feeds, feed, createFeed, updateFeed, deleteFeed, runFeed: the saved fields, write-only
secrets, permissions, and a run queued."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from conftest import GraphQLClient
from feeds.models import Feed, FeedRun
from feeds.tests.documents import CREATE, DELETE, FEED, FEEDS, RUN, UPDATE, messages

pytestmark = pytest.mark.django_db

SECRET_PASSWORD = "hunter2-feed-password"
SECRET_TOKEN = "Bearer tok-very-secret-123"


def create(gql_client, **fields):
    payload = {"name": "Acme", "url": "http://127.0.0.1:9/catalogue.csv"} | fields
    return gql_client.query(CREATE, {"input": payload})["data"]["createFeed"]


def client_with_role(role: str) -> GraphQLClient:
    person = get_user_model().objects.create_user(username=f"{role}-1", password="x", role=role)
    client = Client()
    client.force_login(person)
    return GraphQLClient(client)


def test_create_keeps_the_fields_and_shows_secrets_only_as_set(gql_client):
    made = create(
        gql_client,
        username="shop",
        password=SECRET_PASSWORD,
        schedule="0 2 * * *",
        timeZone="Europe/Berlin",
        notifyEmails=["ops@example.com", "OPS@example.com"],
        options={
            "delimiter": ";",
            "mode": "UPDATE_ONLY",
            "missing": "DEACTIVATE",
            "missingScope": "SOURCE",
            "mapping": {"sku": "Art-Nr", "name": "Name"},
        },
    )

    assert made["name"] == "Acme" and made["username"] == "shop"
    assert made["hasPassword"] is True and made["hasHeaderValue"] is False
    assert "password" not in made and SECRET_PASSWORD not in str(made)
    assert made["scheduleDescription"] == "At 02:00, every day (Europe/Berlin)"
    assert len(made["nextRunTimes"]) == 3 and made["nextRunAt"] == made["nextRunTimes"][0]
    assert made["nextRunTimes"][0].endswith(("T01:00:00+00:00", "T00:00:00+00:00"))
    assert made["notifyEmails"] == ["ops@example.com"]
    feed = Feed.objects.get()
    assert made["options"] == {
        "format": None,
        "delimiter": ";",
        "headerRow": None,
        "mapping": {"sku": "Art-Nr", "name": "Name"},
        "mode": "UPDATE_ONLY",
        "missing": "DEACTIVATE",
        "missingScope": "SOURCE",
        "source": f"feed:{feed.pk}",
        "maxRemovalPercent": 10.0,
    }
    assert made["owner"] == {"username": "alice"}
    # Encrypted at rest: the column holds no plain text.
    assert feed.password_encrypted and SECRET_PASSWORD not in feed.password_encrypted


def test_manual_only_feed_has_no_next_run(gql_client):
    made = create(gql_client)
    assert (made["schedule"], made["nextRunAt"], made["nextRunTimes"]) == (None, None, [])
    assert made["scheduleDescription"] == "Manual only"
    assert made["timeZone"] == "UTC"


def test_update_changes_only_what_is_given_and_clears_a_secret_with_empty(gql_client):
    made = create(gql_client, headerName="Authorization", headerValue=SECRET_TOKEN)
    assert made["hasHeaderValue"] is True

    renamed = gql_client.query(UPDATE, {"id": made["id"], "input": {"name": "Acme 2"}})
    assert renamed["data"]["updateFeed"]["name"] == "Acme 2"
    assert renamed["data"]["updateFeed"]["hasHeaderValue"] is True
    assert renamed["data"]["updateFeed"]["headerName"] == "Authorization"

    cleared = gql_client.query(
        UPDATE, {"id": made["id"], "input": {"headerName": "", "headerValue": ""}}
    )["data"]["updateFeed"]
    assert (cleared["headerName"], cleared["hasHeaderValue"]) == (None, False)
    assert Feed.objects.get().header_value_encrypted == ""


def test_enabling_again_forgets_the_failures(gql_client):
    made = create(gql_client, schedule="*/5 * * * *")
    Feed.objects.update(
        enabled=False, consecutive_failures=5, disabled_reason="broken", next_run_at=None
    )
    again = gql_client.query(UPDATE, {"id": made["id"], "input": {"enabled": True}})
    feed = again["data"]["updateFeed"]
    assert (feed["enabled"], feed["consecutiveFailures"], feed["disabledReason"]) == (True, 0, None)
    assert feed["nextRunAt"] is not None


def test_list_newest_first_and_read_one(gql_client):
    first = create(gql_client, name="First")
    second = create(gql_client, name="Second")
    listed = gql_client.query(FEEDS, {"first": 10})["data"]["feeds"]
    assert listed["totalCount"] == 2
    assert [e["node"]["name"] for e in listed["edges"]] == ["Second", "First"]
    one = gql_client.query(FEED, {"id": first["id"]})["data"]["feed"]
    assert one["name"] == "First" and one["runs"]["totalCount"] == 0
    assert second["id"] != first["id"]


def test_delete_removes_the_feed_and_its_runs(gql_client):
    made = create(gql_client)
    gql_client.query(RUN, {"id": made["id"]})
    deleted = gql_client.query(DELETE, {"id": made["id"]})["data"]["deleteFeed"]
    assert deleted == {"id": made["id"], "name": "Acme"}
    assert not Feed.objects.exists() and not FeedRun.objects.exists()
    again = gql_client.query(DELETE, {"id": made["id"]})["data"]["deleteFeed"]
    assert messages(again) == {"id": "not_found"}


def test_run_feed_queues_one_run_and_refuses_a_second_while_it_waits(gql_client):
    made = create(gql_client)
    run = gql_client.query(RUN, {"id": made["id"]})["data"]["runFeed"]
    assert (run["status"], run["trigger"]) == ("QUEUED", "manual")
    second = gql_client.query(RUN, {"id": made["id"]})["data"]["runFeed"]
    assert messages(second) == {"id": "already_running"}
    assert FeedRun.objects.count() == 1


def test_viewers_read_feeds_but_may_not_change_them(gql_client):
    made = create(gql_client)
    viewer = client_with_role("viewer")
    assert viewer.query(FEEDS)["data"]["feeds"]["totalCount"] == 1
    for document, variables in (
        (CREATE, {"input": {"name": "x", "url": "http://127.0.0.1/a.csv"}}),
        (UPDATE, {"id": made["id"], "input": {"name": "y"}}),
        (DELETE, {"id": made["id"]}),
        (RUN, {"id": made["id"]}),
    ):
        answer = viewer.query(document, variables)
        assert answer["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert Feed.objects.get().name == "Acme" and not FeedRun.objects.exists()


def test_editors_may_create_and_run(db):
    editor = client_with_role("editor")
    made = create(editor)
    assert made["name"] == "Acme"
    assert editor.query(RUN, {"id": made["id"]})["data"]["runFeed"]["status"] == "QUEUED"


def test_a_malformed_id_is_a_bad_user_input(gql_client):
    answer = gql_client.query(RUN, {"id": "nope"})
    assert answer["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
