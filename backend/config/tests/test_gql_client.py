"""A generic GraphQL client (`gql`, not written here) uses the API as another app would:
bearer token over HTTP, the multipart upload spec, validation answers, error codes."""

import io

import pytest
from gql import Client, FileVar, GraphQLRequest
from gql.transport.exceptions import TransportQueryError
from gql.transport.httpx import HTTPXTransport

from accounts.services import create_api_token
from imports.models import ImportJob

pytestmark = pytest.mark.django_db(transaction=True)


def client_for(server, token: str) -> Client:
    transport = HTTPXTransport(
        url=f"{server.url}/graphql/", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    return Client(transport=transport, fetch_schema_from_transport=True)


@pytest.fixture
def token(user) -> str:
    return create_api_token(user, "gql")[1]


def test_queries_and_mutations_validate_against_the_served_schema(live_server_asgi, token):
    with client_for(live_server_asgi, token) as session:
        created = session.execute(GraphQLRequest(
            """mutation($input: ProductInput!) {
              createProduct(input: $input) { ... on Product { id sku name } } }""",
            variable_values={"input": {"sku": "GQL-1", "name": "Lamp"}},
        ))
        page = session.execute(GraphQLRequest(
            """query($filters: ProductFilter) {
              products(first: 5, filters: $filters) { totalCount edges { node { sku } } } }""",
            variable_values={"filters": {"search": "lamp"}},
        ))

    assert created["createProduct"]["sku"] == "GQL-1"
    assert page["products"]["totalCount"] == 1
    assert page["products"]["edges"][0]["node"]["sku"] == "GQL-1"


def test_a_wrong_value_is_a_coded_error_the_client_can_read(live_server_asgi, token):
    with client_for(live_server_asgi, token) as session, pytest.raises(TransportQueryError) as e:
        session.execute(GraphQLRequest("query { products(first: 100000) { totalCount } }"))

    [error] = e.value.errors
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


def test_a_file_upload_follows_the_multipart_spec(live_server_asgi, token):
    upload = FileVar(io.BytesIO(b"sku,name\ngql-a,One\ngql-b,Two\n"), filename="products.csv")

    with client_for(live_server_asgi, token) as session:
        answer = session.execute(
            GraphQLRequest(
                """mutation($file: Upload!) {
                  importProducts(file: $file, dryRun: true) {
                    ... on ImportJob { id status fileName } } }""",
                variable_values={"file": upload},
            ),
            upload_files=True,
        )

    job = answer["importProducts"]
    assert job["fileName"] == "products.csv"
    assert job["status"] in {"PENDING", "PROCESSING", "COMPLETED"}
    assert ImportJob.objects.get().file_name == "products.csv"
