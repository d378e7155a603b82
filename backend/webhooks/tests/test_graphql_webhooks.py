"""webhooks, createWebhook, updateWebhook, deleteWebhook, rotateWebhookSecret."""

import base64
from datetime import timedelta

import pytest
from django.utils import timezone

from webhooks.models import Webhook

pytestmark = pytest.mark.django_db

FIELDS = """
fragment WebhookFields on Webhook {
  id url events enabled secret description consecutiveFailures disabledReason createdAt updatedAt
}
"""
ERRORS = "... on OperationInfo { messages { kind message field code } }"
WEBHOOKS = "query Webhooks { webhooks { ...WebhookFields } }" + FIELDS
CREATE = (
    "mutation CreateWebhook($input: WebhookInput!) { createWebhook(input: $input) {"
    " ... on Webhook { ...WebhookFields } " + ERRORS + " } }" + FIELDS
)
UPDATE = (
    "mutation UpdateWebhook($input: WebhookPartialInput!) { updateWebhook(input: $input) {"
    " ... on Webhook { ...WebhookFields } " + ERRORS + " } }" + FIELDS
)
DELETE = (
    "mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) { ... on Webhook { id } "
    + ERRORS
    + " } }"
)
ROTATE = (
    "mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) {"
    " ... on Webhook { ...WebhookFields } " + ERRORS + " } }" + FIELDS
)


def create(gql_client, **fields):
    payload = {"url": "http://127.0.0.1:9/hook", "events": ["PRODUCT_CREATED"]} | fields
    return gql_client.query(CREATE, {"input": payload})["data"]["createWebhook"]


def test_create_makes_a_whsec_secret_and_lists_the_webhook(gql_client):
    made = create(
        gql_client,
        url="https://127.0.0.1:8443/hooks",
        events=["PRODUCT_CREATED", "IMPORT_FINISHED", "PRODUCT_CREATED"],
        description=" ERP sync ",
    )

    assert made["secret"].startswith("whsec_")
    assert len(base64.b64decode(made["secret"][6:])) == 24
    assert made["events"] == ["PRODUCT_CREATED", "IMPORT_FINISHED"]
    assert (made["enabled"], made["description"], made["consecutiveFailures"]) == (
        True,
        "ERP sync",
        0,
    )
    assert made["disabledReason"] is None
    assert Webhook.objects.get().events == ["product.created", "import.finished"]
    assert gql_client.query(WEBHOOKS)["data"]["webhooks"] == [made]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "This is not a URL"),
        ("https://example.com/my hooks", "must not contain spaces"),
        ("example.com/hook", "http:// or https://"),
        ("ftp://example.com/hook", "http:// or https://"),
        ("https://", "no host name"),
        ("https://example.com/" + "x" * 2000, "at most 2000"),
    ],
)
def test_create_refuses_bad_urls_on_the_url_field(gql_client, url, expected):
    result = create(gql_client, url=url)

    [message] = result["messages"]
    assert message["field"] == "url"
    assert expected in message["message"]
    assert not Webhook.objects.exists()


def test_create_refuses_an_empty_event_list(gql_client):
    [message] = create(gql_client, events=[])["messages"]

    assert (message["field"], message["message"]) == ("events", "Choose at least one event type.")
    assert not Webhook.objects.exists()


def test_create_reports_every_bad_field_at_once(gql_client):
    result = create(gql_client, url="gopher://x", events=[])

    assert sorted(m["field"] for m in result["messages"]) == ["events", "url"]


def test_an_unknown_event_type_is_refused_naming_it(gql_client):
    result = gql_client.query(
        CREATE, {"input": {"url": "http://127.0.0.1:9/", "events": ["PRODUCT_EXPLODED"]}}
    )

    assert result.get("data") is None
    assert "PRODUCT_EXPLODED" in result["errors"][0]["message"]
    assert not Webhook.objects.exists()


def test_private_targets_are_refused_when_not_allowed(gql_client, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False

    for url in (
        "http://127.0.0.1:8020/hook",
        "http://localhost/hook",
        "http://10.0.0.8/",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]:8020/",
    ):
        [message] = create(gql_client, url=url)["messages"]
        assert message["field"] == "url", url
        assert "WEBHOOK_ALLOW_PRIVATE_TARGETS" in message["message"]
    assert not Webhook.objects.exists()


