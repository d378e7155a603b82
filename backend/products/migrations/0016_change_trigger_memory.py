"""PostgreSQL only: the change feed's UPDATE trigger pairs a chunk's old and new rows in
memory.

With the server's default ``work_mem`` (4 MB), pairing the rows of a 25,000-product update
(a removal's chunk) sorted both sides in temporary files: about a fifth of the chunk's time.
The function's own setting (restored when it returns) lets the pairing hash one side in
memory.
"""

from django.db import migrations

from core.pg_migrations import postgresql_only

FORWARD = ["ALTER FUNCTION products_change_update() SET work_mem = '64MB'"]
BACKWARD = ["ALTER FUNCTION products_change_update() RESET work_mem"]


class Migration(migrations.Migration):
    dependencies = [("products", "0015_description_vector")]

    operations = [postgresql_only(FORWARD, BACKWARD)]
