"""The product change feed: every create, update and delete of a product in commit order.

Triggers on the product table record each change from any writer (the API, imports and
their removals, reverts, bulk deletions) with a *position* given in commit order
(migration 0012 explains how, per database). A cursor is an opaque string holding
(position, change id); a page holds the changes after it in (position, id) order, each with
the product's current values read in the same snapshot (none for a deletion, or when the
product has been deleted since: a later DELETED change follows it).

Changes older than PRODUCT_CHANGES_RETENTION_DAYS are removed by a sweeper (`prune`); the
horizon table keeps the last position removed, and a cursor before it (or no cursor once
anything was removed) is refused with `CursorExpired`: the client must read the catalogue
again from `head()`.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper
from django.utils import timezone

from core.databases import is_postgresql
from products.models import Product

KINDS = {1: "CREATED", 2: "UPDATED", 3: "DELETED"}
PREFIX = "pc:"


class CursorExpired(Exception):
    """The changes after this cursor are no longer all kept."""


class BadCursor(ValueError):
    """The cursor is not one this feed gave."""


@dataclass(frozen=True)
class Change:
    """One change: its cursor, kind, the product's id and SKU, and its current values."""

    cursor: str
    kind: str
    product_id: int
    sku: str
    product: Product | None


@dataclass(frozen=True)
class Page:
    """Changes after a cursor, the cursor to ask from next, and whether more are waiting."""

    changes: list[Change]
    end_cursor: str
    has_more: bool


def encode(position: int, change_id: int) -> str:
    """The opaque cursor of (position, change id)."""
    return base64.urlsafe_b64encode(f"{PREFIX}{position}:{change_id}".encode()).decode()


def decode(cursor: str) -> tuple[int, int]:
    """(position, change id) of a cursor; BadCursor when it is not one of ours."""
    try:
        text = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("ascii")
        if not text.startswith(PREFIX):
            raise ValueError(text)
        position, change_id = (int(part) for part in text[len(PREFIX):].split(":"))
    except (ValueError, UnicodeError, binascii.Error):
        raise BadCursor(cursor) from None
    if position < 0 or change_id < 0:
        raise BadCursor(cursor)
    return position, change_id


# The changes after (position, id): the rest of the cursor's own transaction, then the later
# transactions'. Two branches, so that each reads only the rows of the page in its indexes'
# order: the first finds the transaction, then walks the changes' (txid, id) index from the
# cursor's id; the second walks the commits by position and takes at most a page from each
# (a 100,000-change transaction is not read whole for its first 1,000). A page costs the same
# wherever it is in the log, however long the log and its transactions.
_PG_PAGE = (
    "SELECT * FROM ((SELECT %(position)s::bigint AS position, ch.id, ch.kind, ch.product_id, "
    "ch.sku FROM products_change ch WHERE ch.txid = (SELECT txid FROM products_change_commit "
    "WHERE position = %(position)s) AND ch.id > %(id)s ORDER BY ch.txid, ch.id "
    "LIMIT %(limit)s) UNION ALL (SELECT c.position, ch.id, ch.kind, ch.product_id, ch.sku "
    "FROM products_change_commit c CROSS JOIN LATERAL (SELECT id, kind, product_id, sku "
    "FROM products_change WHERE txid = c.txid ORDER BY txid, id LIMIT %(limit)s) ch "
    "WHERE c.position > %(position)s ORDER BY c.position, ch.id LIMIT %(limit)s)) page "
    "ORDER BY 1, 2 LIMIT %(limit)s"
)
# The planner expects a transaction to hold a few hundred changes and would read all of the
# cursor's rest in a bitmap scan and sort it (the whole of a 100,000-change import); in the
# index's order a page reads just its rows.
_PG_PLAN = "SELECT set_config('enable_bitmapscan', 'off', true)"
_SQLITE_PAGE = (
    "SELECT id, id, kind, product_id, sku FROM products_change "
    "WHERE id > %(position)s AND id > %(id)s ORDER BY id LIMIT %(limit)s"
)


