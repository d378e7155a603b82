"""Every query and mutation answers a coded error or data, never INTERNAL_SERVER_ERROR.

The operations are read from the schema itself, so an operation added later is checked too.
Each is called by a signed-in user twice: with only its required arguments (placeholder
values built from their types), and with every optional argument and every optional input
field sent as an explicit ``null``. Subscriptions are left out: they run over the WebSocket,
and the one there is (``importProgress``) takes only a required id, which its own tests
cover.
"""

import io
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    get_named_type,
    is_leaf_type,
)

from config.schema import schema

GRAPHQL = schema._schema
SCALAR_PLACEHOLDERS: dict[str, Any] = {
    "String": "x",
    "Int": 1,
    "Float": 1.0,
    "Boolean": False,
    # A syntactically bad id: every operation taking one must refuse it with a code.
    "ID": "x",
    "Date": "2024-01-02",
    "DateTime": "2024-01-02T03:04:05+00:00",
    "Time": "03:04:05",
    "JSON": {},
}
UPLOAD = "Upload"
CSV_FILE = b"sku,name,description\nSKU-1,A name,A description\n"


def placeholder(type_: GraphQLInputType, with_nulls: bool) -> Any:
    """A value of ``type_``: required input fields filled, optional ones null or left out."""
    if isinstance(type_, GraphQLNonNull):
        return placeholder(type_.of_type, with_nulls)
    if isinstance(type_, GraphQLList):
        return [placeholder(type_.of_type, with_nulls)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLScalarType):
        return SCALAR_PLACEHOLDERS[type_.name]
    assert isinstance(type_, GraphQLInputObjectType)
    if type_.is_one_of:
        name, field = next(iter(type_.fields.items()))
        return {name: placeholder(field.type, with_nulls)}
    value = {}
    for name, field in type_.fields.items():
        if isinstance(field.type, GraphQLNonNull):
            value[name] = placeholder(field.type, with_nulls)
        elif with_nulls:
            value[name] = None
    return value


def operation_document(
    kind: str, name: str, field: GraphQLField, with_nulls: bool
) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """The document, its variables and its files for one call of ``name``."""
    declarations, arguments = [], []
    variables: dict[str, Any] = {}
    files: dict[str, Any] = {}
    for arg_name, arg in field.args.items():
        required = isinstance(arg.type, GraphQLNonNull)
        if not required and not with_nulls:
            continue
        declarations.append(f"${arg_name}: {arg.type}")
        arguments.append(f"{arg_name}: ${arg_name}")
        if get_named_type(arg.type).name == UPLOAD:
            files[arg_name] = io.BytesIO(CSV_FILE)
            files[arg_name].name = "products.csv"
        elif required:
            variables[arg_name] = placeholder(arg.type, with_nulls)
        else:
            variables[arg_name] = None
    selection = "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"
    header = f"({', '.join(declarations)})" if declarations else ""
    call = f"({', '.join(arguments)})" if arguments else ""
    return f"{kind}{header} {{ {name}{call}{selection} }}", variables, files


OPERATIONS = [
    (kind, name, with_nulls)
    for kind, root in (("query", GRAPHQL.query_type), ("mutation", GRAPHQL.mutation_type))
    for name in root.fields
    for with_nulls in (False, True)
]


@pytest.mark.parametrize(
    ("kind", "name", "with_nulls"),
    OPERATIONS,
    ids=[f"{name}-{'nulls' if nulls else 'required'}" for _, name, nulls in OPERATIONS],
)
def test_operation_answers_without_an_internal_error(gql_client, kind, name, with_nulls):
    root = GRAPHQL.query_type if kind == "query" else GRAPHQL.mutation_type
    document, variables, files = operation_document(kind, name, root.fields[name], with_nulls)

    answer = gql_client.query(document, variables, files=files or None)

    codes = [error.get("extensions", {}).get("code") for error in answer.get("errors", [])]
    assert "INTERNAL_SERVER_ERROR" not in codes, (document, variables, answer)
    # Either data or coded errors came back: the request itself was understood.
    assert answer.get("data") is not None or all(codes), answer


def test_the_placeholders_cover_the_operations():
    # The check above cannot pass vacuously: it calls every query and mutation, among them
    # one with an optional argument left out in the first call.
    names = {name for _, name, _ in OPERATIONS}

    assert {"exportProducts", "importProducts", "products", "createWebhook"} <= names
    document, variables, _ = operation_document(
        "mutation", "exportProducts", GRAPHQL.mutation_type.fields["exportProducts"], False
    )
    assert "filters" not in document and variables == {"format": "CSV"}
