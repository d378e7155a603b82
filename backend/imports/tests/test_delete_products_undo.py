"""deleteProducts is recorded so that revertImport brings the products back: same ids,
values, creation time and provenance; one event for the deletion, one for the revert."""

import json

import pytest
from gql import Client, GraphQLRequest
from gql.transport.httpx import HTTPXTransport

from accounts.services import create_api_token
from imports import services
from imports.models import ImportJob
from products.models import Product
from webhooks.models import WebhookEvent
from webhooks.services import create_webhook

pytestmark = pytest.mark.django_db(transaction=True)

DELETE = """mutation($skus: [String!]) { deleteProducts(skus: $skus) {
  ... on DeleteProductsResult { deletedCount notFoundSkus job { id status deletedCount } }
  ... on OperationInfo { messages { field message code } } } }"""
REVERT = """mutation($id: ID!) { revertImport(id: $id) {
  ... on ImportJob { id status }
  ... on OperationInfo { messages { field message code } } } }"""


@pytest.fixture
def session(live_server_asgi, user):
    token = create_api_token(user, "connector")[1]
    transport = HTTPXTransport(url=f"{live_server_asgi.url}/graphql/",
                               headers={"Authorization": f"Bearer {token}"}, timeout=60)
    with Client(transport=transport, fetch_schema_from_transport=True) as session:
        yield session


def snapshot():
    return {p.pk: (p.sku, p.name, p.description, p.active, p.created_at, p.last_import_id,
                   p.last_import_line, p.created_by_import_id)
            for p in Product.objects.order_by("pk")}


def test_a_bulk_delete_is_undone_by_revert_import(session, settings, run_import):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    create_webhook(url="http://127.0.0.1:9/hook",
                   events=["products.bulk_deleted", "import.reverted", "import.finished"])
    imported = run_import(b"sku,name,description,active\nA-1,One,first,yes\nA-2,Two,,no\n")
    Product.objects.create(sku="HAND-1", name="By hand", description="typed")
    before = snapshot()
    events_before = WebhookEvent.objects.count()

    deleted = session.execute(GraphQLRequest(
        DELETE, variable_values={"skus": ["a-1", "A-2", "hand-1", "nope"]}))["deleteProducts"]

    assert deleted["deletedCount"] == 3
    assert deleted["notFoundSkus"] == ["nope"]
    assert deleted["job"]["status"] == "COMPLETED"
    assert deleted["job"]["deletedCount"] == 3
    assert not Product.objects.exists()
    new_events = list(WebhookEvent.objects.order_by("id")[events_before:])
    assert [e.type for e in new_events] == ["products.bulk_deleted"]
    assert json.loads(new_events[0].payload)["data"]["deletedCount"] == 3

    revert = session.execute(GraphQLRequest(REVERT, variable_values={"id": deleted["job"]["id"]}))
    services.process_queue()

    assert revert["revertImport"]["status"] == "PENDING"
    job = ImportJob.objects.get(kind="REVERT")
    assert (job.status, job.restored_count, job.conflict_count) == ("COMPLETED", 3, 0)
    assert snapshot() == before
    assert Product.objects.get(sku="A-1").last_import_id == imported.pk
    assert WebhookEvent.objects.filter(type="import.reverted").count() == 1


def test_a_sku_taken_again_since_is_a_conflict_and_the_rest_come_back(session):
    Product.objects.create(sku="X-1", name="One")
    Product.objects.create(sku="X-2", name="Two")
    deleted = session.execute(GraphQLRequest(
        DELETE, variable_values={"skus": ["X-1", "X-2"]}))["deleteProducts"]
    Product.objects.create(sku="x-1", name="New one")

    session.execute(GraphQLRequest(REVERT, variable_values={"id": deleted["job"]["id"]}))
    services.process_queue()

    job = ImportJob.objects.get(kind="REVERT")
    assert (job.restored_count, job.conflict_count) == (1, 1)
    assert sorted(Product.objects.values_list("sku", "name")) == [("X-2", "Two"),
                                                                  ("x-1", "New one")]


def test_nothing_deleted_means_no_job(session):
    deleted = session.execute(GraphQLRequest(
        DELETE, variable_values={"skus": ["none"]}))["deleteProducts"]

    assert deleted["deletedCount"] == 0
    assert deleted["job"] is None
    assert not ImportJob.objects.exists()
