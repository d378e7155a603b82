"""The product table on PostgreSQL (production mode)."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from products import search_document
from products.accents import POSTGRESQL_FUNCTION
from products.databases import postgresql_counts, postgresql_indexes
from products.databases.base import Definition
from products.models import Product

# The column the index "product_search_idx" covers (migration 0009).
SEARCH_DOCUMENT = f'"{Product._meta.db_table}"."{search_document.COLUMN}"'
# The column the index "product_description_idx" covers (migration 0015).
DESCRIPTION_DOCUMENT = f'"{Product._meta.db_table}"."{search_document.DESCRIPTION_COLUMN}"'
_ALNUM_RUN = re.compile(r"[^\W_]+")


def tsquery(words: list[str]) -> str:
    """The prefix ``tsquery`` of the search box words: every run of letters/digits a prefix."""
    terms = [part.lower() + ":*" for word in words for part in _ALNUM_RUN.findall(word)]
    return " & ".join(terms)


class PostgresDatabase:
    """Counts from the delta table, search from the ``tsvector`` GIN index, and a bulk load
    that drops and rebuilds the secondary indexes (see ``base.ProductDatabase``)."""

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection

    def recorded_count(self, active: bool | None) -> int | None:
        """The deltas' sum (``postgresql_counts``): no row of the product table is read."""
        return postgresql_counts.recorded_count(self.connection, active)

    def direct_counter(self, queryset: QuerySet) -> Callable[[], int] | None:
        """None: ``count()`` on the filter's own index is the fastest exact count here."""
        return None

    def prefer_order_walk(self, queryset: QuerySet) -> None:
        """Nothing to do: the planner walks the ordering index by itself for many matches."""

    def delete_all_products(self) -> int:
        """One ``DELETE`` that records the count deltas in the same statement."""
        return postgresql_counts.delete_all(self.connection)

    def compact_counts(self) -> None:
        """Fold the deltas and data versions, correcting drift (``postgresql_counts``)."""
        postgresql_counts.compact(self.connection)

    def word_start_pattern(self, word: str) -> str:
        """A PostgreSQL ARE (which accepts a backslash before any non-alphanumeric)."""
        return f"(^|[^[:alnum:]]){_escaped(word)}"

    def search_candidates(self, words: list[str]) -> Q:
        """The rows whose search document matches every word's runs as prefix lexemes."""
        return _prefix_match(SEARCH_DOCUMENT, words)

    def description_candidates(self, words: list[str]) -> Q:
        """The rows whose description's own vector matches every word's runs as prefix
        lexemes (its GIN index answers exactly: no recheck of the rows)."""
        return _prefix_match(DESCRIPTION_DOCUMENT, words)

    def secondary_indexes(self) -> list[Definition]:
        """Every index of the product table neither primary key nor unique."""
        return postgresql_indexes.secondary_indexes(self.connection)

    def drop_secondary_indexes(self, definitions: list[Definition]) -> None:
        """``DROP INDEX IF EXISTS`` each one, in the caller's transaction."""
        with self.connection.cursor() as cursor:
            for name, _ in definitions:
                cursor.execute(f"DROP INDEX IF EXISTS {self.connection.ops.quote_name(name)}")

    def missing_indexes(self, definitions: list[Definition]) -> list[Definition]:
        """The definitions with no index of that name on the product table."""
        return postgresql_indexes.missing(self.connection, definitions)

    def rebuild_secondary_indexes(
        self, definitions: list[Definition], *, builders: int, work_mem: str
    ) -> None:
        """Build the missing ones, each in its own transaction, ``builders`` at once."""
        postgresql_indexes.rebuild(
            self.connection, definitions, builders=builders, work_mem=work_mem
        )

    def refresh_statistics(self) -> None:
        """``VACUUM (ANALYZE)`` the product table (only ``ANALYZE`` inside a transaction).

        ``VACUUM`` also sets the visibility map, without which PostgreSQL cannot answer from
        an index alone.
        """
        table = Product._meta.db_table
        vacuum = not self.connection.in_atomic_block
        with self.connection.cursor() as cursor:
            cursor.execute(f"{'VACUUM (ANALYZE)' if vacuum else 'ANALYZE'} {table}")
            if vacuum:  # compacting left the folded rows dead; every count sums this table
                cursor.execute("VACUUM products_count_delta, products_data_version")

    def prepare_connection(self) -> None:
        """Nothing to set up: the lookups use PostgreSQL's own functions (and migration
        0013's ``products_unaccent`` and ``products_name_order``)."""


def _escaped(word: str) -> str:
    return "".join(ch if ch.isalnum() else "\\" + ch for ch in word)


def _prefix_match(document: str, words: list[str]) -> Q:
    """``document @@`` the prefix ``tsquery`` of ``words`` (``Q()`` when it has no term)."""
    query = tsquery(words)
    if not query:
        return Q()
    matches = RawSQL(
        f"{document} @@ to_tsquery('simple'::regconfig, {POSTGRESQL_FUNCTION}(%s))",
        (query,),
        output_field=BooleanField(),
    )
    return Q(matches)
