"""The client's address as sign-in throttling sees it, trusting proxies only when configured.

``X-Forwarded-For`` is written by whoever sends the request, so it is believed only when the
connection comes from an address in ``TRUSTED_PROXIES``. The client is then the right-most
address in the header that is not itself a trusted proxy (each proxy appends the address it
saw, so anything left of that may have been typed by the client).
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries if entry != "*")


def _is_trusted(address: str, entries: tuple[str, ...]) -> bool:
    if "*" in entries:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(entries))


def client_ip(request: HttpRequest) -> str | None:
    """Return the address of the client that sent ``request`` (see the module docstring)."""
    remote = request.META.get("REMOTE_ADDR")
    trusted = tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ())
    if not trusted or not remote or not _is_trusted(remote, trusted):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, trusted):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote  # not an address: a broken or hostile header
    return hops[0] if hops else remote
