"""The activity log: every kind of action is recorded with who, where and the request id,
never with a password, secret or token value, and in the same transaction as the action."""

import io
import json

import pytest
from asgiref.sync import async_to_sync
from django.test import Client

from activity.models import Entry
from conftest import PASSWORD, GraphQLClient
from core.ids import encode_id
from products.models import Product
from webhooks.models import Webhook

NEW_PASSWORD = "correct-horse-battery-9"


def run(client: GraphQLClient, document: str, variables=None, files=None) -> dict:
    result = client.query(document, variables, files=files)
    assert "errors" not in result, result
    return result["data"]


@pytest.fixture
def every_kind_of_action(gql_client, user, settings) -> list[str]:
    """Do one of every recorded action; return every secret value that was in play."""
    settings.EMAIL_DELIVERY = "none"
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True  # a loopback receiver, no DNS
    secrets = [PASSWORD, NEW_PASSWORD]
    token = run(gql_client, 'mutation { createApiToken(name: "shop") { token apiToken { id } } }')
    plaintext = token["createApiToken"]["token"]
    secrets.append(plaintext)
    bearer = GraphQLClient(Client(), headers={"Authorization": f"Bearer {plaintext}"})
    product = run(bearer, 'mutation { createProduct(input: {sku: "A-1", name: "Shoe"}) '
                          '{ ... on Product { id } } }')["createProduct"]["id"]
    run(gql_client, 'mutation($id: ID!) { updateProduct(input: {id: $id, name: "Boot"}) '
                    '{ ... on Product { id } } }', {"id": product})
    run(gql_client, 'mutation($id: ID!) { deleteProduct(id: $id) { ... on Product { id } } }',
        {"id": product})
    run(gql_client, "mutation { deleteAllProducts { deletedCount } }")
    hook = run(gql_client, 'mutation { createWebhook(input: {url: "http://127.0.0.1:9/h", '
                           'events: [PRODUCT_CREATED]}) { ... on Webhook { id secret } } }')
    hook_id = hook["createWebhook"]["id"]
    secrets.append(hook["createWebhook"]["secret"])
    run(gql_client, 'mutation($id: ID!) { updateWebhook(input: {id: $id, enabled: false}) '
                    '{ ... on Webhook { id } } }', {"id": hook_id})
    rotated = run(gql_client, 'mutation($id: ID!) { rotateWebhookSecret(id: $id) '
                              '{ ... on Webhook { secret } } }', {"id": hook_id})
    secrets.append(rotated["rotateWebhookSecret"]["secret"])
    run(gql_client, 'mutation($id: ID!) { deleteWebhook(id: $id) { ... on Webhook { id } } }',
        {"id": hook_id})
    upload = io.BytesIO(b"sku,name\nB-1,Hat\n")
    upload.name = "p.csv"
    job = run(gql_client, "mutation($file: Upload!) { importProducts(file: $file) "
                          "{ ... on ImportJob { id } } }", files={"file": upload})
    run(gql_client, 'mutation($id: ID!) { cancelImport(id: $id) { ... on ImportJob { id } } }',
        {"id": job["importProducts"]["id"]})
    run(gql_client, "mutation { exportProducts(format: CSV, filters: null) "
                    "{ ... on ExportJob { id } } }")
    invited = run(gql_client, 'mutation { invitePerson(email: "eve@example.com", role: EDITOR) '
                              '{ ... on InvitationSent { link } } }')
    link_token = invited["invitePerson"]["link"].rsplit("/", 1)[1]
    secrets.append(link_token)
    eve = run(GraphQLClient(Client()),
              "mutation($t: String!, $p: String!) { acceptInvitation(token: $t, username: "
              '"eve", password: $p) { ... on User { id } } }',
              {"t": link_token, "p": NEW_PASSWORD})["acceptInvitation"]["id"]
    run(gql_client, 'mutation($id: ID!) { changeRole(id: $id, role: VIEWER) { ... on User '
                    "{ role } } }", {"id": eve})
    run(gql_client, "mutation($id: ID!) { deactivatePerson(id: $id) { ... on User { id } } }",
        {"id": eve})
    run(gql_client, "mutation($id: ID!) { revokeApiToken(id: $id) { ... on ApiToken { id } } }",
        {"id": token["createApiToken"]["apiToken"]["id"]})
    anonymous = GraphQLClient(Client(REMOTE_ADDR="203.0.113.9"))
    anonymous.query('mutation { login(username: "alice", password: "wrong-pw-1") { id } }')
    anonymous.query("mutation($p: String!) { login(username: \"alice\", password: $p) { id } }",
                    {"p": PASSWORD})
    return secrets


