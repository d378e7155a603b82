"""The stored values of products, compared with incoming rows (the dry run and SQLite).

PostgreSQL's writer compares inside its SQL statements instead; both reach the same
outcome per key.
"""

from __future__ import annotations

from typing import NamedTuple

from .. import databases
from ..rules import ProductRow
from .base import Outcome

TABLE = "products_product"


class Stored(NamedTuple):
    """A product as stored: its id, values and provenance."""

    id: int
    sku: str
    name: str
    description: str
    active: bool
    last_import_id: int | None
    last_import_line: int | None


def stored_values(keys: list[str]) -> dict[str, Stored]:
    """The stored products with these keys, by key."""
    found: dict[str, Stored] = {}
    sql = (
        f"SELECT lower(sku), id, sku, name, description, active, last_import_id, "
        f"last_import_line FROM {TABLE} WHERE lower(sku) "
    )
    rows = databases.current().select_by_keys(sql, keys)
    for key, pk, sku, name, description, active, import_id, line in rows:
        found[key] = Stored(pk, sku, name, description, bool(active), import_id, line)
    return found


def differs(row: ProductRow, stored: Stored) -> bool:
    """Whether writing `row` would change the stored product's values."""
    return (
        row.sku != stored.sku
        or row.name != stored.name
        or (row.description is not None and row.description != stored.description)
        or (row.active is not None and row.active != stored.active)
    )


def compare(rows: dict[str, ProductRow]) -> tuple[dict[str, Outcome], dict[str, Stored]]:
    """The outcome each row would have, and the stored products; nothing is written."""
    stored = stored_values(list(rows))
    outcomes = {}
    for key, row in rows.items():
        values = stored.get(key)
        if values is None:
            outcomes[key] = Outcome.CREATED
        else:
            outcomes[key] = Outcome.UPDATED if differs(row, values) else Outcome.UNCHANGED
    return outcomes, stored
