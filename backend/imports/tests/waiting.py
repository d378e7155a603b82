"""Waiting for background work in tests (bounded, so a hang fails instead of blocking CI).

In embedded mode the test database is a SQLite file in WAL mode with a busy timeout (see
`config/settings.py`), so a read normally waits for another thread's write; a poll still
retries a read that fails with "locked" rather than fail the test on a busy moment.
"""

import time
from collections.abc import Callable

from django.db import OperationalError

from imports.models import ImportJob


def wait_for(predicate: Callable[[], object], timeout: float = 60, what: str = "condition"):
    """Poll `predicate` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except OperationalError as exc:
            if "locked" not in str(exc):
                raise
            value = None
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def wait_final(job: ImportJob, timeout: float = 60) -> ImportJob:
    """Wait until `job` has ended; return it fresh from the database."""

    def ended():
        job.refresh_from_db()
        return job.is_final

    wait_for(ended, timeout, f"import {job.pk} to end")
    return job
