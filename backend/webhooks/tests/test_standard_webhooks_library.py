"""Receivers verify our deliveries with the official Standard Webhooks library, not our code.

The library (``standardwebhooks``, the spec authors' Python package) checks the
``webhook-id``/``webhook-timestamp``/``webhook-signature`` headers against the body.
"""

import json

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from webhooks import services

pytestmark = pytest.mark.django_db(transaction=True)

CREATE_PRODUCT = """
mutation CreateProduct($input: ProductInput!) {
  createProduct(input: $input) { ... on Product { id sku } }
}
"""


def received_headers(request) -> dict[str, str]:
    return {name.lower(): value for name, value in request.headers.items()}


def test_a_delivery_verifies_with_the_official_library(gql_client, make_webhook, receiver, drain):
    webhook = make_webhook(receiver.url)

    gql_client.query(CREATE_PRODUCT, {"input": {"sku": "STD-1", "name": "Lamp"}})

    [request] = receiver.wait_for(1)
    drain()
    payload = Webhook(webhook.secret).verify(request.body, received_headers(request))
    assert payload["type"] == "product.created"
    assert payload["data"]["sku"] == "STD-1"


def test_during_a_rotation_both_the_old_and_the_new_secret_verify(
    gql_client, make_webhook, receiver, drain
):
    webhook = make_webhook(receiver.url)
    old_secret = webhook.secret
    new_secret = services.rotate_secret(webhook.pk).secret

    gql_client.query(CREATE_PRODUCT, {"input": {"sku": "STD-2", "name": "Lamp"}})

    [request] = receiver.wait_for(1)
    drain()
    headers = received_headers(request)
    for secret in (old_secret, new_secret):
        assert Webhook(secret).verify(request.body, headers)["data"]["sku"] == "STD-2"


def test_a_tampered_body_or_another_secret_is_refused_by_the_library(
    gql_client, make_webhook, receiver, drain
):
    webhook = make_webhook(receiver.url)
    gql_client.query(CREATE_PRODUCT, {"input": {"sku": "STD-3", "name": "Lamp"}})
    [request] = receiver.wait_for(1)
    drain()
    headers = received_headers(request)
    tampered = json.dumps({**json.loads(request.body), "type": "product.deleted"})

    with pytest.raises(WebhookVerificationError):
        Webhook(webhook.secret).verify(tampered, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(make_webhook(receiver.url + "/other").secret).verify(request.body, headers)
