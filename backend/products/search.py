"""The search box: every query word must start a word in the SKU, name or description.

A query word matches at the start of a word of the text, where words are separated by any
character that is not a letter or digit: ``budg`` finds "budget", ``raise-be`` finds
"lay-raise-best-end", case-insensitively and ignoring accents (``creme`` finds "Crème",
``grosse`` finds "Größe"; see ``products/accents.py``). Words of the query combine with AND.

On PostgreSQL a GIN index on the stored ``search_vector`` column (each run of letters and
digits of the three columns one lexeme, lower-cased; see ``products/search_document.py``)
answers prefix terms (``budg:*``). For a query word made only of letters and digits that is
the rule exactly: it starts a word of the text if and only if it is a prefix of a lexeme. A
word with other characters (``raise-be``) becomes one prefix term per run (``raise:* &
be:*``), which narrows the rows, and a regular expression then checks the exact rule on
those candidates only (``databases/postgresql.py``). On SQLite (embedded mode) the FTS5 word
index plays the same part (``products/fulltext.py``).
"""

import re

from django.db import connection
from django.db.models import F, Q
from django.db.models.lookups import IRegex

from products.accents import Folded, fold
from products.databases import ProductDatabase, for_connection

_ALNUM_RUN = re.compile(r"[^\W_]+")
MAX_QUERY_WORDS = 10


def query_words(query: str) -> list[str]:
    """Split the search box text into words (at most ``MAX_QUERY_WORDS``), accents folded."""
    return [fold(word) or "" for word in query.split()[:MAX_QUERY_WORDS]]


def _regex_q(database: ProductDatabase, word: str, prefix: str) -> Q:
    pattern = database.word_start_pattern(word)
    condition = Q()
    for column in ("sku", "name", "description"):
        condition |= Q(IRegex(Folded(F(f"{prefix}{column}")), pattern))
    return condition


def search_q(query: str, prefix: str = "") -> Q:
    """Return the filter for the search box text ``query`` (empty text matches everything).

    Through a relation (``prefix``) the word index does not apply: every word is checked by
    its regular expression.
    """
    database = for_connection(connection)
    words = query_words(query)
    use_index = not prefix
    condition = Q()
    for word in words:
        if not (use_index and _ALNUM_RUN.fullmatch(word)):
            condition &= _regex_q(database, word, prefix)
    if use_index:
        return database.search_candidates(words) & condition
    return condition
