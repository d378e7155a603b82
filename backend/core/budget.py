"""Query budgets: a token bucket of cost points per client, refilled every second.

Production mode keeps the buckets in Redis, taken from in one atomic Lua script (so every web
process and thread shares a client's bucket, on Redis's clock); the embedded mode keeps them in
this process. A Redis that does not answer lets requests through (logged): a budget protects
the database, and refusing everyone because Redis is down would be the outage it prevents.
"""

import logging
import math
import threading
import time
import weakref
from dataclasses import dataclass

import redis.asyncio
from cachetools import LRUCache
from django.conf import settings
from redis.commands.core import AsyncScript
from redis.exceptions import RedisError

from core import async_redis

logger = logging.getLogger(__name__)

KEY_PREFIX = "graphql-budget:"
# Buckets kept by one embedded process (least recently used dropped: it would be full again).
LOCAL_BUCKETS = 10_000
WARN_EVERY_SECONDS = 60.0

# KEYS[1] bucket; ARGV capacity, refill per second, cost. Returns {taken (1/0), points left,
# seconds until the cost would fit}. Numbers travel as strings: Lua floats become integers.
_TAKE = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'points', 'at')
local points = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
points = math.min(capacity, points + math.max(0, now - at) * rate)
local taken = 0
if points >= cost then
  points = points - cost
  taken = 1
end
redis.call('HSET', KEYS[1], 'points', tostring(points), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / rate) + 1)
return {taken, tostring(points)}
"""


@dataclass(frozen=True)
class BudgetStatus:
    """The outcome of taking a query's cost from a client's bucket."""

    allowed: bool
    capacity: int
    available: float | None  # None when the bucket could not be read (Redis down)
    restore_rate: int
    cost: int

    @property
    def retry_after(self) -> int:
        """Whole seconds until the bucket holds this cost again (at least 1)."""
        missing = self.cost - (self.available or 0)
        return max(1, math.ceil(missing / self.restore_rate))

    def as_extension(self) -> dict[str, float | int | None]:
        """The ``throttleStatus`` reported in a response's ``extensions.cost``."""
        return {
            "maximumAvailable": self.capacity,
            "currentlyAvailable": None if self.available is None else int(self.available),
            "restoreRate": self.restore_rate,
        }


def enabled() -> bool:
    """Whether budgets are on (``GRAPHQL_BUDGET_CAPACITY`` above 0)."""
    return settings.GRAPHQL_BUDGET_CAPACITY > 0


async def take(client: str, cost: int) -> BudgetStatus:
    """Take ``cost`` points from ``client``'s bucket if it holds them."""
    capacity = settings.GRAPHQL_BUDGET_CAPACITY
    rate = settings.GRAPHQL_BUDGET_REFILL_PER_SECOND
    cost = min(cost, capacity)  # a query dearer than a full bucket could never run otherwise
    if settings.EMBEDDED:
        allowed, available = _local.take(client, capacity, rate, cost)
    else:
        allowed, available = await _take_in_redis(client, capacity, rate, cost)
    return BudgetStatus(allowed, capacity, available, rate, cost)


class _LocalBuckets:
    """The embedded mode's buckets: points and the time they were counted, per client."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._buckets: LRUCache[str, tuple[float, float]] = LRUCache(maxsize=LOCAL_BUCKETS)

    def take(self, client: str, capacity: int, rate: int, cost: int) -> tuple[bool, float]:
        now = time.monotonic()
        with self._lock:
            points, at = self._buckets.get(client, (capacity, now))
            points = min(capacity, points + (now - at) * rate)
            allowed = points >= cost
            if allowed:
                points -= cost
            self._buckets[client] = (points, now)
        return allowed, points

    def clear(self) -> None:
        with self._lock:
            self._buckets.clear()


_local = _LocalBuckets()
_scripts: "weakref.WeakKeyDictionary[redis.asyncio.Redis, AsyncScript]" = (
    weakref.WeakKeyDictionary()
)
_last_warning = 0.0


def _take_script() -> AsyncScript:
    """The bucket script on this event loop's client (sent by its SHA after first use)."""
    connection = async_redis.client()
    script = _scripts.get(connection)
    if script is None:
        script = _scripts[connection] = connection.register_script(_TAKE)
    return script


async def _take_in_redis(
    client: str, capacity: int, rate: int, cost: int
) -> tuple[bool, float | None]:
    global _last_warning
    try:
        taken, points = await _take_script()(
            keys=[KEY_PREFIX + client], args=[capacity, rate, cost]
        )
    except (RedisError, OSError):
        if time.monotonic() - _last_warning > WARN_EVERY_SECONDS:
            _last_warning = time.monotonic()
            logger.warning("Query budgets are not enforced: Redis does not answer", exc_info=True)
        return True, None
    return bool(taken), float(points)


def reset() -> None:
    """Fill every bucket again (tests; an operator after changing the sizes)."""
    _local.clear()
    if not settings.EMBEDDED:
        async_redis.delete_prefixed(KEY_PREFIX)
