"""A run: fetch, then a normal import of a new file, or UNCHANGED (304 or the same SHA-256);
failures counted and the feed disabled after too many; credentials never in a log line or
a message."""

import hashlib
import logging

import pytest
from django.core.exceptions import ValidationError

from feeds import services
from feeds.models import FeedRun
from feeds.tests.conftest import CATALOGUE
from imports import services as imports
from imports.models import ImportJob
from products.models import Product

pytestmark = pytest.mark.django_db

PASSWORD = "pw-Zebra-42-never-logged"
TOKEN = "Bearer tok-Quokka-77-never-logged"


def skus():
    return sorted(Product.objects.values_list("sku", flat=True))


def test_first_run_imports_then_304_is_unchanged_then_a_new_file_imports(
    server, make_feed, run_now, user
):
    route = server.serve("/c.csv", CATALOGUE, etag='"v1"')
    feed = make_feed(server.url("/c.csv"))

    first = run_now(feed)
    assert first.status == FeedRun.Status.IMPORTED and first.settled
    assert (first.fetched_bytes, first.etag, first.http_status) == (len(CATALOGUE), '"v1"', 200)
    assert first.sha256 == hashlib.sha256(CATALOGUE).hexdigest()
    job = first.job
    assert job.status == ImportJob.Status.COMPLETED and job.created_count == 2
    assert (job.source, job.created_by, job.file_name) == (f"feed:{feed.pk}", user, "c.csv")
    assert job.origin == ImportJob.Origin.FEED
    assert skus() == ["SKU-1", "SKU-2"]

    second = run_now(feed)
    assert second.status == FeedRun.Status.UNCHANGED and second.job is None
    assert "304" in second.message and second.fetched_bytes == 0
    assert server.hits("/c.csv")[-1].headers["If-None-Match"] == '"v1"'
    assert ImportJob.objects.count() == 1

    route.body, route.etag = CATALOGUE + b"SKU-3,Third,Three\n", '"v2"'
    third = run_now(feed)
    assert third.status == FeedRun.Status.IMPORTED and third.job.created_count == 1
    assert skus() == ["SKU-1", "SKU-2", "SKU-3"]
    assert feed.consecutive_failures == 0


def test_the_same_content_without_validators_is_unchanged_by_its_digest(server, make_feed, run_now):
    server.serve("/c.csv", CATALOGUE)
    feed = make_feed(server.url("/c.csv"))
    assert run_now(feed).status == FeedRun.Status.IMPORTED
    again = run_now(feed)
    assert again.status == FeedRun.Status.UNCHANGED and "SHA-256" in again.message
    assert again.sha256 == hashlib.sha256(CATALOGUE).hexdigest()
    assert ImportJob.objects.count() == 1


def test_a_file_whose_import_failed_is_imported_again(server, make_feed, run_now):
    route = server.serve("/c.csv", b"name,description\nNo sku,x\n")
    feed = make_feed(server.url("/c.csv"))
    first = run_now(feed)
    assert first.status == FeedRun.Status.IMPORTED
    assert first.job.status == ImportJob.Status.FAILED
    assert feed.consecutive_failures == 1  # an import that failed is a failed run
    second = run_now(feed)
    assert second.status == FeedRun.Status.IMPORTED and second.job_id != first.job_id
    route.body = CATALOGUE
    assert run_now(feed).job.status == ImportJob.Status.COMPLETED
    feed.refresh_from_db()
    assert feed.consecutive_failures == 0


def test_saved_options_apply_and_source_scope_means_this_feeds_products(
    server, make_feed, run_now, run_import_as_upload
):
    run_import_as_upload(b"sku,name\nMANUAL-1,By hand\n")
    route = server.serve("/c.csv", b"Art;Bezeichnung\nSKU-1;First\nSKU-2;Second\n")
    feed = make_feed(
        server.url("/c.csv"),
        options={
            "delimiter": ";",
            "mapping": {"sku": "Art", "name": "Bezeichnung"},
            "missing": "DELETE",
            "missing_scope": "SOURCE",
            "max_removal_percent": 100,
        },
    )
    first = run_now(feed)
    assert first.job.status == ImportJob.Status.COMPLETED
    assert first.job.created_count == 2
    route.body = b"Art;Bezeichnung\nSKU-1;First again\n"
    run = run_now(feed)
    assert run.job.status == ImportJob.Status.COMPLETED and run.job.deleted_count == 1
    assert skus() == ["MANUAL-1", "SKU-1"]


