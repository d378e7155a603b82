"""Pass 1, the check: read the whole file before any write, note each SKU's last valid row.

A file that is bad as a whole (compression, encoding, header, no rows) fails here and
changes no product. Only each SKU's last valid row is applied later, so each product is
written at most once per import (last row wins across the file) and its outcome (created,
updated, unchanged) is final the moment it is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import BinaryIO

from django.conf import settings

from ..problems import BadFile
from ..reading import START, Header, Layout, Position, Record, open_reader
from ..rules import ProductRow, clean_row, fill_variants
from .keys import SkuKeys

KEYS_BATCH = 10_000
PROGRESS_EVERY = 512  # records between two calls of `on_progress` (each a clock read)


@dataclass
class CheckedFile:
    """What pass 1 learned: the header, the lines of valid rows that a later row of the same
    SKU replaces (pass 2 skips them), how many distinct SKUs the valid rows hold, the records
    read, and the keys of non-ASCII SKUs (so pass 2 need not ask the database again).

    Only the replaced lines are kept, not each SKU's last line: a few percent of the rows
    instead of one entry per product, so pass 2 runs without pass 1's memory.
    """

    header: Header
    layout: Layout | None = None
    superseded_lines: set[int] = field(default_factory=set)
    distinct_keys: int = 0
    records: int = 0
    non_ascii_sku_keys: dict[str, str] = field(default_factory=dict)
    # Every SKU key the file lists, bad rows' included (kept when asked: the removal of the
    # products a file no longer lists, `pipeline.removal`).
    listed_keys: set[str] | None = None

    def is_last(self, line: int) -> bool:
        """Whether the valid row on `line` is its SKU's last valid row in the file."""
        return line not in self.superseded_lines


def check_file(
    raw: BinaryIO, sku_keys: SkuKeys, layout: Layout | None = None,
    mapping: dict[str, str | None] | None = None, size: int = 0, *,
    keep_empty: bool = False, listed: bool = False,
    on_progress: Callable[[int], None] | None = None, start: Position = START,
) -> CheckedFile:
    """Read `raw` (binary, at its start) once; raise BadFile when it cannot be imported.

    `sku_keys` gives the database's lower() of SKUs that are not plain ASCII; `layout` says
    how to read the file (detected when None), `mapping` which column fills which field.
    Memory grows with the distinct SKUs while it reads (one key each, about 125 bytes; freed
    when it returns): a file with more than `IMPORT_MAX_DISTINCT_SKUS` of them fails here,
    before any write. `keep_empty`: an empty cell keeps the stored value; `listed`: keep
    every SKU key the file lists (`CheckedFile.listed_keys`). `on_progress` is told the bytes
    read so far every few records (it may raise to stop the check).

    `start`: a resumed job's checkpoint. The records before it were checked by the run that
    wrote them, so only the header and the records from `start` on are read: which of those
    rows are their SKU's last depends only on the rows after them. `records` still counts
    the whole file; `distinct_keys` and the keys kept are those of the records read (so a
    job that needs every key the file lists, `listed`, checks from the start).
    """
    most = settings.IMPORT_MAX_DISTINCT_SKUS
    reader = open_reader(raw, layout=layout, size=size)
    checked = CheckedFile(reader.read_header(mapping), layout)
    if start.offset:
        reader = open_reader(raw, start, layout, size)
    if keep_empty:
        header = checked.header
        checked.header = replace(header, columns=header.columns._replace(keep_empty=True))
    columns = checked.header.columns
    bad_skus: list[str] | None = [] if listed else None
    last: dict[str, int] = {}  # each SKU key's last valid line
    superseded = checked.superseded_lines
    non_ascii: list[tuple[str, int]] = []
    non_ascii_seen: set[str] = set()  # Python's lower(): close enough to count them
    records = 0
    for record in fill_variants(reader.records(), columns):
        records += 1
        if on_progress is not None and not records % PROGRESS_EVERY:
            on_progress(reader.consumed)
        if not isinstance(record, Record):
            if bad_skus is not None and record.sku:
                bad_skus.append(record.sku)
            continue
        row = clean_row(record.line, record.fields, columns)
        if type(row) is not ProductRow:
            if bad_skus is not None and row.sku:  # a bad row still lists its product
                bad_skus.append(row.sku)
        else:
            sku = row.sku
            if sku.isascii():
                key = sku.lower()
                if (earlier := last.get(key)) is not None:
                    superseded.add(earlier)
                last[key] = row.line
            else:
                non_ascii.append((sku, row.line))
                non_ascii_seen.add(sku.lower())
            if len(last) + len(non_ascii_seen) > most:
                raise BadFile(too_many_skus(most, row.line))
    for at in range(0, len(non_ascii), KEYS_BATCH):
        batch = non_ascii[at : at + KEYS_BATCH]
        keys = sku_keys([sku for sku, _ in batch])
        checked.non_ascii_sku_keys.update(keys)
        for sku, line in batch:
            key = keys[sku]
            earlier = last.get(key)
            if earlier is None or earlier < line:
                if earlier is not None:
                    superseded.add(earlier)
                last[key] = line
            else:
                superseded.add(line)
    checked.records = start.rows + records
    checked.distinct_keys = len(last)
    if bad_skus is not None:
        checked.listed_keys = set(last) | _keys(bad_skus, sku_keys)
    return checked


def _keys(skus: list[str], sku_keys: SkuKeys) -> set[str]:
    """The keys of `skus` (the database's lower() for those beyond ASCII)."""
    keys = {sku.lower() for sku in skus if sku.isascii()}
    others = list({sku for sku in skus if not sku.isascii()})
    for start in range(0, len(others), KEYS_BATCH):
        keys.update(sku_keys(others[start : start + KEYS_BATCH]).values())
    return keys


def too_many_skus(most: int, line: int) -> str:
    """The message of a file with more distinct SKUs than one import takes."""
    return (f"The file holds more than {most:,} different SKUs (IMPORT_MAX_DISTINCT_SKUS; "
            f"reading stopped at line {line:,}). Split it into files of at most {most:,} "
            "products and import them one after another.")
