"""One ``redis.asyncio`` client per event loop, with short timeouts, for request-path lookups.

redis.asyncio connections belong to the loop that opened them (uvicorn runs one; Django's
test client runs a loop per request), so a client is kept per loop. A Redis that does not
answer within ``TIMEOUT_SECONDS`` fails the call, and callers fall back instead of waiting.
"""

import asyncio
import weakref

import redis
import redis.asyncio
from django.conf import settings

TIMEOUT_SECONDS = 0.5

_Loop = asyncio.AbstractEventLoop
_clients: "weakref.WeakKeyDictionary[_Loop, tuple[str, redis.asyncio.Redis]]" = (
    weakref.WeakKeyDictionary()
)


def client() -> redis.asyncio.Redis:
    """This event loop's client for ``REDIS_URL``."""
    loop = asyncio.get_running_loop()
    url, connection = _clients.get(loop, (None, None))
    if connection is None or url != settings.REDIS_URL:
        connection = redis.asyncio.Redis.from_url(
            settings.REDIS_URL,
            socket_timeout=TIMEOUT_SECONDS,
            socket_connect_timeout=TIMEOUT_SECONDS,
        )
        _clients[loop] = (settings.REDIS_URL, connection)
    return connection


def delete_prefixed(prefix: str) -> None:
    """Delete every key that starts with ``prefix`` (tests; an operator resetting state)."""
    connection = redis.Redis.from_url(settings.REDIS_URL)
    try:
        keys = list(connection.scan_iter(match=prefix + "*", count=1000))
        if keys:
            connection.delete(*keys)
    finally:
        connection.close()
