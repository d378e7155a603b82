"""setProductsActive: a selection, or every product a filter selects, activated or
deactivated as one action with one event, undone by revertImport through the change log."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from strawberry.relay import to_base64

from conftest import GraphQLClient
from imports.api import schema_bulk
from imports.models import ImportJob
from products.models import Product
from products.services import create_product, update_product
from webhooks.models import WebhookEvent
from webhooks.services import create_webhook

pytestmark = pytest.mark.django_db

SET_ACTIVE = """
mutation SetActive($active: Boolean!, $ids: [ID!], $filters: ProductFilter) {
  setProductsActive(active: $active, ids: $ids, filters: $filters) {
    ... on SetProductsActiveResult {
      changedCount
      job { id fileName updatedCount revertBlockedReason }
    }
    ... on OperationInfo { messages { field message code } }
  }
}
"""


@pytest.fixture
def shelf(db, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    create_webhook(url="http://127.0.0.1:9/hook", events=["products.bulk_updated",
                                                        "product.updated", "import.finished"])
    for sku, name, active in [("TEA-1", "Green tea", True), ("TEA-2", "Black tea", True),
                              ("TEA-3", "White tea", False), ("MUG-1", "Mug", True)]:
        create_product(sku=sku, name=name, active=active)
    WebhookEvent.objects.all().delete()


def active_by_sku():
    return dict(Product.objects.order_by("sku").values_list("sku", "active"))


def gid(sku):
    return to_base64("Product", Product.objects.get(sku=sku).pk)


def test_deactivating_all_matching_a_filter_is_one_action_undone_by_revert(
    gql_client, shelf, run_revert
):
    answer = gql_client.query(SET_ACTIVE, {"active": False, "filters": {"search": "tea"}})
    result = answer["data"]["setProductsActive"]

    assert result["changedCount"] == 2  # TEA-3 was inactive already
    assert result["job"]["fileName"] == "Deactivate (2 products)"
    assert result["job"]["revertBlockedReason"] is None
    assert active_by_sku() == {"MUG-1": True, "TEA-1": False, "TEA-2": False, "TEA-3": False}
    [event] = WebhookEvent.objects.all()
    data = json.loads(event.payload)["data"]
    assert (event.type, data["action"], data["changedCount"]) == ("products.bulk_updated",
                                                                  "deactivate", 2)
    assert data["id"] == result["job"]["id"]
    assert data["changes"]["csvUrl"].endswith("/changes.csv")

    job = ImportJob.objects.get(pk=Product.objects.get(sku="TEA-1").last_import_id)
    revert = run_revert(job)
    assert (revert.restored_count, revert.conflict_count) == (2, 0)
    assert active_by_sku() == {"MUG-1": True, "TEA-1": True, "TEA-2": True, "TEA-3": False}


def test_activating_a_selection_keeps_later_edits_as_conflicts_on_undo(
    gql_client, shelf, run_revert
):
    answer = gql_client.query(SET_ACTIVE, {"active": True, "ids": [gid("TEA-3"), gid("MUG-1")]})
    assert answer["data"]["setProductsActive"]["changedCount"] == 1
    assert active_by_sku()["TEA-3"] is True
    update_product(Product.objects.get(sku="TEA-3").pk, {"name": "Renamed"})

    job = ImportJob.objects.get(file_name="Activate (1 product)")
    revert = run_revert(job)
    assert (revert.restored_count, revert.conflict_count) == (0, 1)
    assert active_by_sku()["TEA-3"] is True


def test_nothing_to_change_makes_no_job_and_no_event(gql_client, shelf):
    answer = gql_client.query(SET_ACTIVE, {"active": True, "ids": [gid("MUG-1")]})
    assert answer["data"]["setProductsActive"] == {"changedCount": 0, "job": None}
    assert not ImportJob.objects.exists()
    assert not WebhookEvent.objects.exists()


@pytest.mark.parametrize(
    ("variables", "code", "words"),
    [
        ({"active": False}, "required", "either `ids`"),
        ({"active": False, "ids": [], "filters": {}}, "required", "not both"),
        ({"active": False, "ids": ["nope"]}, "bad_id", "is not a product id"),
        ({"active": False, "filters": {"createdAt": {"gt": "9999-12-31T23:59:59+14:00"}}},
         None, ""),
    ],
)
def test_a_wrong_call_changes_nothing_and_says_why(gql_client, shelf, variables, code, words):
    before = active_by_sku()
    answer = gql_client.query(SET_ACTIVE, variables)
    assert active_by_sku() == before
    assert not ImportJob.objects.exists()
    if code is None:  # a filter that matches nothing is no error
        assert answer["data"]["setProductsActive"]["changedCount"] == 0
        return
    [message] = answer["data"]["setProductsActive"]["messages"]
    assert message["field"] == "ids" and message["code"] == code and words in message["message"]


def test_too_many_ids_are_refused(gql_client, shelf, monkeypatch):
    monkeypatch.setattr(schema_bulk, "MAX_IDS", 1)
    answer = gql_client.query(SET_ACTIVE, {"active": False, "ids": [gid("TEA-1"), gid("TEA-2")]})
    [message] = answer["data"]["setProductsActive"]["messages"]
    assert message["code"] == "too_many" and "Use `filters`" in message["message"]
    assert active_by_sku()["TEA-1"] is True


def test_viewers_may_not_change_products_in_bulk(shelf):
    viewer = get_user_model().objects.create_user(username="v", password="x" * 20, role="viewer")
    client = Client()
    client.force_login(viewer)
    answer = GraphQLClient(client).query(SET_ACTIVE, {"active": False, "filters": {}})
    assert answer["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert active_by_sku()["TEA-1"] is True
