"""How much work the apply pass does between two commits, and the check pass between two
looks at its job: about IMPORT_PROGRESS_SECONDS of work each, so that progress moves and a
cancel is seen at least that often.

A chunk holds its job's row lock while it writes (a cancel waits for its commit, then stops
the job before the next chunk), so a chunk that takes one second is the most a cancel lets
through. Chunks start small and follow the measured rate of the writes, up to
IMPORT_CHUNK_ROWS records.
"""

from __future__ import annotations

import time
from collections.abc import Callable

FIRST_CHUNK_ROWS = 1_000
FEWEST_ROWS = 100
# The share of the progress bar (percent) the check pass fills by the bytes it has read; the
# apply pass fills the rest up to 99 (100 when the job completes).
CHECK_SHARE = 10


def progress(consumed: int, size: int, *, applying: bool) -> int:
    """The job's progress after `consumed` bytes of a `size`-byte file, in either pass."""
    done = min(consumed, size) / max(size, 1)
    if not applying:
        return int(done * CHECK_SHARE)
    return min(99, CHECK_SHARE + int(done * (99 - CHECK_SHARE)))


class Pace:
    """The size of the next chunk, from how long the last ones took to write."""

    def __init__(self, most: int, seconds: float) -> None:
        self.most = max(1, most)
        self.seconds = seconds
        self.rows = min(self.most, FIRST_CHUNK_ROWS)

    def size(self) -> int:
        """Records the next chunk may hold (read by the reader thread)."""
        return self.rows

    def wrote(self, records: int, seconds: float) -> None:
        """A chunk of `records` took `seconds` to write: size the next ones to the goal
        (with a fifth to spare, as rates vary from chunk to chunk)."""
        if records <= 0:
            return
        rate = records / max(seconds, 1e-3)
        self.rows = max(min(FEWEST_ROWS, self.most), min(self.most, int(rate * self.seconds * 0.8)))


class Ticker:
    """Calls `tick` at most once every `seconds` (from `maybe`), the first time at once."""

    def __init__(self, seconds: float, tick: Callable[[int], None]) -> None:
        self.seconds = seconds
        self.tick = tick
        self.last = float("-inf")

    def maybe(self, consumed: int) -> None:
        """`consumed` bytes of the file are read: tick if it is time."""
        now = time.monotonic()
        if now - self.last >= self.seconds:
            self.last = now
            self.tick(consumed)
