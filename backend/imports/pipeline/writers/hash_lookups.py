"""When a writer reads the stored import hashes of a chunk (``products.import_hash``).

Reading them costs an index probe per row: it pays when rows are unchanged (they skip the
stage and the comparison) or when stored products have no hash yet (the write gives them
theirs), and is wasted on a file whose rows all changed. So after a chunk where under a tenth
of the rows matched and every stored product had a hash, the next chunks skip the lookup
(their unchanged rows are still found, by comparing in the database), except every
``PROBE_EVERY``-th chunk, which looks again in case the file turns to unchanged rows.
"""

from __future__ import annotations

PROBE_EVERY = 4


class HashLookups:
    """The lookup decision of one import run's writer."""

    def __init__(self) -> None:
        """Start by looking (nothing is known of the file yet)."""
        self._pays = True
        self._skipped = 0

    def wanted(self) -> bool:
        """Whether to read the stored hashes of the next chunk."""
        if self._pays or self._skipped + 1 >= PROBE_EVERY:
            self._skipped = 0
            return True
        self._skipped += 1
        return False

    def record(self, rows: int, matched: int, unhashed: bool) -> None:
        """What the lookup of a chunk of `rows` found: `matched` rows unchanged by hash, and
        whether some stored product had no hash."""
        self._pays = unhashed or 10 * matched >= rows
