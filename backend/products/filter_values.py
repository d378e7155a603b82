"""Filter values a query cannot hold: found by building its SQL once, before any work.

strawberry-django applies a ``ProductFilter`` lazily; some values only fail when the SQL is
built (a date-part lookup such as ``createdAt: {year: {exact: -5}}`` raises ``ValueError``
for a year outside 1-9999). The ``products`` field and an export (whose job would otherwise
fail in the worker) both check with `out_of_range` and refuse with `OUT_OF_RANGE`.
"""

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db.models import QuerySet

OUT_OF_RANGE = "A value in 'filters' is out of range (dates run from year 1 to 9999)."


def out_of_range(queryset: QuerySet) -> bool:
    """Whether building the SQL of `queryset` (no query runs) fails on a value it holds."""
    try:
        queryset.query.get_compiler(using=queryset.db).as_sql()
    except (EmptyResultSet, FullResultSet):
        return False
    except (ValueError, OverflowError):
        return True
    return False
