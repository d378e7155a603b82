"""Persisted queries: Apollo's APQ protocol over POST and GET, and the web app's allowlist."""

import hashlib
import json

import httpx
import pytest
from django.test import Client
from gql import Client as GqlClient
from gql import GraphQLRequest
from gql.transport.httpx import HTTPXTransport

from accounts.services import create_api_token
from conftest import GraphQLClient
from products.models import Product

ME = "query Me { me { username } }"
CREATE = 'mutation { createProduct(input: {sku: "APQ-1", name: "Lamp"}) { __typename } }'


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def persisted(digest: str, version: object = 1) -> dict:
    return {"persistedQuery": {"version": version, "sha256Hash": digest}}


@pytest.fixture
def token(user) -> str:
    return create_api_token(user, "apq")[1]


@pytest.fixture
def token_client(token) -> Client:
    return Client(headers={"Authorization": f"Bearer {token}"})


def post(client: Client, body: dict) -> tuple[int, dict]:
    response = client.post("/graphql/", body, content_type="application/json")
    return response.status_code, response.json()


def code(answer: dict) -> str:
    return answer["errors"][0]["extensions"]["code"]


@pytest.mark.django_db(transaction=True)
def test_the_apq_round_trip_with_httpx_and_the_gql_client(live_server_asgi, token):
    url = f"{live_server_asgi.url}/graphql/"
    headers = {"Authorization": f"Bearer {token}"}
    document = GraphQLRequest(ME)
    digest = sha256(document.payload["query"])  # the text gql sends

    miss = httpx.post(url, json={"extensions": persisted(digest)}, headers=headers)
    transport = HTTPXTransport(url=url, headers=headers, timeout=30)
    with GqlClient(transport=transport) as session:
        learnt = session.execute(
            GraphQLRequest(document, extensions=persisted(digest)), get_execution_result=True
        )
    hit = httpx.post(url, json={"extensions": persisted(digest)}, headers=headers)

    assert miss.status_code == 200
    assert miss.json()["errors"] == [
        {"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}
    ]
    assert "no-cache" in miss.headers["Cache-Control"]
    assert learnt.data == {"me": {"username": "alice"}}
    assert learnt.extensions["cost"]["requestedQueryCost"] == 1
    assert hit.json()["data"] == {"me": {"username": "alice"}}


@pytest.mark.django_db
def test_a_hash_that_is_not_the_text_s_is_refused(token_client):
    status, answer = post(token_client, {"query": ME, "extensions": persisted(sha256("other"))})

    assert status == 400
    assert code(answer) == "BAD_USER_INPUT"
    assert "not the SHA-256 of the query text" in answer["errors"][0]["message"]
    # And nothing was learnt under that hash.
    assert code(post(token_client, {"extensions": persisted(sha256("other"))})[1]) == (
        "PERSISTED_QUERY_NOT_FOUND"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("extensions", "text"),
    [
        ({"persistedQuery": "abc"}, "must be an object"),
        (persisted(sha256(ME), version=2), "version 2 is not supported"),
        (persisted("xyz" * 20), "64 hexadecimal characters"),
        (persisted(sha256(ME)[:-1]), "64 hexadecimal characters"),
        ({"persistedQuery": {"version": 1}}, "64 hexadecimal characters"),
    ],
)
def test_a_malformed_persisted_query_is_bad_user_input(token_client, extensions, text):
    status, answer = post(token_client, {"query": ME, "extensions": extensions})

    assert status == 400
    assert code(answer) == "BAD_USER_INPUT"
    assert text in answer["errors"][0]["message"]


@pytest.mark.django_db
def test_queries_run_over_get_and_mutations_do_not(token_client):
    query = token_client.get("/graphql/", {"query": ME})
    post(token_client, {"query": ME, "extensions": persisted(sha256(ME))})
    by_hash = token_client.get(
        "/graphql/", {"extensions": json.dumps(persisted(sha256(ME)))}, headers={"Accept": "*/*"}
    )
    mutation = token_client.get("/graphql/", {"query": CREATE})

    assert query.status_code == 200 and query.json()["data"] == {"me": {"username": "alice"}}
    assert query.json()["extensions"]["cost"]["requestedQueryCost"] == 1
    # A hash alone is a query too, not a page load for the playground.
    assert by_hash.status_code == 200 and by_hash.json()["data"] == {"me": {"username": "alice"}}
    assert mutation.status_code == 400
    assert code(mutation.json()) == "BAD_USER_INPUT"
    assert not Product.objects.exists()


@pytest.fixture
def allowlist(settings, tmp_path):
    """The web app's documents: only ``ME``; browsers may run nothing else."""
    path = tmp_path / "persisted-documents.json"
    path.write_text(json.dumps({sha256(ME): ME}))
    settings.GRAPHQL_PERSISTED_DOCUMENTS_FILE = str(path)
    settings.GRAPHQL_BROWSER_ALLOWLIST_ONLY = True


OTHER = "{ products(first: 5) { totalCount } }"


@pytest.mark.django_db
def test_allowlist_mode_runs_the_app_s_documents_for_a_session(gql_client, allowlist):
    by_hash = post(gql_client.client, {"extensions": persisted(sha256(ME))})
    by_text = gql_client.query(ME)

    assert by_hash == (200, by_hash[1]) and by_hash[1]["data"] == {"me": {"username": "alice"}}
    assert by_text["data"] == {"me": {"username": "alice"}}


@pytest.mark.django_db
def test_allowlist_mode_refuses_other_documents_from_a_session(gql_client, allowlist):
    plain = gql_client.query(OTHER)
    status = gql_client.last_response.status_code
    miss = post(gql_client.client, {"extensions": persisted(sha256(OTHER))})[1]
    learn = post(gql_client.client, {"query": OTHER, "extensions": persisted(sha256(OTHER))})

    assert status == 403 and code(plain) == "FORBIDDEN"
    assert "API token" in plain["errors"][0]["message"]
    assert code(miss) == "PERSISTED_QUERY_NOT_FOUND"
    assert learn[0] == 403 and code(learn[1]) == "FORBIDDEN"


@pytest.mark.django_db
def test_allowlist_mode_accepts_any_document_from_a_token(token_client, allowlist):
    plain = GraphQLClient(token_client).query(OTHER)
    learnt = post(token_client, {"query": OTHER, "extensions": persisted(sha256(OTHER))})

    assert plain["data"] == {"products": {"totalCount": 0}}
    assert learnt[1]["data"] == {"products": {"totalCount": 0}}
