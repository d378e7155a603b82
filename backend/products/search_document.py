"""The search box's document on PostgreSQL: a stored ``tsvector`` column, ``search_vector``.

Each product's column holds the lexemes of its SKU, name and description (migrations 0009
and 0013)::

    strip(to_tsvector('simple', regexp_replace(
        products_unaccent(sku || ' ' || name || ' ' || description), '[^[:alnum:]]+', ' ', 'g')))

that is every run of letters and digits, accents removed (``products/accents.py``; ASCII
text has none), lower-cased, without positions (no query uses
them; stripped vectors are smaller to store, index and recheck). A GIN index on the column
serves ``products.search``.

A trigger computes the column in the database for every write that does not bring it
(inserts without it, updates that change the text but not the vector): every writer, raw
SQL included, keeps it right without knowing it. The import's writer brings it instead,
computed here in its reader thread (``document_vector``), so PostgreSQL does not evaluate
the expression per row while it loads. Python computes it only for ASCII text, where the
rules are plain and a test checks them against PostgreSQL's own ``to_tsvector``; other text
(where ``lower()`` and the database's locale may disagree: final sigma, dotted I, ...) is
left to the trigger.

The ``descriptionWords`` filter reads a second column, ``description_vector``: the same
lexemes of the description alone (migration 0015), with a GIN index and triggers of its own;
the import brings it too (``description_vector``).

SQLite (embedded mode) has no such columns; its FTS5 tables serve the search box and the
description filter (``products/fulltext.py``).
"""

import re

COLUMN = "search_vector"
#: The column of the description's own lexemes (``descriptionWords``; migration 0015).
DESCRIPTION_COLUMN = "description_vector"
# PostgreSQL's parser ignores longer words ("word is too long to be indexed").
MAX_WORD_LENGTH = 2047
_ASCII_ALNUM_RUN = re.compile(r"[a-z0-9]+")
# Lower-cased ASCII text -> its words separated by spaces: every other ASCII character
# becomes a space (str.translate has a fast path for ASCII to ASCII).
_WORDS_ONLY = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isascii() and chr(c).isalnum())}
)


def document_vector(sku: str, name: str, description: str | None) -> str | None:
    """The ``search_vector`` of a product in tsvector input form: its words, lower-cased.

    PostgreSQL's tsvector input sorts the words and drops repeats itself, so text no longer
    than the longest indexable word comes back as its lower-cased letters and digits with
    everything else a space (``'ab-1 Anna'`` -> ``'ab 1 anna'``, read as ``'1' 'ab' 'anna'``),
    one C-level pass. Longer text gets the words of indexable length, each once, quoted.
    None when the text is not all ASCII: the database's trigger computes that one.
    """
    return _words_vector(f"{sku} {name} {description or ''}")


def description_vector(description: str | None) -> str | None:
    """The ``description_vector`` of a product in tsvector input form (as ``document_vector``,
    of the description alone); None when it is not all ASCII (the trigger computes it)."""
    return _words_vector(description or "")


def _words_vector(text: str) -> str | None:
    if not text.isascii():
        return None
    if len(text) <= MAX_WORD_LENGTH:
        return text.lower().translate(_WORDS_ONLY)
    words = {w for w in _ASCII_ALNUM_RUN.findall(text.lower()) if len(w) <= MAX_WORD_LENGTH}
    return "'" + "' '".join(sorted(words)) + "'" if words else ""
