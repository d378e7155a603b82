"""Upkeep after bulk writes: fresh planner statistics, and index-only scans made possible."""

from django.db import connection

from products.databases import for_connection


def after_bulk_write() -> None:
    """Analyze the product table (and vacuum it on PostgreSQL) after a large write.

    A table loaded by an import has no statistics until autovacuum gets to it: the planner
    then guesses, and guesses wrong (a name-contains page took 36 ms instead of 1 ms on
    ~900,000 products). ``VACUUM`` also sets the visibility map, without which PostgreSQL
    cannot answer from an index alone. On SQLite: ``ANALYZE``, and the FTS5 indexes merge
    the many small segments a bulk write leaves into one.

    It also folds the count deltas (``counts.compact()``, which the workers otherwise run
    every five minutes): a bulk writer that let the row triggers record its rows leaves one
    delta per row, and every unfiltered page sums them.

    Run it after the write has committed; inside a transaction PostgreSQL can only analyze.
    """
    database = for_connection(connection)
    database.compact_counts()
    database.refresh_statistics()
