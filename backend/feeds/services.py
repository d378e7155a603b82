"""Feeds: create, change and delete them, and queue their runs (by hand or when due).

Services record rows and return; the API layer and the actors send the messages
(`tasks.run_feed` for a queued run). Runs of one feed never overlap: a feed is busy while a
run waits or fetches (a unique index allows one such run per feed) or while the import its
last run started has not ended.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from . import credentials, schedule, validation
from .models import Feed, FeedRun

NO_SUCH_FEED = "No feed with this id."
# Plain fields of FeedInput (API name -> model field); secrets are handled apart.
PLAIN = {
    "name": "name",
    "url": "url",
    "username": "username",
    "headerName": "header_name",
    "hostKey": "host_key",
    "schedule": "schedule",
    "timeZone": "time_zone",
    "enabled": "enabled",
    "notifyEmails": "notify_emails",
    "notifyOnSuccess": "notify_on_success",
    "options": "options",
}
SECRETS = {
    "password": "password_encrypted",
    "headerValue": "header_value_encrypted",
    "privateKey": "private_key_encrypted",
}


def feeds_for(user: Any) -> QuerySet[Feed]:
    """The feeds a person may see: every feed (they are the team's), newest first."""
    return Feed.objects.select_related("owner").order_by("-created_at", "-id")


def _feed(feed_id: int, *, lock: bool = False) -> Feed:
    query = Feed.objects.select_for_update() if lock else Feed.objects
    feed = query.filter(pk=feed_id).first()
    if feed is None:
        raise ValidationError({"id": ValidationError(NO_SUCH_FEED, code="not_found")})
    return feed


def apply_fields(
    feed: Feed, data: dict[str, Any], *, creating: bool, name_required: bool = True
) -> None:
    """Check `data` (API names; absent keys keep the feed's values) and set it on `feed`
    (not saved); raise ValidationError with every problem found."""
    problems = validation.Problems()
    given = {key: value for key, value in data.items() if key in PLAIN or key in SECRETS}
    if (creating and name_required) or "name" in given:
        feed.name = validation.clean_name(given.get("name"), problems)
    if creating or "url" in given:
        feed.url = validation.clean_url(given.get("url"), problems)
    for key in ("username", "headerName", "hostKey"):
        if key in given:
            setattr(feed, PLAIN[key], str(given[key] or "").strip())
    secrets: dict[str, str] = {}
    for key in SECRETS:
        if key in given and given[key] is not None:
            secrets[key] = (
                str(given[key]).strip()
                if key != "privateKey"
                else str(given[key]).strip() + ("\n" if str(given[key]).strip() else "")
            )
    if "options" in given or creating:
        feed.options = validation.clean_options_json(given.get("options"), problems)
    if creating or "schedule" in given or "timeZone" in given:
        feed.schedule, feed.time_zone = validation.clean_schedule_fields(
            given.get("schedule", feed.schedule), given.get("timeZone", feed.time_zone), problems
        )
    if "notifyEmails" in given:
        feed.notify_emails = validation.clean_emails(given["notifyEmails"], problems)
    for key in ("enabled", "notifyOnSuccess"):
        if key in given and given[key] is not None:
            setattr(feed, PLAIN[key], bool(given[key]))
    validation.check_credentials(
        {
            "url": feed.url,
            "username": feed.username,
            "header_name": feed.header_name,
            "host_key": feed.host_key,
            "has_password": _has(feed, secrets, "password"),
            "has_header_value": _has(feed, secrets, "headerValue"),
            "has_private_key": _has(feed, secrets, "privateKey"),
            "header_value_given": secrets.get("headerValue"),
            "private_key_given": secrets.get("privateKey"),
        },
        problems,
    )
    problems.raise_if_any()
    for key, value in secrets.items():
        setattr(feed, SECRETS[key], credentials.encrypt(value))


def _has(feed: Feed, secrets: dict[str, str], key: str) -> bool:
    if key in secrets:
        return bool(secrets[key])
    return bool(getattr(feed, SECRETS[key]))


def _reschedule(feed: Feed, now: datetime | None = None) -> None:
    feed.next_run_at = (
        schedule.next_run(feed.schedule, feed.time_zone, now or timezone.now())
        if feed.enabled
        else None
    )


def create_feed(data: dict[str, Any], *, owner: Any = None) -> Feed:
    """Create a feed from FeedInput fields (API names); raise ValidationError on any field."""
    feed = Feed(owner=owner if getattr(owner, "is_authenticated", False) else None)
    apply_fields(feed, data, creating=True)
    _reschedule(feed)
    feed.save()
    return feed


def update_feed(feed_id: int, data: dict[str, Any]) -> Feed:
    """Change the fields given in `data` (API names); a secret given as "" is cleared.
    Enabling a feed again forgets its failures and the reason it was disabled."""
    with transaction.atomic():
        feed = _feed(feed_id, lock=True)
        was_enabled = feed.enabled
        before = (feed.schedule, feed.time_zone)
        apply_fields(feed, data, creating=False)
        if feed.enabled and not was_enabled:
            feed.consecutive_failures = 0
            feed.disabled_reason = ""
        if not was_enabled or before != (feed.schedule, feed.time_zone) or not feed.enabled:
            _reschedule(feed)
        feed.save()
    return feed


def delete_feed(feed_id: int) -> Feed:
    """Delete a feed and its run history (the imports it started stay); return it."""
    with transaction.atomic():
        feed = _feed(feed_id, lock=True)
        deleted = Feed(pk=feed.pk, name=feed.name, url=feed.url, owner=feed.owner)
        for name in (
            "username",
            "header_name",
            "host_key",
            "options",
            "schedule",
            "time_zone",
            "enabled",
            "created_at",
            "updated_at",
        ):
            setattr(deleted, name, getattr(feed, name))
        feed.delete()
    deleted.pk = feed_id
    return deleted


def busy(feed_id: int) -> bool:
    """Whether a run of the feed is waiting, fetching, or its import has not ended."""
    return FeedRun.objects.filter(
        Q(status__in=FeedRun.LIVE) | Q(status=FeedRun.Status.IMPORTED, settled=False),
        feed_id=feed_id,
    ).exists()


def queue_run(feed_id: int, *, trigger: str = FeedRun.Trigger.MANUAL) -> FeedRun:
    """Queue a run of the feed now (a disabled feed too: running it by hand is how a person
    checks it works again). Raise ValidationError when a run is already under way."""
    try:
        with transaction.atomic():
            feed = _feed(feed_id, lock=True)
            if busy(feed.pk):
                raise ValidationError(
                    {
                        "id": ValidationError(
                            "This feed is running already (fetching, or its import has not ended); "
                            "runs of one feed never overlap. Try again when it has finished.",
                            code="already_running",
                        )
                    }
                )
            return FeedRun.objects.create(feed=feed, trigger=trigger)
    except IntegrityError:
        raise ValidationError(
            {
                "id": ValidationError(
                    "This feed is running already; runs of one feed never overlap.",
                    code="already_running",
                )
            }
        ) from None


def claim_due(now: datetime | None = None, limit: int = 50) -> list[int]:
    """Queue a run of every enabled feed that is due, and return the runs' ids.

    Due feeds are locked with `SELECT ... FOR UPDATE SKIP LOCKED` and their next run time is
    advanced past now in the same transaction, so several workers never queue the same run
    twice, and a feed that missed several runs (an outage) runs once. A busy feed stays due
    and runs once its current run has ended.
    """
    now = now or timezone.now()
    queued: list[int] = []
    with transaction.atomic():
        due = (
            Feed.objects.select_for_update(skip_locked=True)
            .filter(enabled=True, next_run_at__lte=now)
            .order_by("next_run_at", "id")[:limit]
        )
        for feed in due:
            if busy(feed.pk):
                continue
            run = FeedRun.objects.create(feed=feed, trigger=FeedRun.Trigger.SCHEDULE)
            _reschedule(feed, now)
            Feed.objects.filter(pk=feed.pk).update(next_run_at=feed.next_run_at)
            queued.append(run.pk)
    return queued


def waiting_runs(older_than_seconds: float) -> list[int]:
    """Queued runs that waited longer than this (their message was lost): send them again."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    return list(
        FeedRun.objects.filter(status=FeedRun.Status.QUEUED, started_at__lt=cutoff).values_list(
            "pk", flat=True
        )[:100]
    )


def max_fetch_bytes() -> int:
    """The largest file a run fetches: the upload limit."""
    return settings.IMPORT_MAX_UPLOAD_BYTES
