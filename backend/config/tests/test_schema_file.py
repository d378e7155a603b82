"""schema.graphql is generated from the code and must not drift from it."""

from pathlib import Path

from django.conf import settings
from strawberry.printer import print_schema

from config.schema import schema


def test_schema_graphql_matches_the_code():
    committed = Path(settings.REPO_DIR, "schema.graphql").read_text()

    assert committed.strip() == print_schema(schema).strip(), (
        "schema.graphql is stale: run `make schema` and commit it."
    )
