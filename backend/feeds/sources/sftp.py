"""The SFTP source: ``sftp://host[:port]/path`` with a password or a private key.

The server's host key is pinned: a feed gives it, or the first successful connection records
it (returned in :attr:`FetchResult.host_key`). A pinned key is checked before any credential
is sent, and a server that presents another key fails with ``HOST_KEY_CHANGED`` and both
fingerprints, as OpenSSH does.

"Nothing new" is the file's size and modification time, kept as an ETag in the form web
servers give files (``"<mtime hex>-<size hex>"``): when it equals the previous fetch's, the
file is not downloaded. Otherwise the file streams into ``dest`` with its SHA-256, and a
file whose size or modification time moved during the download fails the fetch.
"""

from __future__ import annotations

import errno
import hashlib
import socket
import stat
from email.utils import formatdate
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

import paramiko
from django.conf import settings
from paramiko.ssh_exception import IncompatiblePeer

from core.outbound import AddressError, resolve_host

from .base import (
    AUTH_FAILED,
    CREDENTIALS_UNREADABLE,
    FILE_NOT_FOUND,
    FILE_TOO_LARGE,
    HOST_KEY_CHANGED,
    SOURCE_CHANGED,
    SOURCE_REFUSED,
    SOURCE_TIMEOUT,
    SOURCE_UNREACHABLE,
    FetchError,
    FetchResult,
    PreviousFetch,
    SourceSpec,
    fetch_with_retries,
)
from .ssh_keys import (
    fingerprint,
    host_key_algorithms,
    host_key_line,
    load_private_key,
    parse_host_key,
)

DEFAULT_PORT = 22
CHUNK_BYTES = 256 * 1024
#: Read requests in flight while a file downloads (32 KiB each).
PREFETCH_REQUESTS = 64


