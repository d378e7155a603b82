"""deleteProducts: by ids or SKUs, one statement, one event, the misses listed, a limit."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from activity.models import Entry
from conftest import GraphQLClient
from core.ids import encode_id
from products.models import Product
from products.tests.factories import make_products
from webhooks import services as webhooks
from webhooks.models import WebhookEvent

pytestmark = pytest.mark.django_db

DELETE_MANY = """
mutation DeleteProducts($ids: [ID!], $skus: [String!]) {
  deleteProducts(ids: $ids, skus: $skus) {
    ... on DeleteProductsResult { deletedCount notFoundIds notFoundSkus }
    ... on OperationInfo { messages { kind message field code } }
  }
}
"""


@pytest.fixture
def hook(db, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    return webhooks.create_webhook(url="http://127.0.0.1:9/a", events=["products.bulk_deleted",
                                                                       "product.deleted"])


def test_deletes_by_id_and_sku_in_one_statement_with_one_event(gql_client, hook):
    products = make_products(10)
    by_id = [encode_id("Product", p.pk) for p in products[:3]]
    gone = encode_id("Product", 987654)

    with CaptureQueriesContext(connection) as queries:
        result = gql_client.query(DELETE_MANY, {
            "ids": [*by_id, gone], "skus": ["sku-0005", products[6].sku, "NO-SUCH"],
        })

    assert result["data"]["deleteProducts"] == {
        "deletedCount": 5, "notFoundIds": [gone], "notFoundSkus": ["NO-SUCH"],
    }
    assert sorted(Product.objects.values_list("sku", flat=True)) == [
        p.sku for p in products[3:5] + products[7:]
    ]
    deletes = [q["sql"] for q in queries.captured_queries
               if q["sql"].replace('"', "").startswith("DELETE FROM products_product")]
    assert len(deletes) == 1
    [event] = WebhookEvent.objects.all()
    body = json.loads(event.payload)
    assert body["type"] == "products.bulk_deleted"
    assert body["data"]["deletedCount"] == 5
    assert {p["sku"] for p in body["data"]["products"]} == {
        p.sku for p in products[:3] + products[5:7]
    }
    entry = Entry.objects.get(kind="products.deleted")
    assert entry.detail["deleted"] == 5


def test_remaining_products_are_the_ones_not_named(gql_client):
    products = make_products(6)

    gql_client.query(DELETE_MANY, {"skus": [products[1].sku.lower(), products[4].sku]})

    assert set(Product.objects.values_list("pk", flat=True)) == {
        p.pk for i, p in enumerate(products) if i not in (1, 4)
    }


def test_a_malformed_id_is_a_coded_message_naming_it_and_nothing_is_deleted(gql_client, hook):
    products = make_products(3)

    result = gql_client.query(DELETE_MANY, {
        "ids": [encode_id("Product", products[0].pk), "not-an-id"], "skus": [products[1].sku],
    })

    [message] = result["data"]["deleteProducts"]["messages"]
    assert message["code"] == "bad_id" and message["field"] == "ids"
    assert "'not-an-id'" in message["message"]
    assert Product.objects.count() == 3
    assert not WebhookEvent.objects.exists()


def test_more_than_the_limit_is_refused_whole(gql_client, settings):
    settings.PRODUCTS_DELETE_MAX = 4
    products = make_products(5)

    result = gql_client.query(DELETE_MANY, {"skus": [p.sku for p in products]})

    [message] = result["data"]["deleteProducts"]["messages"]
    assert message["code"] == "too_many" and "At most 4 products" in message["message"]
    assert Product.objects.count() == 5


def test_nothing_found_deletes_nothing_and_sends_no_event(gql_client, hook):
    make_products(2)

    result = gql_client.query(DELETE_MANY, {"skus": ["x", "y"]})

    assert result["data"]["deleteProducts"] == {
        "deletedCount": 0, "notFoundIds": [], "notFoundSkus": ["x", "y"],
    }
    assert Product.objects.count() == 2 and not WebhookEvent.objects.exists()


def test_a_viewer_may_not_delete(db):
    viewer = get_user_model().objects.create_user(username="vic", password="pw-12345678",
                                                  role="viewer")
    client = Client()
    client.force_login(viewer)
    make_products(1)

    result = GraphQLClient(client).query(DELETE_MANY, {"skus": ["SKU-0000"]})

    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert Product.objects.count() == 1
