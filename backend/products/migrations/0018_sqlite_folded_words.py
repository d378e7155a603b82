"""SQLite (embedded mode) only: the FTS5 word index holds the text folded as PostgreSQL's
``unaccent`` folds it.

The word index's tokenizer (``unicode61 remove_diacritics 2``, migration 0013) removes the
accents Unicode decomposes (é, ö, å) but keeps the letters that have no decomposition: ø, đ,
ł, ð, þ, ı, ħ, ŧ, ŋ, ĸ, ŀ, ĳ, ŉ, and the ß, æ, œ that ``unaccent`` spells ss, ae, oe.
PostgreSQL's search document folds them all (migration 0013), and so do the query words in
both modes (``products/accents.py``): "Sørensen" was found by "sorensen" on PostgreSQL only,
and on SQLite not even by "Sørensen" (folded to "sorensen" before it reaches the index).

The word index now reads its text through the view ``products_fulltext_folded``: each
column with these letters replaced as ``unaccent`` replaces them (plain ``replace()``, only
for text that is not all ASCII). Its content is that view, so FTS5's ``rebuild`` (this
migration, the end of a bulk import) indexes the folded text, and the triggers take their
entries from the view too: the old text before a row changes or goes (a BEFORE trigger,
while the row still holds it), the new text after it is written. The trigram index
(``iContains``) keeps the text as written.
"""

from django.db import migrations

COLUMNS = ("sku", "name", "description")
WORDS = "products_fulltext_words"
TRIGRAMS = "products_fulltext_trigrams"
VIEW = "products_fulltext_folded"
TOKENIZER = "unicode61 remove_diacritics 2"
# The letters of Latin-1 and Latin Extended-A without a Unicode decomposition, as
# PostgreSQL's unaccent folds them (products.accents.LETTERS when this was written).
LETTERS = {
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ł": "l", "Ł": "L", "ŀ": "l", "Ŀ": "L",
    "ı": "i", "ĳ": "ij", "Ĳ": "IJ", "þ": "th", "Þ": "TH", "ħ": "h", "Ħ": "H", "ŧ": "t",
    "Ŧ": "T", "ŋ": "n", "Ŋ": "N", "ĸ": "q", "ŉ": "'n",
}  # fmt: skip


def _folded(column: str, letters: list[tuple[str, str]]) -> str:
    """SQL for ``column`` with ``letters`` replaced (all-ASCII text as it is, at no cost)."""
    sql = column
    for letter, spelling in letters:
        sql = f"replace({sql}, '{letter}', '{spelling.replace(chr(39), chr(39) * 2)}')"
    ascii_only = f"length(CAST({column} AS BLOB)) = length({column})"
    return f"CASE WHEN {ascii_only} THEN {column} ELSE {sql} END"


def _view() -> str:
    """The products' text with LETTERS folded. In two steps: SQLite's parser takes about 30
    nested calls at most (the query planner flattens the subquery: one row is still read by
    its id)."""
    pairs = list(LETTERS.items())
    half = len(pairs) // 2

    def columns(letters: list[tuple[str, str]]) -> str:
        return ", ".join(f"{_folded(c, letters)} AS {c}" for c in COLUMNS)

    return (
        f"CREATE VIEW {VIEW} AS SELECT id, {columns(pairs[half:])} FROM "
        f"(SELECT id, {columns(pairs[:half])} FROM products_product)"
    )


def _triggers(fold: bool) -> list[str]:
    """The triggers that keep both FTS5 tables in step. Folded, the word index's entries
    are read from the view: before a row changes or goes (its old text), after it is
    written (its new text)."""
    columns = ", ".join(COLUMNS)
    changed = " OR ".join(f"old.{column} IS NOT new.{column}" for column in COLUMNS)

    def values(row: str) -> str:
        return ", ".join(f"{row}.{column}" for column in COLUMNS)

    def add(table: str) -> str:
        if fold and table == WORDS:
            return (f"INSERT INTO {table}(rowid, {columns}) "
                    f"SELECT id, {columns} FROM {VIEW} WHERE id = new.id;")
        return f"INSERT INTO {table}(rowid, {columns}) VALUES (new.id, {values('new')});"

    def remove(table: str) -> str:
        if fold and table == WORDS:
            return (f"INSERT INTO {table}({table}, rowid, {columns}) "
                    f"SELECT 'delete', id, {columns} FROM {VIEW} WHERE id = old.id;")
        return (f"INSERT INTO {table}({table}, rowid, {columns}) "
                f"VALUES ('delete', old.id, {values('old')});")

    insert = " ".join(add(table) for table in (WORDS, TRIGRAMS))
    delete = " ".join(remove(table) for table in (WORDS, TRIGRAMS))
    on_update = f"UPDATE OF {columns} ON products_product WHEN {changed}"
    if not fold:  # as migration 0013 made them
        return [
            f"CREATE TRIGGER products_fulltext_insert AFTER INSERT ON products_product "
            f"BEGIN {insert} END",
            f"CREATE TRIGGER products_fulltext_delete AFTER DELETE ON products_product "
            f"BEGIN {delete} END",
            f"CREATE TRIGGER products_fulltext_update AFTER {on_update} "
            f"BEGIN {delete} {insert} END",
        ]
    return [
        f"CREATE TRIGGER products_fulltext_insert AFTER INSERT ON products_product "
        f"BEGIN {insert} END",
        f"CREATE TRIGGER products_fulltext_delete BEFORE DELETE ON products_product "
        f"BEGIN {delete} END",
        f"CREATE TRIGGER products_fulltext_update BEFORE {on_update} BEGIN {delete} END",
        f"CREATE TRIGGER products_fulltext_updated AFTER {on_update} BEGIN {insert} END",
    ]


def _statements(fold: bool) -> list[str]:
    columns = ", ".join(COLUMNS)
    content = VIEW if fold else "products_product"
    return [
        "DROP TRIGGER IF EXISTS products_fulltext_updated",
        "DROP TRIGGER IF EXISTS products_fulltext_update",
        "DROP TRIGGER IF EXISTS products_fulltext_delete",
        "DROP TRIGGER IF EXISTS products_fulltext_insert",
        f"DROP TABLE IF EXISTS {WORDS}",
        f"DROP VIEW IF EXISTS {VIEW}",
        *([_view()] if fold else []),
        f"CREATE VIRTUAL TABLE {WORDS} USING fts5({columns}, content='{content}', "
        f"content_rowid='id', tokenize='{TOKENIZER}', prefix='1 2 3')",
        f"INSERT INTO {WORDS}({WORDS}) VALUES ('rebuild')",
        *_triggers(fold),
    ]


def _run(fold: bool):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "sqlite":
            return
        # The triggers are absent while a bulk import holds them dropped: it recreates them
        # (and rebuilds the tables) from its own saved definitions, so keep it that way.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'products_fulltext_%'"
            )
            kept = cursor.fetchone()[0] > 0
        for statement in _statements(fold):
            if kept or "TRIGGER products_fulltext" not in statement or "DROP" in statement:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("products", "0017_data_version_writer")]

    operations = [migrations.RunPython(_run(True), _run(False))]
