"""HTTP sessions for deliveries: keep-alive per endpoint, connecting to a checked address.

:class:`PinnedAddressAdapter` makes urllib3 connect to the IP address that
:func:`webhooks.targets.resolve` checked, while the request keeps the URL's host name for the
``Host`` header, TLS SNI and certificate checks. There is no second DNS lookup between the
check and the connection, so DNS rebinding cannot slip a private address in.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from .targets import Target

#: Sessions kept per worker thread; the least recently used one is closed past this.
MAX_SESSIONS_PER_THREAD = 32

_local = threading.local()


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
                f"This delivery only sends to {self.target.host}, not {host_params.get('host')}."
            )
        host_params["host"] = self.target.address
        if host_params.get("scheme") == "https":
            pool_kwargs["server_hostname"] = self.target.host
            pool_kwargs["assert_hostname"] = self.target.host
        return host_params, pool_kwargs

    def add_headers(self, request: requests.PreparedRequest, **kwargs: Any) -> None:
        """Send the URL's host name in ``Host``, not the address connected to."""
        request.headers["Host"] = urlsplit(request.url).netloc


def session_for(target: Target) -> requests.Session:
    """Return this thread's keep-alive session for ``target`` (made on first use)."""
    sessions: OrderedDict[Target, requests.Session] = getattr(_local, "sessions", None) or (
        OrderedDict()
    )
    _local.sessions = sessions
    session = sessions.get(target)
    if session is not None:
        sessions.move_to_end(target)
        return session
    session = requests.Session()
    session.trust_env = False  # no proxy from the environment: it would skip the pinning
    session.headers["User-Agent"] = "product-importer-webhooks/1"
    adapter = PinnedAddressAdapter(target)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    sessions[target] = session
    while len(sessions) > MAX_SESSIONS_PER_THREAD:
        _, oldest = sessions.popitem(last=False)
        oldest.close()
    return session

