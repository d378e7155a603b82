"""PostgreSQL-only indexes for name iContains and the search box.

* ``product_name_trgm_idx``: trigram GIN on ``UPPER(name)``, the expression Django's
  ``icontains`` compiles to on PostgreSQL.
* ``product_search_idx``: full-text GIN over SKU, name and description, letters and digits
  only ('simple' configuration), for prefix queries; see ``products/search.py``, whose
  ``SEARCH_DOCUMENT`` must stay identical to this expression.

SQLite (embedded mode) gets neither; its searches scan.
"""

from django.db import migrations

from core.pg_migrations import postgresql_only

SEARCH_DOCUMENT = (
    "to_tsvector('simple'::regconfig, regexp_replace("
    "sku || ' ' || name || ' ' || description, '[^[:alnum:]]+', ' ', 'g'))"
)

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS product_name_trgm_idx ON products_product "
    "USING gin (UPPER(name) gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS product_search_idx ON products_product USING gin ({SEARCH_DOCUMENT})",
]
DROP = [
    "DROP INDEX IF EXISTS product_search_idx",
    "DROP INDEX IF EXISTS product_name_trgm_idx",
]


class Migration(migrations.Migration):
    dependencies = [("products", "0001_initial")]

    operations = [postgresql_only(CREATE, DROP)]
