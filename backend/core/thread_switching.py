"""Prompt thread switching while a request holds the import queue.

A thread that comes back from the database must wait for the interpreter lock while another
thread runs Python; Python hands the lock over every 5 ms (`sys.getswitchinterval`). An
`upsertProducts` call written at once holds the import queue through some 40 statements and
a COPY, each a wait for the lock again, while the next call's items are being checked beside
it: its COPY took 18 ms instead of 3. While any such section runs, `prompt_switching` makes
the interpreter switch every 0.5 ms, and puts the interval back after the last one ends.
"""

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

PROMPT_SECONDS = 0.0005

_lock = threading.Lock()
_inside = 0
_before = 0.0


@contextmanager
def prompt_switching() -> Iterator[None]:
    """Switch threads every `PROMPT_SECONDS` while inside (nested and concurrent uses count
    once); the interval before is restored when the last one leaves."""
    global _inside, _before
    with _lock:
        if _inside == 0:
            _before = sys.getswitchinterval()
            sys.setswitchinterval(min(_before, PROMPT_SECONDS))
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0:
                sys.setswitchinterval(_before)
