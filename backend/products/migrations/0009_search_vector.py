"""PostgreSQL only: the search box reads a stored ``search_vector`` column, not an expression.

* ``search_vector tsvector NOT NULL``: the lexemes of SKU, name and description (see
  ``products/search_document.py``, which computes the same in Python for the import).
* Two BEFORE triggers compute it in the database for a write that does not bring it: an
  insert without it, an update that changes the text and not the vector. Whatever code
  writes (the ORM, an import's upsert, a revert's raw UPDATE), the column stays right.
* ``product_search_idx`` becomes a GIN index on the column, instead of on the expression
  (migration 0002): building it no longer evaluates the expression per row, and a search
  that matches many rows rechecks the stored vector instead of recomputing it.

Migrating a filled table fills the column in one rewrite of the table (see ``CREATE``).
SQLite (embedded mode) gets nothing here: it keeps its FTS5 tables (migration 0007).
"""

from django.db import migrations

from core.pg_migrations import postgresql_only

DOCUMENT = (
    "strip(to_tsvector('simple'::regconfig, regexp_replace("
    "{row}sku || ' ' || {row}name || ' ' || {row}description, '[^[:alnum:]]+', ' ', 'g')))"
)
OLD_INDEX = (
    "CREATE INDEX IF NOT EXISTS product_search_idx ON products_product USING gin "
    "(to_tsvector('simple'::regconfig, regexp_replace("
    "sku || ' ' || name || ' ' || description, '[^[:alnum:]]+', ' ', 'g')))"
)
TEXT_CHANGED = (
    "(NEW.sku, NEW.name, NEW.description) IS DISTINCT FROM (OLD.sku, OLD.name, OLD.description)"
)

CREATE = [
    # Fill: adding a generated column computes it in the one rewrite of the table (and its
    # indexes), far cheaper than an UPDATE of every row; it then becomes a plain column.
    # The old index goes first, so the rewrite does not rebuild it.
    "DROP INDEX IF EXISTS product_search_idx",
    "ALTER TABLE products_product ADD COLUMN search_vector tsvector NOT NULL "
    f"GENERATED ALWAYS AS ({DOCUMENT.format(row='')}) STORED",
    "ALTER TABLE products_product ALTER COLUMN search_vector DROP EXPRESSION",
    f"""
    CREATE FUNCTION products_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := {DOCUMENT.format(row="NEW.")};
        RETURN NEW;
    END $$
    """,
    "CREATE TRIGGER products_search_vector_insert BEFORE INSERT ON products_product "
    "FOR EACH ROW WHEN (NEW.search_vector IS NULL) EXECUTE FUNCTION products_search_vector()",
    "CREATE TRIGGER products_search_vector_update "
    "BEFORE UPDATE OF sku, name, description, search_vector ON products_product "
    f"FOR EACH ROW WHEN (NEW.search_vector IS NULL OR ({TEXT_CHANGED} "
    "AND NEW.search_vector IS NOT DISTINCT FROM OLD.search_vector)) "
    "EXECUTE FUNCTION products_search_vector()",
    "CREATE INDEX product_search_idx ON products_product USING gin (search_vector)",
]
DROP = [
    "DROP INDEX IF EXISTS product_search_idx",
    "DROP TRIGGER IF EXISTS products_search_vector_update ON products_product",
    "DROP TRIGGER IF EXISTS products_search_vector_insert ON products_product",
    "DROP FUNCTION IF EXISTS products_search_vector()",
    "ALTER TABLE products_product DROP COLUMN IF EXISTS search_vector",
    OLD_INDEX,
]


class Migration(migrations.Migration):
    dependencies = [("products", "0008_product_import_provenance")]

    operations = [postgresql_only(CREATE, DROP)]
