"""Outgoing requests to addresses people give: the private-network guard and address pinning.

Webhooks (their receivers) and feeds (their sources) both call URLs a user typed. Before any
request the host is resolved and every address it resolves to must be public (not loopback,
private, link-local, multicast, reserved or unspecified) unless the operator allows private
networks; the request then connects to the very address that was checked
(:class:`PinnedAddressAdapter`), so a DNS answer that changes in between cannot redirect it
into the private network.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressError(ValueError):
    """The host cannot be resolved, or resolves to an address that is not allowed."""

    def __init__(self, message: str, *, blocked: str | None = None) -> None:
        super().__init__(message)
        #: The kind of address refused ("loopback", "private", ...), None when unresolved.
        self.blocked = blocked


@dataclass(frozen=True)
class Target:
    """A checked destination: the URL's parts and the address the request must connect to."""

    scheme: str
    host: str
    port: int
    address: str


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


def resolve_host(host: str, port: int, *, allow_private: bool) -> str:
    """Resolve ``host`` and return the address to connect to.

    Every address the name resolves to must be public unless ``allow_private``: a name that
    answers with one public and one private address is refused, since either may be used.
    Raises :class:`AddressError` (``blocked`` set when an address was refused).
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise AddressError(f"The host {host!r} could not be resolved ({exc}).") from None
    addresses: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise AddressError(f"The host {host!r} has no address.")
    if not allow_private:
        for address in addresses:
            reason = blocked_reason(address)
            if reason:
                raise AddressError(
                    f"The host {host!r} resolves to {address}, a {reason} address.",
                    blocked=reason,
                )
    return str(addresses[0])


class PinnedAddressAdapter(HTTPAdapter):
    """A transport adapter that sends every request of its session to one checked address."""

    def __init__(self, target: Target) -> None:
        self.target = target
        super().__init__(pool_connections=1, pool_maxsize=1, max_retries=0)

    def build_connection_pool_key_attributes(
        self, request: requests.PreparedRequest, verify: Any, cert: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Swap the URL's host for the checked address; keep the name for TLS."""
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, verify, cert
        )
        if (host_params.get("host") or "").lower() != self.target.host.lower():
            raise requests.exceptions.InvalidURL(
                f"This request only goes to {self.target.host}, not {host_params.get('host')}."
            )
        host_params["host"] = self.target.address
        if host_params.get("scheme") == "https":
            pool_kwargs["server_hostname"] = self.target.host
            pool_kwargs["assert_hostname"] = self.target.host
        return host_params, pool_kwargs

    def add_headers(self, request: requests.PreparedRequest, **kwargs: Any) -> None:
        """Send the URL's host name in ``Host``, not the address connected to."""
        request.headers["Host"] = urlsplit(request.url).netloc
