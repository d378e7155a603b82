"""SKU keys: two SKUs are one product exactly when the database's ``lower(sku)`` agrees.

The unique index is on ``lower(sku)``. For plain ASCII SKUs Python's ``str.lower`` gives
the same key, so only non-ASCII SKUs are asked from the database (whose ``lower()`` may
treat letters differently from Python's).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .. import databases
from ..rules import ProductRow

SkuKeys = Callable[[list[str]], dict[str, str]]


def database_lower(skus: list[str]) -> dict[str, str]:
    """The database's lower() of each SKU (for SKUs that are not plain ASCII)."""
    return databases.current().lower_keys(skus)


def known_keys(non_ascii_sku_keys: dict[str, str]) -> SkuKeys:
    """Keys of non-ASCII SKUs from those the check pass already asked for (no database);
    raises KeyError for a SKU it did not see."""

    def lower(skus: list[str]) -> dict[str, str]:
        return {sku: non_ascii_sku_keys[sku] for sku in skus}

    return lower


def last_row_per_key(
    rows: Iterable[ProductRow], lower: SkuKeys = database_lower
) -> dict[str, ProductRow]:
    """Rows by SKU key, the last row of each key winning (file order). `lower` gives the
    keys of non-ASCII SKUs (default: ask the database)."""
    rows = list(rows)
    non_ascii = [r.sku for r in rows if not r.sku.isascii()]
    lowered = lower(non_ascii) if non_ascii else {}
    latest: dict[str, ProductRow] = {}
    for row in rows:
        sku = row.sku
        latest[sku.lower() if sku.isascii() else lowered[sku]] = row
    return latest
