"""The search box and the description filter: every query word must start a word of the text.

The search box (``search``) reads the SKU, name and description; ``descriptionWords`` the
description alone, with the same rule below.

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
those candidates only (``databases/postgresql.py``). ``descriptionWords`` reads the same
lexemes of the description alone from a column and GIN index of its own
(``description_vector``). On SQLite (embedded mode) the FTS5 word index plays the same part
for both, the description filter as an FTS5 column filter (``products/fulltext.py``).

Edge cases, the same for both filters: empty text (or only spaces) matches every product;
words after the tenth are ignored; a word with no letter or digit (``%``) has nothing the
index holds and is checked by its regular expression alone, on every row (slow on a big
catalogue). Text longer than ``MAX_SEARCH_LENGTH`` (``search``) or
``MAX_DESCRIPTION_WORDS_LENGTH`` (``descriptionWords``) characters is refused
(``BAD_USER_INPUT``) before any query: PostgreSQL's text search drops a word longer than
2,047 bytes from both the document and the query ("word is too long to be indexed"), so such
a word would be ignored there (the other words alone deciding) while SQLite compared it.
"""

import re
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import F, Q
from django.db.models.lookups import IRegex

from products.accents import Folded, fold
from products.databases import ProductDatabase, for_connection

_ALNUM_RUN = re.compile(r"[^\W_]+")
MAX_QUERY_WORDS = 10
#: The longest search box text (characters) the ``search`` filter accepts.
MAX_SEARCH_LENGTH = 200
#: The longest ``descriptionWords`` text (characters) the filter accepts.
MAX_DESCRIPTION_WORDS_LENGTH = 200
SEARCH_COLUMNS = ("sku", "name", "description")


def query_words(query: str) -> list[str]:
    """Split the search box text into words (at most ``MAX_QUERY_WORDS``), accents folded."""
    return [fold(word) or "" for word in query.split()[:MAX_QUERY_WORDS]]


def _regex_q(database: ProductDatabase, word: str, prefix: str, columns: tuple[str, ...]) -> Q:
    pattern = database.word_start_pattern(word)
    condition = Q()
    for column in columns:
        condition |= Q(IRegex(Folded(F(f"{prefix}{column}")), pattern))
    return condition


def _words_q(
    text: str,
    prefix: str,
    columns: tuple[str, ...],
    candidates: Callable[[ProductDatabase, list[str]], Q],
) -> Q:
    """Every word of ``text`` starts a word of one of ``columns``: the word index's
    ``candidates``, and the regular expression for the words it cannot answer exactly.

    Through a relation (``prefix``) the word index does not apply: every word is checked by
    its regular expression.
    """
    database = for_connection(connection)
    words = query_words(text)
    use_index = not prefix
    condition = Q()
    for word in words:
        if not (use_index and _ALNUM_RUN.fullmatch(word)):
            condition &= _regex_q(database, word, prefix, columns)
    if use_index:
        return candidates(database, words) & condition
    return condition


def _check_length(name: str, text: str, most: int) -> None:
    """Refuse ``text`` longer than ``most`` characters (``ValidationError`` on ``filters``)."""
    if len(text) > most:
        message = f"{name} takes at most {most} characters; this one has {len(text):,}."
        raise ValidationError({"filters": ValidationError(message, code="too_long")})


def search_q(query: str, prefix: str = "") -> Q:
    """Return the filter for the search box text ``query`` (empty text matches everything).

    Raises ``ValidationError`` on ``filters`` when ``query`` is longer than
    ``MAX_SEARCH_LENGTH``.
    """
    _check_length("search", query, MAX_SEARCH_LENGTH)
    return _words_q(
        query, prefix, SEARCH_COLUMNS, lambda database, words: database.search_candidates(words)
    )


def description_words_q(text: str, prefix: str = "") -> Q:
    """Return the filter for ``descriptionWords``: every word of ``text`` starts a word of
    the description (empty text matches everything).

    Raises ``ValidationError`` on ``filters`` when ``text`` is longer than
    ``MAX_DESCRIPTION_WORDS_LENGTH``.
    """
    _check_length("descriptionWords", text, MAX_DESCRIPTION_WORDS_LENGTH)
    return _words_q(
        text,
        prefix,
        ("description",),
        lambda database, words: database.description_candidates(words),
    )
