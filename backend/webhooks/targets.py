"""Where a webhook may send: URL validation and the private-network guard.

The guard resolves the host and refuses loopback, private, link-local, multicast, reserved
and unspecified addresses (unless private targets are allowed). It runs when a webhook is
saved and again at every send, and the send connects to the very address that was checked
(see :mod:`webhooks.transport`), so a DNS answer that changes in between cannot redirect a
delivery into the private network.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from core.outbound import AddressError, Target, blocked_reason, resolve_host

MAX_URL_LENGTH = 2000
ALLOWED_SCHEMES = ("http", "https")
NOT_A_URL = "This is not a URL; a receiver's URL looks like https://example.com/hooks."

__all__ = ["Target", "TargetError", "blocked_reason", "resolve", "validate_url"]


class TargetError(ValueError):
    """The URL is not one a webhook may send to; the message says why and what to do."""


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
        address = resolve_host(host, port, allow_private=allow_private)
    except AddressError as exc:
        if exc.blocked is None:
            raise TargetError(f"{exc} Check the URL.") from None
        raise TargetError(
            f"{exc} Webhooks may only target public addresses (set "
            "WEBHOOK_ALLOW_PRIVATE_TARGETS=1 to allow private networks)."
        ) from None
    return Target(scheme=scheme, host=host, port=port, address=address)