def parse_url(url: str) -> tuple[str, int, str]:
    """Return ``(host, port, path)`` of an ``sftp://`` URL, or raise ValueError saying why.

    The path is absolute (``sftp://host/data/feed.csv`` reads ``/data/feed.csv``); a path
    starting with ``/~/`` is relative to the user's home folder, as in OpenSSH's URLs.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port or DEFAULT_PORT
    except ValueError as exc:
        raise ValueError(f"This is not a valid URL: {exc}.") from None
    if parts.scheme.lower() != "sftp":
        raise ValueError("An SFTP URL starts with sftp://, e.g. sftp://example.com/feed.csv.")
    if not parts.hostname:
        raise ValueError("The URL has no host name, e.g. sftp://example.com/feed.csv.")
    if parts.username or parts.password:
        raise ValueError("Put no user name or password in the URL; use the credential fields.")
    path = unquote(parts.path)
    if path in ("", "/", "/~", "/~/") or path.endswith("/"):
        raise ValueError("The URL names no file, e.g. sftp://example.com/exports/feed.csv.")
    if path.startswith("/~/"):
        path = path[3:]
    return parts.hostname, port, path


def fetch(
    spec: SourceSpec,
    dest: BinaryIO,
    *,
    max_bytes: int,
    previous: PreviousFetch | None,
    timeout: float,
) -> FetchResult:
    """Download the file ``spec.url`` names into ``dest``; raise :class:`FetchError` if not.

    Network errors are tried again (``FEED_FETCH_TRIES``, with a doubling pause); a refused
    sign-in, a changed host key, a missing or too large file are not. ``timeout`` bounds the
    handshake, the sign-in and every read; ``FEED_CONNECT_TIMEOUT_SECONDS`` the connection.
    """
    return fetch_with_retries(
        lambda: _fetch_once(spec, dest, max_bytes=max_bytes, previous=previous, timeout=timeout),
        dest,
        label="SFTP",
    )


def _fetch_once(
    spec: SourceSpec,
    dest: BinaryIO,
    *,
    max_bytes: int,
    previous: PreviousFetch | None,
    timeout: float,
) -> FetchResult:
    try:
        host, port, path = parse_url(spec.url)
    except ValueError as exc:
        raise FetchError(SOURCE_REFUSED, str(exc)) from None
    pinned = _pinned_key(spec.host_key)
    credential = _credential(spec)
    sock = _connect(host, port)
    transport = paramiko.Transport(sock)
    try:
        server_key = _handshake(transport, host, pinned, timeout)
        _sign_in(transport, spec.username or "", credential, host)
        sftp = paramiko.SFTPClient.from_transport(transport)
        if sftp is None:
            raise FetchError(SOURCE_UNREACHABLE, f"{host} opened no SFTP session.", retryable=True)
        channel = sftp.get_channel()
        if channel is not None:
            channel.settimeout(timeout)
        result = _download(sftp, path, dest, max_bytes=max_bytes, previous=previous)
        return FetchResult(
            not_modified=result.not_modified,
            size=result.size,
            sha256=result.sha256,
            etag=result.etag,
            last_modified=result.last_modified,
            content_type=None,
            host_key=host_key_line(server_key),
            http_status=None,
        )
    except TimeoutError:
        raise FetchError(
            SOURCE_TIMEOUT,
            f"{host}:{port} stopped answering (nothing for {timeout:g} seconds).",
            retryable=True,
        ) from None
    except (paramiko.SSHException, EOFError, OSError) as exc:
        raise FetchError(
            SOURCE_UNREACHABLE,
            f"The connection to {host}:{port} broke ({type(exc).__name__}).",
            retryable=True,
        ) from None
    finally:
        transport.close()


def _pinned_key(text: str | None) -> paramiko.PKey | None:
    if not text:
        return None
    try:
        return parse_host_key(text)
    except ValueError as exc:
        raise FetchError(
            SOURCE_REFUSED, f"The feed's pinned host key is not usable: {exc}"
        ) from None


def _credential(spec: SourceSpec) -> paramiko.PKey | str:
    if not spec.username:
        raise FetchError(AUTH_FAILED, "An SFTP feed needs a user name to sign in with.")
    if spec.private_key:
        try:
            return load_private_key(spec.private_key)
        except ValueError as exc:
            raise FetchError(CREDENTIALS_UNREADABLE, f"The feed's private key: {exc}") from None
    if spec.password:
        return spec.password
    raise FetchError(AUTH_FAILED, "An SFTP feed needs a password or a private key.")


def _connect(host: str, port: int) -> socket.socket:
    """Resolve ``host`` through the private-network guard and connect to the checked address."""
    try:
        address = resolve_host(host, port, allow_private=settings.FEED_ALLOW_PRIVATE_SOURCES)
    except AddressError as exc:
        if exc.blocked:
            raise FetchError(
                SOURCE_REFUSED,
                f"{exc} Feeds may only fetch from public addresses (set "
                "FEED_ALLOW_PRIVATE_SOURCES=1 to allow private networks).",
            ) from None
        raise FetchError(SOURCE_UNREACHABLE, str(exc), retryable=True) from None
    connect_timeout = settings.FEED_CONNECT_TIMEOUT_SECONDS
    try:
        return socket.create_connection((address, port), timeout=connect_timeout)
    except TimeoutError:
        raise FetchError(
            SOURCE_TIMEOUT,
            f"Could not connect to {host} port {port} within {connect_timeout:g} seconds.",
            retryable=True,
        ) from None
    except OSError as exc:
        raise FetchError(
            SOURCE_UNREACHABLE,
            f"Could not connect to {host} port {port} ({exc.strerror or type(exc).__name__}).",
            retryable=True,
        ) from None


def _handshake(
    transport: paramiko.Transport, host: str, pinned: paramiko.PKey | None, timeout: float
) -> paramiko.PKey:
    """Agree on keys with the server and check its host key before anything is sent."""
    transport.banner_timeout = timeout
    transport.handshake_timeout = timeout
    transport.auth_timeout = timeout
    if pinned is not None:
        # Ask for a key of the pinned type, as OpenSSH does with known_hosts.
        transport.get_security_options().key_types = host_key_algorithms(pinned)
    try:
        transport.start_client(timeout=timeout)
    except IncompatiblePeer as exc:
        if pinned is None or "host key" not in str(exc):
            raise
        raise FetchError(
            HOST_KEY_CHANGED,
            f"The host key of {host} changed: the server no longer offers the pinned "
            f"{pinned.get_name()} key ({fingerprint(pinned)}). If the server was really "
            "re-keyed, clear the feed's host key so that the next connection records the new one.",
        ) from None
    server_key = transport.get_remote_server_key()
    if pinned is not None and server_key.asbytes() != pinned.asbytes():
        raise FetchError(
            HOST_KEY_CHANGED,
            f"The host key of {host} changed: expected {fingerprint(pinned)}, the server "
            f"presented {fingerprint(server_key)}. Nothing was sent to it. If the server was "
            "really re-keyed, clear the feed's host key (or paste the new one).",
            host_key=host_key_line(server_key),
        )
    return server_key


def _sign_in(
    transport: paramiko.Transport, username: str, credential: paramiko.PKey | str, host: str
) -> None:
    how = "private key" if isinstance(credential, paramiko.PKey) else "password"
    try:
        if isinstance(credential, paramiko.PKey):
            transport.auth_publickey(username, credential)
        else:
            transport.auth_password(username, credential)
    except paramiko.BadAuthenticationType as exc:
        raise FetchError(
            AUTH_FAILED,
            f"{host} does not accept a {how} for {username!r}; it accepts: "
            f"{', '.join(exc.allowed_types) or 'nothing'}.",
        ) from None
    except paramiko.AuthenticationException:
        raise FetchError(
            AUTH_FAILED, f"{host} refused the {how} of user {username!r}; check the credentials."
        ) from None
    if not transport.is_authenticated():
        raise FetchError(AUTH_FAILED, f"{host} asks for more than a {how} to sign in {username!r}.")


class _Downloaded:
    def __init__(self, not_modified: bool, size: int, sha256: str | None, etag: str, mtime: int):
        self.not_modified = not_modified
        self.size = size
        self.sha256 = sha256
        self.etag = etag
        self.last_modified = formatdate(mtime, usegmt=True)


def _download(
    sftp: paramiko.SFTPClient,
    path: str,
    dest: BinaryIO,
    *,
    max_bytes: int,
    previous: PreviousFetch | None,
) -> _Downloaded:
    before = _stat(sftp, path)
    size, mtime = before.st_size or 0, int(before.st_mtime or 0)
    etag = f'"{mtime:x}-{size:x}"'
    if previous is not None and previous.etag == etag:
        return _Downloaded(True, 0, None, etag, mtime)
    if size > max_bytes:
        raise FetchError(
            FILE_TOO_LARGE,
            f"{path} is {size:,} bytes; at most {max_bytes:,} bytes may be imported.",
        )
    digest = hashlib.sha256()
    received = 0
    try:
        with sftp.open(path, "rb") as remote:
            remote.prefetch(size, max_concurrent_requests=PREFETCH_REQUESTS)
            while chunk := remote.read(CHUNK_BYTES):
                received += len(chunk)
                if received > max_bytes:
                    raise FetchError(
                        FILE_TOO_LARGE,
                        f"{path} grew past {max_bytes:,} bytes while it was fetched; at most "
                        f"{max_bytes:,} bytes may be imported.",
                    )
                digest.update(chunk)
                dest.write(chunk)
    except PermissionError:
        raise FetchError(AUTH_FAILED, f"The SFTP user may not read {path}.") from None
    after = _stat(sftp, path)
    if (after.st_size, int(after.st_mtime or 0)) != (size, mtime) or received != size:
        raise FetchError(
            SOURCE_CHANGED,
            f"{path} changed while it was fetched ({size:,} bytes at the start, {received:,} "
            "read); the next try reads it again.",
            retryable=True,
        )
    return _Downloaded(False, received, digest.hexdigest(), etag, mtime)


def _stat(sftp: paramiko.SFTPClient, path: str) -> paramiko.SFTPAttributes:
    try:
        attrs = sftp.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise FetchError(FILE_NOT_FOUND, f"There is no file {path} on the server.") from None
        if exc.errno == errno.EACCES:
            raise FetchError(AUTH_FAILED, f"The SFTP user may not read {path}.") from None
        raise
    if attrs.st_mode is not None and not stat.S_ISREG(attrs.st_mode):
        raise FetchError(FILE_NOT_FOUND, f"{path} on the server is not a file (a folder?).")
    return attrs
