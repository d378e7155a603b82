"""The name ordering: as people read names, not by code point.

"Äpfel" sorts with the A's (not after Z), "öl" beside "Öl", and numbers inside a name
compare as numbers ("Öl Nr. 20" before "Öl Nr. 106"). Case and accents only break ties.

* PostgreSQL: the ICU collation ``products_name_order`` (``und-u-kn-true``: the root
  locale, numeric ordering on), created by migration 0013, which also indexes
  ``name COLLATE products_name_order`` for this ordering.
* SQLite has no ICU: the app registers a collation of the same name on each connection
  (``compare``, an approximation of the same rules: letters without accents or case,
  numbers by value, punctuation and spaces before both). Its sort has no index: it is read
  at query time, fine for the embedded mode's catalogues.
"""

import re
from functools import lru_cache

from django.db.models import F
from django.db.models.expressions import OrderBy
from django.db.models.functions import Collate

from products.accents import fold

COLLATION = "products_name_order"
_SEGMENT = re.compile(r"(\d+)|([^\W\d_]+)|(.)", re.DOTALL)


@lru_cache(maxsize=100_000)
def sort_key(name: str) -> tuple:
    """The key ``compare`` sorts by: segments (punctuation < numbers < words), then ties."""
    folded = (fold(name) or "").casefold()
    segments = []
    for digits, letters, other in _SEGMENT.findall(folded):
        if digits:
            segments.append((1, int(digits), ""))
        elif letters:
            segments.append((2, 0, letters))
        else:
            segments.append((0, 0, other))
    return (tuple(segments), name.casefold(), name)


def compare(left: str, right: str) -> int:
    """SQLite's collation function: negative, zero or positive as ``left`` sorts first."""
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


def ordered_by_name(prefix: str, descending: bool, **nulls: bool | None) -> OrderBy:
    """The ORDER BY term of the name ordering (the collation on both databases)."""
    expression = Collate(F(f"{prefix}name"), COLLATION)
    return expression.desc(**nulls) if descending else expression.asc(**nulls)
