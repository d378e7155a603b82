"""Feed sources: `fetch` reads the file a feed points at, by the URL's scheme (`http` for
http:// and https://, `sftp` for sftp://), into a file the caller gives."""

from __future__ import annotations

from typing import BinaryIO
from urllib.parse import urlsplit

from . import http, sftp
from .base import FetchError, FetchResult, PreviousFetch, SourceSpec

__all__ = ["FetchError", "FetchResult", "PreviousFetch", "SourceSpec", "fetch"]


def fetch(
    spec: SourceSpec,
    dest: BinaryIO,
    *,
    max_bytes: int,
    previous: PreviousFetch | None,
    timeout: float,
) -> FetchResult:
    """Fetch `spec.url` into `dest` (at most `max_bytes`); raise FetchError saying why not."""
    scheme = urlsplit(spec.url).scheme.lower()
    if scheme in ("http", "https"):
        return http.fetch(spec, dest, max_bytes=max_bytes, previous=previous, timeout=timeout)
    if scheme == "sftp":
        return sftp.fetch(spec, dest, max_bytes=max_bytes, previous=previous, timeout=timeout)
    raise FetchError("UNSUPPORTED_SCHEME", f"A feed cannot fetch {scheme or 'this'}:// URLs.")
