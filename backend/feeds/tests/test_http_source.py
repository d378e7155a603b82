"""The HTTP source against a real loopback server: conditional requests, redirects checked
one by one, tries for network errors and 5xx (none for 4xx), timeouts, HTML refused, the size
limit, a body that breaks off, and credentials sent only to the feed's own origin."""

import io
import time
from collections import deque

import pytest

from feeds.sources import FetchError, PreviousFetch, SourceSpec, fetch
from feeds.tests.catalogue_server import CatalogueServer
from feeds.tests.conftest import CATALOGUE

LIMIT = 1 << 20


def get(url, previous=None, max_bytes=LIMIT, timeout=2.0, **spec):
    dest = io.BytesIO()
    result = fetch(
        SourceSpec(url=url, **spec), dest, max_bytes=max_bytes, previous=previous, timeout=timeout
    )
    return result, dest.getvalue()


def failure(url, **kwargs) -> FetchError:
    with pytest.raises(FetchError) as caught:
        get(url, **kwargs)
    return caught.value


def test_a_file_is_fetched_with_its_validators_and_digest(server):
    server.serve("/c.csv", CATALOGUE, etag='"v1"', last_modified="Mon, 07 Dec 2026 10:00:00 GMT")
    result, body = get(server.url("/c.csv"))
    assert body == CATALOGUE
    assert (result.size, result.etag, result.http_status) == (len(CATALOGUE), '"v1"', 200)
    assert result.last_modified == "Mon, 07 Dec 2026 10:00:00 GMT"
    import hashlib

    assert result.sha256 == hashlib.sha256(CATALOGUE).hexdigest()
    assert result.not_modified is False and result.content_type == "text/csv"


def test_conditional_request_gets_304_and_writes_nothing(server):
    server.serve("/c.csv", CATALOGUE, etag='"v1"')
    previous = PreviousFetch(etag='"v1"', last_modified=None, sha256="abc")
    result, body = get(server.url("/c.csv"), previous=previous)
    assert result.not_modified is True and body == b"" and result.http_status == 304
    assert server.hits("/c.csv")[0].headers["If-None-Match"] == '"v1"'


def test_if_modified_since_is_sent_from_the_last_modified_seen(server):
    stamp = "Mon, 07 Dec 2026 10:00:00 GMT"
    server.serve("/c.csv", CATALOGUE, last_modified=stamp)
    result, _ = get(
        server.url("/c.csv"), previous=PreviousFetch(etag=None, last_modified=stamp, sha256=None)
    )
    assert result.not_modified is True
    assert server.hits("/c.csv")[0].headers["If-Modified-Since"] == stamp


def test_up_to_five_redirects_are_followed(server):
    server.serve("/c.csv", CATALOGUE)
    for hop in range(5):
        server.serve(f"/r{hop}", redirect_to=f"/r{hop + 1}" if hop < 4 else "/c.csv")
    _, body = get(server.url("/r0"))
    assert body == CATALOGUE


def test_a_sixth_redirect_is_refused(server):
    server.serve("/c.csv", CATALOGUE)
    for hop in range(6):
        server.serve(f"/r{hop}", redirect_to=f"/r{hop + 1}" if hop < 5 else "/c.csv")
    error = failure(server.url("/r0"))
    assert error.code == "TOO_MANY_REDIRECTS" and not error.retryable
    assert not server.hits("/c.csv")


def test_a_private_address_is_refused_before_any_request(server, settings):
    settings.FEED_ALLOW_PRIVATE_SOURCES = False
    error = failure(server.url("/c.csv"))
    assert error.code == "SOURCE_REFUSED" and "loopback" in str(error)
    assert server.requests == []


def test_a_redirect_into_the_private_network_is_refused(server, settings, monkeypatch):
    # "feeds.example" stands for a public host (it is served by the loopback server); its
    # redirect to 127.0.0.1 must be refused by the guard.
    from feeds.sources import http

    real = http.resolve_host
    monkeypatch.setattr(
        http,
        "resolve_host",
        lambda host, port, *, allow_private: (
            "127.0.0.1"
            if host == "feeds.example"
            else real(host, port, allow_private=allow_private)
        ),
    )
    settings.FEED_ALLOW_PRIVATE_SOURCES = False
    server.serve("/c.csv", CATALOGUE)
    server.serve("/go", redirect_to=server.url("/c.csv"))
    port = server.base.rsplit(":", 1)[1]
    error = failure(f"http://feeds.example:{port}/go")
    assert error.code == "SOURCE_REFUSED" and "loopback" in str(error)
    assert len(server.hits("/go")) == 1 and not server.hits("/c.csv")


