"""PostgreSQL only: the change feed's UPDATE trigger plans its pairing of rows at each call.

The trigger pairs the statement's old and new rows (transition tables, which have no index)
by id. PL/pgSQL caches a statement's plan for the session, planned for the row count of the
first call, and an import's chunk statements run with hash and merge joins turned off (index
probes are what they want), which a trigger inherits. Either way the pairing could become a
nested loop, quadratic in the rows of the statement: a 5,000-row update took 2.2 s instead
of 0.5 s, and an import that updates every product spent most of its time there. The
function now runs the pairing as dynamic SQL, planned for each call's row count, with its own
join settings.
"""

from django.db import migrations

from core.databases import is_postgresql

PAIRS = (
    "INSERT INTO products_change (txid, product_id, sku, kind) "
    "SELECT pg_current_xact_id(), id, n.sku, 2 FROM new_rows n JOIN old_rows o USING (id) "
    "WHERE (n.sku, n.name, n.description, n.active) "
    "IS DISTINCT FROM (o.sku, o.name, o.description, o.active)"
)
COMMIT_ROW = (
    "INSERT INTO products_change_commit (txid) VALUES (pg_current_xact_id()) "
    "ON CONFLICT DO NOTHING"
)

FORWARD = [
    f"""
    CREATE OR REPLACE FUNCTION products_change_update() RETURNS trigger LANGUAGE plpgsql
    SET enable_hashjoin = on SET enable_mergejoin = on AS $$
    DECLARE
        changed bigint;
    BEGIN
        EXECUTE '{PAIRS}';
        GET DIAGNOSTICS changed = ROW_COUNT;
        IF changed > 0 THEN
            {COMMIT_ROW};
        END IF;
        RETURN NULL;
    END $$
    """,
]
BACKWARD = [
    f"""
    CREATE OR REPLACE FUNCTION products_change_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {PAIRS};
        IF FOUND THEN
            {COMMIT_ROW};
        END IF;
        RETURN NULL;
    END $$
    """,
    "ALTER FUNCTION products_change_update() RESET ALL",
]


def _run(statements: list[str]):
    def run(apps, schema_editor) -> None:
        if is_postgresql(schema_editor.connection):
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("products", "0013_accents_and_name_order")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
