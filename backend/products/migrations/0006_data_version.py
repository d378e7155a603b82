"""The catalogue's data version: bumped by every write to the product table.

``products/count_cache.py`` reuses an exact count only while the version it was counted at
is still current. PostgreSQL: a statement-level trigger (one row per writing statement,
however many products it writes, so bulk writers pay nothing per row) inserts into an
insert-only table, whose sum is the version; concurrent writers never wait on each other,
and ``counts.compact()`` folds the rows. SQLite has only row-level triggers and one writer
at a time: each written row adds one to a single counter row.
"""

from django.db import migrations

PG_CREATE = [
    "CREATE TABLE products_data_version (id bigserial PRIMARY KEY, bumps bigint NOT NULL)",
    "INSERT INTO products_data_version (bumps) VALUES (1)",
    """
    CREATE FUNCTION products_data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO products_data_version (bumps) VALUES (1);
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER products_data_version_write
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON products_product
    FOR EACH STATEMENT EXECUTE FUNCTION products_data_version_bump()
    """,
]
PG_DROP = [
    "DROP TRIGGER IF EXISTS products_data_version_write ON products_product",
    "DROP FUNCTION IF EXISTS products_data_version_bump()",
    "DROP TABLE IF EXISTS products_data_version",
]
_BUMP = "UPDATE products_data_version SET bumps = bumps + 1 WHERE id = 1"
SQLITE_CREATE = [
    "CREATE TABLE products_data_version (id integer PRIMARY KEY, bumps integer NOT NULL)",
    "INSERT INTO products_data_version (id, bumps) VALUES (1, 1)",
    *(
        f"CREATE TRIGGER products_data_version_{event.lower()} AFTER {event} ON "
        f"products_product BEGIN {_BUMP}; END"
        for event in ("INSERT", "UPDATE", "DELETE")
    ),
]
SQLITE_DROP = [
    *(
        f"DROP TRIGGER IF EXISTS products_data_version_{event}"
        for event in ("insert", "update", "delete")
    ),
    "DROP TABLE IF EXISTS products_data_version",
]


def _run(pg: list[str], sqlite: list[str]):
    def run(apps, schema_editor) -> None:
        vendor = schema_editor.connection.vendor
        for statement in pg if vendor == "postgresql" else sqlite:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("products", "0005_inactive_index")]

    operations = [migrations.RunPython(_run(PG_CREATE, SQLITE_CREATE), _run(PG_DROP, SQLITE_DROP))]
