"""testWebhook, redeliverWebhook and webhookDeliveries."""

import json
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from strawberry.relay import to_base64

from products import services as products
from webhooks import dispatch, signing
from webhooks.models import Webhook, WebhookDelivery

pytestmark = pytest.mark.django_db

FIELDS = """
fragment DeliveryFields on WebhookDelivery {
  id eventId eventType attempt status statusCode durationMs error requestBody responseBody
  createdAt nextAttemptAt
}
"""
ERRORS = "... on OperationInfo { messages { kind message field code } }"
TEST = (
    "mutation TestWebhook($id: ID!) { testWebhook(id: $id) {"
    " ... on WebhookDelivery { ...DeliveryFields } " + ERRORS + " } }" + FIELDS
)
REDELIVER = (
    "mutation RedeliverWebhook($deliveryId: ID!) { redeliverWebhook(deliveryId: $deliveryId) {"
    " ... on WebhookDelivery { ...DeliveryFields } " + ERRORS + " } }" + FIELDS
)
DELIVERIES = (
    "query WebhookDeliveries($webhookId: ID!, $first: Int, $after: String) {"
    " webhookDeliveries(webhookId: $webhookId, first: $first, after: $after) {"
    " totalCount pageInfo { hasNextPage endCursor } edges { node { ...DeliveryFields } } } }"
    + FIELDS
)


def gid(model):
    return to_base64(type(model).__name__, model.pk)


def test_test_webhook_sends_a_signed_test_event_and_answers_with_the_outcome(
    gql_client, make_webhook, receiver
):
    webhook = make_webhook(receiver.url + "/t")

    started = time.monotonic()
    result = gql_client.query(TEST, {"id": gid(webhook)})["data"]["testWebhook"]
    elapsed_ms = (time.monotonic() - started) * 1000

    [request] = receiver.wait_for(1)
    signing.verify(webhook.secret, request.headers, request.body)
    body = json.loads(request.body)
    assert body["type"] == "webhook.test"
    assert body["data"]["webhookId"] == gid(webhook)
    assert result["eventType"] == "webhook.test"
    assert (result["status"], result["attempt"], result["statusCode"]) == ("SUCCEEDED", 1, 200)
    assert result["responseBody"] == "answer 200"
    assert result["requestBody"] == request.body.decode()
    assert 0 <= result["durationMs"] <= elapsed_ms  # the call's time, within the mutation's
    assert result["nextAttemptAt"] is None


def test_the_attempts_duration_is_the_time_the_receiver_took(gql_client, make_webhook, receiver):
    webhook = make_webhook(receiver.url)
    receiver.hang_seconds = 0.3
    receiver.script("hang")

    result = gql_client.query(TEST, {"id": gid(webhook)})["data"]["testWebhook"]

    assert (result["status"], result["responseBody"]) == ("SUCCEEDED", "late")
    assert 300 <= result["durationMs"] < 1000


def test_test_webhook_works_for_a_disabled_webhook(gql_client, make_webhook, receiver):
    webhook = make_webhook(receiver.url, enabled=False)

    result = gql_client.query(TEST, {"id": gid(webhook)})["data"]["testWebhook"]

    assert result["status"] == "SUCCEEDED"
    assert len(receiver.wait_for(1)) == 1


def test_a_failed_test_is_not_retried_and_is_bounded_by_the_timeout(
    gql_client, make_webhook, receiver
):
    webhook = make_webhook(receiver.url)
    receiver.behaviour = "hang"  # for 30 s

    result = gql_client.query(TEST, {"id": gid(webhook)})["data"]["testWebhook"]

    assert receiver.answered == 0  # the answer came back before the receiver's
    assert (result["status"], result["statusCode"], result["nextAttemptAt"]) == (
        "FAILED",
        None,
        None,
    )
    assert "did not answer within 1 second" in result["error"]
    webhook.refresh_from_db()
    assert (webhook.enabled, webhook.consecutive_failures) == (True, 0)


def test_redeliver_sends_the_same_event_with_the_same_webhook_id(
    gql_client, make_webhook, receiver
):
    webhook = make_webhook(receiver.url)
    products.create_product(sku="SKU-1", name="Chair")
    original = WebhookDelivery.objects.get()
    dispatch.deliver(original.pk)

    result = gql_client.query(REDELIVER, {"deliveryId": gid(original)})["data"]["redeliverWebhook"]

    first, again = receiver.wait_for(2)
    assert first.headers["webhook-id"] == again.headers["webhook-id"] == original.message_id
    assert first.body == again.body
    signing.verify(webhook.secret, again.headers, again.body)
    assert result["id"] != gid(original)
    assert result["eventId"] == to_base64("WebhookEvent", original.event_id)
    assert (result["status"], result["eventType"]) == ("SUCCEEDED", "product.created")


