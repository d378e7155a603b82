"""Exact product counts without scanning the table where the database allows it.

On PostgreSQL ``products_count_delta`` holds changes in the number of products per
``active`` value (``databases/postgresql_counts.py``): a bulk writer takes over inside its
transaction with ``take_over_counts()`` and records its exact totals with ``record()``.

A connection whose filter is empty, or only ``active = true/false``, asks the database's
bookkeeping (PostgreSQL sums the deltas instead of running ``count(*)``); any other filter,
and SQLite, counts the matching rows, reusing the count while the catalogue is unchanged
(``count_cache``). ``compact()`` folds the deltas into one row per value.
"""

from django.db import connection
from django.db.models import QuerySet
from django.db.models.lookups import Exact
from django.db.models.sql.where import WhereNode

from products.count_cache import cached_count
from products.databases import for_connection
from products.databases.postgresql_counts import record, take_over_counts
from products.models import Product

__all__ = [
    "SMALL_MATCH_COUNT",
    "compact",
    "count_then_narrow",
    "narrow_without_count",
    "delete_all",
    "product_count",
    "record",
    "take_over_counts",
]

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
    database = for_connection(connection)
    if queryset.model is Product:
        active = _active_filter(queryset.query.where)
        if active is not None:
            recorded = database.recorded_count(None if active is _NO_FILTER else active)
            if recorded is not None:
                return recorded
    return cached_count(queryset, database.direct_counter(queryset))


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
    database = for_connection(connection)
    unordered = queryset.order_by()
    total = cached_count(unordered, database.direct_counter(unordered))
    narrowed = queryset.all()
    if total <= SMALL_MATCH_COUNT:
        ids = list(unordered.values_list("pk", flat=True))
        narrowed = Product.objects.filter(pk__in=ids).order_by(*queryset.query.order_by)
    else:
        database.prefer_order_walk(narrowed)
    narrowed.exact_count = total
    return narrowed


def narrow_without_count(queryset: QuerySet) -> QuerySet:
    """Plan a filtered page whose ``totalCount`` was not asked for, without counting.

    Reads at most ``SMALL_MATCH_COUNT + 1`` matching ids from the filter's own index: when
    that is all of them, the page is read from those ids (and their number is the exact
    count); otherwise matches are common and walking the ordering index finds a page fast.
    The probe stops after a bounded number of rows, where a count visits every match.
    """
    if _active_filter(queryset.query.where) is not None:
        return queryset
    unordered = queryset.order_by()
    ids = list(unordered.values_list("pk", flat=True)[: SMALL_MATCH_COUNT + 1])
    if len(ids) <= SMALL_MATCH_COUNT:
        narrowed = Product.objects.filter(pk__in=ids).order_by(*queryset.query.order_by)
        narrowed.exact_count = len(ids)
        return narrowed
    narrowed = queryset.all()
    for_connection(connection).prefer_order_walk(narrowed)
    return narrowed


def delete_all() -> int:
    """Delete every product in one statement and return how many there were."""
    return for_connection(connection).delete_all_products()


def compact() -> None:
    """Fold the count bookkeeping into one row per ``active`` value, correcting any drift
    (PostgreSQL; see ``databases/postgresql_counts.py``)."""
    for_connection(connection).compact_counts()
