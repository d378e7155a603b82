"""django-db-connection-pool's PostgreSQL backend, with a full pool reported as "unavailable".

SQLAlchemy's pool raises its own ``TimeoutError`` when no connection frees up in time;
Django would let it through as an unexpected error (a 500). It becomes psycopg2's
``OperationalError`` here, which Django turns into ``django.db.OperationalError``: the API
answers it as ``SERVICE_UNAVAILABLE`` (503) like any database outage.
"""

from typing import Any

import psycopg2
from dj_db_conn_pool.backends.postgresql import base
from sqlalchemy.exc import TimeoutError as PoolTimeoutError


class DatabaseWrapper(base.DatabaseWrapper):
    """Connections from the process's pool; a wait past the pool's timeout fails clearly."""

    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        """Take a connection from the pool (made on first use)."""
        try:
            return super().get_new_connection(conn_params)
        except PoolTimeoutError:
            options = self.settings_dict.get("POOL_OPTIONS", {})
            raise psycopg2.OperationalError(
                f"No database connection came free within {options.get('TIMEOUT')} s: all "
                f"{options.get('POOL_SIZE')} connections of this process (DATABASE_POOL_SIZE) "
                "are in use."
            ) from None