def test_runs_of_one_feed_never_overlap(server, make_feed, django_capture_on_commit_callbacks):
    from feeds import runs

    server.serve("/c.csv", CATALOGUE)
    feed = make_feed(server.url("/c.csv"))
    run = services.queue_run(feed.pk)
    with pytest.raises(ValidationError) as waiting:
        services.queue_run(feed.pk)
    assert waiting.value.error_dict["id"][0].code == "already_running"
    runs.execute(run.pk)  # its import waits in the queue: the feed is still busy
    assert ImportJob.objects.get().status == ImportJob.Status.PENDING
    with pytest.raises(ValidationError):
        services.queue_run(feed.pk)
    with django_capture_on_commit_callbacks(execute=True):
        imports.process_queue()
    assert services.queue_run(feed.pk).status == FeedRun.Status.QUEUED


@pytest.mark.parametrize(
    ("path", "serve", "code"),
    [
        (
            "/page",
            {"body": b"<html><body>Sign in</body></html>", "content_type": "text/html"},
            "NOT_A_CATALOGUE",
        ),
        ("/gone", {"body": b"", "script": [404]}, "SOURCE_HTTP_ERROR"),
        ("/c.csv", {"body": CATALOGUE * 50}, "FILE_TOO_LARGE"),
        ("/c.csv", {"body": CATALOGUE, "declared_length": 500}, "SOURCE_CHANGED"),
        ("/slow", {"body": CATALOGUE, "delay": 2.5}, "SOURCE_TIMEOUT"),
    ],
)
def test_a_failing_source_fails_the_run_and_leaves_the_catalogue(
    server, make_feed, run_now, settings, path, serve, code
):
    from collections import deque

    settings.IMPORT_MAX_UPLOAD_BYTES = 1000
    settings.FEED_READ_TIMEOUT_SECONDS = 1.0
    settings.FEED_FETCH_TRIES = 1
    server.serve(path, **{**serve, "script": deque(serve.get("script", []))})
    feed = make_feed(server.url(path))
    run = run_now(feed)
    assert (run.status, run.error_code, run.job) == (FeedRun.Status.FAILED, code, None)
    assert run.message and run.finished_at is not None
    assert Product.objects.count() == 0 and ImportJob.objects.count() == 0
    assert feed.consecutive_failures == 1


def test_an_sftp_run_fails_until_the_sftp_source_exists(make_feed, run_now):
    feed = make_feed("sftp://127.0.0.1:2222/out/c.csv", username="u", password="p")
    run = run_now(feed)
    assert run.status == FeedRun.Status.FAILED
    assert run.error_code in ("SOURCE_NOT_AVAILABLE", "SOURCE_UNREACHABLE")


def test_failures_in_a_row_disable_the_feed_and_a_success_resets_the_count(
    server, make_feed, run_now, settings
):
    from collections import deque

    settings.FEED_DISABLE_AFTER_FAILURES = 3
    settings.FEED_FETCH_TRIES = 1
    route = server.serve("/c.csv", CATALOGUE, script=deque([500, 500]))
    feed = make_feed(server.url("/c.csv"), schedule="*/5 * * * *")
    run_now(feed)
    run_now(feed)
    assert feed.consecutive_failures == 2
    assert run_now(feed).status == FeedRun.Status.IMPORTED
    assert feed.consecutive_failures == 0 and feed.enabled
    route.script.extend([503, 503, 503])
    route.body = CATALOGUE + b"SKU-9,Nine,\n"
    for _ in range(3):
        run_now(feed)
    assert (feed.enabled, feed.consecutive_failures, feed.next_run_at) == (False, 3, None)
    assert feed.disabled_reason.startswith("Disabled after 3 failed runs in a row")
    assert "HTTP 503" in feed.disabled_reason


def test_credentials_never_reach_a_log_line_or_a_message(
    server, make_feed, run_now, caplog, settings
):
    from collections import deque

    settings.FEED_FETCH_TRIES = 2
    caplog.set_level(logging.DEBUG)
    server.serve("/basic.csv", CATALOGUE, basic=("shop", "other-password"))
    server.serve("/token.csv", CATALOGUE, script=deque([500, 500]))
    basic = make_feed(server.url("/basic.csv"), username="shop", password=PASSWORD)
    header = make_feed(server.url("/token.csv"), headerName="Authorization", headerValue=TOKEN)
    failed = [run_now(basic), run_now(header)]
    assert [run.status for run in failed] == [FeedRun.Status.FAILED] * 2
    assert server.hits("/token.csv")[0].headers["Authorization"] == TOKEN  # it was sent
    text = caplog.text + " ".join(run.message for run in failed)
    text += " ".join(str(r.__dict__) for r in caplog.records)
    for secret in (PASSWORD, TOKEN, "Quokka", "Zebra"):
        assert secret not in text
    assert "feed" in caplog.text.lower()  # the runs were logged
