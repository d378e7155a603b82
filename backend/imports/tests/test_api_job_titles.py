"""The jobs of upsertProducts and deleteProducts are named in words a person reads in the
import history: "API upsert of 1,200 products", "API delete of 1 product", and "Delete of 2
products" when a person deleted them in the app."""

import pytest
from django.test import Client

from accounts.services import create_api_token
from conftest import GraphQLClient
from products.models import Product
from products.tests.factories import make_products

pytestmark = pytest.mark.django_db(transaction=True)

UPSERT = """mutation($input: [ProductInput!]!) { upsertProducts(input: $input) {
  ... on UpsertProductsResult { job { fileName status } }
  ... on OperationInfo { messages { message } } } }"""
DELETE = """mutation($skus: [String!]) { deleteProducts(skus: $skus) {
  ... on DeleteProductsResult { job { fileName } }
  ... on OperationInfo { messages { message } } } }"""
HISTORY = "query { importJobs(first: 10) { edges { node { fileName } } } }"


@pytest.fixture
def api(user) -> GraphQLClient:
    """A GraphQL client calling with an API token, as an integrating app does."""
    token = create_api_token(user, "connector")[1]
    return GraphQLClient(Client(), {"Authorization": f"Bearer {token}"})


def test_an_upsert_is_named_by_its_product_count(api, settings):
    settings.UPSERT_PRODUCTS_MAX = 1200
    many = [{"sku": f"S-{n}", "name": f"Product {n}"} for n in range(1200)]

    one = api.query(UPSERT, {"input": [{"sku": "ONE", "name": "One"}]})["data"]
    thousands = api.query(UPSERT, {"input": many})["data"]

    assert one["upsertProducts"]["job"] == {"fileName": "API upsert of 1 product",
                                            "status": "COMPLETED"}
    assert thousands["upsertProducts"]["job"]["fileName"] == "API upsert of 1,200 products"


def test_a_deletion_says_whether_it_came_through_the_api_or_the_app(api, gql_client):
    make_products(3)
    skus = list(Product.objects.order_by("sku").values_list("sku", flat=True))

    through_api = api.query(DELETE, {"skus": skus[:1]})["data"]["deleteProducts"]
    in_the_app = gql_client.query(DELETE, {"skus": skus[1:]})["data"]["deleteProducts"]

    assert through_api["job"]["fileName"] == "API delete of 1 product"
    assert in_the_app["job"]["fileName"] == "Delete of 2 products"
    history = gql_client.query(HISTORY)["data"]["importJobs"]["edges"]
    assert {e["node"]["fileName"] for e in history} == {
        "API delete of 1 product", "Delete of 2 products"}
