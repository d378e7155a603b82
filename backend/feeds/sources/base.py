"""What every feed source shares: the request (`SourceSpec`), what the last run saw
(`PreviousFetch`), what a fetch returns (`FetchResult`) and how it fails (`FetchError`).

A source module (`http`, `sftp`) has one function, `fetch(spec, dest, *, max_bytes,
previous, timeout) -> FetchResult`, that writes the file into `dest` (a binary file opened
for writing) and never writes more than `max_bytes` into it. Its messages never contain a
credential.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from django.conf import settings

# Error codes of FetchError, as runs record them and the API shows them.
SOURCE_UNREACHABLE = "SOURCE_UNREACHABLE"  # connection refused, DNS, timeouts
SOURCE_TIMEOUT = "SOURCE_TIMEOUT"  # the source stopped answering
SOURCE_HTTP_ERROR = "SOURCE_HTTP_ERROR"  # an HTTP status other than 200/304
SOURCE_REFUSED = "SOURCE_REFUSED"  # the private-network guard refused an address
SOURCE_CHANGED = "SOURCE_CHANGED"  # the file changed (its length) while it was fetched
TOO_MANY_REDIRECTS = "TOO_MANY_REDIRECTS"
FILE_TOO_LARGE = "FILE_TOO_LARGE"
NOT_A_CATALOGUE = "NOT_A_CATALOGUE"  # an HTML page instead of a file
AUTH_FAILED = "AUTH_FAILED"  # SFTP login refused
HOST_KEY_CHANGED = "HOST_KEY_CHANGED"
FILE_NOT_FOUND = "FILE_NOT_FOUND"
SOURCE_NOT_AVAILABLE = "SOURCE_NOT_AVAILABLE"  # this kind of source cannot be fetched here
CREDENTIALS_UNREADABLE = "CREDENTIALS_UNREADABLE"


@dataclass(frozen=True)
class PreviousFetch:
    """What the last imported run of the feed fetched (for conditional requests)."""

    etag: str | None
    last_modified: str | None
    sha256: str | None


@dataclass(frozen=True)
class FetchResult:
    """What a fetch found. `not_modified`: the source said nothing changed (HTTP 304) and
    nothing was written; `host_key`: the SFTP server's key as it presented it."""

    not_modified: bool
    size: int
    sha256: str | None
    etag: str | None
    last_modified: str | None
    content_type: str | None
    host_key: str | None
    http_status: int | None


class FetchError(Exception):
    """A fetch that failed: `code` (above), `retryable` (worth another try within the run),
    and a message that says what happened and never contains a credential."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        retryable: bool = False,
        http_status: int | None = None,
        host_key: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.retryable = retryable
        self.http_status = http_status
        self.host_key = host_key

    @property
    def message(self) -> str:
        """The message, for people."""
        return str(self)


@dataclass(frozen=True)
class SourceSpec:
    """Where to fetch and how to sign in. `host_key`: the SFTP key pinned (None: record the
    one the server presents)."""

    url: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    header_name: str | None = None
    header_value: str | None = field(default=None, repr=False)
    private_key: str | None = field(default=None, repr=False)
    host_key: str | None = None


def fetch_with_retries(
    fetch_once: Callable[[], FetchResult], dest: BinaryIO, *, label: str
) -> FetchResult:
    """Run `fetch_once` into an emptied `dest` up to ``FEED_FETCH_TRIES`` times, pausing
    ``FEED_RETRY_BACKOFF_SECONDS`` (doubling) after a retryable :class:`FetchError`; the
    last one says how many tries were made. `label` names the source kind in the log."""
    tries = settings.FEED_FETCH_TRIES
    pause = settings.FEED_RETRY_BACKOFF_SECONDS
    for attempt in range(1, tries + 1):
        dest.seek(0)
        dest.truncate()
        try:
            return fetch_once()
        except FetchError as exc:
            if not exc.retryable or attempt == tries:
                if exc.retryable and tries > 1:
                    raise FetchError(
                        exc.code,
                        f"{exc} (tried {tries} times)",
                        retryable=True,
                        http_status=exc.http_status,
                    ) from None
                raise
            logging.getLogger(__name__).info(
                "%s fetch try %s of %s failed (%s); trying again", label, attempt, tries, exc.code
            )
            time.sleep(pause * 2 ** (attempt - 1))
    raise AssertionError("unreachable")  # pragma: no cover
