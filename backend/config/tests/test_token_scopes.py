"""API tokens with scopes and expiry: never more than the owner's role, refused beyond them."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import ApiToken
from conftest import GraphQLClient
from core.ids import encode_id
from products.models import Product

CREATE = """
mutation($name: String!, $scopes: [ApiTokenScope!], $expiresAt: DateTime) {
  createApiToken(name: $name, scopes: $scopes, expiresAt: $expiresAt) {
    token apiToken { id scopes expiresAt prefix }
  }
}"""
CREATE_PRODUCT = """
mutation { createProduct(input: {sku: "S-1", name: "Shoe"}) {
  ... on Product { sku } ... on OperationInfo { messages { message } } } }"""
PRODUCTS = "{ products(first: 5) { totalCount } }"


def session(person) -> GraphQLClient:
    client = Client()
    client.force_login(person)
    return GraphQLClient(client)


def bearer(token: str) -> GraphQLClient:
    return GraphQLClient(Client(), headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("ed", password="pw-secret-123", role="editor")


def make_token(person, **variables) -> str:
    result = session(person).query(CREATE, {"name": "shop", **variables})
    assert "errors" not in result, result
    return result["data"]["createApiToken"]["token"]


def test_a_read_only_token_reads_but_cannot_write(editor):
    client = bearer(make_token(editor, scopes=["PRODUCTS_READ"]))

    assert client.query(PRODUCTS)["data"]["products"]["totalCount"] == 0
    result = client.query(CREATE_PRODUCT)

    [error] = result["errors"]
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert "'products:write' scope" in error["message"]
    assert not Product.objects.exists()


def test_a_token_without_scopes_keeps_everything_its_owners_role_allows(editor):
    client = bearer(make_token(editor))

    result = client.query(CREATE_PRODUCT)

    assert result["data"]["createProduct"] == {"sku": "S-1"}
    listed = session(editor).query("{ apiTokens { scopes } }")["data"]["apiTokens"]
    assert listed == [{"scopes": None}]


def test_a_token_asking_for_more_than_its_owners_role_is_refused(editor):
    result = session(editor).query(CREATE, {"name": "x", "scopes": ["PRODUCTS_READ", "ADMIN"]})

    [error] = result["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "admin" in error["message"]
    assert not ApiToken.objects.exists()


def test_an_unknown_scope_is_bad_user_input(editor):
    result = session(editor).query(CREATE, {"name": "x", "scopes": ["EVERYTHING"]})

    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert not ApiToken.objects.exists()


def test_a_scoped_token_cannot_mint_a_broader_one(editor):
    client = bearer(make_token(editor, scopes=["PRODUCTS_READ"]))

    broader = client.query(CREATE, {"name": "more", "scopes": ["PRODUCTS_WRITE"]})
    unscoped = client.query(CREATE, {"name": "same"})

    assert broader["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert unscoped["data"]["createApiToken"]["apiToken"]["scopes"] == ["PRODUCTS_READ"]


def test_an_expired_token_stops_working(editor):
    soon = timezone.now() + timedelta(minutes=5)
    token = make_token(editor, expiresAt=soon.isoformat())
    assert bearer(token).query(PRODUCTS)["data"]["products"]["totalCount"] == 0

    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    client = bearer(token)
    result = client.query(PRODUCTS)

    assert client.last_response.status_code == 401
    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_an_expiry_in_the_past_is_refused(editor):
    past = (timezone.now() - timedelta(days=1)).isoformat()

    result = session(editor).query(CREATE, {"name": "x", "expiresAt": past})

    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_a_demoted_owner_takes_the_token_down_with_them(editor):
    client = bearer(make_token(editor))
    editor.role = "viewer"
    editor.save()

    result = client.query(CREATE_PRODUCT)

    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "Editor role" in result["errors"][0]["message"]


def test_downloads_need_the_read_scope(editor):
    client = Client(headers={"Authorization": f"Bearer {make_token(editor, scopes=['WEBHOOKS'])}"})

    response = client.get("/imports/1/errors.csv")

    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "products:read" in response.json()["errors"][0]["message"]


def test_the_webhook_secret_is_hidden_from_viewers(user, django_user_model, settings):
    from webhooks.services import create_webhook

    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True  # a loopback receiver, no DNS
    create_webhook(url="http://127.0.0.1:9/hook", events=["product.created"])
    viewer = django_user_model.objects.create_user("vi", password="pw-secret-123")
    query = "{ webhooks { url secret } }"

    [seen_by_viewer] = session(viewer).query(query)["data"]["webhooks"]
    [seen_by_admin] = session(user).query(query)["data"]["webhooks"]

    assert seen_by_viewer == {"url": "http://127.0.0.1:9/hook", "secret": ""}
    assert seen_by_admin["secret"].startswith("whsec_")


def test_an_admin_token_without_the_admin_scope_cannot_revoke_others_tokens(user, editor):
    theirs = ApiToken.objects.get(prefix=make_token(editor)[:12])
    client = bearer(make_token(user, scopes=["PRODUCTS_READ"]))

    result = client.query(
        "mutation($id: ID!) { revokeApiToken(id: $id) { "
        "... on OperationInfo { messages { field } } } }",
        {"id": encode_id("ApiToken", theirs.pk)},
    )

    assert result["data"]["revokeApiToken"]["messages"][0]["field"] == "id"
    assert ApiToken.objects.filter(pk=theirs.pk).exists()
