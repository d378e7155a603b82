"""Exact counts reused while the catalogue has not changed (the data version).

Paging through the matches of one filter asks for the same ``totalCount`` on every page; a
count over hundreds of thousands of matches costs tens of milliseconds, the version check
well under one. ``products_data_version`` (migration 0006) changes with every write to the
product table, bulk writers included (a trigger, so no writer can forget it), so a count is
reused only at the very version it was made at: never a stale count after a write.

The version is read *before* the count (each statement sees the latest commits): a write
that commits between the two makes the version move on, so the entry is never found again
by a later reader. Inside a transaction (which may have written and may yet roll back) the
cache is bypassed. Each process keeps its own small LRU of counts.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable

from django.db import connection
from django.db.models import QuerySet

MAX_ENTRIES = 512

_lock = threading.Lock()
_counts: "OrderedDict[tuple, int]" = OrderedDict()


def data_version() -> int:
    """Return the current data version of the product table."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT SUM(bumps) FROM products_data_version")
        return int(cursor.fetchone()[0] or 0)


def _key(queryset: QuerySet, version: int) -> tuple | None:
    try:
        sql, params = queryset.query.sql_with_params()
    except Exception:  # an EmptyResultSet and the like: let count() handle it
        return None
    # One alias is one database: its name tells the counts of different databases apart.
    return (connection.alias, version, sql, tuple(map(repr, params)))


def cached_count(queryset: QuerySet, count: Callable[[], int] | None = None) -> int:
    """Return ``queryset.count()`` (or ``count()``), reused at the same data version."""
    unordered = queryset.order_by()
    count = count or unordered.count
    if connection.in_atomic_block:
        return count()
    key = _key(unordered, data_version())
    if key is None:
        return count()
    with _lock:
        if key in _counts:
            _counts.move_to_end(key)
            return _counts[key]
    total = count()
    with _lock:
        _counts[key] = total
        while len(_counts) > MAX_ENTRIES:
            _counts.popitem(last=False)
    return total


def clear() -> None:
    """Forget every cached count (tests)."""
    with _lock:
        _counts.clear()

