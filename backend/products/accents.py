"""Accent-insensitive text: what the search box compares, on both databases.

A search for "creme" finds "Crème", "grosse" and "Grösse" find "Größe", "oeuvre" finds
"Œuvre". Both sides of the comparison are folded the same way:

* the text: on PostgreSQL the ``search_vector`` column is made from
  ``products_unaccent(...)`` (the ``unaccent`` extension's rules: accents removed, ``ß`` ->
  ``ss``, ``æ`` -> ``ae``, ``œ`` -> ``oe``, ligatures split; migration 0013); on SQLite the
  FTS5 word index's tokenizer removes the diacritics (``remove_diacritics 2``), and the query
  asks for the ``ß``/``æ``/``œ`` spellings as well (``fulltext.words_query``);
* the query words: ``fold`` below, Python's Unicode decomposition without the combining marks
  plus the letters that do not decompose, the same rules for the letters a European
  catalogue uses.

``Folded`` is the same folding as a SQL expression, for the regular-expression checks
that read the columns themselves (``products_unaccent`` on PostgreSQL, ``fold`` registered as
``products_fold`` on SQLite).
"""

import unicodedata

from django.db.models import CharField, Func

#: Letters without a Unicode decomposition, folded as PostgreSQL's ``unaccent`` folds them.
_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "þ": "th",
        "Þ": "TH",
    }
)
#: The SQL function of ``fold`` on SQLite (registered by ``databases.sqlite``).
SQLITE_FUNCTION = "products_fold"
#: The immutable wrapper of ``unaccent`` on PostgreSQL (migration 0013).
POSTGRESQL_FUNCTION = "products_unaccent"


def fold(text: str | None) -> str | None:
    """``text`` without accents: ``"Größe Crème"`` -> ``"Grosse Creme"`` (None stays None)."""
    if text is None or text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Folded(Func):
    """A text column without accents, in SQL (the database's own ``fold``)."""

    function = POSTGRESQL_FUNCTION
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra_context):  # noqa: D102
        return super().as_sql(compiler, connection, function=SQLITE_FUNCTION, **extra_context)
