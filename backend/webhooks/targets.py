"""Where a webhook may send: URL validation and the private-network guard.

The guard resolves the host and refuses loopback, private, link-local, multicast, reserved
and unspecified addresses (unless private targets are allowed). It runs when a webhook is
saved and again at every send, and the send connects to the very address that was checked
(see :mod:`webhooks.transport`), so a DNS answer that changes in between cannot redirect a
delivery into the private network.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

MAX_URL_LENGTH = 2000
ALLOWED_SCHEMES = ("http", "https")
NOT_A_URL = "This is not a URL; a receiver's URL looks like https://example.com/hooks."

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class TargetError(ValueError):
    """The URL is not one a webhook may send to; the message says why and what to do."""


@dataclass(frozen=True)
class Target:
    """A checked destination: the URL's parts and the address the request must connect to."""

    scheme: str
    host: str
    port: int
    address: str


def validate_url(url: str) -> str:
    """Return ``url`` stripped if it is an absolute http(s) URL with a host, else raise."""
    url = url.strip()
    if not url:
        raise TargetError("Enter the receiver's URL, e.g. https://example.com/hooks.")
    if len(url) > MAX_URL_LENGTH:
        raise TargetError(
            f"The URL is {len(url)} characters long; at most {MAX_URL_LENGTH} are allowed."
        )
    if any(ch.isspace() for ch in url):
        if "://" not in url:
            # "not a url": words, not a URL with a stray space in it.
            raise TargetError(NOT_A_URL)
        raise TargetError("The URL must not contain spaces.")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise TargetError(f"This is not a valid URL: {exc}.") from None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise TargetError("The URL must start with http:// or https://.")
    if not parts.hostname:
        raise TargetError("The URL has no host name, e.g. https://example.com/hooks.")
    if port == 0:
        raise TargetError("The URL's port must be between 1 and 65535.")
    if parts.username or parts.password:
        raise TargetError("Put no user name or password in the URL; deliveries are signed.")
    return url


def blocked_reason(address: IPAddress) -> str | None:
    """Return why ``address`` is not a public one (e.g. "loopback"), or None when it is."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    checks = (
        ("loopback", address.is_loopback),
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("non-global", not address.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def resolve(url: str, *, allow_private: bool) -> Target:
    """Validate ``url``, resolve its host and return the address to connect to.

    Every address the name resolves to must be public unless ``allow_private``: a name that
    answers with one public and one private address is refused, since either may be used.
    """
    url = validate_url(url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    port = parts.port or (443 if scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise TargetError(
            f"The host {host!r} could not be resolved ({exc}); check the URL."
        ) from None
    addresses: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise TargetError(f"The host {host!r} has no address; check the URL.")
    if not allow_private:
        for address in addresses:
            reason = blocked_reason(address)
            if reason:
                raise TargetError(
                    f"The host {host!r} resolves to {address}, a {reason} address; webhooks "
                    "may only target public addresses (set WEBHOOK_ALLOW_PRIVATE_TARGETS=1 "
                    "to allow private networks)."
                )
    return Target(scheme=scheme, host=host, port=port, address=str(addresses[0]))
