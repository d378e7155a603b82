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

A first import into an empty catalogue (every stored product is its own), and a chunk whose
hash lookup finds none of its keys stored (all new), write with a plain ``INSERT`` and its
CREATED entries: no probe for unchanged rows, none for conflicts. When the lookup finds some
of the keys stored, the rows of the others are written that way and only the rows found take
the upsert (an API call of new products among a few known ones). If the unique index refuses
the plain ``INSERT`` (someone created one of its products meanwhile), those rows are written
the full way instead.

Unchanged rows cost no staging: each row's import hash (``products.import_hash``) is
computed in the reader thread and one indexed ``SELECT`` per chunk reads the stored hashes
of its keys; a row whose hash matches is UNCHANGED and goes no further (`hash_lookups` says
when the lookup is skipped: a file whose rows all change). Only the other rows
are staged and compared in SQL as above (and get their hash written with their values).
While chunks are mostly unchanged, the COPY text is built for the rows left rather than
ahead for all of them.

The search columns travel as text (see ``products.search_document``: the words of the three
columns, and those of the description alone) and become ``tsvector`` values only in the rows
written, so unchanged rows cost no parsing. The stage is filled
in key order and read in that order, so index insertions stay local without a sort.
"""

from __future__ import annotations

import io
from collections.abc import Container, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

from django.db import IntegrityError, connection, transaction

from products import counts
from products.import_hash import values_hash
from products.models import Product
from products.search_document import description_vector as _description_vector
from products.search_document import document_vector as _vector

from ..rules import ProductRow
from . import postgresql_sql as sql
from .base import Outcome, Writer
from .change_log import CREATED, LOG_TABLE
from .hash_lookups import HashLookups


@dataclass
class Prepared:
    """What the reader thread prepares for a chunk: the rows' import hashes and the COPY
    text of all the rows (None while chunks are mostly unchanged: then `write` builds it for
    the rows left)."""

    hashes: dict[str, int] | None
    text: bytes | None


class PostgresWriter(Writer):
    """Writes chunks into PostgreSQL with COPY and one upsert statement; unchanged rows cost
    a hash lookup (or, without a stored hash, an index probe) and no write."""

    # Whether the last chunk was mostly unchanged (then the next one's text waits).
    _mostly_unchanged = False

    @cached_property
    def _lookups(self) -> HashLookups:
        return HashLookups()

    def prepare(self, rows: dict[str, ProductRow]) -> Prepared | None:
        """The chunk's hashes and COPY text, UTF-8 (pure Python, built in the reader thread).
        Bytes: a chunk waits as one byte per character and is read by COPY without a copy."""
        if not rows:
            return None
        hashes = row_hashes(rows)
        text = None
        if not self._mostly_unchanged:
            text = stage_text(rows, self.description, self.active, hashes).encode()
        return Prepared(hashes, text)

    def write(
        self, rows: dict[str, ProductRow], prepared: object | None = None
    ) -> dict[str, Outcome]:
        """Apply `rows` (by key); return each key's outcome."""
        if not rows:
            return {}
        ready = prepared if isinstance(prepared, Prepared) else Prepared(None, None)
        hashes = ready.hashes if ready.hashes is not None else row_hashes(rows)
        own = self._only_own_products()
        unchanged: list[str] = []
        fill = False
        stored: dict[str, int | None] | None = None  # None: not looked up
        if not own and self._lookups.wanted():
            stored = _stored_hashes(list(rows))
            unchanged = [k for k, h in hashes.items() if k in stored and stored[k] == h]
            fill = any(value is None for value in stored.values())
            self._lookups.record(len(rows), len(unchanged), fill)
            # No product has any of these keys: all new, written as a first import's are.
            own = not stored
        self._mostly_unchanged = 2 * len(unchanged) >= len(rows)
        skipped = set(unchanged)
        todo = {k: r for k, r in rows.items() if k not in skipped} if skipped else rows
        outcomes = dict.fromkeys(unchanged, Outcome.UNCHANGED)
        if not todo:
            return outcomes
        staged = ready.text if todo is rows else None
        if staged is None:
            staged = stage_text(todo, self.description, self.active, hashes).encode()
        probe = self.log and not own
        for part, part_probe, part_fill in _parts(todo, probe, fill, stored):
            text = staged if part is todo else subset_text(todo, staged, part)
            outcomes.update(
                _write(part, self.description, self.active, text, self.job_id, self.log,
                       part_probe, hashed=True, fill=part_fill)
            )
        self._created = (self._created or 0) + sum(
            1 for o in outcomes.values() if o == Outcome.CREATED
        )
        return outcomes

    _created: int | None = None

    def starts_job(self) -> None:
        """No earlier chunk of the job to count: it is new."""
        self._created = 0

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
        if not self._created:  # one index probe, where the count sums the bookkeeping
            return not Product.objects.exists()
        return counts.product_count(Product.objects.all()) == self._created


