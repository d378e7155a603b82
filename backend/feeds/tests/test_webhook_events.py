"""Webhooks: import.finished names the feed whose run started the import (null for an
upload), and a feed disabled after too many failures sends feed.disabled."""

import json
from collections import deque

import pytest

from core.ids import encode_id
from feeds.tests.conftest import CATALOGUE
from webhooks import services as webhooks
from webhooks.models import WebhookEvent

pytestmark = pytest.mark.django_db


def events(kind: str) -> list[dict]:
    return [
        json.loads(e.payload)["data"] for e in WebhookEvent.objects.filter(type=kind).order_by("id")
    ]


@pytest.fixture
def subscribed(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    return webhooks.create_webhook(
        url="http://127.0.0.1:9/hook", events=["import.finished", "feed.disabled"]
    )


def test_import_finished_names_the_feed(
    subscribed, server, make_feed, run_now, run_import_as_upload
):
    server.serve("/c.csv", CATALOGUE)
    feed = make_feed(server.url("/c.csv"))
    run = run_now(feed)
    run_import_as_upload(b"sku,name\nM-1,Manual\n")
    by_feed, by_hand = events("import.finished")
    assert by_feed["id"] == encode_id("ImportJob", run.job_id)
    assert by_feed["feed"] == {"id": encode_id("Feed", feed.pk), "name": "Supplier"}
    assert by_hand["feed"] is None


def test_a_feed_disabled_after_failures_sends_feed_disabled(
    subscribed, server, make_feed, run_now, settings
):
    settings.FEED_DISABLE_AFTER_FAILURES = 2
    settings.FEED_FETCH_TRIES = 1
    server.serve("/c.csv", CATALOGUE, script=deque([500, 500, 500]))
    feed = make_feed(server.url("/c.csv"), schedule="0 * * * *")
    run_now(feed)
    assert events("feed.disabled") == []
    run_now(feed)
    [event] = events("feed.disabled")
    assert event["id"] == encode_id("Feed", feed.pk) and event["name"] == "Supplier"
    assert event["consecutiveFailures"] == 2
    assert event["disabledReason"].startswith("Disabled after 2 failed runs in a row")
    run_now(feed)  # a disabled feed run by hand: no second event
    assert len(events("feed.disabled")) == 1
