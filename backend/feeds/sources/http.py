"""HTTP(S) sources: a streamed GET with conditional headers, checked redirects and retries.

Every URL, the first and each redirect's, passes the private-network guard
(`core.outbound`) and the request connects to the address that was checked. Credentials
(HTTP Basic, or one header such as `Authorization: Bearer ...`) go only to the feed's own
origin: a redirect to another host gets none. Network errors and 5xx answers are tried
again (FEED_FETCH_TRIES, with a doubling pause); 4xx answers are not.
"""

from __future__ import annotations

import hashlib
from typing import BinaryIO
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings

from core.outbound import AddressError, PinnedAddressAdapter, Target, resolve_host

from .base import (
    FILE_TOO_LARGE,
    NOT_A_CATALOGUE,
    SOURCE_CHANGED,
    SOURCE_HTTP_ERROR,
    SOURCE_REFUSED,
    SOURCE_TIMEOUT,
    SOURCE_UNREACHABLE,
    TOO_MANY_REDIRECTS,
    FetchError,
    FetchResult,
    PreviousFetch,
    SourceSpec,
    fetch_with_retries,
)

MAX_REDIRECTS = 5
CHUNK_BYTES = 1 << 16
REDIRECTS = (301, 302, 303, 307, 308)
USER_AGENT = "product-importer-feeds/1"
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body")


def fetch(
    spec: SourceSpec,
    dest: BinaryIO,
    *,
    max_bytes: int,
    previous: PreviousFetch | None,
    timeout: float,
) -> FetchResult:
    """Fetch `spec.url` into `dest`, trying network errors and 5xx answers again."""
    return fetch_with_retries(
        lambda: _fetch_once(spec, dest, max_bytes=max_bytes, previous=previous, timeout=timeout),
        dest,
        label="Feed",
    )


def _target(url: str) -> Target:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(
            SOURCE_REFUSED,
            f"The source redirected to {safe_url(url)}, which is not "
            "an http(s) URL; a feed follows only http and https redirects.",
        )
    port = parts.port or (443 if scheme == "https" else 80)
    try:
        address = resolve_host(
            parts.hostname, port, allow_private=settings.FEED_ALLOW_PRIVATE_SOURCES
        )
    except AddressError as exc:
        if exc.blocked:
            raise FetchError(
                SOURCE_REFUSED,
                f"{exc} Feeds may only fetch from public addresses (set "
                "FEED_ALLOW_PRIVATE_SOURCES=1 to allow private networks).",
            ) from None
        raise FetchError(SOURCE_UNREACHABLE, str(exc), retryable=True) from None
    return Target(scheme=scheme, host=parts.hostname, port=port, address=address)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