def _horizon(cursor: CursorWrapper) -> tuple[int, int]:
    cursor.execute("SELECT position, change_id FROM products_change_horizon WHERE id = 1")
    row = cursor.fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def read(after: str | None, first: int) -> Page:
    """The `first` changes after cursor `after` (None: from the very first change kept since
    the feed began). Raise BadCursor or CursorExpired."""
    position, change_id = decode(after) if after else (0, 0)
    postgres = is_postgresql(connection)
    with transaction.atomic(), connection.cursor() as cursor:
        if postgres:
            cursor.execute(_PG_PLAN)
        cursor.execute(_PG_PAGE if postgres else _SQLITE_PAGE,
                       {"position": position, "id": change_id, "limit": first + 1})
        rows = cursor.fetchall()
        # Checked after the read, so a removal that ran meanwhile is noticed too.
        if (position, change_id) < _horizon(cursor):
            raise CursorExpired(after)
        more = len(rows) > first
        rows = rows[:first]
    # Read after the changes: a product is as new as the change or newer (a later change
    # then follows it), or gone (null; its DELETED change follows).
    products = Product.objects.in_bulk([r[3] for r in rows if r[2] != 3])
    changes = [
        Change(encode(p, c), KINDS[k], pk, sku, None if k == 3 else products.get(pk))
        for p, c, k, pk, sku in rows
    ]
    end = changes[-1].cursor if changes else encode(position, change_id)
    return Page(changes, end, more)


def head() -> str:
    """The cursor after the last change committed so far (where a client that has just read
    the whole catalogue starts)."""
    with connection.cursor() as cursor:
        if is_postgresql(connection):
            cursor.execute(
                "SELECT c.position, max(ch.id) FROM products_change_commit c JOIN "
                "products_change ch ON ch.txid = c.txid WHERE c.position = (SELECT "
                "max(position) FROM products_change_commit) GROUP BY c.position"
            )
        else:
            cursor.execute("SELECT max(id), max(id) FROM products_change")
        row = cursor.fetchone()
        horizon = _horizon(cursor)
    if row is None or row[0] is None:
        return encode(*horizon)
    return encode(int(row[0]), int(row[1]))


def prune(now: datetime | None = None) -> int:
    """Remove changes older than PRODUCT_CHANGES_RETENTION_DAYS and move the horizon past
    them; return how many were removed."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.PRODUCT_CHANGES_RETENTION_DAYS)
    with transaction.atomic(), connection.cursor() as cursor:
        if is_postgresql(connection):
            cursor.execute(
                "SELECT max(position) FROM products_change_commit WHERE committed_at < %s",
                [cutoff],
            )
            last = cursor.fetchone()[0]
            if last is None:
                return 0
            cursor.execute(
                "SELECT coalesce(max(ch.id), 0) FROM products_change ch JOIN "
                "products_change_commit c ON c.txid = ch.txid WHERE c.position = %s", [last]
            )
            last_id = cursor.fetchone()[0]
            cursor.execute(
                "WITH gone AS (DELETE FROM products_change_commit WHERE position <= %s "
                "RETURNING txid) DELETE FROM products_change WHERE txid IN (SELECT txid "
                "FROM gone)", [last],
            )
        else:
            stamp = cutoff.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
            cursor.execute("SELECT max(id) FROM products_change WHERE committed_at < %s",
                           [stamp])
            last = last_id = cursor.fetchone()[0]
            if last is None:
                return 0
            cursor.execute("DELETE FROM products_change WHERE id <= %s", [last])
        removed = cursor.rowcount
        # A cursor at (last, last_id) has seen everything removed; one before it has not.
        cursor.execute("UPDATE products_change_horizon SET position = %s, change_id = %s "
                       "WHERE id = 1", [last, last_id])
    return removed
