"""Checks of the stored search column (PostgreSQL) for tests."""

from django.db import connection

DOCUMENT = (
    "strip(to_tsvector('simple'::regconfig, regexp_replace(products_unaccent("
    "{0} || ' ' || {1} || ' ' || {2}), '[^[:alnum:]]+', ' ', 'g')))"
)


def mismatched() -> list[str]:
    """SKUs whose stored vector is not the one of their text."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sku FROM products_product WHERE search_vector IS DISTINCT FROM "
            + DOCUMENT.format("sku", "name", "description")
            + " ORDER BY sku"
        )
        return [row[0] for row in cursor.fetchall()]


def stored_vector(sku: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM products_product WHERE sku = %s", [sku])
        return cursor.fetchone()[0]
