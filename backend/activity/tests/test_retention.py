from datetime import timedelta

from django.utils import timezone

from activity.models import Entry
from activity.recording import record
from activity.services import prune
from activity.tasks import prune_activity


def test_entries_past_the_retention_are_swept(db, settings):
    settings.ACTIVITY_RETENTION_DAYS = 30
    old = record("product.created", label="OLD")
    Entry.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=31))
    recent = record("product.created", label="NEW")

    assert prune() == 1

    assert list(Entry.objects.values_list("pk", flat=True)) == [recent.pk]


def test_the_sweeper_is_a_periodic_actor():
    from core.periodic import registered

    assert prune_activity.actor_name in {p.actor.actor_name for p in registered()}


def test_a_detail_that_could_hold_a_credential_is_refused(db):
    try:
        record("token.created", detail={"token": "pit_abc"})
    except ValueError as exc:
        assert "credential" in str(exc)
    else:
        raise AssertionError("a credential-like detail was written")
    assert not Entry.objects.exists()
