"""Which transaction wrote each data version row (PostgreSQL), so an import can tell its own
writes from anyone else's (``products/data_version.py``).

``pg_current_xact_id()`` is the top-level transaction's id, also inside a savepoint. Rows
written before this migration, and the rows ``counts.compact()`` folds, keep no writer that
matters (NULL, or the folding transaction's). SQLite has one writer at a time: nothing to add.
"""

from django.db import migrations

PG_CREATE = [
    "ALTER TABLE products_data_version ADD COLUMN txid xid8",
    "ALTER TABLE products_data_version ALTER COLUMN txid SET DEFAULT pg_current_xact_id()",
]
PG_DROP = ["ALTER TABLE products_data_version DROP COLUMN IF EXISTS txid"]


def _run(statements: list[str]):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("products", "0016_change_trigger_memory")]

    operations = [migrations.RunPython(_run(PG_CREATE), _run(PG_DROP))]
