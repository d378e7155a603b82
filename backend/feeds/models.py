"""Feeds and their runs.

A feed is a source (an http(s) URL or an SFTP path, with credentials kept encrypted), saved
import options, a schedule and an owner. Each run fetches the source and, when the content is
new, starts a normal import job with the saved options; the run records what it fetched and
the job it started, or why it started none.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Feed(models.Model):
    """A catalogue that arrives by itself: where to fetch it, how to import it, and when."""

    name = models.CharField(max_length=255)
    url = models.CharField(max_length=2000)
    username = models.CharField(max_length=255, blank=True, default="")
    # Encrypted at rest (`feeds.credentials`); empty when not set. Never returned by the API.
    password_encrypted = models.TextField(blank=True, default="")
    header_name = models.CharField(max_length=255, blank=True, default="")
    header_value_encrypted = models.TextField(blank=True, default="")
    private_key_encrypted = models.TextField(blank=True, default="")
    # SFTP: the server's host key ("ssh-ed25519 AAAA..."), given or recorded at first contact.
    host_key = models.TextField(blank=True, default="")
    # The import options (ImportOptionsInput, as the services take them), checked on save.
    options = models.JSONField(default=dict, blank=True)
    schedule = models.CharField(max_length=255, blank=True, default="")  # cron; "" = manual
    time_zone = models.CharField(max_length=64, default="UTC")
    next_run_at = models.DateTimeField(null=True, blank=True)
    enabled = models.BooleanField(default=True)
    disabled_reason = models.TextField(blank=True, default="")
    consecutive_failures = models.PositiveIntegerField(default=0)
    notify_emails = models.JSONField(default=list, blank=True)
    notify_on_success = models.BooleanField(default=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feeds",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = [
            models.Index(fields=["enabled", "next_run_at"], name="feed_due_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def source_key(self) -> str:
        """The `source` of every import this feed starts: `missingScope: SOURCE` then means
        the products this feed's imports wrote last."""
        return f"feed:{self.pk}"


class FeedRun(models.Model):
    """One fetch of a feed's source and what came of it."""

    class Status(models.TextChoices):
        QUEUED = "QUEUED"  # waits for a worker
        RUNNING = "RUNNING"  # fetching
        IMPORTED = "IMPORTED"  # an import job was started (its own status says how it went)
        UNCHANGED = "UNCHANGED"  # the source had nothing new: no import
        FAILED = "FAILED"  # the fetch failed, or the import could not be started

    class Trigger(models.TextChoices):
        SCHEDULE = "schedule"
        MANUAL = "manual"

    LIVE = (Status.QUEUED, Status.RUNNING)

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    trigger = models.CharField(max_length=10, choices=Trigger.choices)
    started_at = models.DateTimeField(auto_now_add=True)
    # When the fetch started (the worker claimed the run) and when the run ended.
    fetch_started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    fetched_bytes = models.BigIntegerField(null=True, blank=True)
    etag = models.CharField(max_length=1000, blank=True, default="")
    last_modified = models.CharField(max_length=255, blank=True, default="")
    sha256 = models.CharField(max_length=64, blank=True, default="")
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    message = models.TextField(blank=True, default="")
    error_code = models.CharField(max_length=32, blank=True, default="")
    job = models.ForeignKey(
        "imports.ImportJob", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Whether the run's outcome was counted (failures) and mailed: once its import ended,
    # or at once for a run that started none.
    settled = models.BooleanField(default=False)

    class Meta:
        ordering = ("-started_at", "-id")
        indexes = [
            models.Index(fields=["feed", "-started_at", "-id"], name="feed_run_list_idx"),
            models.Index(fields=["status", "started_at"], name="feed_run_status_idx"),
        ]
        constraints = [
            # Runs of one feed never overlap: at most one waiting or fetching run per feed.
            models.UniqueConstraint(
                fields=["feed"],
                condition=Q(status__in=["QUEUED", "RUNNING"]),
                name="feed_one_live_run",
            ),
        ]

    def __str__(self) -> str:
        return f"run {self.pk} of feed {self.feed_id} ({self.status})"
