"""Schedules: cron in a time zone, in words; due feeds claimed once (a feed that missed
several runs runs once; a busy feed waits); the periodic actor runs them through a worker."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from feeds import runs, services, tasks
from feeds.models import Feed, FeedRun
from feeds.schedule import describe, next_runs
from feeds.tests.conftest import CATALOGUE
from imports.models import ImportJob
from imports.tests.waiting import wait_for


def test_next_runs_follow_the_time_zone_across_a_clock_change():
    # Berlin moves from UTC+1 to UTC+2 on 2026-03-29: 02:30 local is 01:30 UTC, then 00:30.
    after = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
    times = next_runs("30 2 * * *", "Europe/Berlin", after, 3)
    assert [t.isoformat() for t in times] == [
        "2026-03-28T01:30:00+00:00",
        "2026-03-29T01:00:00+00:00",  # 02:30 does not exist that day: 03:00 local instead
        "2026-03-30T00:30:00+00:00",
    ]


@pytest.mark.parametrize(
    ("cron", "words"),
    [
        ("0 2 * * *", "At 02:00, every day (Europe/Berlin)"),
        ("*/15 * * * *", "Every 15 minutes, every hour, every day (Europe/Berlin)"),
        ("0 6 * * 1-5", "At 06:00, Monday through Friday (Europe/Berlin)"),
        ("", "Manual only"),
    ],
)
def test_the_schedule_in_words(cron, words):
    assert describe(cron, "Europe/Berlin") == words


@pytest.mark.django_db
def test_aliases_are_kept_as_five_fields(make_feed):
    assert make_feed("http://127.0.0.1:9/c.csv", schedule="@daily").schedule == "0 0 * * *"


@pytest.mark.django_db
def test_a_feed_that_missed_several_runs_runs_once(make_feed):
    feed = make_feed("http://127.0.0.1:9/c.csv", schedule="*/5 * * * *")
    Feed.objects.filter(pk=feed.pk).update(next_run_at=timezone.now() - timedelta(hours=3))
    queued = services.claim_due()
    assert len(queued) == 1 and FeedRun.objects.get().trigger == "schedule"
    feed.refresh_from_db()
    assert timezone.now() < feed.next_run_at <= timezone.now() + timedelta(minutes=5)
    assert services.claim_due() == []


@pytest.mark.django_db
def test_disabled_manual_and_future_feeds_are_not_due(make_feed):
    url = "http://127.0.0.1:9/c.csv"
    manual = make_feed(url)
    later = make_feed(url, schedule="0 0 1 1 *")
    off = make_feed(url, schedule="* * * * *", enabled=False)
    Feed.objects.filter(pk=off.pk).update(next_run_at=timezone.now() - timedelta(hours=1))
    assert (manual.next_run_at, off.next_run_at) == (None, None)
    assert later.next_run_at > timezone.now()
    assert services.claim_due() == []


@pytest.mark.django_db
def test_a_busy_feed_stays_due_and_runs_after(make_feed, server):
    server.serve("/c.csv", CATALOGUE)
    feed = make_feed(server.url("/c.csv"), schedule="* * * * *")
    services.queue_run(feed.pk)
    Feed.objects.filter(pk=feed.pk).update(next_run_at=timezone.now() - timedelta(minutes=1))
    assert services.claim_due() == []
    FeedRun.objects.update(status=FeedRun.Status.UNCHANGED, settled=True)
    assert len(services.claim_due()) == 1


@pytest.mark.django_db(transaction=True)
def test_the_periodic_actor_runs_a_due_feed_through_the_worker(make_feed, server, worker, broker):
    server.serve("/c.csv", CATALOGUE)
    feed = make_feed(server.url("/c.csv"), schedule="0 0 1 1 *")
    Feed.objects.filter(pk=feed.pk).update(next_run_at=timezone.now() - timedelta(days=400))
    tasks.schedule_feeds.send()
    job = wait_for(
        lambda: ImportJob.objects.filter(status=ImportJob.Status.COMPLETED).first(),
        what="the feed's import",
    )
    assert job.created_count == 2
    run = wait_for(lambda: FeedRun.objects.filter(settled=True).first(), what="settled run")
    assert (run.status, run.job_id, run.trigger) == ("IMPORTED", job.pk, "schedule")
    tasks.schedule_feeds.send()
    broker.join("feeds", timeout=10_000)
    assert FeedRun.objects.count() == 1


@pytest.mark.django_db
def test_a_run_left_running_by_a_dead_worker_fails(make_feed, settings):
    settings.FEED_RUN_TIME_LIMIT_SECONDS = 10
    feed = make_feed("http://127.0.0.1:9/c.csv")
    run = services.queue_run(feed.pk)
    FeedRun.objects.filter(pk=run.pk).update(
        status=FeedRun.Status.RUNNING, fetch_started_at=timezone.now() - timedelta(minutes=5)
    )
    assert runs.stale_running() == [run.pk]
    run.refresh_from_db()
    assert (run.status, run.error_code, run.settled) == ("FAILED", "WORKER_LOST", True)
