"""Waiting for background work in tests (bounded, so a hang fails instead of blocking CI).

pytest-django's SQLite test database is a shared-cache in-memory one, where a read that
meets another thread's write fails with "database table is locked" instead of waiting (the
embedded mode's file database in WAL mode never does this); polls retry such reads.
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
