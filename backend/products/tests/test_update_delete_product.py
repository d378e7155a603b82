"""updateProduct, deleteProduct, deleteAllProducts, product, productBySku."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.ids import encode_id
from products import signals
from products.models import Product
from products.tests.factories import make_products

FIELDS = "id sku name description active createdAt updatedAt"
INFO = "... on OperationInfo { messages { kind message field code } }"
UPDATE = f"""
mutation UpdateProduct($input: ProductPartialInput!) {{
  updateProduct(input: $input) {{ ... on Product {{ {FIELDS} }} {INFO} }}
}}
"""
DELETE = f"""
mutation DeleteProduct($id: ID!) {{
  deleteProduct(id: $id) {{ ... on Product {{ id sku }} {INFO} }}
}}
"""
DELETE_ALL = "mutation { deleteAllProducts { deletedCount } }"
PRODUCT = f"query Product($id: ID!) {{ product(id: $id) {{ {FIELDS} }} }}"
BY_SKU = f"query ProductBySku($sku: String!) {{ productBySku(sku: $sku) {{ {FIELDS} }} }}"

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(db):
    return Product.objects.create(sku="Widget-1", name="Widget", description="Blue")


@pytest.fixture
def received():
    """Collect the product signals sent, with whether a transaction was open."""
    events = []

    def record(signal_name):
        def receiver(sender, **kwargs):
            events.append((signal_name, kwargs, connection.in_atomic_block))

        return receiver

    receivers = {
        name: record(name)
        for name in (
            "product_created",
            "product_updated",
            "product_deleted",
            "products_bulk_deleted",
        )
    }
    for name, receiver in receivers.items():
        getattr(signals, name).connect(receiver)
    yield events
    for name, receiver in receivers.items():
        getattr(signals, name).disconnect(receiver)


def test_update_changes_only_the_fields_given(gql_client, product, received):
    result = gql_client.query(
        UPDATE, {"input": {"id": encode_id("Product", product.pk), "name": "  Gadget "}}
    )

    updated = result["data"]["updateProduct"]
    assert (updated["sku"], updated["name"], updated["description"]) == (
        "Widget-1",
        "Gadget",
        "Blue",
    )
    assert [(name, txn) for name, _, txn in received] == [("product_updated", True)]


def test_update_can_change_the_letter_case_of_its_own_sku(gql_client, product):
    result = gql_client.query(
        UPDATE, {"input": {"id": encode_id("Product", product.pk), "sku": "WIDGET-1"}}
    )

    assert result["data"]["updateProduct"]["sku"] == "WIDGET-1"


def test_update_to_another_products_sku_in_any_case_is_refused(gql_client, product):
    other = Product.objects.create(sku="other", name="Other")

    result = gql_client.query(
        UPDATE, {"input": {"id": encode_id("Product", other.pk), "sku": "widget-1", "name": "X"}}
    )

    messages = result["data"]["updateProduct"]["messages"]
    assert [m["field"] for m in messages] == ["sku"]
    other.refresh_from_db()
    assert (other.sku, other.name) == ("other", "Other")  # nothing half-written


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"sku": " "}, "sku"),
        ({"name": "n" * 256}, "name"),
        ({"active": None}, "active"),
    ],
)
def test_update_with_bad_values_writes_nothing(gql_client, product, changes, field):
    result = gql_client.query(UPDATE, {"input": {"id": encode_id("Product", product.pk)} | changes})

    assert result["data"]["updateProduct"]["messages"][0]["field"] == field
    product.refresh_from_db()
    assert (product.sku, product.name, product.active) == ("Widget-1", "Widget", True)


def test_unknown_ids_are_operation_info_on_id(gql_client, product):
    bad_id = encode_id("Product", 999999)
    for document, variables, key in (
        (UPDATE, {"input": {"id": bad_id, "name": "X"}}, "updateProduct"),
        (DELETE, {"id": bad_id}, "deleteProduct"),
    ):
        result = gql_client.query(document, variables)
        messages = result["data"][key]["messages"]
        assert messages[0]["field"] == "id"
        assert "No product with this id" in messages[0]["message"]
    assert Product.objects.count() == 1


@pytest.mark.parametrize("bad_id", ["nonsense", encode_id("User", 1), encode_id("Product", 0)])
def test_malformed_ids_or_ids_of_another_type_are_bad_user_input(gql_client, product, bad_id):
    for document, variables in (
        (UPDATE, {"input": {"id": bad_id, "name": "X"}}),
        (DELETE, {"id": bad_id}),
        (PRODUCT, {"id": bad_id}),
    ):
        result = gql_client.query(document, variables)
        error = result["errors"][0]
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "id"}
        assert error["message"].startswith("'id' is not the id of a product")
    assert Product.objects.count() == 1


def test_delete_answers_with_the_id_and_sku(gql_client, product, received):
    product_id = encode_id("Product", product.pk)

    result = gql_client.query(DELETE, {"id": product_id})

    assert result["data"]["deleteProduct"] == {"id": product_id, "sku": "Widget-1"}
    assert not Product.objects.exists()
    assert received[0][0] == "product_deleted"
    assert received[0][1]["sku"] == "Widget-1"


def test_delete_all_uses_one_statement_and_one_event(gql_client, received):
    make_products(25)

    with CaptureQueriesContext(connection) as queries:
        result = gql_client.query(DELETE_ALL)

    assert result["data"]["deleteAllProducts"]["deletedCount"] == 25
    assert not Product.objects.exists()
    statements = [q["sql"] for q in queries.captured_queries if "products_product" in q["sql"]]
    assert len(statements) == 1 and "DELETE FROM" in statements[0].replace("\"", "")
    assert [(name, kwargs["deleted_count"]) for name, kwargs, _ in received] == [
        ("products_bulk_deleted", 25)
    ]


def test_product_by_id_and_by_sku_in_any_case(gql_client, product):
    product_id = encode_id("Product", product.pk)

    assert gql_client.query(PRODUCT, {"id": product_id})["data"]["product"]["sku"] == "Widget-1"
    assert gql_client.query(BY_SKU, {"sku": "wIdGeT-1"})["data"]["productBySku"]["id"] == product_id
    assert gql_client.query(BY_SKU, {"sku": "nope"})["data"]["productBySku"] is None
    assert (
        gql_client.query(PRODUCT, {"id": encode_id("Product", 424242)})["data"]["product"] is None
    )


def test_product_with_a_malformed_id_is_a_clear_error(gql_client, product):
    result = gql_client.query(PRODUCT, {"id": "%%%"})

    error = result["errors"][0]
    assert error["message"] == (
        "'id' is not the id of a product: pass an id exactly as this API returned it."
    )
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "id"}


def _update(gql_client, product, **fields):
    return gql_client.query(
        UPDATE, {"input": {"id": encode_id("Product", product.pk), **fields}}
    )["data"]["updateProduct"]


def test_update_from_the_current_version_is_saved(gql_client, product):
    seen = gql_client.query(PRODUCT, {"id": encode_id("Product", product.pk)})["data"]["product"]

    updated = _update(gql_client, product, name="Gadget", expectedUpdatedAt=seen["updatedAt"])

    assert updated["name"] == "Gadget"


def test_update_from_a_stale_version_is_refused_naming_the_fields_it_would_replace(
    gql_client, product
):
    # Given two tabs opened on the same product, and tab B renames it
    seen_by_a = gql_client.query(PRODUCT, {"id": encode_id("Product", product.pk)})["data"][
        "product"
    ]
    _update(gql_client, product, name="Renamed in B", expectedUpdatedAt=seen_by_a["updatedAt"])

    # When tab A saves from the version it saw, putting the old name back
    refused = _update(
        gql_client,
        product,
        sku="Widget-1",
        name="Widget",
        description="Red",
        expectedUpdatedAt=seen_by_a["updatedAt"],
    )

    # Then it is refused with a coded conflict and B's name stays
    [message] = refused["messages"]
    assert message["code"] == "conflict"
    assert message["field"] == "expectedUpdatedAt"
    assert "name, description" in message["message"]
    product.refresh_from_db()
    assert (product.name, product.description) == ("Renamed in B", "Blue")


def test_update_without_a_version_still_overwrites(gql_client, product):
    _update(gql_client, product, name="Renamed in B")

    updated = _update(gql_client, product, name="Widget", description="Red")

    assert (updated["name"], updated["description"]) == ("Widget", "Red")
