"""The embedded mode's (SQLite) full-text indexes: the search box and ``iContains``.

Migration 0007 keeps two FTS5 tables in step with ``products_product`` (see there). Both give
the same answers as PostgreSQL; they only find the candidate rows faster:

* Search: each run of letters and digits of a query word is a prefix term of the word index
  (``"raise"* AND "be"*``); for a word made only of letters and digits that is the rule
  exactly, as on PostgreSQL, and ``search.py`` checks other words with its regular
  expression on those candidates.
* ``iContains`` of three characters or more: a phrase of the trigram index, an exact
  case-folded substring test (Unicode letters included, as PostgreSQL's ``UPPER``). Shorter
  terms have no trigram: ASCII ones use SQLite's ``LIKE`` (exact for ASCII), others a
  Unicode-aware function (``products_icontains``), both scanning.
"""

import re

from django.db.backends.signals import connection_created
from django.db.models import Q
from django.db.models.expressions import Col, RawSQL
from django.db.models.lookups import IContains

WORDS_TABLE = "products_fulltext_words"
TRIGRAMS_TABLE = "products_fulltext_trigrams"
_ALNUM_RUN = re.compile(r"[^\W_]+")


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def words_query(words: list[str]) -> str:
    """The FTS5 query for the search box words: every run of letters/digits as a prefix."""
    runs = [run for word in words for run in _ALNUM_RUN.findall(word)]
    return " AND ".join(f"{_quoted(run)}*" for run in runs)


def search_candidates_q(words: list[str]) -> Q:
    """Rows that can match ``words`` (exactly those, for words of letters and digits only)."""
    query = words_query(words)
    if not query:
        return Q()
    return Q(pk__in=RawSQL(f"SELECT rowid FROM {WORDS_TABLE} WHERE {WORDS_TABLE} MATCH %s",
                           (query,)))


def _icontains(text: str | None, term: str | None) -> bool | None:
    if text is None or term is None:
        return None
    return term.casefold() in text.casefold()


class FulltextIContains(IContains):
    """``icontains`` served by the trigram index on SQLite (registered on Product's columns)."""

    def as_sqlite(self, compiler, connection):  # noqa: D102
        term = self.rhs
        if not (isinstance(term, str) and isinstance(self.lhs, Col)):
            return super().as_sql(compiler, connection)
        if len(term) >= 3:
            alias = compiler.quote_name_unless_alias(self.lhs.alias)
            column = self.lhs.target.column
            sql = (
                f'{alias}."id" IN (SELECT rowid FROM {TRIGRAMS_TABLE} '
                f"WHERE {TRIGRAMS_TABLE} MATCH %s)"
            )
            return sql, [f"{column} : {_quoted(term)}"]
        if term.isascii():
            return super().as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"products_icontains({lhs}, %s)", [*lhs_params, term]


def _register_functions(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "products_icontains", 2, _icontains, deterministic=True
        )


def install() -> None:
    """Serve Product's ``icontains`` lookups from the trigram index on SQLite."""
    from products.models import Product

    for name in ("sku", "name", "description"):
        Product._meta.get_field(name).register_lookup(FulltextIContains)
    connection_created.connect(_register_functions, dispatch_uid="products_fulltext")
