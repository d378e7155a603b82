"""The product table's database-specific SQL, one object per database.

``base.ProductDatabase`` is the interface; ``postgresql.PostgresDatabase`` and
``sqlite.SqliteDatabase`` implement it; ``for_connection`` picks one, the only place in the
products app (its frozen migrations aside) that asks which database it runs on.
"""

from __future__ import annotations

from django.db import connection as default_connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created

from core.databases import is_postgresql
from products.databases.base import Definition, ProductDatabase
from products.databases.postgresql import PostgresDatabase
from products.databases.sqlite import SqliteDatabase

__all__ = ["Definition", "ProductDatabase", "for_connection", "install"]


def for_connection(connection: BaseDatabaseWrapper | None = None) -> ProductDatabase:
    """The product table's SQL for ``connection`` (Django's default connection when None)."""
    if connection is None:
        connection = default_connection
    if is_postgresql(connection):
        return PostgresDatabase(connection)
    return SqliteDatabase(connection)  # the settings allow no third database


def _prepare(sender: object, connection: BaseDatabaseWrapper, **kwargs: object) -> None:
    for_connection(connection).prepare_connection()


def install() -> None:
    """Set up every new database connection for the product lookups (app start)."""
    connection_created.connect(_prepare, dispatch_uid="products_databases")
