"""Row-level count triggers that a bulk writer can take over (PostgreSQL only).

Migration 0003's statement-level triggers captured every written row in transition tables,
which doubled the cost of a large import. These row-level triggers record each single change
as before, but stand aside when the writing transaction has set
``products.counts_by_caller = 'on'``: bulk writers (the CSV import, delete-all) then add the
exact deltas themselves in the same transaction (``products/counts.py``).
"""

from django.db import migrations

from core.pg_migrations import postgresql_only

NOT_TAKEN_OVER = "current_setting('products.counts_by_caller', true) IS DISTINCT FROM 'on'"

CREATE = [
    "DROP TRIGGER IF EXISTS products_count_insert ON products_product",
    "DROP TRIGGER IF EXISTS products_count_delete ON products_product",
    "DROP TRIGGER IF EXISTS products_count_update ON products_product",
    "DROP FUNCTION IF EXISTS products_count_after_insert()",
    "DROP FUNCTION IF EXISTS products_count_after_delete()",
    "DROP FUNCTION IF EXISTS products_count_after_update()",
    """
    CREATE FUNCTION products_count_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            INSERT INTO products_count_delta (active, delta) VALUES (OLD.active, -1);
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
            INSERT INTO products_count_delta (active, delta) VALUES (NEW.active, 1);
        END IF;
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE TRIGGER products_count_insert AFTER INSERT ON products_product
    FOR EACH ROW WHEN ({NOT_TAKEN_OVER}) EXECUTE FUNCTION products_count_row()
    """,
    f"""
    CREATE TRIGGER products_count_delete AFTER DELETE ON products_product
    FOR EACH ROW WHEN ({NOT_TAKEN_OVER}) EXECUTE FUNCTION products_count_row()
    """,
    f"""
    CREATE TRIGGER products_count_update AFTER UPDATE OF active ON products_product
    FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active AND {NOT_TAKEN_OVER})
    EXECUTE FUNCTION products_count_row()
    """,
]
DROP = [
    "DROP TRIGGER IF EXISTS products_count_insert ON products_product",
    "DROP TRIGGER IF EXISTS products_count_delete ON products_product",
    "DROP TRIGGER IF EXISTS products_count_update ON products_product",
    "DROP FUNCTION IF EXISTS products_count_row()",
]


class Migration(migrations.Migration):
    dependencies = [("products", "0003_product_counts")]

    operations = [postgresql_only(CREATE, DROP)]
