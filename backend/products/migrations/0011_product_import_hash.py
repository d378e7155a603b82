"""The import hash of each product, and the trigger that clears it when values change.

A statement that changes ``sku``, ``name``, ``description`` or ``active`` without setting a
new ``import_hash`` leaves a hash that no longer describes the values: the trigger sets it
to NULL (PostgreSQL: before the row is written, called only when the ``WHEN`` holds;
SQLite: one more ``UPDATE`` of that row after it). An import sets the new hash in the same
statement, so its own writes keep theirs.
"""

from django.db import migrations, models

_CHANGED_PG = (
    "(OLD.sku, OLD.name, OLD.description, OLD.active) IS DISTINCT FROM "
    "(NEW.sku, NEW.name, NEW.description, NEW.active)"
)
PG_CREATE = [
    """
    CREATE FUNCTION products_import_hash_clear() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.import_hash := NULL;
        RETURN NEW;
    END $$
    """,
    f"""
    CREATE TRIGGER products_import_hash_clear
    BEFORE UPDATE OF sku, name, description, active ON products_product
    FOR EACH ROW WHEN (NEW.import_hash IS NOT NULL
        AND NEW.import_hash IS NOT DISTINCT FROM OLD.import_hash AND {_CHANGED_PG})
    EXECUTE FUNCTION products_import_hash_clear()
    """,
]
PG_DROP = [
    "DROP TRIGGER IF EXISTS products_import_hash_clear ON products_product",
    "DROP FUNCTION IF EXISTS products_import_hash_clear()",
]
SQLITE_CREATE = [
    """
    CREATE TRIGGER products_import_hash_clear
    AFTER UPDATE OF sku, name, description, active ON products_product
    WHEN NEW.import_hash IS NOT NULL AND NEW.import_hash IS OLD.import_hash
        AND (NEW.sku IS NOT OLD.sku OR NEW.name IS NOT OLD.name
             OR NEW.description IS NOT OLD.description OR NEW.active IS NOT OLD.active)
    BEGIN
        UPDATE products_product SET import_hash = NULL WHERE id = NEW.id;
    END
    """,
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS products_import_hash_clear"]


def _run(pg: list[str], sqlite: list[str]):
    def run(apps, schema_editor) -> None:
        vendor = schema_editor.connection.vendor
        for statement in pg if vendor == "postgresql" else sqlite:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("products", "0010_product_created_by_import")]

    operations = [
        migrations.AddField(
            model_name="product",
            name="import_hash",
            field=models.BigIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(_run(PG_CREATE, SQLITE_CREATE), _run(PG_DROP, SQLITE_DROP)),
    ]
