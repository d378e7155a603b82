"""Search ignores accents; names sort as people read them (both databases).

PostgreSQL:

* the ``unaccent`` extension and ``products_unaccent(text)``, an immutable wrapper naming its
  dictionary (``unaccent`` itself is only stable, and its one-argument form depends on the
  search path);
* the search document becomes the lexemes of the text *without accents*: the trigger's
  function is replaced, and the rows whose text is not all ASCII get their column again
  (``unaccent`` changes no ASCII character, so the others, and the vectors an import
  computes in Python for ASCII text, stay right);
* the collation ``products_name_order`` (ICU, ``und-u-kn-true``: the root locale's order,
  where "Äpfel" sorts with the A's, case and accents only break ties, and digits compare as
  numbers, "Öl Nr. 20" before "Öl Nr. 106"), and the name ordering's index on
  ``name COLLATE products_name_order`` under its former name.

SQLite: the FTS5 word index is built again with ``remove_diacritics 2`` (its triggers
too: they name it). SQLite has no ICU: the name order is a collation the app registers on
its connections (``products/name_order.py``), applied at query time.
"""

from django.db import migrations

from core.databases import is_postgresql

DOCUMENT = (
    "strip(to_tsvector('simple'::regconfig, regexp_replace(products_unaccent("
    "{row}sku || ' ' || {row}name || ' ' || {row}description), '[^[:alnum:]]+', ' ', 'g')))"
)
OLD_DOCUMENT = (
    "strip(to_tsvector('simple'::regconfig, regexp_replace("
    "{row}sku || ' ' || {row}name || ' ' || {row}description, '[^[:alnum:]]+', ' ', 'g')))"
)
NOT_ASCII = "(sku || name || description) ~ '[^\\x01-\\x7f]'"


def _vector_function(document: str) -> str:
    return f"""
    CREATE OR REPLACE FUNCTION products_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := {document.format(row="NEW.")};
        RETURN NEW;
    END $$
    """


def _postgresql_forward(schema_editor) -> None:
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
            "ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'"
        )
        schema = schema_editor.connection.ops.quote_name(cursor.fetchone()[0])
    statements = [
        "CREATE OR REPLACE FUNCTION products_unaccent(text) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS "
        f"$$ SELECT {schema}.unaccent('{schema}.unaccent'::regdictionary, $1) $$",
        _vector_function(DOCUMENT),
        f"UPDATE products_product SET search_vector = {DOCUMENT.format(row='')} WHERE {NOT_ASCII}",
        "CREATE COLLATION IF NOT EXISTS products_name_order "
        "(provider = icu, locale = 'und-u-kn-true')",
        "DROP INDEX IF EXISTS product_name_order_idx",
        "CREATE INDEX product_name_order_idx ON products_product "
        "(name COLLATE products_name_order, id)",
    ]
    for statement in statements:
        schema_editor.execute(statement)


def _postgresql_backward(schema_editor) -> None:
    for statement in [
        "DROP INDEX IF EXISTS product_name_order_idx",
        "CREATE INDEX product_name_order_idx ON products_product (name, id)",
        "DROP COLLATION IF EXISTS products_name_order",
        _vector_function(OLD_DOCUMENT),
        f"UPDATE products_product SET search_vector = {OLD_DOCUMENT.format(row='')} "
        f"WHERE {NOT_ASCII}",
        "DROP FUNCTION IF EXISTS products_unaccent(text)",
    ]:
        schema_editor.execute(statement)


COLUMNS = ("sku", "name", "description")
WORDS = "products_fulltext_words"
TRIGRAMS = "products_fulltext_trigrams"


def _sqlite_tables(tokenizer: str) -> list[str]:
    columns = ", ".join(COLUMNS)

    def values(row: str) -> str:
        return ", ".join(f"{row}.{column}" for column in COLUMNS)

    insert = " ".join(
        f"INSERT INTO {table}(rowid, {columns}) VALUES (new.id, {values('new')});"
        for table in (WORDS, TRIGRAMS)
    )
    delete = " ".join(
        f"INSERT INTO {table}({table}, rowid, {columns}) "
        f"VALUES ('delete', old.id, {values('old')});"
        for table in (WORDS, TRIGRAMS)
    )
    changed = " OR ".join(f"old.{column} IS NOT new.{column}" for column in COLUMNS)
    return [
        "DROP TRIGGER IF EXISTS products_fulltext_update",
        "DROP TRIGGER IF EXISTS products_fulltext_delete",
        "DROP TRIGGER IF EXISTS products_fulltext_insert",
        f"DROP TABLE IF EXISTS {WORDS}",
        f"CREATE VIRTUAL TABLE {WORDS} USING fts5({columns}, content='products_product', "
        f"content_rowid='id', tokenize='{tokenizer}', prefix='1 2 3')",
        f"INSERT INTO {WORDS}({WORDS}) VALUES ('rebuild')",
        "CREATE TRIGGER products_fulltext_insert AFTER INSERT ON products_product "
        f"BEGIN {insert} END",
        "CREATE TRIGGER products_fulltext_delete AFTER DELETE ON products_product "
        f"BEGIN {delete} END",
        f"CREATE TRIGGER products_fulltext_update AFTER UPDATE OF {columns} ON products_product "
        f"WHEN {changed} BEGIN {delete} {insert} END",
    ]


def _run(postgresql, sqlite_tokenizer: str):
    def run(apps, schema_editor) -> None:
        if is_postgresql(schema_editor.connection):
            postgresql(schema_editor)
            return
        # The triggers are absent while a bulk import holds them dropped: it recreates them
        # (and rebuilds the tables) from its own saved definitions, so keep it that way.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'products_fulltext_%'"
            )
            kept = cursor.fetchone()[0] > 0
        for statement in _sqlite_tables(sqlite_tokenizer):
            if kept or "TRIGGER products_fulltext" not in statement or "DROP" in statement:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("products", "0012_product_changes")]

    operations = [
        migrations.RunPython(
            _run(_postgresql_forward, "unicode61 remove_diacritics 2"),
            _run(_postgresql_backward, "unicode61 remove_diacritics 0"),
        )
    ]
