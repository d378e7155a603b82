"""The production writer (PostgreSQL): COPY into a temporary table, then one INSERT ... ON CONFLICT.

Each chunk is COPYed into a temporary stage table; one ``DELETE ... USING`` drops the staged
rows whose product already holds their values (one index probe each), and one
``INSERT ... ON CONFLICT (lower(sku)) DO UPDATE ... WHERE <values differ>`` applies the rest;
``RETURNING`` tells created products from updated ones, and a key it does not return was
unchanged. The statement also keeps the per-`active`
product counts (``products.counts``) exact. The COPY text is built by `prepare` in the reader
thread, so it overlaps the previous chunk's write.

The change log costs two set-based additions, no per-row round trip: before the upsert, one
``INSERT ... SELECT`` locks the stored rows that will change (``FOR UPDATE``, so nobody
changes them before the upsert does) and logs their before-values; the upsert's
``RETURNING`` feeds one more ``INSERT`` with the new products' tiny CREATED entries.

A first import into an empty catalogue (every stored product is its own) writes each chunk
with a plain ``INSERT`` and its CREATED entries: no probe for unchanged rows, none for
conflicts. If the unique index refuses the chunk (someone created one of its products
meanwhile), the chunk is written the full way instead.

The search column travels as text (see ``products.search_document``) and becomes a
``tsvector`` only in the rows written, so unchanged rows cost no parsing. The stage is filled
in key order and read in that order, so index insertions stay local without a sort.
"""

from __future__ import annotations

import io

from django.db import IntegrityError, connection, transaction

from products import counts
from products.models import Product
from products.search_document import COLUMN as VECTOR
from products.search_document import document_vector as _vector

from ..rules import ProductRow
from .base import Outcome, Writer
from .change_log import COLUMNS, CREATED, LOG_TABLE, UPDATED
from .stored import TABLE

STAGE = "import_stage"


class PostgresWriter(Writer):
    """Writes chunks into PostgreSQL with COPY and one upsert statement; unchanged rows cost
    an index probe and no write."""

    def prepare(self, rows: dict[str, ProductRow]) -> bytes | None:
        """The chunk's COPY text, UTF-8 (pure Python, built in the reader thread). Bytes: a
        chunk waits as one byte per character and is read by COPY without a copy."""
        return stage_text(rows, self.description, self.active).encode() if rows else None

    def write(
        self, rows: dict[str, ProductRow], prepared: object | None = None
    ) -> dict[str, Outcome]:
        """Apply `rows` (by key); return each key's outcome."""
        if not rows:
            return {}
        staged = prepared if isinstance(prepared, bytes) else None
        probe = self.log and not self._only_own_products()
        outcomes = _write(
            rows, self.description, self.active, staged, self.job_id, self.log, probe
        )
        self._created = (self._created or 0) + sum(
            1 for o in outcomes.values() if o == Outcome.CREATED
        )
        return outcomes

    _created: int | None = None

    def _only_own_products(self) -> bool:
        """Whether every stored product was created by this import (so no product of a later
        chunk exists yet: a first import into an empty catalogue). Then the chunk needs no
        probe for before-values; `_write` checks the claim and probes after all if wrong."""
        if self._created is None:  # once per run: a resumed job counts its earlier chunks
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT count(*) FROM {LOG_TABLE} WHERE job_id = %s AND kind = {CREATED}",
                    [self.job_id],
                )
                self._created = cursor.fetchone()[0]
        return counts.product_count(Product.objects.all()) == self._created


def stage_text(rows: dict[str, ProductRow], description: bool, active: bool) -> str:
    """The COPY text (PostgreSQL's text format) of the rows for the stage, in key order.

    Pure Python, so the reader thread can build it for the next chunk while this one is
    being written. Columns: line, sku, name, [description], [active], search vector; the
    vector is NULL (``\\N``) when the database's trigger must compute it (text beyond
    ASCII); a new product without the description column gets the vector of sku and name.
    """
    out: list[str] = []
    add = out.append
    # Staged in key order, so the probes and insertions of the key index walk it in order.
    for key in sorted(rows):
        r = rows[key]
        text = r.description if description else ""
        vector = _vector(r.sku, r.name, text)
        row = f"{r.line}\t{_field(r.sku)}\t{_field(r.name)}"
        if description:
            row = f"{row}\t{_field(text)}"
        if active:
            row = f"{row}\t{'t' if r.active else 'f'}"
        add(f"{row}\t{NULL if vector is None else vector}\n")
    return "".join(out)


