"""Change-log entries built in Python (SQLite and the dry run; PostgreSQL builds them in SQL).

Every writer records, in the transaction of the chunk it writes, one entry per product it
created or updated (see `imports.models.ImportChange`): a product change never commits
without its entry, nor an entry without its change.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

from ..rules import ProductRow
from .stored import Stored

LOG_TABLE = "imports_importchange"
CREATED, UPDATED = 1, 2
COLUMNS = (
    "job_id", "kind", "line", "product_id", "sku", "after_name", "after_description",
    "after_active", "before_sku", "before_name", "before_description", "before_active",
    "before_import_id", "before_import_line",
)


def _if_changed(new: object, old: object) -> object:
    return None if new is None or new == old else new


def updated_entry(job_id: int, row: ProductRow, stored: Stored) -> tuple:
    """The entry of a product `row` updates: every value before, the changed ones after."""
    return (
        job_id, UPDATED, row.line, stored.id, row.sku,
        _if_changed(row.name, stored.name),
        _if_changed(row.description, stored.description),
        _if_changed(row.active, stored.active),
        stored.sku, stored.name, stored.description, stored.active,
        stored.last_import_id, stored.last_import_line,
    )


def planned_created_entry(job_id: int, row: ProductRow) -> tuple:
    """A dry run's entry of a product `row` would create, with the values it would have."""
    return (
        job_id, CREATED, row.line, None, row.sku, row.name,
        "" if row.description is None else row.description,
        True if row.active is None else row.active,
        None, None, None, None, None, None,
    )


def insert_entries(entries: Iterable[tuple]) -> None:
    """Insert entries (tuples in `COLUMNS` order) in the current transaction."""
    entries = list(entries)
    if not entries:
        return
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {LOG_TABLE} ({', '.join(COLUMNS)}) VALUES ({placeholders})", entries
        )
