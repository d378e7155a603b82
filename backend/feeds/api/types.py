"""GraphQL types of the feeds app: Feed, FeedRun, the saved options as output, FeedInput
and the answer of testFeedSource. Secrets are write-only: only whether each is set."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
import strawberry_django
from django.db.models import QuerySet
from django.utils import timezone
from strawberry import relay

from accounts.types import UserType
from core.pagination import ListConnection
from imports.api.types import ImportJobType
from imports.api.types_inspection import (
    ColumnMappingType,
    ImportFormat,
    ImportOptionsInput,
    ProductField,
)
from imports.api.types_sync import EmptyCells, ImportMode, MissingProducts, MissingScope

from .. import schedule
from ..models import Feed, FeedRun

FeedRunStatus = strawberry.enum(FeedRun.Status, name="FeedRunStatus")


@strawberry.type(name="FeedImportOptions")
class FeedImportOptions:
    """A feed's saved import options (the fields of ImportOptionsInput; null: detected or
    the default). `source` is the feed's own key, given to every import it starts."""

    format: ImportFormat | None = None
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int | None = None
    mapping: ColumnMappingType | None = None
    mode: ImportMode = ImportMode.UPSERT
    empty_cells: EmptyCells = EmptyCells.CLEAR
    missing: MissingProducts = MissingProducts.LEAVE
    missing_scope: MissingScope = MissingScope.ALL
    source: str = ""
    max_removal_percent: float = 10.0

    @classmethod
    def of(cls, feed: Feed) -> FeedImportOptions:
        """The options saved on `feed`."""
        saved: dict[str, Any] = feed.options or {}
        mapping = saved.get("mapping")
        return cls(
            format=ImportFormat(saved["format"]) if saved.get("format") else None,
            sheet=saved.get("sheet"),
            encoding=saved.get("encoding"),
            delimiter=saved.get("delimiter"),
            header_row=saved.get("header_row"),
            mapping=ColumnMappingType(**{f.value: mapping.get(f.value) for f in ProductField})
            if mapping
            else None,
            mode=ImportMode(saved.get("mode", "UPSERT")),
            empty_cells=EmptyCells(saved.get("empty_cells", "CLEAR")),
            missing=MissingProducts(saved.get("missing", "LEAVE")),
            missing_scope=MissingScope(saved.get("missing_scope", "ALL")),
            source=feed.source_key,
            max_removal_percent=float(saved.get("max_removal_percent", 10.0)),
        )


@strawberry_django.type(FeedRun, name="FeedRun")
class FeedRunType(relay.Node):
    """One fetch of a feed's source and what came of it (IMPORTED: an import job was
    started; its own status says how the import went)."""

    trigger: str = strawberry_django.field(description='"schedule" or "manual".')
    started_at: datetime
    finished_at: datetime | None
    fetched_bytes: int | None = strawberry_django.field(
        description="Bytes fetched (0 for a 304 answer)."
    )
    job: ImportJobType | None = strawberry_django.field(
        description="The import job the run started, if any."
    )

    status: FeedRunStatus = strawberry_django.field(
        only=["status"],
        description="QUEUED, RUNNING, IMPORTED, UNCHANGED or FAILED.",
        resolver=lambda root: FeedRunStatus(root.status),
    )

    @strawberry_django.field(only=["etag"])
    def etag(self, root: FeedRun) -> str | None:
        """The source's ETag."""
        return root.etag or None

    @strawberry_django.field(only=["last_modified"])
    def last_modified(self, root: FeedRun) -> str | None:
        """The source's Last-Modified."""
        return root.last_modified or None

    @strawberry_django.field(only=["sha256"])
    def sha256(self, root: FeedRun) -> str | None:
        """The SHA-256 of the content fetched (hex)."""
        return root.sha256 or None

    @strawberry_django.field(only=["message"])
    def message(self, root: FeedRun) -> str | None:
        """Why no import was started, or why the run failed."""
        return root.message or None

    @strawberry_django.field(only=["error_code"])
    def error_code(self, root: FeedRun) -> str | None:
        """A failed run's code: SOURCE_UNREACHABLE, SOURCE_TIMEOUT, SOURCE_HTTP_ERROR,
        NOT_A_CATALOGUE, FILE_TOO_LARGE, SOURCE_CHANGED, HOST_KEY_CHANGED, ..."""
        return root.error_code or None

    @strawberry_django.field(only=["http_status"])
    def http_status(self, root: FeedRun) -> int | None:
        """The HTTP status the source answered with (HTTP sources)."""
        return root.http_status


