"""The embedded mode's (SQLite) full-text indexes: the search box and ``iContains``.

Migration 0007 keeps two FTS5 tables in step with ``products_product`` (see there). Both give
the same answers as PostgreSQL; they only find the candidate rows faster:

* Search: each run of letters and digits of a query word is a prefix term of the word index
  (``"raise"* AND "be"*``); for a word made only of letters and digits that is the rule
  exactly, as on PostgreSQL, and ``search.py`` checks other words with its regular
  expression on those candidates. ``descriptionWords`` asks the same terms of the
  description column alone (an FTS5 column filter, ``description : "raise"*``). The word
  index holds the text without accents, as the query words come (``products/accents.py``):
  its tokenizer removes the accents Unicode decomposes, and its content is the view
  ``products_fulltext_folded``, which spells the other letters as PostgreSQL's ``unaccent``
  does (ø -> o, ß -> ss; migration 0018).
* ``iContains`` of three characters or more: a phrase of the trigram index, an exact
  case-folded substring test (Unicode letters included, as PostgreSQL's ``UPPER``). Shorter
  terms have no trigram: ASCII ones use SQLite's ``LIKE`` (exact for ASCII), others a
  Unicode-aware function (``products_icontains``), both scanning.

A bulk import drops the triggers and rebuilds both tables once at its end
(``products/bulk_indexes.py``); meanwhile the tables lag the products, so every lookup here
scans instead (`kept_in_step`): the same answers, slower.
"""

import re

from django.db import connection as default_connection
from django.db.models import BooleanField, Expression, F, Q
from django.db.models.expressions import Col
from django.db.models.lookups import IContains, IRegex
from django.db.models.sql.where import WhereNode

from products.accents import Folded

WORDS_TABLE = "products_fulltext_words"
#: The word index's content: the product table's text with its letters folded (migration 0018).
FOLDED_VIEW = "products_fulltext_folded"
TRIGRAMS_TABLE = "products_fulltext_trigrams"
_ALNUM_RUN = re.compile(r"[^\W_]+")
# The triggers that keep both tables in step with the products (migrations 0007, 0018).
TRIGGERS = (
    "products_fulltext_insert",
    "products_fulltext_delete",
    "products_fulltext_update",
    "products_fulltext_updated",
)


def kept_in_step(connection=None) -> bool:
    """Whether the FTS5 tables follow every write (false during a bulk import)."""
    connection = connection or default_connection
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN "
            f"({', '.join(['%s'] * len(TRIGGERS))})",
            TRIGGERS,
        )
        return len(cursor.fetchall()) == len(TRIGGERS)


def _scan_q(words: list[str], columns: tuple[str, ...]) -> Q:
    """The search rule as regular expressions (every word starts a word of one of
    ``columns``), on the columns without their accents (the words come folded)."""
    condition = Q()
    for word in words:
        escaped = "".join(ch if ch.isalnum() else "\\" + ch for ch in word)
        pattern = rf"(^|[\W_]){escaped}"
        either = Q()
        for column in columns:
            either |= Q(IRegex(Folded(F(column)), pattern))
        condition &= either
    return condition


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def words_query(words: list[str], column: str | None = None) -> str:
    """The FTS5 query for the (folded) search box words: every run of letters/digits as a
    prefix; in ``column`` alone when given (a column filter on each term:
    ``description : "budg"*``)."""
    restrict = f"{column} : " if column else ""
    runs = (run for word in words for run in _ALNUM_RUN.findall(word))
    return " AND ".join(f"{restrict}{_quoted(run)}*" for run in runs)


def _walks(compiler) -> bool:
    return getattr(compiler.query, WALK_FLAG, False)


#: Set on a query whose matches are many: walk the ordering index and test each row against
#: the FTS matches (``+id IN``: SQLite then uses no index for that term) rather than read
#: every match and sort them. Counts and small match sets read the matches themselves.
WALK_FLAG = "fulltext_walk"


