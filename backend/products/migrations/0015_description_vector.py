"""PostgreSQL only: the description's own word index, for the ``descriptionWords`` filter.

* ``description_vector tsvector NOT NULL``: the lexemes of the description alone, made as
  ``search_vector`` makes those of the three columns (letters and digits, accents removed,
  lower-cased, no positions; see ``products/search_document.py``).
* Two BEFORE triggers compute it in the database for a write that does not bring it, as
  those of ``search_vector`` do (migration 0009): an insert without it, an update that
  changes the description and not the vector.
* ``product_description_idx``: a GIN index on the column. A prefix query on it
  (``budg:*``) is answered by the index exactly, with no recheck of the rows.

Why a column of its own rather than weights in ``search_vector`` (``setweight(..., 'C')``
and ``budg:*C``): weights live on positions, which ``search_vector`` leaves out, and a query
with a weight makes PostgreSQL recheck every candidate row's vector (``@@`` on the stored
column for each match). Figures: docs/operations.md, "Upgrading: the description word index".

Migrating a filled table fills the column in one rewrite of the table and its indexes
(``ADD COLUMN ... GENERATED ... STORED``, then ``DROP EXPRESSION``), then builds the index;
on 900,000 products about a minute or two, during which writes to the table wait (see
docs/operations.md, "Upgrading"). SQLite (embedded mode) needs nothing: its FTS5 word index
already holds the description as a column of its own (``products/fulltext.py``).
"""

from django.db import migrations

from core.pg_migrations import postgresql_only

DOCUMENT = (
    "strip(to_tsvector('simple'::regconfig, regexp_replace(products_unaccent("
    "{row}description), '[^[:alnum:]]+', ' ', 'g')))"
)

CREATE = [
    "ALTER TABLE products_product ADD COLUMN description_vector tsvector NOT NULL "
    f"GENERATED ALWAYS AS ({DOCUMENT.format(row='')}) STORED",
    "ALTER TABLE products_product ALTER COLUMN description_vector DROP EXPRESSION",
    f"""
    CREATE FUNCTION products_description_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.description_vector := {DOCUMENT.format(row="NEW.")};
        RETURN NEW;
    END $$
    """,
    "CREATE TRIGGER products_description_vector_insert BEFORE INSERT ON products_product "
    "FOR EACH ROW WHEN (NEW.description_vector IS NULL) "
    "EXECUTE FUNCTION products_description_vector()",
    "CREATE TRIGGER products_description_vector_update "
    "BEFORE UPDATE OF description, description_vector ON products_product "
    "FOR EACH ROW WHEN (NEW.description_vector IS NULL OR ("
    "NEW.description IS DISTINCT FROM OLD.description "
    "AND NEW.description_vector IS NOT DISTINCT FROM OLD.description_vector)) "
    "EXECUTE FUNCTION products_description_vector()",
    "CREATE INDEX product_description_idx ON products_product USING gin (description_vector)",
]
DROP = [
    "DROP INDEX IF EXISTS product_description_idx",
    "DROP TRIGGER IF EXISTS products_description_vector_update ON products_product",
    "DROP TRIGGER IF EXISTS products_description_vector_insert ON products_product",
    "DROP FUNCTION IF EXISTS products_description_vector()",
    "ALTER TABLE products_product DROP COLUMN IF EXISTS description_vector",
]


class Migration(migrations.Migration):
    dependencies = [("products", "0014_change_trigger_join_plan")]

    operations = [postgresql_only(CREATE, DROP)]
