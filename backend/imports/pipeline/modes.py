"""The import's mode and empty cells, applied to each chunk just before its writer.

`ModeWriter` wraps the database's writer (or the dry run's). Inside the chunk's transaction
it reads the stored products of the chunk's keys (locked on PostgreSQL, so nobody changes
them before the write), then per row:

- `UPDATE_ONLY` leaves a row of an unknown SKU alone (skipped, `NOT_FOUND`), `CREATE_ONLY` a
  row of a known SKU (skipped, `EXISTS`); skips are recorded as `ImportSkip` rows;
- a row without a name (no name column, or an empty cell kept) takes the stored name; for a
  new SKU it is a bad row ("SKU x is new; a name is needed to create it");
- a value kept by `emptyCells: KEEP` takes the stored value (a new product the default);
- a completed row that holds the stored values is UNCHANGED there (a partial file often
  changes a few of the products it names: the others are not staged or compared again).

The wrapped writer then sees complete rows, so its SQL is the one of a full file. With the
default options and a file with every name, nothing is read and the chunk passes through.
"""

from __future__ import annotations

from django.db import connection

from core.databases import is_postgresql

from ..models import ImportRowError, ImportSkip
from .databases import SQLITE_BATCH
from .options import SyncOptions
from .rules import ProductRow
from .writers import Outcome, Writer
from .writers.stored import TABLE

NEW_WITHOUT_NAME = "SKU {sku} is new; a name is needed to create it"


class ModeWriter(Writer):
    """Applies the mode and the empty-cell choice, then hands complete rows to `inner`."""

    def __init__(self, inner: Writer, options: SyncOptions) -> None:
        """Wrap `inner` (the writer of the job) with the job's sync `options`."""
        self.inner = inner
        self.options = options
        self.description, self.active = inner.description, inner.active
        self.job_id, self.log = inner.job_id, inner.log

    def starts_job(self) -> None:
        """Pass on to the inner writer."""
        self.inner.starts_job()

    def _incomplete(self, row: ProductRow) -> bool:
        return (row.name is None or (self.description and row.description is None)
                or (self.active and row.active is None))

    def prepare(self, rows: dict[str, ProductRow]) -> object | None:
        """The inner writer's preparation, when the rows will reach it unchanged."""
        if any(self._incomplete(r) for r in rows.values()):
            return None
        return self.inner.prepare(rows)

    def write(
        self, rows: dict[str, ProductRow], prepared: object | None = None
    ) -> dict[str, Outcome]:
        """Skip, refuse or complete each row, write the rest; every key gets its outcome."""
        mode = self.options.mode
        incomplete = any(self._incomplete(r) for r in rows.values())
        if not rows or (mode == "UPSERT" and not incomplete):
            return self.inner.write(rows, prepared)
        stored = stored_values(list(rows))
        outcomes: dict[str, Outcome] = {}
        kept: dict[str, ProductRow] = {}
        skips: list[ImportSkip] = []
        refused: list[ImportRowError] = []
        for key, row in rows.items():
            found = stored.get(key)
            if found is None and mode == "UPDATE_ONLY":
                outcomes[key] = Outcome.SKIPPED
                skips.append(ImportSkip(job_id=self.job_id, line=row.line, sku=row.sku,
                                        reason=ImportSkip.Reason.NOT_FOUND))
            elif found is not None and mode == "CREATE_ONLY":
                outcomes[key] = Outcome.SKIPPED
                skips.append(ImportSkip(job_id=self.job_id, line=row.line, sku=row.sku,
                                        reason=ImportSkip.Reason.EXISTS))
            elif found is None and row.name is None:
                outcomes[key] = Outcome.REJECTED
                refused.append(ImportRowError(job_id=self.job_id, line=row.line, sku=row.sku,
                                              message=NEW_WITHOUT_NAME.format(sku=row.sku),
                                              raw=row.raw))
            else:
                done = _complete(row, found)
                if found is not None and (done.sku, done.name, done.description,
                                          done.active) == found:
                    outcomes[key] = Outcome.UNCHANGED  # nothing to write: the stored values
                else:
                    kept[key] = done
        ImportSkip.objects.bulk_create(skips)
        ImportRowError.objects.bulk_create(refused)
        unchanged_rows = len(kept) == len(rows) and not incomplete
        outcomes.update(self.inner.write(kept, prepared if unchanged_rows else None))
        return outcomes


def _complete(row: ProductRow, stored: tuple | None) -> ProductRow:
    """`row` with its missing values from the stored product (or a new one's defaults)."""
    _, name, description, active = stored if stored is not None else (None, row.name, "", True)
    return row._replace(
        name=name if row.name is None else row.name,
        description=description if row.description is None else row.description,
        active=active if row.active is None else row.active,
        raw="",
    )


def stored_values(keys: list[str]) -> dict[str, tuple[str, str, str, bool]]:
    """(sku, name, description, active) of the stored products with these keys, by key;
    locked until the chunk commits on PostgreSQL (SQLite's write lock is held from BEGIN)."""
    sql = f"SELECT lower(sku), sku, name, description, active FROM {TABLE} WHERE lower(sku) "
    found: dict[str, tuple[str, str, str, bool]] = {}
    with connection.cursor() as cursor:
        if is_postgresql(connection):
            cursor.execute(sql + "= ANY(%s) FOR UPDATE", [keys])
            rows = cursor.fetchall()
        else:
            rows = []
            for start in range(0, len(keys), SQLITE_BATCH):
                batch = keys[start : start + SQLITE_BATCH]
                cursor.execute(sql + f"IN ({','.join(['%s'] * len(batch))})", batch)
                rows.extend(cursor.fetchall())
    for key, sku, name, description, active in rows:
        found[key] = (sku, name, description, bool(active))
    return found
