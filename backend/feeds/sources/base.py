"""What every feed source (HTTP, SFTP) takes and gives back.

A source reaches one URL, streams the file into ``dest`` and says what it fetched, or raises
:class:`FetchError` with a code. Nothing a source returns or raises carries a credential.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PreviousFetch:
    """What the last successful fetch of a feed recorded, for "nothing new" checks."""

    etag: str | None
    last_modified: str | None
    sha256: str | None


@dataclass(frozen=True)
class FetchResult:
    """What one fetch got: the file's size and digest, or that it did not change."""

    not_modified: bool
    size: int
    sha256: str | None
    etag: str | None
    last_modified: str | None
    content_type: str | None
    host_key: str | None
    http_status: int | None


class FetchError(Exception):
    """A fetch failed; ``code`` says how and ``retryable`` whether trying again may help.

    The message says what happened in the user's words and never contains a credential.
    """

    def __init__(self, code: str, message: str, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retryable = retryable


@dataclass(frozen=True)
class SourceSpec:
    """Where a feed's file is and how to sign in (secrets already decrypted)."""

    url: str
    username: str | None
    password: str | None
    header_name: str | None
    header_value: str | None
    private_key: str | None
    host_key: str | None
