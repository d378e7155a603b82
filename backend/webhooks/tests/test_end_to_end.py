"""Through the broker and a worker: a product change reaches the receiver, retries arrive."""


import pytest
from strawberry.relay import to_base64

from products.models import Product
from webhooks import signing
from webhooks.models import DeliveryStatus, WebhookDelivery

pytestmark = pytest.mark.django_db(transaction=True)

CREATE_PRODUCT = """
mutation CreateProduct($input: ProductInput!) {
  createProduct(input: $input) { ... on Product { id sku } }
}
"""


def test_a_created_product_reaches_the_receiver_signed(gql_client, make_webhook, receiver, drain):
    webhook = make_webhook(receiver.url + "/products")

    answer = gql_client.query(CREATE_PRODUCT, {"input": {"sku": "E2E-1", "name": "Lamp"}})

    [request] = receiver.wait_for(1)
    drain()
    signing.verify(webhook.secret, request.headers, request.body)
    product_id = answer["data"]["createProduct"]["id"]
    assert product_id == to_base64("Product", Product.objects.get(sku="E2E-1").pk)
    assert f'"id":"{product_id}"' in request.body.decode()
    assert WebhookDelivery.objects.get().status == DeliveryStatus.SUCCEEDED


def test_a_failed_attempt_is_retried_by_the_worker_with_the_same_webhook_id(
    gql_client, make_webhook, receiver, drain
):
    make_webhook(receiver.url)
    receiver.script("500")

    gql_client.query(CREATE_PRODUCT, {"input": {"sku": "E2E-2", "name": "Lamp"}})

    first, second = receiver.wait_for(2, timeout=15)
    drain()
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert second.received_at - first.received_at >= 0.9  # the schedule's 1 s
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempt) == (DeliveryStatus.SUCCEEDED, 2)


def test_a_hanging_receiver_does_not_slow_product_changes(
    gql_client, make_webhook, receiver, drain, settings
):
    settings.WEBHOOK_TIMEOUT_SECONDS = 30  # the receiver hangs (30 s) longer than the test
    make_webhook(receiver.url)
    receiver.behaviour = "hang"
    gql_client.query(CREATE_PRODUCT, {"input": {"sku": "H-first", "name": "x"}})
    receiver.wait_for(1)  # the worker is now stuck waiting for the receiver

    for n in range(5):
        answer = gql_client.query(CREATE_PRODUCT, {"input": {"sku": f"H{n}", "name": "x"}})
        assert answer["data"]["createProduct"]["sku"] == f"H{n}"

    # Every change has answered while the first send is still waiting for the receiver:
    # no attempt has ended (one would be recorded), and the receiver still holds it.
    assert len(receiver.requests) >= 1
    assert set(WebhookDelivery.objects.values_list("status", "attempt")) == {
        (DeliveryStatus.PENDING, 0)}
    assert WebhookDelivery.objects.count() == 6
