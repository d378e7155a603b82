"""A worker that stops mid-import: an error raised when a chosen chunk is committed."""

import pytest

from imports.pipeline.passes import apply


class Crash(Exception):
    """The stand-in for a lost worker."""


def crash_at_commit(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """Make the `chunk`-th chunk commit (counted from 1) raise `Crash("worker lost")`."""
    commit = apply.commit_chunk
    calls = {"n": 0}

    def crashing_commit(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == chunk:
            raise Crash("worker lost")
        return commit(*args, **kwargs)

    monkeypatch.setattr(apply, "commit_chunk", crashing_commit)
