"""Accent-insensitive text: what the search box compares, on both databases.

A search for "creme" finds "Crème", "grosse" and "Grösse" find "Größe", "oeuvre" finds
"Œuvre". Both sides of the comparison are folded the same way:

* the text: on PostgreSQL the ``search_vector`` column is made from
  ``products_unaccent(...)`` (the ``unaccent`` extension's rules: accents removed, ``ß`` ->
  ``ss``, ``æ`` -> ``ae``, ``œ`` -> ``oe``, ``ø`` -> ``o``, ligatures split; migration 0013);
  on SQLite the FTS5 word index's tokenizer removes the diacritics Unicode decomposes
  (``remove_diacritics 2``) and the index reads the text with ``LETTERS`` below already
  replaced (a view, migration 0018);
* the query words: ``fold`` below, Python's Unicode decomposition without the combining marks
  plus ``LETTERS``, the letters that do not decompose: for every letter of Latin-1 and Latin
  Extended-A (the letters a European catalogue uses) the same as ``unaccent``.

``Folded`` is the same folding as a SQL expression, for the regular-expression checks
that read the columns themselves (``products_unaccent`` on PostgreSQL, ``fold`` registered as
``products_fold`` on SQLite).
"""

import unicodedata
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import CharField, Func
from django.db.models.sql.compiler import SQLCompiler

#: The letters of Latin-1 and Latin Extended-A without a Unicode decomposition, folded as
#: PostgreSQL's ``unaccent`` folds them. The SQLite word index replaces the same ones
#: (migration 0018 holds a copy; a letter added here needs a migration there too).
LETTERS = {
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ł": "l", "Ł": "L", "ŀ": "l", "Ŀ": "L",
    "ı": "i", "ĳ": "ij", "Ĳ": "IJ", "þ": "th", "Þ": "TH", "ħ": "h", "Ħ": "H", "ŧ": "t",
    "Ŧ": "T", "ŋ": "n", "Ŋ": "N", "ĸ": "q", "ŉ": "'n",
}  # fmt: skip
_LETTERS = str.maketrans(LETTERS)
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

    def as_sqlite(  # noqa: D102
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, Any]:
        return super().as_sql(compiler, connection, function=SQLITE_FUNCTION, **extra_context)
