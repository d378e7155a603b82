"""SFTP sources (sftp://host[:port]/path): a password or a private key, the host key pinned."""

from __future__ import annotations

from typing import BinaryIO

from .base import SOURCE_NOT_AVAILABLE, FetchError, FetchResult, PreviousFetch, SourceSpec


def fetch(
    spec: SourceSpec,
    dest: BinaryIO,
    *,
    max_bytes: int,
    previous: PreviousFetch | None,
    timeout: float,
) -> FetchResult:
    """Fetch the file at `spec.url` over SFTP (not available yet in this build)."""
    raise FetchError(
        SOURCE_NOT_AVAILABLE,
        "SFTP feeds can be saved but not fetched yet by this server version.",
    )
