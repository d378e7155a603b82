"""The search box: every query word must start a word in the SKU, name or description.

A query word matches at the start of a word of the text, where words are separated by any
character that is not a letter or digit: ``budg`` finds "budget", ``raise-be`` finds
"lay-raise-best-end", case-insensitively. Words of the query combine with AND.

On PostgreSQL a GIN index on the stored ``search_vector`` column (each run of letters and
digits of the three columns one lexeme, lower-cased; see ``products/search_document.py``)
answers prefix terms (``budg:*``). For a query word made only of letters and digits that is
the rule exactly: it starts a word of the text if and only if it is a prefix of a lexeme. A
word with other characters (``raise-be``) becomes one prefix term per run (``raise:* &
be:*``), which narrows the rows, and a regular expression then checks the exact rule on
those candidates only. On SQLite (embedded mode) the FTS5 word index plays the same part (see
``products/fulltext.py``).
"""

import re

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from products import fulltext, search_document

# The column the index "product_search_idx" covers (migration 0009).
SEARCH_DOCUMENT = f'"products_product"."{search_document.COLUMN}"'
_ALNUM_RUN = re.compile(r"[^\W_]+")
MAX_QUERY_WORDS = 10


def query_words(query: str) -> list[str]:
    """Split the search box text into words (at most ``MAX_QUERY_WORDS``)."""
    return query.split()[:MAX_QUERY_WORDS]


def _word_start_pattern(word: str) -> str:
    # PostgreSQL ARE and Python re both accept a backslash before any non-alphanumeric.
    escaped = "".join(ch if ch.isalnum() else "\\" + ch for ch in word)
    if connection.vendor == "postgresql":
        return f"(^|[^[:alnum:]]){escaped}"
    return rf"(^|[\W_]){escaped}"


def _tsquery(words: list[str]) -> str:
    terms = [part.lower() + ":*" for word in words for part in _ALNUM_RUN.findall(word)]
    return " & ".join(terms)


def _regex_q(word: str, prefix: str) -> Q:
    pattern = _word_start_pattern(word)
    return (
        Q(**{f"{prefix}sku__iregex": pattern})
        | Q(**{f"{prefix}name__iregex": pattern})
        | Q(**{f"{prefix}description__iregex": pattern})
    )


def search_q(query: str, prefix: str = "") -> Q:
    """Return the filter for the search box text ``query`` (empty text matches everything)."""
    words = query_words(query)
    use_index = connection.vendor in ("postgresql", "sqlite") and not prefix
    condition = Q()
    for word in words:
        if not (use_index and _ALNUM_RUN.fullmatch(word)):
            condition &= _regex_q(word, prefix)
    if use_index and connection.vendor == "sqlite":
        return fulltext.search_candidates_q(words) & condition
    tsquery = _tsquery(words)
    if use_index and tsquery:
        matches = RawSQL(
            f"{SEARCH_DOCUMENT} @@ to_tsquery('simple'::regconfig, %s)",
            (tsquery,),
            output_field=BooleanField(),
        )
        condition = Q(matches) & condition
    return condition
