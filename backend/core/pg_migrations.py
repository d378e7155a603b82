"""A migration operation for raw SQL that only PostgreSQL runs (SQLite skips it)."""

from collections.abc import Sequence

from django.db import migrations

from core.databases import is_postgresql


def postgresql_only(forward: Sequence[str], backward: Sequence[str]) -> migrations.RunPython:
    """Run the ``forward`` statements on PostgreSQL (``backward`` to unapply); skip elsewhere."""

    def runner(statements: Sequence[str]):
        def run(apps, schema_editor) -> None:
            if not is_postgresql(schema_editor.connection):
                return
            for statement in statements:
                schema_editor.execute(statement)

        return run

    return migrations.RunPython(runner(forward), runner(backward))
