"""Exact product counts without scanning the table (PostgreSQL).

Statement-level triggers (migration 0003) record every change in the number of products per
``active`` value in ``products_count_delta``. A connection whose filter is empty, or only
``active = true/false``, sums those rows instead of running ``count(*)``; any other filter,
and SQLite, counts the matching rows. ``compact()`` folds the deltas into one row per value.
"""

from django.db import connection
from django.db.models import QuerySet
from django.db.models.lookups import Exact
from django.db.models.sql.where import WhereNode

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
    return queryset.count()


def compact() -> None:
    """Fold the recorded deltas into one row per ``active`` value (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH folded AS (DELETE FROM products_count_delta RETURNING active, delta)
            INSERT INTO products_count_delta (active, delta)
            SELECT active, SUM(delta) FROM folded GROUP BY active
            """
        )
