"""SQLite (embedded mode) only: FTS5 indexes of SKU, name and description, kept by triggers.

* ``products_fulltext_words``: one token per run of letters and digits (``unicode61``,
  case-folded, accents kept), with prefix indexes of 1-3 characters: the search box
  (``products/fulltext.py``).
* ``products_fulltext_trigrams``: the ``trigram`` tokenizer (case-folded): ``iContains`` of
  three characters or more.

Both are external-content tables over ``products_product`` (no second copy of the text);
triggers keep them in step with every write, whichever code writes (the import's
``executemany``/``ON CONFLICT`` included). Migrating a populated database fills them from
the existing rows (``rebuild``).

Keep in mind: a later migration that makes SQLite rebuild ``products_product`` (an
``AlterField`` it cannot do in place) drops these triggers with the old table; a test checks
that they exist after every migration.
"""

from django.db import migrations

COLUMNS = ("sku", "name", "description")
TABLES = {
    "products_fulltext_words": "unicode61 remove_diacritics 0",
    "products_fulltext_trigrams": "trigram",
}


def _values(row: str) -> str:
    return ", ".join(f"{row}.{column}" for column in COLUMNS)


def _create() -> list[str]:
    statements = []
    insert, delete = [], []
    columns = ", ".join(COLUMNS)
    for table, tokenizer in TABLES.items():
        prefix = ", prefix='1 2 3'" if table.endswith("words") else ""
        statements.append(
            f"CREATE VIRTUAL TABLE {table} USING fts5({columns}, content='products_product', "
            f"content_rowid='id', tokenize='{tokenizer}'{prefix})"
        )
        statements.append(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
        insert.append(f"INSERT INTO {table}(rowid, {columns}) VALUES (new.id, {_values('new')});")
        delete.append(
            f"INSERT INTO {table}({table}, rowid, {columns}) "
            f"VALUES ('delete', old.id, {_values('old')});"
        )
    changed = " OR ".join(f"old.{column} IS NOT new.{column}" for column in COLUMNS)
    statements += [
        "CREATE TRIGGER products_fulltext_insert AFTER INSERT ON products_product "
        f"BEGIN {' '.join(insert)} END",
        "CREATE TRIGGER products_fulltext_delete AFTER DELETE ON products_product "
        f"BEGIN {' '.join(delete)} END",
        f"CREATE TRIGGER products_fulltext_update AFTER UPDATE OF {columns} ON products_product "
        f"WHEN {changed} BEGIN {' '.join(delete)} {' '.join(insert)} END",
    ]
    return statements


DROP = [
    "DROP TRIGGER IF EXISTS products_fulltext_update",
    "DROP TRIGGER IF EXISTS products_fulltext_delete",
    "DROP TRIGGER IF EXISTS products_fulltext_insert",
    *(f"DROP TABLE IF EXISTS {table}" for table in TABLES),
]


def _run(statements: list[str]):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor != "sqlite":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("products", "0006_data_version")]

    operations = [migrations.RunPython(_run(_create()), _run(DROP))]
