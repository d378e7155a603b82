"""Checks of the stored search columns (PostgreSQL) for tests."""

from django.db import connection

DOCUMENT = (
    "strip(to_tsvector('simple'::regconfig, regexp_replace(products_unaccent("
    "{0} || ' ' || {1} || ' ' || {2}), '[^[:alnum:]]+', ' ', 'g')))"
)
DESCRIPTION_DOCUMENT = (
    "strip(to_tsvector('simple'::regconfig, regexp_replace(products_unaccent("
    "{0}), '[^[:alnum:]]+', ' ', 'g')))"
)


def mismatched() -> list[str]:
    """SKUs whose stored vectors (``search_vector``, ``description_vector``) are not the ones
    of their text."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sku FROM products_product WHERE search_vector IS DISTINCT FROM "
            + DOCUMENT.format("sku", "name", "description")
            + " OR description_vector IS DISTINCT FROM "
            + DESCRIPTION_DOCUMENT.format("description")
            + " ORDER BY sku"
        )
        return [row[0] for row in cursor.fetchall()]


def stored_vector(sku: str, column: str = "search_vector") -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column}::text FROM products_product WHERE sku = %s", [sku])
        return cursor.fetchone()[0]
