"""Fixtures of the feeds app: a real loopback HTTP server with catalogue files, quick
fetch settings (loopback sources allowed), and feeds made through the service."""

import pytest

from accounts.tests.conftest import smtp_inbox  # noqa: F401 (a real SMTP server)
from feeds import services
from feeds.tests.catalogue_server import CatalogueServer

CATALOGUE = b"sku,name,description\nSKU-1,First,One\nSKU-2,Second,Two\n"


@pytest.fixture
def server():
    """A loopback HTTP server; routes are added by the test."""
    with CatalogueServer() as started:
        yield started


@pytest.fixture(autouse=True)
def _feed_settings(settings):
    """Loopback sources allowed, short timeouts and no pause between tries."""
    settings.FEED_ALLOW_PRIVATE_SOURCES = True
    settings.FEED_CONNECT_TIMEOUT_SECONDS = 2.0
    settings.FEED_READ_TIMEOUT_SECONDS = 2.0
    settings.FEED_RETRY_BACKOFF_SECONDS = 0.05
    settings.FEED_FETCH_TRIES = 3


@pytest.fixture
def make_feed(user):
    """Create a feed through the service, owned by the `user` fixture."""

    def make(url, **fields):
        return services.create_feed({"name": "Supplier", "url": url, **fields}, owner=user)

    return make


@pytest.fixture
def run_now(django_capture_on_commit_callbacks):
    """Queue a run of `feed`, execute it in this thread and work the import queue; return
    the run as it ended (its import too, when it started one)."""
    from feeds import runs
    from imports import services as imports

    def run_now(feed):
        run = services.queue_run(feed.pk)
        with django_capture_on_commit_callbacks(execute=True):
            runs.execute(run.pk)
        with django_capture_on_commit_callbacks(execute=True):
            imports.process_queue()
        run.refresh_from_db()
        feed.refresh_from_db()
        return run

    return run_now


@pytest.fixture
def run_import_as_upload(django_capture_on_commit_callbacks):
    """Import `data` as a person's upload and work the queue; return the job."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from imports import services as imports

    def run(data: bytes):
        job = imports.submit_import(SimpleUploadedFile("upload.csv", data))
        with django_capture_on_commit_callbacks(execute=True):
            imports.process_queue()
        job.refresh_from_db()
        return job

    return run