@strawberry_django.type(Feed, name="Feed")
class FeedType(relay.Node):
    """A catalogue fetched from an http(s) URL or an SFTP server, by hand or on a schedule;
    every run that finds a new file starts a normal import with the saved options."""

    name: str
    url: str = strawberry_django.field(
        description="https://..., http://... or sftp://host[:port]/path (never with "
        "credentials inside)."
    )
    time_zone: str = strawberry_django.field(description="IANA name of the schedule's zone.")
    next_run_at: datetime | None
    enabled: bool
    consecutive_failures: int
    notify_emails: list[str] = strawberry_django.field(
        description="Addresses mailed besides the owner's."
    )
    notify_on_success: bool = strawberry_django.field(
        description="Whether clean and unchanged runs are mailed too."
    )
    owner: UserType | None
    created_at: datetime
    updated_at: datetime

    @strawberry_django.field(only=["username"])
    def username(self, root: Feed) -> str | None:
        """The HTTP Basic or SFTP user name."""
        return root.username or None

    @strawberry_django.field(only=["password_encrypted"])
    def has_password(self, root: Feed) -> bool:
        """Whether a password is set (it is never shown)."""
        return bool(root.password_encrypted)

    @strawberry_django.field(only=["header_name"])
    def header_name(self, root: Feed) -> str | None:
        """The header sent with the request (its value is never shown)."""
        return root.header_name or None

    @strawberry_django.field(only=["header_value_encrypted"])
    def has_header_value(self, root: Feed) -> bool:
        """Whether the header's value is set."""
        return bool(root.header_value_encrypted)

    @strawberry_django.field(only=["private_key_encrypted"])
    def has_private_key(self, root: Feed) -> bool:
        """Whether an SFTP private key is set."""
        return bool(root.private_key_encrypted)

    @strawberry_django.field(only=["host_key"])
    def host_key(self, root: Feed) -> str | None:
        """SFTP: the server's pinned host key (given, or recorded at the first connection)."""
        return root.host_key or None

    @strawberry_django.field(only=["options"])
    def options(self, root: Feed) -> FeedImportOptions:
        """The saved import options."""
        return FeedImportOptions.of(root)

    @strawberry_django.field(only=["schedule"])
    def schedule(self, root: Feed) -> str | None:
        """The cron expression (minute hour day month weekday); null: manual only."""
        return root.schedule or None

    @strawberry_django.field(only=["schedule", "time_zone"])
    def schedule_description(self, root: Feed) -> str:
        """The schedule in words, e.g. "At 02:00, every day (Europe/Berlin)"."""
        return schedule.describe(root.schedule, root.time_zone)

    @strawberry_django.field(only=["schedule", "time_zone", "enabled"])
    def next_run_times(self, root: Feed) -> list[datetime]:
        """The next three scheduled runs (empty when manual only or disabled)."""
        if not root.enabled:
            return []
        return schedule.next_runs(root.schedule, root.time_zone, timezone.now(), 3)

    @strawberry_django.field(only=["disabled_reason"])
    def disabled_reason(self, root: Feed) -> str | None:
        """Why the feed was disabled automatically; null when it was not."""
        return root.disabled_reason or None

    @strawberry_django.field(graphql_type=FeedRunType | None, only=["id"])
    def last_run(self, root: Feed) -> FeedRun | None:
        """The latest run."""
        return FeedRun.objects.filter(feed_id=root.pk).order_by("-started_at", "-id").first()

    @strawberry_django.connection(ListConnection[FeedRunType])
    def runs(self, root: Feed) -> QuerySet[FeedRun]:
        """The feed's runs, newest first."""
        return FeedRun.objects.filter(feed_id=root.pk).order_by("-started_at", "-id")


@strawberry.input(
    name="FeedInput",
    description="A feed's fields. createFeed: name and url "
    "required; updateFeed: give only what changes. Secrets are write-only: "
    '"" clears one.',
)
class FeedInput:
    """Fields of createFeed, updateFeed and testFeedSource."""

    name: str | None = strawberry.UNSET
    url: str | None = strawberry.UNSET
    username: str | None = strawberry.UNSET
    password: str | None = strawberry.UNSET
    header_name: str | None = strawberry.UNSET
    header_value: str | None = strawberry.UNSET
    private_key: str | None = strawberry.UNSET
    host_key: str | None = strawberry.UNSET
    options: ImportOptionsInput | None = strawberry.UNSET
    schedule: str | None = strawberry.UNSET
    time_zone: str | None = strawberry.UNSET
    enabled: bool | None = strawberry.UNSET
    notify_emails: list[str] | None = strawberry.UNSET
    notify_on_success: bool | None = strawberry.UNSET

    def to_dict(self) -> dict[str, Any]:
        """The fields given, by API name (options as the services take them)."""
        names = {
            "name": "name",
            "url": "url",
            "username": "username",
            "password": "password",
            "header_name": "headerName",
            "header_value": "headerValue",
            "private_key": "privateKey",
            "host_key": "hostKey",
            "schedule": "schedule",
            "time_zone": "timeZone",
            "enabled": "enabled",
            "notify_emails": "notifyEmails",
            "notify_on_success": "notifyOnSuccess",
        }
        out = {
            api: getattr(self, attr)
            for attr, api in names.items()
            if getattr(self, attr) is not strawberry.UNSET
        }
        if self.options is not strawberry.UNSET:
            out["options"] = self.options.to_dict() if self.options is not None else {}
        return out


@strawberry.type(name="FeedSourceTest")
class FeedSourceTest:
    """What reaching a feed's source found, without importing."""

    ok: bool
    message: str | None = None
    code: str | None = strawberry.field(default=None, description="The failure's code.")
    http_status: int | None = None
    size: int | None = None
    content_type: str | None = None
    host_key: str | None = strawberry.field(
        default=None, description="SFTP: the key the server presented."
    )
    job: ImportJobType | None = strawberry.field(
        default=None,
        description="A STAGED import of the fetched file (mapping, preview, "
        "column notes, as stageImport gives), not listed among imports; it expires like "
        "any staged import.",
    )
