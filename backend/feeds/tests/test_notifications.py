"""E-mails about runs through a real SMTP server (aiosmtpd): a failed run, an import with
bad rows, one held by the removal guard; clean and unchanged runs only when asked. Sent by
an actor, so the import never waits for the mail server."""

import socket
from collections import deque

import pytest
from django.core import mail

from core.ids import encode_id
from feeds import notifications
from feeds.models import FeedRun
from feeds.tests.conftest import CATALOGUE
from feeds.tests.documents import RUN
from imports.models import ImportJob
from imports.tests.waiting import wait_for

TOKEN = "Bearer tok-Pangolin-31-never-mailed"


def body(message) -> str:
    return message.get_payload(decode=True).decode()


@pytest.fixture
def owner(user):
    user.email = "alice@example.com"
    user.save()
    return user


@pytest.mark.django_db
def test_a_failed_run_is_mailed_to_the_owner_and_the_extra_addresses(
    smtp_inbox,
    owner,
    server,
    make_feed,
    run_now,
    settings,
):
    settings.FEED_FETCH_TRIES = 1
    server.serve("/c.csv", CATALOGUE, script=deque([500]))
    feed = make_feed(
        server.url("/c.csv"),
        notifyEmails=["ops@example.com"],
        headerName="Authorization",
        headerValue=TOKEN,
    )
    run = run_now(feed)
    assert notifications.send(run.pk, notifications.FINISHED) is True
    [message] = smtp_inbox.wait_for(1)
    assert message["Subject"] == 'Feed "Supplier": the run failed'
    assert sorted(message["To"].split(", ")) == ["alice@example.com", "ops@example.com"]
    text = body(message)
    assert "SOURCE_HTTP_ERROR" in text and "HTTP 500" in text and "Pangolin" not in text


@pytest.mark.django_db
def test_bad_rows_are_mailed_and_a_clean_run_is_not(
    smtp_inbox,
    owner,
    server,
    make_feed,
    run_now,
):
    route = server.serve("/c.csv", CATALOGUE)
    feed = make_feed(server.url("/c.csv"))
    clean = run_now(feed)
    assert notifications.send(clean.pk, notifications.FINISHED) is False
    route.body = CATALOGUE + b",No SKU,x\nSKU-4,,\n"
    bad = run_now(feed)
    assert bad.job.error_count == 2
    assert notifications.send(bad.pk, notifications.FINISHED) is True
    [message] = smtp_inbox.wait_for(1)
    assert message["Subject"] == 'Feed "Supplier": imported, 2 rows rejected'
    assert "errors.csv" in body(message)


@pytest.mark.django_db
def test_clean_and_unchanged_runs_are_mailed_when_asked(
    smtp_inbox,
    owner,
    server,
    make_feed,
    run_now,
):
    server.serve("/c.csv", CATALOGUE, etag='"1"')
    feed = make_feed(server.url("/c.csv"), notifyOnSuccess=True)
    for run in (run_now(feed), run_now(feed)):
        assert notifications.send(run.pk, notifications.FINISHED) is True
    subjects = sorted(m["Subject"] for m in smtp_inbox.wait_for(2))
    assert subjects == ['Feed "Supplier": imported', 'Feed "Supplier": nothing new']


@pytest.mark.django_db
def test_an_import_held_by_the_removal_guard_is_mailed(
    smtp_inbox,
    owner,
    server,
    make_feed,
    run_now,
):
    route = server.serve("/c.csv", CATALOGUE)
    feed = make_feed(server.url("/c.csv"), options={"missing": "DELETE", "missing_scope": "SOURCE"})
    run_now(feed)
    route.body = b"sku,name\nSKU-1,First\n"
    held = run_now(feed)
    assert held.job.status == ImportJob.Status.NEEDS_CONFIRMATION and not held.settled
    assert notifications.send(held.pk, notifications.HELD) is True
    [message] = smtp_inbox.wait_for(1)
    assert "waits for your confirmation" in message["Subject"]
    assert "remove 1 of 2 products" in body(message)


@pytest.mark.django_db
def test_nobody_to_tell_sends_nothing(server, make_feed, run_now, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.EMAIL_DELIVERY = "smtp"
    settings.FEED_FETCH_TRIES = 1
    server.serve("/c.csv", CATALOGUE, script=deque([404]))
    run = run_now(make_feed(server.url("/c.csv")))  # the owner has no address
    assert notifications.send(run.pk, notifications.FINISHED) is False
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_mail_server_that_is_down_fails_the_mail_not_the_import(
    owner, server, make_feed, run_now, settings
):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_DELIVERY = (
        "127.0.0.1",
        closed_port,
        "smtp",
    )
    server.serve("/c.csv", CATALOGUE + b",No SKU,\n")
    run = run_now(make_feed(server.url("/c.csv")))
    assert run.job.status == ImportJob.Status.COMPLETED
    with pytest.raises(OSError):  # the actor is retried
        notifications.send(run.pk, notifications.FINISHED)


@pytest.mark.django_db(transaction=True)
def test_the_worker_mails_a_run_after_it_ends(
    smtp_inbox,
    owner,
    server,
    make_feed,
    gql_client,
    worker,
    settings,
):
    settings.FEED_FETCH_TRIES = 1
    server.serve("/c.csv", b"<html>login</html>", content_type="text/html")
    feed = make_feed(server.url("/c.csv"))
    answer = gql_client.query(RUN, {"id": encode_id("Feed", feed.pk)})
    assert answer["data"]["runFeed"]["status"] == "QUEUED"
    [message] = smtp_inbox.wait_for(1, timeout=30)
    assert "NOT_A_CATALOGUE" in body(message)
    wait_for(lambda: FeedRun.objects.filter(settled=True).exists(), what="settled run")