NULL = "\\N"
_ESCAPES = str.maketrans({"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _field(text: str) -> str:
    """`text` as a field of COPY's text format: backslash, newline, CR and tab escaped."""
    if "\\" in text or "\n" in text or "\r" in text or "\t" in text:
        return text.translate(_ESCAPES)
    return text


def _write(
    rows: dict[str, ProductRow],
    description: bool,
    active: bool,
    staged: bytes | None,
    job_id: int,
    log: bool,
    probe: bool = True,
) -> dict[str, Outcome]:
    columns = ["sku", "name"] + ["description"] * description + ["active"] * active
    if staged is None:
        staged = stage_text(rows, description, active).encode()
    buffer = io.BytesIO(staged)  # shares the bytes (a StringIO would hold 4 bytes a character)
    del staged
    changed = columns
    # The staged search vector is the text's only when the file has every text column;
    # otherwise the update keeps the stored one and the trigger recomputes it.
    vector_update = [VECTOR] * description
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in changed + vector_update)
    differs = (
        f"({', '.join('p.' + c for c in changed)}) IS DISTINCT FROM "
        f"({', '.join('EXCLUDED.' + c for c in changed)})"
    )
    stored_differs = (
        f"({', '.join('q.' + c for c in columns)}) IS DISTINCT FROM "
        f"({', '.join('s.' + c for c in columns)})"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {STAGE} (sku text NOT NULL, name text NOT NULL, "
            f"description text, active boolean, line bigint NOT NULL, {VECTOR} text) "
            "ON COMMIT DELETE ROWS"
        )
        cursor.execute(f"TRUNCATE {STAGE}")  # empty already, unless inside an outer transaction
        cursor.copy_expert(
            f"COPY {STAGE} (line, {', '.join(columns)}, {VECTOR}) FROM STDIN",
            buffer,
            size=1 << 20,
        )
        # `before` (same snapshot, so the values from before this INSERT) gives the old
        # `active` of updated rows for the counts.
        before = (
            f"before AS (SELECT lower(q.sku) AS k, q.active FROM {TABLE} q "
            f"WHERE lower(q.sku) IN (SELECT lower(sku) FROM {STAGE})), "
            if active
            else ""
        )
        old_active = "b.active" if active else "NULL::boolean"
        join_before = "LEFT JOIN before b ON b.k = w.k" if active else ""
        counts.take_over_counts(cursor)
        # The stage has no statistics and the product table's are often stale (it grows by
        # the import itself), so the planner tends to hash the WHOLE product table for the
        # probes below, once per chunk. Index probes per staged row are what we want: allow
        # only nested loops for these statements, then put the settings back.
        cursor.execute(
            "SELECT current_setting('enable_hashjoin'), current_setting('enable_mergejoin'), "
            "set_config('enable_hashjoin', 'off', true), "
            "set_config('enable_mergejoin', 'off', true)"
        )
        hashjoin, mergejoin = cursor.fetchone()[:2]
        created = (
            f"created AS (INSERT INTO {LOG_TABLE} (job_id, kind, line, product_id, sku) "
            f"SELECT %s, {CREATED}, line, id, sku FROM written WHERE inserted) "
            if log
            else ""
        )
        # Every staged row as a new product (the upsert and a first import's plain INSERT).
        insert = (
            f"INSERT INTO {TABLE} AS p (sku, name, description, active, created_at, updated_at, "
            f"last_import_id, last_import_line, {VECTOR}) "
            f"SELECT sku, name, {'description' if description else chr(39) * 2}, "
            f"{'active' if active else 'true'}, statement_timestamp(), statement_timestamp(), "
            f"%s, line, {VECTOR}::tsvector FROM {STAGE} s "
        )
        upsert = (
            f"WITH {before}written AS ({insert}"
            f"ON CONFLICT (lower(sku)) DO UPDATE SET {updates}, updated_at = EXCLUDED.updated_at, "
            "last_import_id = EXCLUDED.last_import_id, "
            "last_import_line = EXCLUDED.last_import_line "
            f"WHERE {differs} RETURNING p.id, lower(p.sku) AS k, xmax = 0 AS inserted, p.active, "
            f"p.sku, p.last_import_line AS line){', ' if log else ' '}{created}"
            f"SELECT w.k, w.inserted, w.active, {old_active} FROM written w {join_before}"
        )
        params = [job_id, job_id] if log else [job_id]

        def write_products() -> list[tuple]:
            _drop_unchanged(cursor, stored_differs)
            cursor.execute(upsert, params)
            return cursor.fetchall()

        def log_then_write() -> tuple[int, list[tuple]]:
            _drop_unchanged(cursor, stored_differs)
            logged = _log_updates(cursor, columns, stored_differs, description, active, job_id)
            cursor.execute(upsert, params)
            return logged, cursor.fetchall()

        new_by_active: dict[bool, int] | None = None
        if not log:
            written = write_products()
            logged = sum(1 for _, inserted, _, _ in written if not inserted)
        elif probe:
            logged, written = log_then_write()
        else:
            # No stored product can have these keys (see PostgresWriter._only_own_products):
            # a plain INSERT, without the probes for unchanged rows and for conflicts. If a
            # product with one of the keys appeared after all (someone created it meanwhile),
            # the unique index refuses the chunk: undo that and write it the full way.
            savepoint = transaction.savepoint()
            try:
                new_by_active = _insert_new(cursor, insert, job_id)
            except IntegrityError:
                transaction.savepoint_rollback(savepoint)
                logged, written = log_then_write()
            else:
                transaction.savepoint_commit(savepoint)
        cursor.execute(
            "SELECT set_config('enable_hashjoin', %s, true), "
            "set_config('enable_mergejoin', %s, true)",
            [hashjoin, mergejoin],
        )
        if new_by_active is not None:
            counts.record(cursor, {True: new_by_active.get(True, 0),
                                   False: new_by_active.get(False, 0)})
            return dict.fromkeys(rows, Outcome.CREATED)
        updated = sum(1 for _, inserted, _, _ in written if not inserted)
        if updated != logged:
            # A product with one of these SKUs was created by someone else between the two
            # statements, so its before-values are unknown: roll the chunk back (the job
            # resumes from its checkpoint and writes it again).
            raise ConcurrentProductWrite(
                f"{updated - logged} product(s) of this chunk were created while it was "
                "written; the chunk is written again."
            )
        counts.record(cursor, _count_changes(written))
    outcomes = dict.fromkeys(rows, Outcome.UNCHANGED)
    for key, inserted, _, _ in written:
        outcomes[key] = Outcome.CREATED if inserted else Outcome.UPDATED
    return outcomes


def _insert_new(cursor, insert: str, job_id: int) -> dict[bool, int]:
    """Run `insert` (every staged row as a new product) with the CREATED log entries, in one
    statement; return how many of them are active and inactive. Raises IntegrityError when a
    key is taken."""
    cursor.execute(
        f"WITH written AS ({insert}RETURNING id, sku, active, last_import_line AS line), "
        f"created AS (INSERT INTO {LOG_TABLE} (job_id, kind, line, product_id, sku) "
        f"SELECT %s, {CREATED}, line, id, sku FROM written) "
        "SELECT active, count(*) FROM written GROUP BY active",
        [job_id, job_id],
    )
    return dict(cursor.fetchall())


class ConcurrentProductWrite(RuntimeError):
    """A product of the chunk appeared during its write; the chunk must be written again."""


def _drop_unchanged(cursor, stored_differs: str) -> int:
    """Delete from the stage the rows whose product already holds exactly these values; return
    how many. One index probe each, and they cost nothing more: the statements after it (the
    change log's probe for before-values, the upsert) see only new and changed rows, and an
    unchanged product is not even locked (ON CONFLICT ... WHERE would lock it).

    A product changed by someone else after this statement and before the chunk commits is
    left as they wrote it, as if their write came after the import's."""
    cursor.execute(
        f"DELETE FROM {STAGE} s USING {TABLE} q WHERE lower(q.sku) = lower(s.sku) "
        f"AND NOT ({stored_differs})"
    )
    return cursor.rowcount


def _log_updates(
    cursor, columns: list[str], stored_differs: str, description: bool, active: bool, job_id: int
) -> int:
    """Lock the stored products the stage changes and log their before-values; return how
    many (one statement; the locks hold until the chunk commits)."""
    after_description = (
        "CASE WHEN s.description IS DISTINCT FROM q.description THEN s.description END"
        if description
        else "NULL::text"
    )
    after_active = (
        "CASE WHEN s.active IS DISTINCT FROM q.active THEN s.active END"
        if active
        else "NULL::boolean"
    )
    cursor.execute(
        f"WITH old AS (SELECT s.line, q.id, s.sku, "
        "CASE WHEN s.name IS DISTINCT FROM q.name THEN s.name END AS after_name, "
        f"{after_description} AS after_description, {after_active} AS after_active, "
        "q.sku AS before_sku, q.name AS before_name, q.description AS before_description, "
        "q.active AS before_active, q.last_import_id AS before_import_id, "
        "q.last_import_line AS before_import_line "
        f"FROM {STAGE} s JOIN {TABLE} q ON lower(q.sku) = lower(s.sku) "
        f"WHERE {stored_differs} FOR UPDATE OF q) "
        f"INSERT INTO {LOG_TABLE} ({', '.join(COLUMNS)}) "
        f"SELECT %s, {UPDATED}, line, id, sku, after_name, after_description, after_active, "
        "before_sku, before_name, before_description, before_active, before_import_id, "
        "before_import_line FROM old",
        [job_id],
    )
    return cursor.rowcount


def _count_changes(written: list[tuple]) -> dict[bool, int]:
    """Change in product count per `active` value from (key, inserted, active, old active)."""
    deltas = {True: 0, False: 0}
    for _, inserted, new_active, old_active in written:
        if inserted:
            deltas[new_active] += 1
        elif old_active is not None and old_active != new_active:
            deltas[old_active] -= 1
            deltas[new_active] += 1
    return deltas
