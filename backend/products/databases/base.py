"""What differs between the catalogue's databases, as one interface.

The product table lives in PostgreSQL (production) or SQLite (embedded mode). Both give the
same answers; they differ in how: exact counts (PostgreSQL keeps per-``active`` deltas, SQLite
counts, from its FTS5 tables when it can), the word index of the search box and of the
description filter (``tsvector`` GIN indexes or FTS5), the secondary indexes a bulk load
drops and builds again (indexes or the triggers that keep FTS5 tables), and the upkeep after
a bulk write. ``ProductDatabase`` names each of these; ``postgresql.PostgresDatabase`` and
``sqlite.SqliteDatabase`` implement it, and ``for_connection`` (this package) picks one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from django.db.models import Q, QuerySet

Definition = tuple[str, str]  # (name, CREATE statement) of a secondary index or trigger


class ProductDatabase(Protocol):
    """The product table's database-specific SQL, bound to one connection."""

    # Counting (products/counts.py)

    def recorded_count(self, active: bool | None) -> int | None:
        """The number of products (those with this ``active`` value when not None) from the
        database's own bookkeeping, or None when it keeps none and the rows must be counted."""
        ...

    def direct_counter(self, queryset: QuerySet) -> Callable[[], int] | None:
        """A faster exact count of ``queryset`` than ``count()``, or None for ``count()``."""
        ...

    def prefer_order_walk(self, queryset: QuerySet) -> None:
        """Mark a product queryset with many matches to be read along its ordering index."""
        ...

    def delete_all_products(self) -> int:
        """Delete every product in one statement (counts kept exact); return how many."""
        ...

    def compact_counts(self) -> None:
        """Fold the count bookkeeping into one row per value and correct any drift."""
        ...

    # The search box and the description filter (products/search.py)

    def word_start_pattern(self, word: str) -> str:
        """The case-insensitive regular expression for "``word`` starts a word of the text"."""
        ...

    def search_candidates(self, words: list[str]) -> Q:
        """The products the word index says can match every one of the search box ``words``
        (exactly those for words of letters and digits only); ``Q()`` when it cannot tell."""
        ...

    def description_candidates(self, words: list[str]) -> Q:
        """As ``search_candidates``, in the words of the description alone
        (``descriptionWords``)."""
        ...

    # A bulk load's secondary indexes (products/bulk_indexes.py)

    def secondary_indexes(self) -> list[Definition]:
        """What a bulk load drops, read from the database: indexes, or FTS5 triggers."""
        ...

    def drop_secondary_indexes(self, definitions: list[Definition]) -> None:
        """Drop these indexes (triggers), in the caller's transaction."""
        ...

    def missing_indexes(self, definitions: list[Definition]) -> list[Definition]:
        """The definitions with nothing of that name in the database."""
        ...

    def rebuild_secondary_indexes(
        self, definitions: list[Definition], *, builders: int, work_mem: str
    ) -> None:
        """Create every index (trigger) of ``definitions`` that does not exist."""
        ...

    # Upkeep (products/maintenance.py, the connection's set-up)

    def refresh_statistics(self) -> None:
        """Give the planner fresh statistics of the product table after a bulk write."""
        ...

    def prepare_connection(self) -> None:
        """Set up a new connection (functions the product lookups call)."""
        ...
