"""What reverting one chunk of a change log did."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ChunkResult:
    """Products deleted and restored by one chunk, and the conflicts it recorded."""

    deleted: int = 0
    restored: int = 0
    conflicts: int = 0


def conflict_reason(exists: bool, last_import_id: int | None) -> tuple[str, int | None]:
    """Why a product that no longer holds what the import wrote is left alone, and the
    later import that wrote it (if one did)."""
    if not exists:
        return "DELETED", None
    if last_import_id is None:
        return "EDITED", None
    return "REIMPORTED", last_import_id
