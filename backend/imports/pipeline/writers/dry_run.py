"""The dry run's writer: the outcome each row would have and its change-log entry; no
product is written."""

from __future__ import annotations

from ..rules import ProductRow
from .base import Outcome, Writer
from .change_log import insert_entries, planned_created_entry, updated_entry
from .stored import compare


class DryRunWriter(Writer):
    """Compares the rows with the stored products (any database), logs what would change,
    and writes no product."""

    def write(
        self, rows: dict[str, ProductRow], prepared: object | None = None
    ) -> dict[str, Outcome]:
        """Each key's outcome had the rows been written; the log gets the same entries."""
        if not rows:
            return {}
        outcomes, stored = compare(rows)
        if not self.log:
            return outcomes
        insert_entries(
            updated_entry(self.job_id, rows[key], stored[key])
            if outcome == Outcome.UPDATED
            else planned_created_entry(self.job_id, rows[key])
            for key, outcome in outcomes.items()
            if outcome != Outcome.UNCHANGED
        )
        return outcomes
