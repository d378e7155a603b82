"""Which database a connection talks to: the one place that reads Django's vendor name.

The project runs on PostgreSQL (production) or SQLite (embedded mode) and nothing else
(``config/settings.py`` refuses other URLs). Code whose SQL differs asks here, or, in the
products app, asks the object ``products.databases.for_connection`` returns.
"""

from django.db.backends.base.base import BaseDatabaseWrapper


def is_postgresql(connection: BaseDatabaseWrapper) -> bool:
    """Whether ``connection`` is a PostgreSQL connection (else the embedded SQLite)."""
    return connection.vendor == "postgresql"