def safe_url(url: str) -> str:
    """The URL without its query (which may hold a token) for messages."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}{parts.path}"


def _headers(spec: SourceSpec, previous: PreviousFetch | None, same_origin: bool) -> dict:
    headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
    if previous is not None:
        if previous.etag:
            headers["If-None-Match"] = previous.etag
        if previous.last_modified:
            headers["If-Modified-Since"] = previous.last_modified
    if same_origin and spec.header_name and spec.header_value:
        headers[spec.header_name] = spec.header_value
    return headers


def _fetch_once(
    spec: SourceSpec,
    dest: BinaryIO,
    *,
    max_bytes: int,
    previous: PreviousFetch | None,
    timeout: float,
) -> FetchResult:
    url = spec.url
    home = _origin(url)
    for _hop in range(MAX_REDIRECTS + 1):
        same_origin = _origin(url) == home
        auth = (
            (spec.username or "", spec.password or "") if (same_origin and spec.username) else None
        )
        with requests.Session() as session:
            session.trust_env = False  # no proxy from the environment: it would skip pinning
            adapter = PinnedAddressAdapter(_target(url))
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            try:
                response = session.get(
                    url,
                    headers=_headers(spec, previous, same_origin),
                    auth=auth,
                    stream=True,
                    allow_redirects=False,
                    timeout=(settings.FEED_CONNECT_TIMEOUT_SECONDS, timeout),
                )
            except requests.RequestException as exc:
                raise _network_error(exc, url, timeout) from None
            with response:
                if response.status_code in REDIRECTS and response.headers.get("Location"):
                    url = urljoin(url, response.headers["Location"])
                    continue
                return _read(response, dest, url, max_bytes, timeout)
    raise FetchError(
        TOO_MANY_REDIRECTS,
        f"The source redirected more than {MAX_REDIRECTS} "
        f"times (last to {safe_url(url)}); point the feed at the file itself.",
    )


def _read(
    response: requests.Response, dest: BinaryIO, url: str, max_bytes: int, timeout: float
) -> FetchResult:
    status = response.status_code
    etag = response.headers.get("ETag") or None
    modified = response.headers.get("Last-Modified") or None
    content_type = response.headers.get("Content-Type") or None
    if status == 304:
        return FetchResult(
            not_modified=True,
            size=0,
            sha256=None,
            etag=etag,
            last_modified=modified,
            content_type=content_type,
            host_key=None,
            http_status=304,
        )
    if status != 200:
        retry = status >= 500 or status == 429
        raise FetchError(
            SOURCE_HTTP_ERROR,
            f"{safe_url(url)} answered HTTP {status} {response.reason or ''}".rstrip()
            + ("." if retry else "; check the URL and the credentials."),
            retryable=retry,
            http_status=status,
        )
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media in HTML_TYPES:
        raise _html(url, status)
    declared = response.headers.get("Content-Length")
    if (
        declared
        and declared.isdigit()
        and int(declared) > max_bytes
        and not response.headers.get("Content-Encoding")
    ):
        raise _too_large(int(declared), max_bytes, status, more=False)
    digest = hashlib.sha256()
    size = 0
    try:
        for chunk in response.iter_content(CHUNK_BYTES):
            if size == 0 and _looks_like_html(chunk):
                raise _html(url, status)
            size += len(chunk)
            if size > max_bytes:
                raise _too_large(size, max_bytes, status, more=True)
            digest.update(chunk)
            dest.write(chunk)
    except (
        requests.exceptions.ChunkedEncodingError,
        requests.exceptions.ContentDecodingError,
    ) as exc:
        cut = (
            f" after {size:,} of {int(declared):,} bytes"
            if declared and declared.isdigit()
            else f" after {size:,} bytes"
        )
        raise FetchError(
            SOURCE_CHANGED,
            f"The download from {safe_url(url)} broke off{cut}: the file changed while it was "
            "fetched, or the connection was cut. Nothing was imported.",
            retryable=True,
            http_status=status,
        ) from exc
    except requests.exceptions.ConnectionError as exc:
        raise _network_error(exc, url, timeout) from None
    dest.flush()
    return FetchResult(
        not_modified=False,
        size=size,
        sha256=digest.hexdigest(),
        etag=etag,
        last_modified=modified,
        content_type=content_type,
        host_key=None,
        http_status=status,
    )


def _looks_like_html(chunk: bytes) -> bool:
    head = chunk[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(HTML_STARTS)


def _html(url: str, status: int) -> FetchError:
    return FetchError(
        NOT_A_CATALOGUE,
        f"{safe_url(url)} answered with an HTML page, not a catalogue file (a sign-in page or an "
        "error page?); point the feed at the CSV, JSON Lines or .xlsx file itself.",
        http_status=status,
    )


def _too_large(size: int, limit: int, status: int, *, more: bool) -> FetchError:
    return FetchError(
        FILE_TOO_LARGE,
        f"The file is too large: it has {size:,} bytes{' or more' if more else ''}, and the "
        f"limit is {limit:,} bytes (IMPORT_MAX_UPLOAD_BYTES). Nothing was imported.",
        http_status=status,
    )


def _network_error(exc: requests.RequestException, url: str, timeout: float) -> FetchError:
    where = safe_url(url)
    if isinstance(exc, requests.exceptions.SSLError):
        return FetchError(
            SOURCE_UNREACHABLE,
            f"The TLS connection to {where} failed (its certificate could not be verified?).",
        )
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return FetchError(
            SOURCE_TIMEOUT,
            f"Could not connect to {where} within "
            f"{settings.FEED_CONNECT_TIMEOUT_SECONDS:g} seconds.",
            retryable=True,
        )
    if isinstance(exc, requests.exceptions.Timeout) or "timed out" in str(exc).lower():
        return FetchError(
            SOURCE_TIMEOUT,
            f"{where} stopped answering (no data for {timeout:g} seconds).",
            retryable=True,
        )
    if isinstance(exc, requests.exceptions.InvalidURL):
        return FetchError(SOURCE_REFUSED, f"The URL {where} cannot be fetched.")
    return FetchError(
        SOURCE_UNREACHABLE,
        f"Could not connect to {where} (connection refused or closed).",
        retryable=True,
    )