def test_every_kind_of_action_is_recorded(every_kind_of_action):
    kinds = set(Entry.objects.values_list("kind", flat=True))

    assert {
        "token.created", "token.revoked", "product.created", "product.updated",
        "product.deleted", "products.deleted_all", "webhook.created", "webhook.updated",
        "webhook.secret_rotated", "webhook.deleted", "import.started", "import.cancelled",
        "export.started", "person.invited", "person.joined", "person.role_changed",
        "person.deactivated", "auth.sign_in_failed", "auth.signed_in",
    } <= kinds


def test_no_entry_holds_a_password_secret_or_token(every_kind_of_action):
    text = json.dumps(list(Entry.objects.values()), default=str)

    for secret in every_kind_of_action:
        assert secret not in text


def test_entries_say_who_through_which_token_from_where_with_the_request_id(
    every_kind_of_action,
):
    by_token = Entry.objects.get(kind="product.created")
    failed = Entry.objects.get(kind="auth.sign_in_failed")

    assert by_token.actor == "alice"
    assert by_token.token_label.startswith("shop (pit_")
    assert by_token.ip == "127.0.0.1"
    assert len(by_token.request_id) >= 8
    assert by_token.target_label == "A-1"
    assert (failed.actor, failed.target_label, failed.ip) == ("system", "alice", "203.0.113.9")


def test_admins_read_and_filter_the_log_newest_first(every_kind_of_action, gql_client, user):
    query = """query($kind: String, $user: ID) {
      activityEntries(kind: $kind, userId: $user, first: 50) {
        totalCount edges { node { kind actor at } } } }"""

    products = run(gql_client, query, {"kind": "product."})["activityEntries"]
    mine = run(gql_client, query, {"user": encode_id("User", user.pk)})["activityEntries"]

    kinds = [edge["node"]["kind"] for edge in products["edges"]]
    assert kinds == ["product.deleted", "product.updated", "product.created"]
    assert {edge["node"]["actor"] for edge in mine["edges"]} == {"alice"}
    ats = [edge["node"]["at"] for edge in mine["edges"]]
    assert ats == sorted(ats, reverse=True)


def read_stream(response) -> str:
    async def collect():
        return [part async for part in response.streaming_content]

    return "".join(
        part.decode() if isinstance(part, bytes) else part for part in async_to_sync(collect)()
    )


def test_the_log_exports_as_csv_for_admins_only(every_kind_of_action, user, django_user_model):
    admin = Client()
    admin.force_login(user)
    viewer = Client()
    viewer.force_login(django_user_model.objects.create_user("vi", password="pw-secret-123"))

    response = admin.get("/activity.csv?kind=webhook.")
    refused = viewer.get("/activity.csv")

    body = read_stream(response)
    lines = body.strip().splitlines()
    assert lines[0].startswith("at,kind,actor")
    assert [line.split(",")[1] for line in lines[1:]] == [
        "webhook.deleted", "webhook.secret_rotated", "webhook.updated", "webhook.created"
    ]
    assert refused.status_code == 403
    assert "Admin role" in refused.json()["errors"][0]["message"]


def test_when_the_log_cannot_be_written_the_action_is_not_made(gql_client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Entry.objects, "create", broken)

    result = gql_client.query('mutation { createProduct(input: {sku: "A", name: "B"}) '
                              "{ __typename } }")

    assert result["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert not Product.objects.exists()
    assert not Webhook.objects.exists()


def test_a_product_shows_its_last_manual_editor(gql_client):
    created = run(gql_client, 'mutation { createProduct(input: {sku: "A", name: "B"}) '
                              "{ ... on Product { id } } }")["createProduct"]["id"]

    product = run(gql_client, "query($id: ID!) { product(id: $id) { lastManualEdit "
                              "{ actor tokenLabel } } }", {"id": created})["product"]

    assert product["lastManualEdit"] == {"actor": "alice", "tokenLabel": None}
