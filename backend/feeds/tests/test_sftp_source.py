"""The SFTP source against a real OpenSSH server (see ``sshd_server.py``)."""

import hashlib
import io
import os
import socket
import threading
import time

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from feeds.sources.base import FetchError, PreviousFetch, SourceSpec
from feeds.sources.sftp import fetch
from feeds.sources.ssh_keys import fingerprint, parse_host_key

from .sshd_server import new_private_key, sshd  # noqa: F401  (the fixture)

CSV = b"sku,name\nA-1,Anvil\nB-2,Bucket\n"
LIMIT = 1 << 20


def spec(server, name="feed.csv", **fields):
    """A SourceSpec for ``name`` on ``server``, signing in with the password unless told."""
    values = {
        "url": server.url(name),
        "username": server.username,
        "password": server.password,
        "header_name": None,
        "header_value": None,
        "private_key": None,
        "host_key": None,
    }
    values.update(fields)
    return SourceSpec(**values)


@pytest.fixture(autouse=True)
def _fetch_settings(settings):
    """The server is on loopback: allow private sources; try three times without pausing."""
    settings.FEED_ALLOW_PRIVATE_SOURCES = True
    settings.FEED_FETCH_TRIES = 3
    settings.FEED_RETRY_BACKOFF_SECONDS = 0
    settings.FEED_CONNECT_TIMEOUT_SECONDS = 5


def run(source, *, previous=None, max_bytes=LIMIT, timeout=10.0, dest=None):
    """Fetch into a fresh buffer (or ``dest``)."""
    dest = dest if dest is not None else io.BytesIO()
    result = fetch(source, dest, max_bytes=max_bytes, previous=previous, timeout=timeout)
    return result, dest


def failure(source, **kwargs) -> FetchError:
    """The FetchError that fetching ``source`` raises."""
    with pytest.raises(FetchError) as caught:
        run(source, **kwargs)
    return caught.value


@pytest.fixture
def feed_file(sshd):  # noqa: F811
    """A CSV on the server, removed after the test."""
    path = sshd.files / "feed.csv"
    path.write_bytes(CSV)
    path.chmod(0o644)
    yield path
    path.unlink(missing_ok=True)


def test_password_login_downloads_the_file_and_records_the_host_key(sshd, feed_file):  # noqa: F811
    result, dest = run(spec(sshd))

    assert dest.getvalue() == CSV
    assert result.not_modified is False
    assert result.size == len(CSV)
    assert result.sha256 == hashlib.sha256(CSV).hexdigest()
    assert result.host_key == sshd.host_key
    assert result.last_modified and result.last_modified.endswith("GMT")
    assert result.etag == f'"{int(os.stat(feed_file).st_mtime):x}-{len(CSV):x}"'
    assert result.http_status is None


def test_key_login_with_the_pinned_host_key(sshd, feed_file):  # noqa: F811
    source = spec(sshd, password=None, private_key=sshd.private_key, host_key=sshd.host_key)

    result, dest = run(source)

    assert dest.getvalue() == CSV
    assert result.host_key == sshd.host_key
    assert f"Accepted publickey for {sshd.username}" in sshd.log_text()


def test_a_wrong_password_fails_without_repeating_it(sshd, feed_file, caplog):  # noqa: F811
    caplog.set_level("DEBUG")

    error = failure(spec(sshd, password="not-the-password-42"))

    assert error.code == "AUTH_FAILED"
    assert error.retryable is False
    assert sshd.username in str(error)
    assert "not-the-password-42" not in str(error)
    assert caplog.records  # paramiko logged the exchange...
    assert "not-the-password-42" not in caplog.text  # ...and not the password


def test_a_key_the_server_does_not_know_fails(sshd, feed_file):  # noqa: F811
    stranger, _ = new_private_key()

    error = failure(spec(sshd, password=None, private_key=stranger))

    assert error.code == "AUTH_FAILED"
    assert "private key" in str(error)


def test_a_changed_host_key_fails_before_signing_in(sshd, feed_file):  # noqa: F811
    _, other_public = new_private_key()
    accepted_before = sshd.log_text().count("Accepted password")

    error = failure(spec(sshd, host_key=other_public))

    assert error.code == "HOST_KEY_CHANGED"
    assert error.retryable is False
    assert fingerprint(parse_host_key(other_public)) in str(error)
    assert fingerprint(parse_host_key(sshd.host_key)) in str(error)
    assert error.host_key == sshd.host_key  # the key it presents, for people to compare
    time.sleep(0.2)  # let sshd write what it saw of the connection
    assert sshd.log_text().count("Accepted password") == accepted_before


def test_a_pinned_key_type_the_server_no_longer_has_counts_as_changed(sshd, feed_file):  # noqa: F811
    rsa_host_key = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        .public_key()
        .public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
        .decode()
    )

    error = failure(spec(sshd, host_key=rsa_host_key))

    assert error.code == "HOST_KEY_CHANGED"
    assert "ssh-rsa" in str(error)