def test_public_targets_are_accepted_when_private_ones_are_refused(gql_client, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False

    made = create(gql_client, url="https://93.184.216.34/hook", enabled=False)

    assert made["url"] == "https://93.184.216.34/hook"


def test_update_changes_only_the_given_fields(gql_client):
    made = create(gql_client, description="keep me")

    updated = gql_client.query(
        UPDATE, {"input": {"id": made["id"], "events": ["PRODUCT_DELETED"], "enabled": False}}
    )["data"]["updateWebhook"]

    assert updated["events"] == ["PRODUCT_DELETED"]
    assert updated["enabled"] is False
    assert (updated["url"], updated["description"], updated["secret"]) == (
        made["url"],
        "keep me",
        made["secret"],
    )


def test_update_validates_like_create(gql_client):
    made = create(gql_client)

    result = gql_client.query(
        UPDATE, {"input": {"id": made["id"], "url": "mailto:a@b.c", "events": []}}
    )["data"]["updateWebhook"]

    assert sorted(m["field"] for m in result["messages"]) == ["events", "url"]
    assert Webhook.objects.get().url == made["url"]


def test_enabling_a_disabled_webhook_clears_its_failure_streak(gql_client):
    made = create(gql_client)
    Webhook.objects.update(enabled=False, consecutive_failures=20, disabled_reason="too many")

    updated = gql_client.query(UPDATE, {"input": {"id": made["id"], "enabled": True}})

    webhook = updated["data"]["updateWebhook"]
    assert (webhook["enabled"], webhook["consecutiveFailures"], webhook["disabledReason"]) == (
        True,
        0,
        None,
    )


def test_delete_answers_with_the_id_and_removes_the_webhook(gql_client):
    made = create(gql_client)

    result = gql_client.query(DELETE, {"id": made["id"]})

    assert result["data"]["deleteWebhook"] == {"id": made["id"]}
    assert not Webhook.objects.exists()


def test_rotate_keeps_the_old_secret_live_for_24_hours(gql_client):
    made = create(gql_client)

    rotated = gql_client.query(ROTATE, {"id": made["id"]})["data"]["rotateWebhookSecret"]

    assert rotated["secret"].startswith("whsec_") and rotated["secret"] != made["secret"]
    webhook = Webhook.objects.get()
    assert webhook.live_secrets() == [rotated["secret"], made["secret"]]
    assert webhook.live_secrets(timezone.now() + timedelta(hours=24, seconds=1)) == [
        rotated["secret"]
    ]


@pytest.mark.parametrize("document", [UPDATE, DELETE, ROTATE])
def test_unknown_webhook_ids_are_reported_on_the_id_field(gql_client, document):
    bad_id = "V2ViaG9vazo5OTk5"  # Webhook:9999
    variables = {"input": {"id": bad_id}} if document is UPDATE else {"id": bad_id}

    result = gql_client.query(document, variables)

    [payload] = result["data"].values()
    [message] = payload["messages"]
    assert message["field"] == "id"
    assert "No webhook with this id" in message["message"]


@pytest.mark.parametrize("document", [UPDATE, DELETE, ROTATE])
@pytest.mark.parametrize("bad_id", ["UHJvZHVjdDox", "garbage"])  # Product:1, malformed
def test_malformed_webhook_ids_are_bad_user_input(gql_client, document, bad_id):
    variables = {"input": {"id": bad_id}} if document is UPDATE else {"id": bad_id}

    result = gql_client.query(document, variables)

    assert result["data"] is None
    assert result["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "id"}
    assert result["errors"][0]["message"].startswith("'id' is not the id of a webhook")


@pytest.mark.parametrize(
    ("document", "variables"),
    [
        (WEBHOOKS, {}),
        (CREATE, {"input": {"url": "http://127.0.0.1:9/", "events": ["PRODUCT_CREATED"]}}),
        (UPDATE, {"input": {"id": "V2ViaG9vazox"}}),
        (DELETE, {"id": "V2ViaG9vazox"}),
        (ROTATE, {"id": "V2ViaG9vazox"}),
    ],
)
def test_anonymous_callers_are_refused(anon_gql_client, document, variables):
    result = anon_gql_client.query(document, variables)

    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert not Webhook.objects.exists()


def test_a_second_webhook_for_the_same_url_and_an_overlapping_event_is_refused(gql_client):
    first = create(
        gql_client,
        url="https://127.0.0.1:8443/hooks",
        description="ERP sync",
        events=["PRODUCT_CREATED", "PRODUCT_UPDATED"],
    )

    refused = create(
        gql_client,
        url="https://127.0.0.1:8443/hooks",
        events=["PRODUCT_UPDATED", "IMPORT_FINISHED"],
    )

    [message] = refused["messages"]
    assert message["field"] == "url"
    assert message["code"] == "duplicate"
    assert "“ERP sync”" in message["message"]
    assert "product.updated" in message["message"] and "twice" in message["message"]
    assert "product.created" not in message["message"]  # only the shared events are named
    assert Webhook.objects.count() == 1
    assert first["id"]


def test_the_same_url_with_other_events_or_another_url_is_accepted(gql_client):
    create(gql_client, url="https://127.0.0.1:8443/hooks", events=["PRODUCT_CREATED"])

    other_events = create(
        gql_client, url="https://127.0.0.1:8443/hooks", events=["IMPORT_FINISHED"]
    )
    other_url = create(gql_client, url="https://127.0.0.1:8443/other", events=["PRODUCT_CREATED"])

    assert other_events["url"] == "https://127.0.0.1:8443/hooks"
    assert other_url["url"] == "https://127.0.0.1:8443/other"
    assert Webhook.objects.count() == 3


def test_editing_a_webhook_into_a_duplicate_is_refused_but_saving_itself_is_not(gql_client):
    create(gql_client, url="https://127.0.0.1:8443/hooks", events=["PRODUCT_CREATED"])
    second = create(gql_client, url="https://127.0.0.1:8443/other", events=["PRODUCT_CREATED"])

    same = gql_client.query(
        UPDATE, {"input": {"id": second["id"], "url": second["url"], "events": ["PRODUCT_CREATED"]}}
    )
    moved = gql_client.query(
        UPDATE, {"input": {"id": second["id"], "url": "https://127.0.0.1:8443/hooks"}}
    )

    assert same["data"]["updateWebhook"]["url"] == "https://127.0.0.1:8443/other"
    [message] = moved["data"]["updateWebhook"]["messages"]
    assert message["field"] == "url" and "added " in message["message"]
    assert Webhook.objects.get(url="https://127.0.0.1:8443/other")
