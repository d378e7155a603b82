"""`testFeedSource`: reach a source with the fields a person is typing (a saved feed's secrets
fill those not given), and stage the fetched file as `stageImport` would, without importing.

The staged job is not listed among imports and expires like any staged import.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import TemporaryUploadedFile

from imports.models import ImportJob
from imports.staging import stage_import

from . import credentials, runs, services, sources
from .models import Feed
from .sources.base import CREDENTIALS_UNREADABLE, FetchError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceTest:
    """What reaching the source found."""

    ok: bool
    message: str | None = None
    code: str | None = None
    http_status: int | None = None
    size: int | None = None
    content_type: str | None = None
    host_key: str | None = None
    job: ImportJob | None = None


def _feed_for(data: dict[str, Any], feed_id: int | None) -> Feed:
    if feed_id is None:
        feed = Feed()
        services.apply_fields(feed, data, creating=True, name_required=False)
        return feed
    saved = Feed.objects.filter(pk=feed_id).first()
    if saved is None:
        raise ValidationError({"feedId": ValidationError(services.NO_SUCH_FEED, code="not_found")})
    feed = copy.copy(saved)
    services.apply_fields(feed, data, creating=False)
    return feed


def test_source(data: dict[str, Any], *, feed_id: int | None, user: Any) -> SourceTest:
    """Fetch the source and stage the file (nothing imported, nothing about the feed saved);
    raise ValidationError for fields that cannot be used."""
    feed = _feed_for(data, feed_id)
    try:
        spec = runs.spec_of(feed)
    except credentials.CredentialUnreadable as exc:
        return SourceTest(ok=False, message=str(exc), code=CREDENTIALS_UNREADABLE)
    upload = TemporaryUploadedFile(runs.file_name(feed.url), "application/octet-stream", 0, None)
    try:
        try:
            result = sources.fetch(
                spec,
                cast(BinaryIO, upload.file),
                max_bytes=settings.IMPORT_MAX_UPLOAD_BYTES,
                previous=None,
                timeout=settings.FEED_READ_TIMEOUT_SECONDS,
            )
        except FetchError as exc:
            logger.info("Feed source test failed: %s", exc.code)
            return SourceTest(
                ok=False,
                message=exc.message,
                code=exc.code,
                http_status=exc.http_status,
                host_key=exc.host_key,
            )
        upload.size = result.size
        cast(BinaryIO, upload.file).seek(0)
        options = {**feed.options, "source": feed.source_key if feed.pk else "feed"}
        job = stage_import(upload, options, user=user, listed=False,
                           origin=ImportJob.Origin.FEED)
    finally:
        upload.close()
    return SourceTest(
        ok=job.status == ImportJob.Status.STAGED,
        message=job.error_message or None,
        code=None if job.status == ImportJob.Status.STAGED else "UNREADABLE_FILE",
        http_status=result.http_status,
        size=result.size,
        content_type=result.content_type,
        host_key=result.host_key,
        job=job,
    )
