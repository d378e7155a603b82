"""URL validation and the private-network guard."""

import ipaddress
import socket

import pytest

from webhooks.targets import TargetError, blocked_reason, resolve, validate_url


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "Enter the receiver"),
        ("not a url", "This is not a URL"),
        ("https://example.com/my hooks", "spaces"),
        ("example.com/hooks", "http:// or https://"),
        ("ftp://example.com/hooks", "http:// or https://"),
        ("javascript:alert(1)", "http:// or https://"),
        ("file:///etc/passwd", "http:// or https://"),
        ("http://", "no host"),
        ("https:///path-only", "no host"),
        ("http://example.com:99999/", "not a valid URL"),
        ("http://example.com:0/", "between 1 and 65535"),
        ("https://user:pw@example.com/", "no user name"),
        ("https://example.com/" + "a" * 1990, "at most 2000"),
    ],
)
def test_validate_url_refuses_bad_urls_saying_why(url, message):
    with pytest.raises(TargetError, match=message):
        validate_url(url)


def test_validate_url_accepts_http_and_https_up_to_2000_characters():
    long_url = "https://example.com/" + "a" * (2000 - len("https://example.com/"))
    assert validate_url(long_url) == long_url
    assert validate_url("  http://example.com:8080/x?y=1  ") == "http://example.com:8080/x?y=1"
    assert validate_url("HTTPS://Example.com") == "HTTPS://Example.com"


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "non-global"),
        ("::ffff:127.0.0.1", "loopback"),
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_blocked_reason_names_the_kind_of_address(address, reason):
    assert blocked_reason(ipaddress.ip_address(address)) == reason


def test_resolve_refuses_loopback_unless_private_targets_are_allowed():
    with pytest.raises(TargetError, match="127.0.0.1, a loopback address"):
        resolve("http://localhost:8000/hook", allow_private=False)

    target = resolve("http://127.0.0.1:8000/hook", allow_private=True)
    assert (target.scheme, target.host, target.port, target.address) == (
        "http",
        "127.0.0.1",
        8000,
        "127.0.0.1",
    )


def test_resolve_refuses_a_name_with_any_private_address(monkeypatch):
    # A name answering with a public and a private address could be used for either.
    def fake_getaddrinfo(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(TargetError, match="10.0.0.5, a private address"):
        resolve("https://mixed.example/hook", allow_private=False)


def test_resolve_accepts_a_public_address_without_connecting():
    target = resolve("https://93.184.216.34/hook", allow_private=False)
    assert (target.port, target.address) == (443, "93.184.216.34")


def test_resolve_reports_a_host_that_does_not_resolve():
    with pytest.raises(TargetError, match="could not be resolved"):
        resolve("https://no-such-host.invalid/hook", allow_private=False)
