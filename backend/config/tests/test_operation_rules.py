"""Every root field has a rule, and every role gets exactly what its rule says."""

import io
from typing import Any

import pytest
from django.test import Client
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
)
from strawberry.permission import PermissionExtension

from accounts.models import ApiToken, Invitation, User
from accounts.permissions import Allowed
from accounts.roles import OPERATIONS, Role
from config.schema import schema
from conftest import GraphQLClient
from exports.models import ExportJob
from imports.models import ImportJob
from products.models import Product
from webhooks.models import Webhook

ROOTS = ("Query", "Mutation", "Subscription")
SCALARS = {
    "ID": "UHJvZHVjdDox",
    "String": "x",
    "Int": 1,
    "Float": 1.0,
    "Boolean": False,
    "DateTime": "2030-01-01T00:00:00+00:00",
    "Date": "2030-01-01",
    "JSON": {},
    "Decimal": "1",
}


def _graphql_schema() -> GraphQLSchema:
    return schema._schema


def _root_fields() -> list[tuple[str, str]]:
    graphql = _graphql_schema()
    out = []
    for root in ROOTS:
        kind = graphql.get_type(root)
        out += [(root, name) for name in kind.fields] if kind else []
    return out


def _type_text(kind: Any) -> str:
    if isinstance(kind, GraphQLNonNull):
        return _type_text(kind.of_type) + "!"
    if isinstance(kind, GraphQLList):
        return f"[{_type_text(kind.of_type)}]"
    return kind.name


def _value(kind: Any) -> Any:
    if isinstance(kind, GraphQLNonNull):
        return _value(kind.of_type)
    if isinstance(kind, GraphQLList):
        return [_value(kind.of_type)]
    if isinstance(kind, GraphQLEnumType):
        return next(iter(kind.values))
    if isinstance(kind, GraphQLInputObjectType):
        return {
            name: _value(field.type)
            for name, field in kind.fields.items()
            if isinstance(field.type, GraphQLNonNull)
        }
    assert isinstance(kind, GraphQLScalarType)
    return SCALARS[kind.name]


def _call(client: GraphQLClient, root: str, name: str) -> dict[str, Any]:
    field = _graphql_schema().get_type(root).fields[name]
    variables, files, params, args = {}, {}, [], []
    for arg_name, arg in field.args.items():
        named = arg.type.of_type if isinstance(arg.type, GraphQLNonNull) else arg.type
        if not isinstance(arg.type, GraphQLNonNull):
            continue
        params.append(f"${arg_name}: {_type_text(arg.type)}")
        args.append(f"{arg_name}: ${arg_name}")
        if getattr(named, "name", "") == "Upload":
            files[arg_name] = io.BytesIO(b"sku,name\nA,B\n")
            files[arg_name].name = "p.csv"
        else:
            variables[arg_name] = _value(arg.type)
    returned = field.type
    while isinstance(returned, (GraphQLNonNull, GraphQLList)):
        returned = returned.of_type
    leaf = isinstance(returned, (GraphQLScalarType, GraphQLEnumType))
    selection = "" if leaf else "{ __typename }"
    head = f"{root.lower()}({', '.join(params)})" if params else root.lower()
    call = f"{name}({', '.join(args)})" if args else name
    return client.query(f"{head} {{ {call} {selection} }}", variables, files=files or None)


def _codes(result: dict[str, Any]) -> set[str]:
    return {error.get("extensions", {}).get("code") for error in result.get("errors") or []}


def test_every_root_field_has_a_rule_and_the_permission_class():
    missing = [name for _, name in _root_fields() if name not in OPERATIONS]
    assert missing == [], f"root fields without a rule in accounts/roles.py: {missing}"
    type_map = {
        "Query": schema.query, "Mutation": schema.mutation, "Subscription": schema.subscription
    }
    for root, name in _root_fields():
        if OPERATIONS[name].role is None:
            continue
        definition = type_map[root].__strawberry_definition__
        convert = schema.config.name_converter.get_graphql_name
        field = next(f for f in definition.fields if convert(f) == name)
        guards = [
            permission
            for extension in field.extensions
            if isinstance(extension, PermissionExtension)
            for permission in extension.permissions
        ]
        assert any(isinstance(guard, Allowed) for guard in guards), f"{name} is not guarded"


def test_a_root_field_without_a_rule_is_refused(clients, monkeypatch):
    monkeypatch.delitem(OPERATIONS, "products")

    result = clients[Role.ADMIN].query("{ products(first: 1) { totalCount } }")

    [error] = result["errors"]
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert "no permission rule" in error["message"]


@pytest.fixture
def clients(db, django_user_model) -> dict[Role, GraphQLClient]:
    out = {}
    for role in Role:
        person = django_user_model.objects.create_user(
            username=role.name.lower(), password="pw-secret-123", role=role.name.lower()
        )
        client = Client()
        client.force_login(person)
        out[role] = GraphQLClient(client)
    return out


def _counts() -> dict[str, int]:
    models = (Product, Webhook, ApiToken, Invitation, ImportJob, ExportJob)
    return {
        **{model.__name__: model.objects.count() for model in models},
        "active admins": User.objects.filter(role="admin", is_active=True).count(),
    }


@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.name.lower())
def test_each_role_gets_forbidden_exactly_where_its_rule_says(clients, role, settings):
    settings.EMAIL_DELIVERY = "none"
    Product.objects.create(sku="KEEP", name="Keep me")
    for root, name in _root_fields():
        rule = OPERATIONS[name]
        if rule.role is None or root == "Subscription":
            continue  # public, or not callable over HTTP (checked statically above)
        before = _counts()
        result = _call(clients[role], root, name)
        forbidden = "FORBIDDEN" in _codes(result)
        assert forbidden == (role < rule.role), (name, role, result)
        if forbidden:
            [error] = [e for e in result["errors"] if e["extensions"]["code"] == "FORBIDDEN"]
            assert rule.role.label in error["message"]
            assert error["extensions"]["requiredRole"] == rule.role.name
            assert _counts() == before, name  # refused: nothing changed
