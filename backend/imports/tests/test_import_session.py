"""The embedded mode tunes the import's own connection while it runs, and only then."""

import pytest
from django.db import connection

from imports.pipeline import databases

pytestmark = pytest.mark.django_db(transaction=True)  # as a worker runs: no outer transaction


def settings_now() -> dict:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW synchronous_commit")
            return {"synchronous_commit": cursor.fetchone()[0]}
        values = {}
        for name in (*databases.IMPORT_PRAGMAS, "synchronous", "journal_mode"):
            cursor.execute(f"PRAGMA {name}")
            values[name] = cursor.fetchone()[0]
        return values


def test_the_import_session_sets_its_pragmas_and_puts_the_connections_back():
    before = settings_now()

    with databases.current().import_session():
        during = settings_now()

    assert settings_now() == before
    if connection.vendor == "sqlite":
        assert {name: during[name] for name in databases.IMPORT_PRAGMAS} == (
            databases.IMPORT_PRAGMAS
        )
        assert before["cache_size"] != during["cache_size"]
        assert (during["synchronous"], during["journal_mode"]) == (1, "wal")  # NORMAL
    else:
        assert during == before  # the server's settings serve the import


@pytest.mark.django_db
def test_inside_a_transaction_the_session_still_runs_and_puts_the_settings_back(run_import):
    before = settings_now()
    job = run_import(b"sku,name\na,A\n")
    assert job.created_count == 1
    assert settings_now() == before


def test_the_settings_are_put_back_when_the_import_fails():
    before = settings_now()
    with pytest.raises(RuntimeError), databases.current().import_session():
        raise RuntimeError("the import failed")
    assert settings_now() == before
