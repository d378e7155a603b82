"""The public operations other apps rely on (docs/api/operations.graphql) fit the schema.

The file is the project's copy of the shared contract; it is refreshed when the shared one
changes (see docs/api/README.md) so that a clone of this repository alone can check it.
"""

from pathlib import Path

from django.conf import settings
from graphql import build_schema, parse, validate

from config.schema import schema

OPERATIONS = Path(settings.REPO_DIR, "docs", "api", "operations.graphql")


def test_every_public_operation_validates_against_the_generated_schema_file():
    generated = build_schema(Path(settings.REPO_DIR, "schema.graphql").read_text())
    document = parse(OPERATIONS.read_text())

    problems = validate(generated, document)

    assert len(document.definitions) >= 30
    assert [error.message for error in problems] == []


def test_every_public_operation_validates_against_the_schema_in_the_code():
    document = parse(OPERATIONS.read_text())

    problems = validate(schema._schema, document)

    assert [error.message for error in problems] == []


def test_a_removed_field_would_be_noticed():
    # The check above cannot pass vacuously: an operation asking for a field the schema lacks
    # is reported.
    generated = build_schema(Path(settings.REPO_DIR, "schema.graphql").read_text())

    problems = validate(generated, parse("query { products(first: 1) { noSuchField } }"))

    assert problems and "noSuchField" in problems[0].message
