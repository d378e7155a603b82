"""Private webhook targets are allowed by default only while the server listens on loopback.

A server others can reach (``HOST=0.0.0.0``) must not let a signed-in user make it call the
network it sits in (cloud metadata at 169.254.169.254, the LAN) unless the operator sets
``WEBHOOK_ALLOW_PRIVATE_TARGETS=1``.
"""

import runpy

import pytest
from django.conf import settings as django_settings

from webhooks.models import Webhook

SETTINGS_FILE = django_settings.BASE_DIR / "config" / "settings.py"
CREATE = (
    "mutation CreateWebhook($input: WebhookInput!) { createWebhook(input: $input) {"
    " ... on Webhook { url } ... on OperationInfo { messages { field code message } } } }"
)
METADATA_URL = "http://169.254.169.254/latest/meta-data"


def settings_read_with(monkeypatch, tmp_path, **env: str) -> dict:
    """The settings module's values for an embedded start with ``env`` (nothing else set)."""
    for name in ("DATABASE_URL", "REDIS_URL", "HOST", "WEBHOOK_ALLOW_PRIVATE_TARGETS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


@pytest.mark.parametrize(
    ("env", "allowed"),
    [
        ({}, True),  # HOST defaults to 127.0.0.1
        ({"HOST": "localhost"}, True),
        ({"HOST": "::1"}, True),
        ({"HOST": "0.0.0.0"}, False),
        ({"HOST": "192.168.1.20"}, False),
        ({"HOST": "0.0.0.0", "WEBHOOK_ALLOW_PRIVATE_TARGETS": "1"}, True),
        ({"HOST": "127.0.0.1", "WEBHOOK_ALLOW_PRIVATE_TARGETS": "0"}, False),
    ],
)
def test_the_default_follows_the_listen_address(monkeypatch, tmp_path, env, allowed):
    values = settings_read_with(monkeypatch, tmp_path, **env)

    assert values["EMBEDDED"] is True
    assert values["WEBHOOK_ALLOW_PRIVATE_TARGETS"] is allowed


@pytest.mark.django_db
def test_a_server_listening_on_all_addresses_refuses_a_private_url(
    gql_client, settings, monkeypatch, tmp_path
):
    # Given an embedded server started with HOST=0.0.0.0 and the variable unset
    values = settings_read_with(monkeypatch, tmp_path, HOST="0.0.0.0")
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = values["WEBHOOK_ALLOW_PRIVATE_TARGETS"]

    # When a signed-in user points a webhook at the cloud metadata address
    answer = gql_client.query(
        CREATE, {"input": {"url": METADATA_URL, "events": ["PRODUCT_CREATED"]}}
    )

    # Then it is refused with a coded error on the url, and nothing is saved
    [message] = answer["data"]["createWebhook"]["messages"]
    assert (message["field"], message["code"]) == ("url", "invalid_url")
    assert "WEBHOOK_ALLOW_PRIVATE_TARGETS" in message["message"]
    assert not Webhook.objects.exists()
