"""PostgreSQL-only: exact product counts kept by statement-level triggers.

``products_count_delta`` receives one row per active value per writing statement (insert,
update of ``active``, delete) with the change in count; ``products/counts.py`` sums it and a
periodic actor folds it into one row per value. Inserting deltas (instead of updating one
counter row) means concurrent writers never wait on each other. Counting a million rows
with ``count(*)`` costs tens of milliseconds per page; the sum costs well under one.
"""

from django.db import migrations

from core.pg_migrations import postgresql_only

CREATE = [
    """
    CREATE TABLE products_count_delta (
        id bigserial PRIMARY KEY,
        active boolean NOT NULL,
        delta bigint NOT NULL
    )
    """,
    """
    INSERT INTO products_count_delta (active, delta)
    SELECT active, count(*) FROM products_product GROUP BY active
    """,
    """
    CREATE FUNCTION products_count_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO products_count_delta (active, delta)
        SELECT active, count(*) FROM new_rows GROUP BY active;
        RETURN NULL;
    END $$
    """,
    """
    CREATE FUNCTION products_count_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO products_count_delta (active, delta)
        SELECT active, -count(*) FROM old_rows GROUP BY active;
        RETURN NULL;
    END $$
    """,
    """
    CREATE FUNCTION products_count_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO products_count_delta (active, delta)
        SELECT active, sum(d) FROM (
            SELECT active, 1 AS d FROM new_rows
            UNION ALL
            SELECT active, -1 AS d FROM old_rows
        ) changes GROUP BY active HAVING sum(d) <> 0;
        RETURN NULL;
    END $$
    """,
    """
    CREATE FUNCTION products_count_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM products_count_delta;
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER products_count_insert AFTER INSERT ON products_product
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION products_count_after_insert()
    """,
    """
    CREATE TRIGGER products_count_delete AFTER DELETE ON products_product
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION products_count_after_delete()
    """,
    """
    CREATE TRIGGER products_count_update AFTER UPDATE ON products_product
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION products_count_after_update()
    """,
    """
    CREATE TRIGGER products_count_truncate AFTER TRUNCATE ON products_product
    FOR EACH STATEMENT EXECUTE FUNCTION products_count_after_truncate()
    """,
]
DROP = [
    "DROP TRIGGER IF EXISTS products_count_truncate ON products_product",
    "DROP TRIGGER IF EXISTS products_count_update ON products_product",
    "DROP TRIGGER IF EXISTS products_count_delete ON products_product",
    "DROP TRIGGER IF EXISTS products_count_insert ON products_product",
    "DROP FUNCTION IF EXISTS products_count_after_truncate()",
    "DROP FUNCTION IF EXISTS products_count_after_update()",
    "DROP FUNCTION IF EXISTS products_count_after_delete()",
    "DROP FUNCTION IF EXISTS products_count_after_insert()",
    "DROP TABLE IF EXISTS products_count_delta",
]


class Migration(migrations.Migration):
    dependencies = [("products", "0002_search_indexes")]

    operations = [postgresql_only(CREATE, DROP)]