def _parts(
    todo: dict[str, ProductRow], probe: bool, fill: bool,
    stored: dict[str, int | None] | None,
) -> list[tuple[dict[str, ProductRow], bool, bool]]:
    """The writes of a chunk, each (rows, probe, fill): one, unless the hash lookup found
    some of the keys stored and not others. Then the rows of products not stored are
    written as a first import's are (a plain INSERT, no probe; if someone created one of
    them meanwhile, `_write` writes that part the full way after all) and only the others
    take the upsert with its probes: a chunk of mostly new products costs about what a
    chunk of all new ones does."""
    if not probe or stored is None:
        return [(todo, probe, fill)]
    new = {k: r for k, r in todo.items() if k not in stored}
    if not new:
        return [(todo, probe, fill)]
    if len(new) == len(todo):
        return [(todo, False, False)]
    known = {k: r for k, r in todo.items() if k in stored}
    return [(new, False, False), (known, probe, fill)]


def subset_text(rows: dict[str, ProductRow], text: bytes, keys: Container[str]) -> bytes:
    """The COPY lines of the rows whose key is in `keys`, cut from `text`, the COPY text of
    all of `rows` (`stage_text`: one line per row, in key order; a newline inside a value
    is escaped, so every line break ends a row)."""
    lines = text.split(b"\n")[:-1]  # the text ends with a line break
    return b"".join(line + b"\n" for key, line in zip(sorted(rows), lines, strict=True)
                    if key in keys)


def row_hashes(rows: dict[str, ProductRow]) -> dict[str, int]:
    """Each row's import hash, by key."""
    return {
        key: values_hash(r.sku, r.name, r.description, r.active)  # type: ignore[arg-type]
        for key, r in rows.items()
    }


def _stored_hashes(keys: list[str]) -> dict[str, int | None]:
    """The stored import hash of each existing product among `keys` (None: no hash)."""
    with connection.cursor() as cursor:
        cursor.execute(sql.stored_hashes(len(keys)), [keys])
        return dict(cursor.fetchall())


def stage_text(
    rows: dict[str, ProductRow],
    description: bool,
    active: bool,
    hashes: dict[str, int] | None = None,
) -> str:
    """The COPY text (PostgreSQL's text format) of the rows for the stage, in key order.

    Pure Python, so the reader thread can build it for the next chunk while this one is
    being written. Columns: line, sku, name, [description], [active], search vector,
    description vector, [import hash, with `hashes`]; a vector is NULL (``\\N``) when the
    database's trigger must compute it (text beyond ASCII); a new product without the
    description column gets the vector of sku and name, and an empty description vector.
    """
    out: list[str] = []
    add = out.append
    # Staged in key order, so the probes and insertions of the key index walk it in order.
    for key in sorted(rows):
        r = rows[key]
        text = r.description if description else ""
        vector = _vector(r.sku, r.name, text)
        words = _description_vector(text)
        row = f"{r.line}\t{_field(r.sku)}\t{_field(r.name)}"
        if description:
            row = f"{row}\t{_field(text)}"
        if active:
            row = f"{row}\t{'t' if r.active else 'f'}"
        row = f"{row}\t{NULL if vector is None else vector}\t{NULL if words is None else words}"
        add(f"{row}\t{hashes[key]}\n" if hashes is not None else f"{row}\n")
    return "".join(out)


NULL = "\\N"


