"""Waiting for background work in tests (bounded, so a hang fails instead of blocking CI)."""

import time
from collections.abc import Callable

from imports.models import ImportJob


def wait_for(predicate: Callable[[], object], timeout: float = 60, what: str = "condition"):
    """Poll `predicate` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
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
