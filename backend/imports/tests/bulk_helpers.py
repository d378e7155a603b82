"""What the bulk-path tests compare: the product table's indexes (or FTS5 triggers), and
whether the per-`active` counts match the rows."""

from django.db import connection

from products import counts
from products.models import Product


def table_schema() -> list[tuple]:
    """Every index of the product table with its definition (PostgreSQL's `pg_indexes`), or on
    SQLite every index and trigger of it (`sqlite_master`)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = "
                "'products_product' ORDER BY indexname"
            )
        else:
            cursor.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'products_product' "
                "ORDER BY type, name"
            )
        return cursor.fetchall()


def counts_exact() -> bool:
    """Whether `products.counts` agrees with the rows, per `active` value and in total."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(*) FILTER (WHERE NOT active) FROM products_product"
        )
        rows, inactive = cursor.fetchone()
    return (
        counts.product_count(Product.objects.all()),
        counts.product_count(Product.objects.filter(active=False)),
    ) == (rows, inactive)
