"""HTTP sessions for deliveries: keep-alive per endpoint, connecting to a checked address.

:class:`PinnedAddressAdapter` makes urllib3 connect to the IP address that
:func:`webhooks.targets.resolve` checked, while the request keeps the URL's host name for the
``Host`` header, TLS SNI and certificate checks. There is no second DNS lookup between the
check and the connection, so DNS rebinding cannot slip a private address in.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import requests

from core.outbound import PinnedAddressAdapter, Target

#: Sessions kept per worker thread; the least recently used one is closed past this.
MAX_SESSIONS_PER_THREAD = 32

_local = threading.local()


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

