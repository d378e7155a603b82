"""Header resolution: which column of the file is the sku, the name, the description, active.

Names match case-insensitively with spaces trimmed, in any order; unknown columns are
ignored. Column mapping (a user naming which column is which) would plug in here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..problems import BadFile

REQUIRED_COLUMNS = ("sku", "name")
OPTIONAL_COLUMNS = ("description", "active")


class Columns(NamedTuple):
    """Positions of the known columns in the header (`None` when the file lacks the column)."""

    count: int
    sku: int
    name: int
    description: int | None
    active: int | None


@dataclass(frozen=True)
class Header:
    """The header row: its names as written and where the known columns are."""

    names: list[str]
    columns: Columns


def resolve_header(fields: list[str]) -> Header:
    """Find the known columns in the header row's `fields`; raise BadFile when it cannot."""
    names = [f.strip().lower() for f in fields]
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        if name and name in seen:
            raise BadFile(
                f"The header (line 1) has the column {name!r} twice (columns "
                f"{seen[name] + 1} and {index + 1}); keep one of them."
            )
        seen[name] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in seen]
    if missing:
        found = ", ".join(n for n in names if n) or "nothing"
        raise BadFile(
            f"The header (line 1) has no {' and no '.join(repr(m) for m in missing)} column "
            f"(found: {found}). The first row must name the columns; sku and name are required, "
            "description and active are optional."
        )
    optional = {c: seen.get(c) for c in OPTIONAL_COLUMNS}
    columns = Columns(len(fields), seen["sku"], seen["name"], **optional)
    return Header(list(fields), columns)