def test_each_redirect_passes_the_guard(server, settings, monkeypatch):
    from feeds.sources import http

    checked = []
    real = http.resolve_host

    def recording(host, port, *, allow_private):
        checked.append((host, port))
        return real(host, port, allow_private=allow_private)

    monkeypatch.setattr(http, "resolve_host", recording)
    with CatalogueServer() as other:
        other.serve("/c.csv", CATALOGUE)
        server.serve("/go", redirect_to=other.url("/c.csv"))
        get(server.url("/go"))
        ports = [port for _, port in checked]
        assert ports == [int(server.base.rsplit(":", 1)[1]), int(other.base.rsplit(":", 1)[1])]


def test_a_redirect_to_another_scheme_is_refused(server):
    server.serve("/go", redirect_to="file:///etc/passwd")
    assert failure(server.url("/go")).code == "SOURCE_REFUSED"


def test_5xx_is_tried_three_times_then_fails(server):
    server.serve("/c.csv", CATALOGUE, script=deque([500, 502, 503, 500]))
    error = failure(server.url("/c.csv"))
    assert error.code == "SOURCE_HTTP_ERROR" and error.http_status == 503
    assert "tried 3 times" in str(error)
    assert [seen.status for seen in server.hits("/c.csv")] == [500, 502, 503]


def test_a_5xx_then_the_file_succeeds(server):
    server.serve("/c.csv", CATALOGUE, script=deque([500, 500]))
    _, body = get(server.url("/c.csv"))
    assert body == CATALOGUE and len(server.hits("/c.csv")) == 3


def test_4xx_is_not_tried_again(server):
    server.serve("/c.csv", CATALOGUE, script=deque([404]))
    error = failure(server.url("/c.csv"))
    assert (error.code, error.http_status, error.retryable) == ("SOURCE_HTTP_ERROR", 404, False)
    assert len(server.hits("/c.csv")) == 1


def test_a_server_that_never_answers_times_out(server, settings):
    settings.FEED_FETCH_TRIES = 2
    server.serve("/slow.csv", CATALOGUE, delay=3)
    started = time.monotonic()
    error = failure(server.url("/slow.csv"), timeout=0.5)
    assert error.code == "SOURCE_TIMEOUT" and "stopped answering" in str(error)
    assert time.monotonic() - started < 5


def test_a_slow_answer_within_the_timeout_is_fine(server):
    server.serve("/slow.csv", CATALOGUE, delay=0.5)
    _, body = get(server.url("/slow.csv"), timeout=2)
    assert body == CATALOGUE


def test_a_closed_port_is_unreachable(settings):
    settings.FEED_FETCH_TRIES = 2
    error = failure("http://127.0.0.1:9/c.csv")
    assert error.code == "SOURCE_UNREACHABLE" and error.retryable


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"<html><body>Log in</body></html>", "text/html; charset=utf-8"),
        (b"\n  <!DOCTYPE html><html></html>", "application/octet-stream"),
    ],
)
def test_html_instead_of_a_catalogue_is_refused(server, body, content_type):
    server.serve("/c.csv", body, content_type=content_type)
    error = failure(server.url("/c.csv"))
    assert error.code == "NOT_A_CATALOGUE" and not error.retryable


def test_a_file_over_the_limit_is_refused(server):
    server.serve("/big.csv", CATALOGUE * 100)
    error = failure(server.url("/big.csv"), max_bytes=1000)
    assert error.code == "FILE_TOO_LARGE" and "IMPORT_MAX_UPLOAD_BYTES" in str(error)


def test_a_body_that_breaks_off_is_refused(server, settings):
    settings.FEED_FETCH_TRIES = 1
    server.serve("/c.csv", CATALOGUE, declared_length=len(CATALOGUE) + 500)
    error = failure(server.url("/c.csv"))
    assert error.code == "SOURCE_CHANGED" and "changed while it was fetched" in str(error)


def test_basic_sign_in_and_a_header_are_sent(server):
    server.serve("/basic.csv", CATALOGUE, basic=("shop", "pw"))
    server.serve("/token.csv", CATALOGUE, header=("Authorization", "Bearer t0k"))
    assert get(server.url("/basic.csv"), username="shop", password="pw")[1] == CATALOGUE
    assert (
        get(server.url("/token.csv"), header_name="Authorization", header_value="Bearer t0k")[1]
        == CATALOGUE
    )
    assert failure(server.url("/basic.csv"), username="shop", password="wrong").http_status == 401


def test_credentials_never_follow_a_redirect_to_another_origin(server):
    with CatalogueServer() as other:
        other.serve("/c.csv", CATALOGUE)
        server.serve("/go", redirect_to=other.url("/c.csv"))
        get(
            server.url("/go"), username="shop", password="pw", header_name="X-Key", header_value="k"
        )
        assert "Authorization" in server.hits("/go")[0].headers
        sent = other.hits("/c.csv")[0].headers
        assert "Authorization" not in sent and "X-Key" not in sent
