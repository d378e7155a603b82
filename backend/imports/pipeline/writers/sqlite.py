"""The embedded mode's writer (SQLite): compare in Python, write only new and changed rows.

The stored import hashes of the chunk's keys are read first (``products.import_hash``;
skipped on files whose rows all change, see `hash_lookups`): a row whose hash matches is
unchanged and its product is not read further. For the other rows the stored values are read
and compared with the rows; the updated products' entries (with their before-values) go into
the change log, then new products are inserted and changed ones updated with `executemany`
(ON CONFLICT on the `lower(sku)` index as a guard), and the new products' entries are logged
with their ids.
The embedded database takes its write lock at BEGIN, so nothing changes between the read
and the writes.
"""

from __future__ import annotations

from functools import cached_property

from django.db import connection
from django.utils import timezone

from products.import_hash import COLUMN as HASH
from products.import_hash import values_hash

from .. import databases
from ..rules import ProductRow
from .base import Outcome, Writer
from .change_log import CREATED, LOG_TABLE, insert_entries, updated_entry
from .hash_lookups import HashLookups
from .stored import TABLE, compare


class SqliteWriter(Writer):
    """Writes chunks into SQLite; unchanged products are not written."""

    @cached_property
    def _lookups(self) -> HashLookups:
        return HashLookups()

    def write(
        self, rows: dict[str, ProductRow], prepared: object | None = None
    ) -> dict[str, Outcome]:
        """Apply `rows` (by key) and log their changes; return each key's outcome."""
        if not rows:
            return {}
        description, active, job_id = self.description, self.active, self.job_id
        hashes = {
            k: values_hash(r.sku, r.name, r.description, r.active)  # type: ignore[arg-type]
            for k, r in rows.items()
        }
        unchanged: dict[str, Outcome] = {}
        unhashed: set[str] = set()
        if self._lookups.wanted():
            stored_hashes = dict(
                databases.current().select_by_keys(
                    f"SELECT lower(sku), {HASH} FROM {TABLE} WHERE lower(sku) ", list(rows)
                )
            )
            unchanged = {
                k: Outcome.UNCHANGED
                for k, h in hashes.items()
                if k in stored_hashes and stored_hashes[k] == h
            }
            unhashed = {k for k, h in stored_hashes.items() if h is None}
            self._lookups.record(len(rows), len(unchanged), bool(unhashed))
        rest = {k: r for k, r in rows.items() if k not in unchanged} if unchanged else rows
        if not rest:
            return unchanged
        outcomes, stored = compare(rest)
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        # Sorted by key, the unique index is filled in order; the import's connection has a
        # bigger page cache (`databases.SQLite.import_session`) for the other indexes' pages.
        new = [(k, rows[k]) for k, o in sorted(outcomes.items()) if o == Outcome.CREATED]
        changed = [(k, rows[k]) for k, o in outcomes.items() if o == Outcome.UPDATED]
        if self.log:
            insert_entries(updated_entry(job_id, row, stored[key]) for key, row in changed)
        sets = ["sku = %s", "name = %s"] + ["description = %s"] * description
        sets += ["active = %s"] * active + [f"{HASH} = %s"]
        # Products holding these values already but no hash get theirs: later imports of
        # the same values skip them (only the hash column is written).
        fill = [
            (hashes[k], k) for k, o in outcomes.items() if o == Outcome.UNCHANGED and k in unhashed
        ]
        with connection.cursor() as cursor:
            if new:
                cursor.executemany(
                    f"INSERT INTO {TABLE} (sku, name, description, active, created_at, "
                    "updated_at, last_import_id, last_import_line, created_by_import_id, "
                    f"{HASH}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
                    "ON CONFLICT (lower(sku)) DO UPDATE SET sku = excluded.sku, "
                    "name = excluded.name, description = excluded.description, active = "
                    "excluded.active, updated_at = excluded.updated_at, last_import_id = "
                    "excluded.last_import_id, last_import_line = excluded.last_import_line, "
                    f"{HASH} = excluded.{HASH}",
                    [
                        (
                            r.sku,
                            r.name,
                            "" if r.description is None else r.description,
                            True if r.active is None else r.active,
                            now,
                            now,
                            job_id,
                            r.line,
                            job_id,
                            hashes[k],
                        )
                        for k, r in new
                    ],
                )
                if self.log:
                    cursor.executemany(
                        f"INSERT INTO {LOG_TABLE} (job_id, kind, line, product_id, sku) "
                        f"SELECT %s, {CREATED}, %s, id, sku FROM {TABLE} WHERE lower(sku) = %s",
                        [(job_id, r.line, key) for key, r in new],
                    )
            if changed:
                cursor.executemany(
                    f"UPDATE {TABLE} SET {', '.join(sets)}, updated_at = %s, "
                    "last_import_id = %s, last_import_line = %s WHERE lower(sku) = %s",
                    [
                        (r.sku, r.name)
                        + ((r.description,) if description else ())
                        + ((r.active,) if active else ())
                        + (hashes[key], now, job_id, r.line, key)
                        for key, r in changed
                    ],
                )
            if fill:
                cursor.executemany(
                    f"UPDATE {TABLE} SET {HASH} = %s WHERE lower(sku) = %s", fill
                )
        outcomes.update(unchanged)
        return outcomes
