"""The stored values of products, compared with incoming rows (the dry run and SQLite).

PostgreSQL's writer compares inside its one SQL statement instead; both reach the same
outcome per key.
"""

from __future__ import annotations

from django.db import connection

from ..rules import ProductRow
from .base import Outcome

TABLE = "products_product"
SQLITE_BATCH = 500  # bound parameters per statement stay well under SQLite's limit


def stored_values(keys: list[str]) -> dict[str, tuple]:
    """The stored `(sku, name, description, active)` of the products with these keys."""
    found: dict[str, tuple] = {}
    sql = f"SELECT lower(sku), sku, name, description, active FROM {TABLE} WHERE lower(sku) "
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(sql + "= ANY(%s)", [keys])
            rows = cursor.fetchall()
        else:
            rows = []
            for start in range(0, len(keys), SQLITE_BATCH):
                batch = keys[start : start + SQLITE_BATCH]
                cursor.execute(sql + f"IN ({','.join(['%s'] * len(batch))})", batch)
                rows.extend(cursor.fetchall())
    for key, *values in rows:
        values[3] = bool(values[3])
        found[key] = tuple(values)
    return found


def differs(row: ProductRow, stored: tuple) -> bool:
    """Whether writing `row` would change the stored `(sku, name, description, active)`."""
    sku, name, description, active = stored
    return (
        row.sku != sku
        or row.name != name
        or (row.description is not None and row.description != description)
        or (row.active is not None and row.active != active)
    )


def compare(rows: dict[str, ProductRow]) -> dict[str, Outcome]:
    """The outcome each row would have, without writing anything."""
    stored = stored_values(list(rows))
    outcomes = {}
    for key, row in rows.items():
        values = stored.get(key)
        if values is None:
            outcomes[key] = Outcome.CREATED
        else:
            outcomes[key] = Outcome.UPDATED if differs(row, values) else Outcome.UNCHANGED
    return outcomes
