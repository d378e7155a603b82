"""The product table on SQLite (embedded mode), with its FTS5 tables (``products/fulltext.py``).

SQLite keeps no count bookkeeping: it counts rows, from an FTS5 table when the filter is one
full-text match. A bulk load drops the triggers that keep the FTS5 tables (they cost more
than the insert itself); at the end each FTS5 table is rebuilt from the product rows (FTS5's
``rebuild``) and the triggers created again, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Q, QuerySet

from products import accents, fulltext, name_order
from products.databases.base import Definition
from products.models import Product

TABLE = Product._meta.db_table


class SqliteDatabase:
    """Counts by counting, search from the FTS5 word index, and a bulk load that drops the
    FTS5 triggers and rebuilds the tables (see ``base.ProductDatabase``)."""

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection

    def recorded_count(self, active: bool | None) -> int | None:
        """None: SQLite keeps no count bookkeeping."""
        return None

    def direct_counter(self, queryset: QuerySet) -> Callable[[], int] | None:
        """A filter that is one FTS5 match alone is counted in the FTS5 table (ten times
        faster than looking each product up); None for any other filter."""
        direct = fulltext.direct_count(queryset.query.where)
        if direct is None:
            return None

        def count() -> int:
            with self.connection.cursor() as cursor:
                cursor.execute(*direct)
                return int(cursor.fetchone()[0])

        return count

    def prefer_order_walk(self, queryset: QuerySet) -> None:
        """Flag the query so its FTS5 match tests rows along the order (``fulltext.WALK_FLAG``)."""
        setattr(queryset.query, fulltext.WALK_FLAG, True)

    def delete_all_products(self) -> int:
        """One ``DELETE`` through the ORM (the FTS5 triggers follow)."""
        deleted, _ = Product.objects.using(self.connection.alias).all().delete()
        return deleted

    def compact_counts(self) -> None:
        """Nothing to fold: SQLite has no deltas and one data version row."""

    def word_start_pattern(self, word: str) -> str:
        """A Python regular expression (SQLite's ``REGEXP`` is Python's ``re`` in Django)."""
        escaped = "".join(ch if ch.isalnum() else "\\" + ch for ch in word)
        return rf"(^|[\W_]){escaped}"

    def search_candidates(self, words: list[str]) -> Q:
        """The FTS5 word index's matches (``fulltext.search_candidates_q``)."""
        return fulltext.search_candidates_q(words)

    def description_candidates(self, words: list[str]) -> Q:
        """The FTS5 word index's matches in its description column."""
        return fulltext.search_candidates_q(words, column="description")

    def secondary_indexes(self) -> list[Definition]:
        """The triggers that keep an FTS5 table of the products."""
        with self.connection.cursor() as cursor:
            tables = _fulltext_tables(cursor)
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s "
                "ORDER BY name",
                [TABLE],
            )
            return [(n, sql) for n, sql in cursor.fetchall() if any(t in sql for t in tables)]

    def drop_secondary_indexes(self, definitions: list[Definition]) -> None:
        """``DROP TRIGGER IF EXISTS`` each one, in the caller's transaction."""
        with self.connection.cursor() as cursor:
            for name, _ in definitions:
                cursor.execute(f"DROP TRIGGER IF EXISTS {self.connection.ops.quote_name(name)}")

    def missing_indexes(self, definitions: list[Definition]) -> list[Definition]:
        """The definitions with no trigger of that name on the product table."""
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [TABLE],
            )
            present = {name for (name,) in cursor.fetchall()}
        return [d for d in definitions if d[0] not in present]

    def rebuild_secondary_indexes(
        self, definitions: list[Definition], *, builders: int, work_mem: str
    ) -> None:
        """Rebuild the FTS5 tables and create the triggers, in one transaction.

        ``builders`` and ``work_mem`` do not apply. The embedded database takes its write
        lock at BEGIN: a second caller (the sweeper) waits, then finds the triggers there.
        """
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            todo = self.missing_indexes(definitions)
            if not todo:
                return
            for table in _fulltext_tables(cursor):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
            for _, sql in todo:
                cursor.execute(sql)

    def refresh_statistics(self) -> None:
        """``ANALYZE``, and merge the many small FTS5 segments a bulk write leaves into one."""
        with self.connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}")
            for index in (fulltext.WORDS_TABLE, fulltext.TRIGRAMS_TABLE):
                cursor.execute(f"INSERT INTO {index}({index}) VALUES ('optimize')")

    def prepare_connection(self) -> None:
        """Register the Unicode-aware ``icontains`` function of short terms (``fulltext``),
        the accent folding of the search's checks (``accents``) and the name order's
        collation (``name_order``)."""
        raw = self.connection.connection
        raw.create_function(fulltext.ICONTAINS_FUNCTION, 2, fulltext.icontains, deterministic=True)
        raw.create_function(accents.SQLITE_FUNCTION, 1, accents.fold, deterministic=True)
        raw.create_collation(name_order.COLLATION, name_order.compare)


def _fulltext_tables(cursor) -> list[str]:
    """The FTS5 tables whose content is the product table (the word index's: its folded
    view, ``fulltext.FOLDED_VIEW``)."""
    cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE "
        "'CREATE VIRTUAL TABLE%%' ORDER BY name"
    )
    contents = [f"content='{name}'" for name in (TABLE, fulltext.FOLDED_VIEW)]
    return [
        n for n, sql in cursor.fetchall()
        if any(content in sql.replace('"', "'") for content in contents)
    ]