def _match_sql(pk_sql: str, table: str, walk: bool) -> str:
    plus = "+" if walk else ""
    return f"{plus}{pk_sql} IN (SELECT rowid FROM {table} WHERE {table} MATCH %s)"


class FulltextMatch(Expression):
    """True for the products whose FTS5 row in ``table`` matches ``query``."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, table: str, query: str, pk: Expression | None = None) -> None:
        super().__init__()
        self.table, self.query, self.pk = table, query, pk if pk is not None else F("pk")

    def get_source_expressions(self) -> list:  # noqa: D102
        return [self.pk]

    def set_source_expressions(self, exprs: list) -> None:  # noqa: D102
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):  # noqa: D102
        pk_sql, params = compiler.compile(self.pk)
        return _match_sql(pk_sql, self.table, _walks(compiler)), [*params, self.query]


def search_candidates_q(words: list[str], column: str | None = None) -> Q:
    """Rows that can match ``words`` (exactly those, for words of letters and digits only),
    in any of the three columns, or in ``column`` alone when given."""
    query = words_query(words, column)
    if not query:
        return Q()
    if not kept_in_step():
        return _scan_q(words, (column,) if column else ("sku", "name", "description"))
    return Q(FulltextMatch(WORDS_TABLE, query))


#: The SQL function of short non-ASCII ``icontains`` terms (registered by ``databases.sqlite``).
ICONTAINS_FUNCTION = "products_icontains"


def icontains(text: str | None, term: str | None) -> bool | None:
    """Whether ``term`` occurs in ``text``, case-folded (None when either is NULL)."""
    if text is None or term is None:
        return None
    return term.casefold() in text.casefold()


class FulltextIContains(IContains):
    """``icontains`` served by the trigram index on SQLite (registered on Product's columns)."""

    def trigram_query(self) -> str:
        """The FTS5 query of this lookup: its column and the term as one phrase."""
        return f"{self.lhs.target.column} : {_quoted(self.rhs)}"

    def as_sqlite(self, compiler, connection):  # noqa: D102
        term = self.rhs
        if not (isinstance(term, str) and isinstance(self.lhs, Col)):
            return super().as_sql(compiler, connection)
        if len(term) >= 3 and kept_in_step(connection):
            alias = compiler.quote_name_unless_alias(self.lhs.alias)
            sql = _match_sql(f'{alias}."id"', TRIGRAMS_TABLE, _walks(compiler))
            return sql, [self.trigram_query()]
        if term.isascii():
            return super().as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{ICONTAINS_FUNCTION}({lhs}, %s)", [*lhs_params, term]


def direct_count(where: WhereNode) -> tuple[str, list[str]] | None:
    """The count of a filter that is one FTS5 match alone, from the FTS5 table itself.

    Every product has exactly one row in each FTS5 table, so counting the matches there
    equals counting the products, without looking each one up (ten times faster).
    """
    while len(where.children) == 1 and isinstance(where.children[0], WhereNode):
        if where.negated:
            return None
        where = where.children[0]
    if where.negated or len(where.children) != 1:
        return None
    (condition,) = where.children
    if isinstance(condition, FulltextMatch):
        table, query = condition.table, condition.query
    elif (
        isinstance(condition, FulltextIContains)
        and isinstance(condition.rhs, str)
        and len(condition.rhs) >= 3
        and isinstance(condition.lhs, Col)
        and condition.lhs.alias == condition.lhs.target.model._meta.db_table
    ):
        table, query = TRIGRAMS_TABLE, condition.trigram_query()
    else:
        return None
    if not kept_in_step():
        return None
    return f"SELECT count(*) FROM {table} WHERE {table} MATCH %s", [query]


def install() -> None:
    """Serve Product's ``icontains`` lookups from the trigram index on SQLite."""
    from products.models import Product

    for name in ("sku", "name", "description"):
        Product._meta.get_field(name).register_lookup(FulltextIContains)
