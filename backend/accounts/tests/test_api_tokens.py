"""API tokens: created once in plaintext, stored hashed, bearer auth, revocation."""

import pytest
from django.test import Client

from accounts.models import ApiToken, hash_token
from conftest import GraphQLClient
from core.ids import encode_id

CREATE = """
mutation CreateApiToken($name: String!) {
  createApiToken(name: $name) { token apiToken { id name createdAt lastUsedAt } }
}
"""
TOKENS = "query { apiTokens { id name createdAt lastUsedAt } }"
REVOKE = """
mutation RevokeApiToken($id: ID!) {
  revokeApiToken(id: $id) {
    ... on ApiToken { id }
    ... on OperationInfo { messages { kind message field code } }
  }
}
"""
ME = "query { me { username } }"

pytestmark = pytest.mark.django_db


def bearer(token: str) -> GraphQLClient:
    return GraphQLClient(Client(enforce_csrf_checks=True), {"Authorization": f"Bearer {token}"})


def test_token_is_shown_once_and_only_its_hash_is_stored(gql_client):
    created = gql_client.query(CREATE, {"name": "ERP sync"})["data"]["createApiToken"]

    plaintext = created["token"]
    stored = ApiToken.objects.get()
    assert stored.token_hash == hash_token(plaintext)
    assert plaintext not in {stored.token_hash, stored.prefix, stored.name}
    listed = gql_client.query(TOKENS)["data"]["apiTokens"]
    assert listed == [created["apiToken"]]
    assert "token" not in listed[0]


def test_bearer_token_authenticates_without_csrf_and_records_last_use(gql_client):
    plaintext = gql_client.query(CREATE, {"name": "ERP"})["data"]["createApiToken"]["token"]

    result = bearer(plaintext).query(ME)

    assert result["data"]["me"]["username"] == "alice"
    assert ApiToken.objects.get().last_used_at is not None


def test_wrong_token_is_refused_with_unauthenticated(db):
    client = bearer("pit_not-a-real-token")

    result = client.query(ME)

    assert client.last_response.status_code == 401
    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert "wrong or was revoked" in result["errors"][0]["message"]


def test_malformed_authorization_header_is_refused(db):
    client = GraphQLClient(Client(), {"Authorization": "Basic YWxpY2U6cHc="})

    result = client.query(ME)

    assert client.last_response.status_code == 401
    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_revoked_token_stops_working_at_once(gql_client):
    created = gql_client.query(CREATE, {"name": "ERP"})["data"]["createApiToken"]
    assert bearer(created["token"]).query(ME)["data"]["me"] is not None

    revoked = gql_client.query(REVOKE, {"id": created["apiToken"]["id"]})["data"]

    assert revoked["revokeApiToken"]["id"] == created["apiToken"]["id"]
    client = bearer(created["token"])
    assert client.query(ME)["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert gql_client.query(TOKENS)["data"]["apiTokens"] == []


def test_revoking_an_unknown_id_answers_with_a_message(gql_client):
    # "QXBpVG9rZW46OTk5" is ApiToken:999, well formed but unknown.
    result = gql_client.query(REVOKE, {"id": "QXBpVG9rZW46OTk5"})

    messages = result["data"]["revokeApiToken"]["messages"]
    assert messages[0]["field"] == "id"
    assert "No API token with this id" in messages[0]["message"]


@pytest.mark.parametrize("bad_id", ["not-an-id", "UHJvZHVjdDox"])
def test_revoking_a_malformed_id_or_one_of_another_type_is_bad_user_input(gql_client, bad_id):
    # "UHJvZHVjdDox" is Product:1 (another type): the same answer as a malformed id.
    result = gql_client.query(REVOKE, {"id": bad_id})

    error = result["errors"][0]
    assert result["data"] is None
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "id"}
    assert error["message"] == (
        "'id' is not the id of an API token: pass an id exactly as this API returned it."
    )


def test_another_users_token_cannot_be_revoked_by_a_non_admin(gql_client, user, django_user_model):
    user.role = "editor"  # admins may revoke anyone's token
    user.save()
    other = django_user_model.objects.create_user(username="bob", password="x")
    token = ApiToken.objects.create(user=other, name="bob's", token_hash="h" * 64, prefix="pit_x")

    result = gql_client.query(REVOKE, {"id": encode_id("ApiToken", token.pk)})

    assert result["data"]["revokeApiToken"]["messages"][0]["field"] == "id"
    assert ApiToken.objects.filter(pk=token.pk).exists()


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_token_name_must_be_given_and_short(gql_client, name):
    result = gql_client.query(CREATE, {"name": name})

    assert result["data"] is None
    assert result["errors"][0]["extensions"]["field"] == "name"
    assert "name" in result["errors"][0]["message"].lower()
    assert ApiToken.objects.count() == 0


def test_anonymous_callers_cannot_list_or_create_tokens(anon_gql_client):
    for document, variables in ((TOKENS, None), (CREATE, {"name": "x"})):
        result = anon_gql_client.query(document, variables)
        assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert ApiToken.objects.count() == 0


def test_two_tokens_with_the_same_name_are_told_apart_by_a_non_secret_prefix(gql_client):
    query = "query { apiTokens { name prefix createdAt lastUsedAt } }"
    first = gql_client.query(CREATE, {"name": "sync"})["data"]["createApiToken"]["token"]
    second = gql_client.query(CREATE, {"name": "sync"})["data"]["createApiToken"]["token"]

    listed = gql_client.query(query)["data"]["apiTokens"]

    prefixes = [token["prefix"] for token in listed]
    assert prefixes == [second[:12], first[:12]]  # newest first, each the start of its token
    assert all(p.startswith("pit_") and len(p) == 12 for p in prefixes)
    assert prefixes[0] != prefixes[1]
    assert all(token["createdAt"] and token["lastUsedAt"] is None for token in listed)
    assert ApiToken.objects.get(prefix=first[:12]).token_hash == hash_token(first)
