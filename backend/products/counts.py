"""Exact product counts without scanning the table (PostgreSQL).

``products_count_delta`` holds changes in the number of products per ``active`` value. Row
triggers (migration 0004) record every ordinary write; a bulk writer takes over inside its
transaction with ``take_over_counts()`` and records its exact totals with ``record()``
(the triggers then stand aside, so a 500,000-row import pays no per-row trigger).

A connection whose filter is empty, or only ``active = true/false``, sums the deltas instead
of running ``count(*)``; any other filter, and SQLite, counts the matching rows, reusing the
count while the catalogue is unchanged (``count_cache``). ``compact()`` folds the deltas
into one row per value.
"""

from django.db import connection, transaction
from django.db.models import QuerySet
from django.db.models.lookups import Exact
from django.db.models.sql.where import WhereNode

from products import fulltext
from products.count_cache import cached_count, fold_versions
from products.models import Product

_NO_FILTER = object()


def _active_filter(where: WhereNode) -> object | bool | None:
    """Return _NO_FILTER, True/False for ``active = value`` only, or None for anything else."""
    children = list(where.children)
    while len(children) == 1 and isinstance(children[0], WhereNode) and not where.negated:
        where = children[0]
        children = list(where.children)
    if not children:
        return _NO_FILTER
    if len(children) != 1 or where.negated:
        return None
    lookup = children[0]
    target = getattr(getattr(lookup, "lhs", None), "target", None)
    if (
        isinstance(lookup, Exact)
        and target is Product._meta.get_field("active")
        and isinstance(lookup.rhs, bool)
    ):
        return lookup.rhs
    return None


def product_count(queryset: QuerySet) -> int:
    """Return the exact number of products ``queryset`` matches."""
    known = getattr(queryset, "exact_count", None)
    if known is not None:
        return known
    if connection.vendor == "postgresql" and queryset.model is Product:
        active = _active_filter(queryset.query.where)
        if active is not None:
            sql = "SELECT COALESCE(SUM(delta), 0) FROM products_count_delta"
            params: list[bool] = []
            if active is not _NO_FILTER:
                sql += " WHERE active = %s"
                params.append(active)
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return int(cursor.fetchone()[0])
    return cached_count(queryset, _fulltext_counter(queryset))


def _fulltext_counter(queryset: QuerySet):
    """On SQLite, count a filter that is one FTS5 match in the FTS5 table (or None)."""
    if connection.vendor != "sqlite":
        return None
    direct = fulltext.direct_count(queryset.query.where)
    if direct is None:
        return None

    def count() -> int:
        with connection.cursor() as cursor:
            cursor.execute(*direct)
            return int(cursor.fetchone()[0])

    return count


#: Up to this many matches, a filtered page is read from the matching ids (see below).
SMALL_MATCH_COUNT = 5000


def count_then_narrow(queryset: QuerySet) -> QuerySet:
    """Count a filtered product queryset first; when few products match, page over their ids.

    With ``ORDER BY ... LIMIT`` PostgreSQL may walk the ordering index and test every row
    against the filter, betting that matches are common; when a search word is rare that
    walk reads the whole table (seconds on a million products). Counting first (the page
    needs ``totalCount`` anyway) tells which case this is: when few products match, their
    ids come from the filter's own index and the page is read from those ids. The count is
    kept on the returned queryset so ``product_count`` does not run it again.
    """
    if _active_filter(queryset.query.where) is not None:
        return queryset
    unordered = queryset.order_by()
    total = cached_count(unordered, _fulltext_counter(unordered))
    narrowed = queryset.all()
    if total <= SMALL_MATCH_COUNT:
        ids = list(unordered.values_list("pk", flat=True))
        narrowed = Product.objects.filter(pk__in=ids).order_by(*queryset.query.order_by)
    elif connection.vendor == "sqlite":
        setattr(narrowed.query, fulltext.WALK_FLAG, True)
    narrowed.exact_count = total
    return narrowed


def take_over_counts(cursor) -> None:
    """Make the count triggers stand aside for the rest of this transaction (PostgreSQL).

    The caller must then ``record()`` the exact change of every product it writes.
    """
    cursor.execute("SET LOCAL products.counts_by_caller = 'on'")


def record(cursor, deltas: dict[bool, int]) -> None:
    """Add the change in product count per ``active`` value (PostgreSQL, same transaction)."""
    rows = [(active, delta) for active, delta in deltas.items() if delta]
    if rows:
        cursor.executemany(
            "INSERT INTO products_count_delta (active, delta) VALUES (%s, %s)", rows
        )


def delete_all() -> int:
    """Delete every product in one statement and return how many there were."""
    if connection.vendor != "postgresql":
        deleted, _ = Product.objects.all().delete()
        return deleted
    with connection.cursor() as cursor:
        take_over_counts(cursor)
        cursor.execute(
            f"""
            WITH gone AS (DELETE FROM {Product._meta.db_table} RETURNING active),
            counted AS (
                INSERT INTO products_count_delta (active, delta)
                SELECT active, -count(*) FROM gone GROUP BY active RETURNING delta
            )
            SELECT COALESCE(-SUM(delta), 0) FROM counted
            """
        )
        return int(cursor.fetchone()[0])


def compact() -> None:
    """Fold the deltas into one row per ``active`` value, correcting any drift (PostgreSQL).

    The correction compares ``count(*)`` with the deltas' sum in one REPEATABLE READ
    snapshot: every writer commits its products and its deltas together, so within one
    snapshot the two must agree, and any difference (a bulk write that raced an edit of the
    same product's ``active``) is added as one more delta. Nothing is locked.
    """
    fold_versions()
    if connection.vendor != "postgresql":
        return
    outermost = not connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        if outermost:  # inside a caller's transaction its snapshot rules already
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute(f"SELECT active, count(*) FROM {Product._meta.db_table} GROUP BY active")
        actual = dict(cursor.fetchall())
        cursor.execute("SELECT active, SUM(delta) FROM products_count_delta GROUP BY active")
        recorded = {active: int(total) for active, total in cursor.fetchall()}
        record(
            cursor,
            {value: actual.get(value, 0) - recorded.get(value, 0) for value in (True, False)},
        )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            """
            WITH folded AS (DELETE FROM products_count_delta RETURNING active, delta)
            INSERT INTO products_count_delta (active, delta)
            SELECT active, SUM(delta) FROM folded GROUP BY active
            """
        )