def test_a_missing_file_is_not_found(sshd, feed_file):  # noqa: F811
    error = failure(spec(sshd, name="nowhere.csv"))

    assert error.code == "FILE_NOT_FOUND"
    assert "nowhere.csv" in str(error)
    assert error.retryable is False


def test_a_folder_is_not_a_file(sshd):  # noqa: F811
    (sshd.files / "folder").mkdir(exist_ok=True)

    error = failure(spec(sshd, name="folder"))

    assert error.code == "FILE_NOT_FOUND"


def test_a_file_over_the_limit_is_not_downloaded(sshd, feed_file):  # noqa: F811
    error_dest = io.BytesIO()

    error = failure(spec(sshd), max_bytes=len(CSV) - 1, dest=error_dest)

    assert error.code == "FILE_TOO_LARGE"
    assert f"{len(CSV) - 1:,}" in str(error)
    assert error_dest.getvalue() == b""


def test_an_unchanged_file_is_not_downloaded_again(sshd, feed_file):  # noqa: F811
    first, _ = run(spec(sshd))
    previous = PreviousFetch(first.etag, first.last_modified, first.sha256)

    again, dest = run(spec(sshd), previous=previous)

    assert again.not_modified is True
    assert dest.getvalue() == b""
    assert again.etag == first.etag

    mtime = os.stat(feed_file).st_mtime + 60
    os.utime(feed_file, (mtime, mtime))
    touched, dest = run(spec(sshd), previous=previous)

    assert touched.not_modified is False
    assert dest.getvalue() == CSV
    assert touched.sha256 == first.sha256  # the runner tells "same content" by the digest


class _ChangesTheFile(io.BytesIO):
    """A destination that appends to the remote file once the download has begun."""

    def __init__(self, path):
        super().__init__()
        self.path = path

    def write(self, data):
        if self.tell() == 0:
            with open(self.path, "ab") as changed:
                changed.write(b"C-3,Crate\n")
            mtime = time.time() + 5
            os.utime(self.path, (mtime, mtime))
        return super().write(data)


def test_a_file_that_changes_during_the_download_fails(sshd, feed_file):  # noqa: F811
    error = failure(spec(sshd), dest=_ChangesTheFile(feed_file))

    assert error.code == "SOURCE_CHANGED"
    assert error.retryable is True


def test_no_credentials_no_connection(sshd, feed_file):  # noqa: F811
    no_password = failure(spec(sshd, password=None))
    no_user = failure(spec(sshd, username=None))

    assert (no_password.code, no_user.code) == ("AUTH_FAILED", "AUTH_FAILED")
    assert "password or a private key" in str(no_password)
    assert "user name" in str(no_user)


def test_a_private_key_that_is_not_one(sshd, feed_file):  # noqa: F811
    error = failure(spec(sshd, private_key="-----BEGIN OPENSSH PRIVATE KEY-----\nnope\n"))

    assert error.code == "CREDENTIALS_UNREADABLE"
    assert "nope" not in str(error)


def test_loopback_is_refused_unless_private_sources_are_allowed(
    sshd,  # noqa: F811
    feed_file,
    settings,
):
    settings.FEED_ALLOW_PRIVATE_SOURCES = False

    error = failure(spec(sshd))

    assert error.code == "SOURCE_REFUSED"
    assert "127.0.0.1" in str(error) and "loopback" in str(error)


def test_nothing_listening_is_unreachable_and_retryable():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    source = SourceSpec(f"sftp://127.0.0.1:{port}/feed.csv", "u", "p", None, None, None, None)

    error = failure(source)

    assert error.code == "SOURCE_UNREACHABLE"
    assert error.retryable is True
    assert "tried 3 times" in str(error)


def test_a_server_that_never_answers_times_out():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted = []
    threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True).start()
    port = listener.getsockname()[1]
    source = SourceSpec(f"sftp://127.0.0.1:{port}/feed.csv", "u", "p", None, None, None, None)
    started = time.monotonic()
    try:
        error = failure(source, timeout=0.5)
    finally:
        for connection, _ in accepted:
            connection.close()
        listener.close()

    assert error.code in ("SOURCE_TIMEOUT", "SOURCE_UNREACHABLE")
    assert error.retryable is True
    assert time.monotonic() - started < 3 * 0.5 + 3


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("https://example.com/feed.csv", "sftp://"),
        ("sftp:///feed.csv", "no host"),
        ("sftp://user:secret@example.com/feed.csv", "no user name or password"),
        ("sftp://example.com/", "names no file"),
        ("sftp://example.com:99999/feed.csv", "not a valid URL"),
    ],
)
def test_urls_that_are_not_sftp_file_urls(url, says):
    source = SourceSpec(url, "u", "p", None, None, None, None)

    error = failure(source)

    assert error.code == "SOURCE_REFUSED"
    assert says in str(error)
    assert "secret" not in str(error)