def test_each_attempt_of_a_delivery_is_listed(gql_client, make_webhook, receiver):
    webhook = make_webhook(receiver.url)
    receiver.script("500")
    products.create_product(sku="SKU-1", name="Chair")
    delivery = WebhookDelivery.objects.get()
    dispatch.deliver(delivery.pk)
    WebhookDelivery.objects.update(next_attempt_at=delivery.created_at)
    dispatch.deliver(delivery.pk)

    result = gql_client.query(
        "query($id: ID!) { webhookDeliveries(webhookId: $id) { edges { node {"
        " status attempts { number statusCode error responseBody } } } } }",
        {"id": gid(webhook)},
    )

    [edge] = result["data"]["webhookDeliveries"]["edges"]
    assert edge["node"]["status"] == "SUCCEEDED"
    assert [(a["number"], a["statusCode"]) for a in edge["node"]["attempts"]] == [
        (1, 500),
        (2, 200),
    ]
    assert "HTTP 500" in edge["node"]["attempts"][0]["error"]


def test_unknown_ids_are_reported_on_their_field(gql_client):
    missing_webhook = to_base64("Webhook", 999)

    test = gql_client.query(TEST, {"id": missing_webhook})["data"]["testWebhook"]
    redeliver = gql_client.query(REDELIVER, {"deliveryId": to_base64("WebhookDelivery", 9)})
    log = gql_client.query(DELIVERIES, {"webhookId": missing_webhook})

    assert test["messages"][0]["field"] == "id"
    assert redeliver["data"]["redeliverWebhook"]["messages"][0]["field"] == "deliveryId"
    assert log["data"] is None
    assert "with this id" in log["errors"][0]["message"]
    assert log["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "webhookId"}


@pytest.mark.parametrize("bad_id", ["nonsense", to_base64("Product", 1)])
def test_malformed_ids_and_ids_of_another_type_are_bad_user_input(gql_client, bad_id):
    log = gql_client.query(DELIVERIES, {"webhookId": bad_id})
    redeliver = gql_client.query(REDELIVER, {"deliveryId": bad_id})

    assert log["data"] is None
    assert log["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "webhookId"}
    assert log["errors"][0]["message"].startswith("'webhookId' is not the id of a webhook")
    assert redeliver["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "field": "deliveryId",
    }


def test_the_delivery_log_is_newest_first_with_a_total_count_and_pages(gql_client, make_webhook):
    webhook = make_webhook("http://127.0.0.1:9/")
    other = make_webhook("http://127.0.0.1:9/other")
    for n in range(5):
        products.create_product(sku=f"S{n}", name=f"n{n}")
    ids = list(
        WebhookDelivery.objects.filter(webhook=webhook).order_by("-id").values_list("pk", flat=True)
    )

    page = gql_client.query(DELIVERIES, {"webhookId": gid(webhook), "first": 2})
    log = page["data"]["webhookDeliveries"]
    after = log["pageInfo"]["endCursor"]
    rest = gql_client.query(DELIVERIES, {"webhookId": gid(webhook), "first": 10, "after": after})[
        "data"
    ]["webhookDeliveries"]

    assert log["totalCount"] == 5
    shown = [e["node"]["id"] for e in log["edges"] + rest["edges"]]
    assert shown == [to_base64("WebhookDelivery", pk) for pk in ids]
    node = log["edges"][0]["node"]
    assert (node["status"], node["attempt"], node["eventType"]) == ("PENDING", 0, "product.created")
    assert json.loads(node["requestBody"])["data"]["sku"] == "S4"
    assert WebhookDelivery.objects.filter(webhook=other).count() == 5


def test_the_delivery_log_costs_a_fixed_number_of_queries(gql_client, make_webhook):
    webhook = make_webhook("http://127.0.0.1:9/")

    def queries_for_log():
        with CaptureQueriesContext(connection) as captured:
            result = gql_client.query(DELIVERIES, {"webhookId": gid(webhook), "first": 50})
        assert "errors" not in result
        return len(captured)

    products.create_product(sku="A", name="a")
    few = queries_for_log()
    for n in range(10):
        products.create_product(sku=f"B{n}", name="b")

    assert queries_for_log() == few


@pytest.mark.parametrize(
    ("document", "variables"),
    [
        (TEST, {"id": "V2ViaG9vazox"}),
        (REDELIVER, {"deliveryId": "V2ViaG9va0RlbGl2ZXJ5OjE="}),
        (DELIVERIES, {"webhookId": "V2ViaG9vazox"}),
    ],
)
def test_anonymous_callers_are_refused(anon_gql_client, make_webhook, document, variables):
    Webhook.objects.all().delete()

    result = anon_gql_client.query(document, variables)

    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