def _field(text: str) -> str:
    """`text` as a field of COPY's text format: backslash, newline, CR and tab escaped.
    Four replacements in C: `str.translate` with a table of two-character values looks up
    each character in Python, five times slower on multi-line descriptions."""
    if "\\" in text or "\n" in text or "\r" in text or "\t" in text:
        return (text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t"))
    return text


def _write(
    rows: dict[str, ProductRow],
    description: bool,
    active: bool,
    staged: bytes | None,
    job_id: int,
    log: bool,
    probe: bool = True,
    *,
    hashed: bool = False,
    fill: bool = False,
) -> dict[str, Outcome]:
    """Write the chunk in one of three modes: without the change log, with it, or as a first
    import's plain INSERT (`probe` False: see `PostgresWriter._only_own_products`).
    `hashed`: the staged text ends with import hashes; `fill`: some stored products of
    the chunk have no hash (given theirs where their values are the staged ones)."""
    columns = sql.staged_columns(description, active)
    if staged is None:
        hashes = row_hashes(rows) if hashed else None
        staged = stage_text(rows, description, active, hashes).encode()
    with connection.cursor() as cursor:
        _stage(cursor, columns, staged, hashed)
        del staged
        if fill:
            cursor.execute(sql.fill_missing_hashes(columns))
        counts.take_over_counts(cursor)
        with _nested_loops_only(cursor):
            new_by_active = None
            if log and not probe:
                new_by_active = _insert_new(cursor, description, active, job_id)
            if new_by_active is None:
                write = _write_logged if log else _write_unlogged
                written, logged = write(cursor, columns, description, active, job_id)
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


def _stage(cursor, columns: list[str], staged: bytes, hashed: bool = False) -> None:
    """Fill the (transaction-local) stage table with the chunk's COPY text."""
    cursor.execute(sql.READY_STAGE)
    buffer = io.BytesIO(staged)  # shares the bytes (a StringIO would hold 4 bytes a character)
    cursor.copy_expert(sql.copy_stage(columns, hashed), buffer, size=1 << 20)


@contextmanager
def _nested_loops_only(cursor) -> Iterator[None]:
    """Plan the chunk's statements with index probes (see `postgresql_sql.NESTED_LOOPS_ONLY`).
    No `finally`: after an error the transaction is rolled back, settings with it."""
    cursor.execute(sql.NESTED_LOOPS_ONLY)
    hashjoin, mergejoin = cursor.fetchone()[:2]
    yield
    cursor.execute(sql.RESTORE_JOINS, [hashjoin, mergejoin])


def _write_unlogged(
    cursor, columns: list[str], description: bool, active: bool, job_id: int
) -> tuple[list[tuple], int]:
    """No change log: drop the unchanged rows, upsert the rest; return the written rows and
    how many were updated."""
    cursor.execute(sql.drop_unchanged(columns))
    cursor.execute(sql.upsert(columns, description, active, log=False), [job_id])
    written = cursor.fetchall()
    return written, sum(1 for _, inserted, _, _ in written if not inserted)


def _write_logged(
    cursor, columns: list[str], description: bool, active: bool, job_id: int
) -> tuple[list[tuple], int]:
    """With the change log: drop the unchanged rows, lock and log the before-values of the
    rows that change, upsert; return the written rows and how many entries were logged."""
    cursor.execute(sql.drop_unchanged(columns))
    cursor.execute(sql.log_updates(columns, description, active), [job_id])
    logged = cursor.rowcount
    cursor.execute(sql.upsert(columns, description, active, log=True), [job_id, job_id])
    return cursor.fetchall(), logged


def _insert_new(cursor, description: bool, active: bool, job_id: int) -> dict[bool, int] | None:
    """A first import: every staged row INSERTed as a new product with its CREATED entry, no
    probe; return how many are active and inactive. None when a product with one of the keys
    appeared after all (someone created it meanwhile): the unique index refused the chunk,
    and that is undone so the chunk can be written the full way."""
    savepoint = transaction.savepoint()
    try:
        cursor.execute(sql.insert_new(description, active), [job_id, job_id])
        new_by_active = dict(cursor.fetchall())
    except IntegrityError:
        transaction.savepoint_rollback(savepoint)
        return None
    transaction.savepoint_commit(savepoint)
    return new_by_active


class ConcurrentProductWrite(RuntimeError):
    """A product of the chunk appeared during its write; the chunk must be written again."""


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
