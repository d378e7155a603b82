"""The writer interface: apply one chunk of product rows, say what happened to each product.

One vocabulary from here to the API: each product a chunk touches was `CREATED`, `UPDATED`
or left `UNCHANGED` (its stored values already matched), which the job counts as
`created_count`, `updated_count` and `unchanged_count`. A writer never writes a product
whose values are unchanged. Rows come keyed by the database's `lower(sku)` (the unique
index), one row per key. Each writer also records the import's change log in the same
transaction (an entry per product created or updated, with the before-values of updated
ones; `imports.models.ImportChange`) and the products' provenance (`last_import`,
`last_import_line`). A new write strategy (a bulk load with indexes dropped) is a new
`Writer` chosen by `writers.writer_for`, and keeps both duties.
"""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..reading import Columns
from ..rules import ProductRow


class Outcome(enum.IntEnum):
    """What a row did to its product."""

    CREATED = 1
    UPDATED = 2
    UNCHANGED = 3
    SKIPPED = 4  # left alone by the import's mode (`pipeline.modes`)
    REJECTED = 5  # a bad row after all: a new SKU without a name (`pipeline.modes`)


@dataclass(frozen=True)
class Counts:
    """Products created, updated and left unchanged by one chunk."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    rejected: int = 0

    @classmethod
    def of(cls, outcomes: Iterable[Outcome]) -> Counts:
        """Count the outcomes of a chunk's products."""
        tally = Counter(outcomes)
        return cls(tally[Outcome.CREATED], tally[Outcome.UPDATED], tally[Outcome.UNCHANGED],
                   tally[Outcome.SKIPPED], tally[Outcome.REJECTED])


class Writer(ABC):
    """Applies chunks of one import file to the products (inside the caller's transaction).

    `description` and `active` say whether the file has those columns; without one, each
    product keeps its stored value (a new product gets the model default).
    """

    def __init__(self, columns: Columns, job_id: int, *, log: bool = True) -> None:
        """A writer for import `job_id` of a file whose header has these `columns`; `log`
        says whether it records the change log (provenance is always recorded)."""
        self.description = columns.description is not None
        self.active = columns.active is not None
        self.job_id = job_id
        self.log = log

    def starts_job(self) -> None:  # noqa: B027 - most writers have nothing to do here
        """Tell the writer its job has written nothing before (a job created in this
        transaction): there are no earlier chunks of it to count."""

    def prepare(self, rows: dict[str, ProductRow]) -> object | None:
        """Work for `write` that needs no database, done ahead in the reader thread so it
        overlaps the previous chunk's write; passed back to `write` as `prepared`."""
        return None

    @abstractmethod
    def write(
        self, rows: dict[str, ProductRow], prepared: object | None = None
    ) -> dict[str, Outcome]:
        """Apply `rows` (by key) and log their changes; return each key's outcome."""
