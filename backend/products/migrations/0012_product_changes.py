"""The product change feed (``productChanges``): every create, update and delete of a product,
from any writer, recorded by triggers on the product table, in commit order.

PostgreSQL: statement-level triggers (one ``INSERT ... SELECT`` from the transition table per
writing statement, so an import chunk pays one statement, not one per row) add a row per
product changed to ``products_change``, keyed by the writing transaction's id, and a row for
the transaction to ``products_change_commit``. A deferred constraint trigger on that row runs
at COMMIT: it takes a transaction-level advisory lock and gives the transaction the next
position. The lock is held until the transaction has committed, so positions are handed out
in commit order: a reader that sees position P sees every smaller position too, and a
transaction still in flight always gets a larger position than any a reader has seen.

SQLite (the embedded mode) has one writer at a time (transactions are IMMEDIATE): row-level
triggers add the rows with an AUTOINCREMENT id, which is the position.
"""

from django.db import migrations

LOCK_KEY = 0x70726F646368  # "prodch"
# An update is a change when it writes a value a client sees (not only bookkeeping columns
# such as the import hash or the search document).
PUBLIC = "sku, name, description, active"
CHANGED_SQLITE = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in PUBLIC.split(", "))

PG_CREATE = [
    """
    CREATE TABLE products_change (
        id bigserial PRIMARY KEY, txid xid8 NOT NULL, product_id bigint NOT NULL,
        sku text NOT NULL, kind smallint NOT NULL
    )
    """,
    "CREATE INDEX products_change_txid_idx ON products_change (txid, id)",
    """
    CREATE TABLE products_change_commit (
        txid xid8 PRIMARY KEY, position bigint UNIQUE, committed_at timestamptz
    )
    """,
    "CREATE SEQUENCE products_change_position",
    # The last change removed after its retention (position, id): a cursor before it is
    # refused.
    "CREATE TABLE products_change_horizon (id integer PRIMARY KEY, position bigint NOT NULL, "
    "change_id bigint NOT NULL)",
    "INSERT INTO products_change_horizon (id, position, change_id) VALUES (1, 0, 0)",
    *(
        f"""
        CREATE FUNCTION products_change_{name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO products_change (txid, product_id, sku, kind)
            SELECT pg_current_xact_id(), id, {"n." if kind == 2 else ""}sku, {kind} FROM {rows};
            IF FOUND THEN
                INSERT INTO products_change_commit (txid) VALUES (pg_current_xact_id())
                ON CONFLICT DO NOTHING;
            END IF;
            RETURN NULL;
        END $$
        """
        for name, kind, rows in (
            ("insert", 1, "new_rows"),
            # Only rows whose values a client sees changed (not bookkeeping columns alone).
            ("update", 2, "new_rows n JOIN old_rows o USING (id) WHERE (n.sku, n.name, "
             "n.description, n.active) IS DISTINCT FROM (o.sku, o.name, o.description, "
             "o.active)"),
            ("delete", 3, "old_rows"),
        )
    ),
    """
    CREATE TRIGGER products_change_insert AFTER INSERT ON products_product
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION products_change_insert()
    """,
    """
    CREATE TRIGGER products_change_update AFTER UPDATE ON products_product
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION products_change_update()
    """,
    """
    CREATE TRIGGER products_change_delete AFTER DELETE ON products_product
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION products_change_delete()
    """,
    f"""
    CREATE FUNCTION products_change_position() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_advisory_xact_lock({LOCK_KEY});
        UPDATE products_change_commit
        SET position = nextval('products_change_position'), committed_at = clock_timestamp()
        WHERE txid = NEW.txid;
        RETURN NULL;
    END $$
    """,
    """
    CREATE CONSTRAINT TRIGGER products_change_position AFTER INSERT ON products_change_commit
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION products_change_position()
    """,
]
PG_DROP = [
    "DROP TRIGGER IF EXISTS products_change_insert ON products_product",
    "DROP TRIGGER IF EXISTS products_change_update ON products_product",
    "DROP TRIGGER IF EXISTS products_change_delete ON products_product",
    "DROP TABLE IF EXISTS products_change_commit",
    "DROP TABLE IF EXISTS products_change",
    "DROP TABLE IF EXISTS products_change_horizon",
    "DROP SEQUENCE IF EXISTS products_change_position",
    "DROP FUNCTION IF EXISTS products_change_insert()",
    "DROP FUNCTION IF EXISTS products_change_update()",
    "DROP FUNCTION IF EXISTS products_change_delete()",
    "DROP FUNCTION IF EXISTS products_change_position()",
]
_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
SQLITE_CREATE = [
    """
    CREATE TABLE products_change (
        id integer PRIMARY KEY AUTOINCREMENT, product_id bigint NOT NULL, sku text NOT NULL,
        kind smallint NOT NULL, committed_at text NOT NULL
    )
    """,
    "CREATE INDEX products_change_committed_idx ON products_change (committed_at)",
    "CREATE TABLE products_change_horizon (id integer PRIMARY KEY, position bigint NOT NULL, "
    "change_id bigint NOT NULL)",
    "INSERT INTO products_change_horizon (id, position, change_id) VALUES (1, 0, 0)",
    *(
        f"CREATE TRIGGER products_change_{name} AFTER {event} ON products_product {when}"
        f"BEGIN INSERT INTO products_change (product_id, sku, kind, committed_at) "
        f"VALUES ({row}.id, {row}.sku, {kind}, {_NOW}); END"
        for name, event, when, kind, row in (
            ("insert", "INSERT", "", 1, "NEW"),
            ("update", f"UPDATE OF {PUBLIC}", f"WHEN {CHANGED_SQLITE} ", 2, "NEW"),
            ("delete", "DELETE", "", 3, "OLD"),
        )
    ),
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS products_change_insert",
    "DROP TRIGGER IF EXISTS products_change_update",
    "DROP TRIGGER IF EXISTS products_change_delete",
    "DROP TABLE IF EXISTS products_change",
    "DROP TABLE IF EXISTS products_change_horizon",
]


def _run(pg: list[str], sqlite: list[str]):
    def run(apps, schema_editor) -> None:
        vendor = schema_editor.connection.vendor
        for statement in pg if vendor == "postgresql" else sqlite:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("products", "0011_product_import_hash")]

    operations = [migrations.RunPython(_run(PG_CREATE, SQLITE_CREATE), _run(PG_DROP, SQLITE_DROP))]
