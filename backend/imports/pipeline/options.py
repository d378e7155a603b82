"""The sync options of an import: what rows may do (`mode`), what an empty cell means
(`empty_cells`), what happens to products the file no longer lists (`missing`, in
`missing_scope`, for a `source`), and the removal guard (`max_removal_percent`).

They are checked before any work (`clean`: a message on the option with a code) and kept on
the job's own columns; the pipeline reads them back with `SyncOptions.of`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError

MODES = ("UPSERT", "UPDATE_ONLY", "CREATE_ONLY")
EMPTY_CELLS = ("CLEAR", "KEEP")
MISSING = ("LEAVE", "DEACTIVATE", "DELETE")
SCOPES = ("ALL", "SOURCE")
DEFAULTS: dict[str, Any] = {
    "mode": "UPSERT", "empty_cells": "CLEAR", "missing": "LEAVE", "missing_scope": "ALL",
    "source": "", "max_removal_percent": 10.0,
}
KEYS = tuple(DEFAULTS)
SOURCE_MAX_LENGTH = 255


@dataclass(frozen=True)
class SyncOptions:
    """The sync options of one import (the defaults: today's full upsert, nothing removed)."""

    mode: str = "UPSERT"
    empty_cells: str = "CLEAR"
    missing: str = "LEAVE"
    missing_scope: str = "ALL"
    source: str = ""
    max_removal_percent: float = 10.0

    @classmethod
    def of(cls, job: Any) -> SyncOptions:
        """The options kept on import `job`."""
        return cls(**{key: getattr(job, key) for key in KEYS})

    @property
    def keep_empty(self) -> bool:
        """Whether an empty cell keeps the stored value."""
        return self.empty_cells == "KEEP"

    @property
    def removes(self) -> bool:
        """Whether products the file no longer lists are deactivated or deleted."""
        return self.missing != "LEAVE"


def _api_name(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(part.title() for part in rest)


def _problem(key: str, message: str, code: str) -> ValidationError:
    return ValidationError({_api_name(key): ValidationError(message, code=code)})


def clean(options: dict[str, Any] | None, *, complete: bool = True) -> dict[str, Any]:
    """The sync options among `options` as job fields (defaults for those left out); raise
    ValidationError on the option at fault (`mode`, `missingScope`, `source`,
    `maxRemovalPercent`) with a code, before anything is written. `complete=False`: choices
    still being made (a staged job's check step), where `missingScope: SOURCE` may wait for
    its `source`; each value is checked all the same."""
    given = {k: v for k, v in (options or {}).items() if k in KEYS and v is not None}
    out = {**DEFAULTS, **given}
    for key, allowed, code in (("mode", MODES, "unknown_mode"),
                               ("empty_cells", EMPTY_CELLS, "unknown_empty_cells"),
                               ("missing", MISSING, "unknown_missing"),
                               ("missing_scope", SCOPES, "unknown_scope")):
        value = str(out[key]).upper()
        if value not in allowed:
            raise _problem(key, f"Unknown {_api_name(key)} {out[key]!r}; use one of "
                           f"{', '.join(allowed)}.", code)
        out[key] = value
    out["source"] = str(out["source"]).strip()
    if len(out["source"]) > SOURCE_MAX_LENGTH:
        raise _problem("source", f"A source is at most {SOURCE_MAX_LENGTH} characters.",
                       "too_long")
    if complete and out["missing_scope"] == "SOURCE" and not out["source"]:
        raise _problem(
            "source", "missingScope SOURCE removes only products of the same source: name "
            "the source (for example \"acme-supplier\"), or use missingScope ALL.",
            "source_required")
    try:
        percent = float(out["max_removal_percent"])
    except (TypeError, ValueError):
        percent = -1.0
    if not 0 <= percent <= 100:
        raise _problem("max_removal_percent", "maxRemovalPercent is a share of the products "
                       f"in scope, from 0 to 100; {out['max_removal_percent']!r} is not.",
                       "out_of_range")
    out["max_removal_percent"] = percent
    return out
