"""Production mode: three real worker processes send the periodic scheduler many times; a
feed due once (it missed runs during an outage) runs exactly once."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from feeds.models import Feed, FeedRun
from feeds.tests.conftest import CATALOGUE
from imports.models import ImportJob
from imports.tests.test_worker_processes import kill, start_worker
from imports.tests.waiting import wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.production_only]


def test_three_workers_run_a_due_feed_exactly_once(tmp_path, make_feed, server, broker):
    server.serve("/c.csv", CATALOGUE)
    feed = make_feed(server.url("/c.csv"), schedule="0 0 1 1 *")
    Feed.objects.filter(pk=feed.pk).update(next_run_at=timezone.now() - timedelta(days=3))
    workers = [
        start_worker(
            tmp_path / f"worker-{n}.log",
            FEED_SCHEDULE_SECONDS="0.5",
            FEED_ALLOW_PRIVATE_SOURCES="1",
        )
        for n in range(3)
    ]
    try:
        job = wait_for(
            lambda: ImportJob.objects.filter(status=ImportJob.Status.COMPLETED).first(),
            timeout=90,
            what="the feed's import",
        )
        time.sleep(4)  # every worker sends the scheduler several more times
        assert FeedRun.objects.count() == 1 and ImportJob.objects.count() == 1
        assert len(server.hits("/c.csv")) == 1
        run = FeedRun.objects.get()
        assert (run.status, run.job_id, run.trigger) == ("IMPORTED", job.pk, "schedule")
        feed.refresh_from_db()
        assert feed.next_run_at > timezone.now() + timedelta(days=20)
    finally:
        for process in workers:
            kill(process)
