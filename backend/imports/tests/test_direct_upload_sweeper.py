"""The sweeper aborts direct uploads never completed within UPLOAD_ABANDON_HOURS, in a real
S3-compatible server (moto_server), and leaves the others alone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.periodic import registered
from imports import tasks
from imports.direct import services as direct
from imports.models import DirectUpload

pytestmark = pytest.mark.django_db


@pytest.fixture
def store(object_storage, settings):
    settings.UPLOAD_ABANDON_HOURS = 24
    return object_storage


def started(user, hours_ago: float) -> DirectUpload:
    upload = direct.create_upload(user, "catalogue.csv", 1000, "text/csv")
    DirectUpload.objects.filter(pk=upload.pk).update(
        created_at=timezone.now() - timedelta(hours=hours_ago)
    )
    return upload


def test_uploads_older_than_the_limit_are_aborted(user, store):
    old = started(user, hours_ago=25)
    fresh = started(user, hours_ago=1)

    assert direct.abort_abandoned() == 1

    assert store.pending_uploads() == [fresh.key]
    assert DirectUpload.objects.get(pk=old.pk).status == "ABORTED"
    assert DirectUpload.objects.get(pk=fresh.pk).status == "UPLOADING"
    assert direct.abort_abandoned() == 0  # safe to run again


def test_a_later_run_aborts_what_has_grown_old_since(user, store):
    fresh = started(user, hours_ago=1)

    assert direct.abort_abandoned() == 0
    assert direct.abort_abandoned(now=timezone.now() + timedelta(hours=24)) == 1

    assert store.pending_uploads() == []
    assert DirectUpload.objects.get(pk=fresh.pk).status == "ABORTED"


def test_the_sweeper_is_a_periodic_actor(user, store):
    started(user, hours_ago=30)

    assert tasks.abort_abandoned_uploads in [p.actor for p in registered()]
    tasks.abort_abandoned_uploads.fn()

    assert store.pending_uploads() == []


def test_nothing_to_sweep_without_object_storage(user):
    assert direct.abort_abandoned() == 0
