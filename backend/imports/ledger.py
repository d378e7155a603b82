"""Exact per-product counts across chunks: what this import did to each SKU it touched.

A chunk reports, for each SKU key it holds, how the database (or, in a dry run, the
simulated state) reacted: INSERTED, CHANGED or SAME. The ledger folds that into one outcome
per product for the whole import: created (did not exist before the import), updated
(existed and this import changed it) or unchanged. A SKU created in chunk 1 and overwritten
in chunk 7 stays one created product. Each chunk's entries are saved with the chunk, and a
resumed job replays them.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable

from .rows import ProductRow

INSERTED, CHANGED, SAME = 1, 2, 3
CREATED, UPDATED, UNCHANGED = 1, 2, 3
_FIRST = {INSERTED: CREATED, CHANGED: UPDATED, SAME: UNCHANGED}


def fingerprint(row: ProductRow) -> int:
    """A stable 62-bit digest of the values a row writes (dry runs compare later rows to it)."""
    text = f"{row.sku}\0{row.name}\0{row.description}\0{row.active}".encode()
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big") >> 2


class Ledger:
    """Outcome per SKU key (`class` in the low 2 bits, a dry run's fingerprint above them)."""

    def __init__(self) -> None:
        """Start empty: no SKU touched yet."""
        self.state: dict[str, int] = {}
        self.counts = {CREATED: 0, UPDATED: 0, UNCHANGED: 0}

    def outcome_of(self, key: str) -> int | None:
        """The outcome recorded for `key` so far, or None when this import has not seen it."""
        value = self.state.get(key)
        return None if value is None else value & 3

    def fingerprint_of(self, key: str) -> int | None:
        """The fingerprint a dry run recorded for `key`, or None."""
        value = self.state.get(key)
        return None if value is None else value >> 2

    def apply(self, reactions: Iterable[tuple[str, int, int]]) -> list[tuple[str, int]]:
        """Fold `(key, reaction, fingerprint)` triples in; return the new `(key, value)` entries."""
        state, counts = self.state, self.counts
        entries = []
        for key, reaction, digest in reactions:
            value = state.get(key)
            before = None if value is None else value & 3
            if before is None:
                after = _FIRST[reaction]
            elif before == UNCHANGED and reaction != SAME:
                after = CREATED if reaction == INSERTED else UPDATED
            else:
                after = before
            if before != after:
                if before is not None:
                    counts[before] -= 1
                counts[after] += 1
            new = (digest << 2) | after
            state[key] = new
            entries.append((key, new))
        return entries

    @staticmethod
    def pack(entries: list[tuple[str, int]]) -> bytes:
        """Compress a chunk's entries for its ledger row (keys hold no NUL: such files fail)."""
        return zlib.compress("\0".join(f"{v}:{k}" for k, v in entries).encode(), 1)

    def replay(self, blobs: Iterable[bytes]) -> None:
        """Restore the state saved by committed chunks, in chunk order."""
        state = self.state
        for blob in blobs:
            text = zlib.decompress(blob).decode()
            if not text:
                continue
            for item in text.split("\0"):
                value, _, key = item.partition(":")
                state[key] = int(value)
        counts = {CREATED: 0, UPDATED: 0, UNCHANGED: 0}
        for value in state.values():
            counts[value & 3] += 1
        self.counts = counts
