"""The change feed's UPDATE trigger pairs old and new rows with a hash join even inside an
import's chunk, whose statements run with hash and merge joins turned off (a nested loop
over two index-less transition tables is quadratic in the rows of the statement), and
whatever size the session's first update had."""

import pytest
from django.db import connection

from imports.pipeline.writers import postgresql_sql as sql
from products.tests.factories import make_products

pytestmark = [pytest.mark.production_only, pytest.mark.django_db]


def trigger_plans(statement: str) -> list[str]:
    """The plans auto_explain reports for the statements run by `statement`'s triggers."""
    with connection.cursor() as cursor:
        cursor.execute("LOAD 'auto_explain'")
        for name, value in (("log_min_duration", "0"), ("log_nested_statements", "on")):
            cursor.execute("SELECT set_config(%s, %s, true)", [f"auto_explain.{name}", value])
        cursor.execute("SET LOCAL client_min_messages = log")
        del connection.connection.notices[:]
        cursor.execute(statement)
        cursor.execute("SET LOCAL client_min_messages = notice")
        return [n for n in connection.connection.notices if "old_rows" in n]


def test_the_pairing_is_a_hash_join_under_an_imports_join_settings():
    first, *_ = make_products(200)
    with connection.cursor() as cursor:
        # A one-row update first: a plan cached for the session would be planned for it.
        cursor.execute("UPDATE products_product SET name = 'one' WHERE id = %s", [first.id])
        cursor.execute(sql.NESTED_LOOPS_ONLY)

    plans = trigger_plans("UPDATE products_product SET name = name || ' new'")

    assert len(plans) == 1, plans
    assert "Hash Join" in plans[0] and "Nested Loop" not in plans[0], plans[0]
