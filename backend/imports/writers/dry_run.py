"""The dry run's writer: the outcome each row would have, and nothing written."""

from __future__ import annotations

from ..rules import ProductRow
from .base import Outcome, Writer
from .stored import compare


class DryRunWriter(Writer):
    """Compares the rows with the stored products (any database) and writes nothing."""

    def write(
        self, rows: dict[str, ProductRow], prepared: object | None = None
    ) -> dict[str, Outcome]:
        """Each key's outcome had the rows been written."""
        return compare(rows) if rows else {}
