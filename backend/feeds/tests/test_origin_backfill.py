"""The feeds migration marks the import jobs that feed runs started as FEED (the imports
migration before it left them UPLOAD)."""

import importlib

import pytest
from django.apps import apps

from feeds.models import FeedRun
from imports.models import ImportJob

pytestmark = pytest.mark.django_db


def test_the_jobs_of_feed_runs_become_feed_jobs_and_no_other(make_feed, server):
    feed = make_feed(server.url("/c.csv"))
    fed = ImportJob.objects.create(file_name="c.csv", file="imports/1.upload", file_size=9)
    uploaded = ImportJob.objects.create(file_name="c.csv", file="imports/2.upload", file_size=9)
    FeedRun.objects.create(feed=feed, trigger=FeedRun.Trigger.MANUAL,
                           status=FeedRun.Status.IMPORTED, job=fed)
    FeedRun.objects.create(feed=feed, trigger=FeedRun.Trigger.MANUAL,
                           status=FeedRun.Status.UNCHANGED)
    ImportJob.objects.update(origin=ImportJob.Origin.UPLOAD)
    migration = importlib.import_module("feeds.migrations.0002_import_job_origin")

    migration.backfill(apps, None)

    assert dict(ImportJob.objects.values_list("pk", "origin")) == {
        fed.pk: "FEED", uploaded.pk: "UPLOAD"}
