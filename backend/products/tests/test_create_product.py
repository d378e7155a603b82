"""createProduct: validation, case-insensitive SKUs, no partial writes."""

import pytest

from products.models import Product

CREATE = """
mutation CreateProduct($input: ProductInput!) {
  createProduct(input: $input) {
    ... on Product { id sku name description active createdAt updatedAt }
    ... on OperationInfo { messages { kind message field code } }
  }
}
"""

pytestmark = pytest.mark.django_db


def test_creates_a_trimmed_active_product(gql_client):
    result = gql_client.query(
        CREATE, {"input": {"sku": "  Widget-1 ", "name": " Widget ", "description": "Blue"}}
    )

    product = result["data"]["createProduct"]
    assert product["sku"] == "Widget-1"
    assert product["name"] == "Widget"
    assert product["active"] is True
    assert Product.objects.get().sku == "Widget-1"


def test_duplicate_sku_in_another_case_is_refused_on_the_sku_field(gql_client):
    Product.objects.create(sku="widget-1", name="First")

    result = gql_client.query(CREATE, {"input": {"sku": "WIDGET-1", "name": "Second"}})

    messages = result["data"]["createProduct"]["messages"]
    assert [m["field"] for m in messages] == ["sku"]
    assert "already exists" in messages[0]["message"]
    assert list(Product.objects.values_list("name", flat=True)) == ["First"]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("sku", "", "SKU is required"),
        ("sku", "   ", "SKU is required"),
        ("name", "\t ", "Name is required"),
        ("sku", "x" * 256, "at most 255 characters"),
        ("name", "n" * 256, "at most 255 characters"),
    ],
)
def test_bad_fields_are_reported_per_field_and_nothing_is_written(
    gql_client, field, value, expected
):
    payload = {"sku": "ok-sku", "name": "Ok"} | {field: value}

    result = gql_client.query(CREATE, {"input": payload})

    messages = result["data"]["createProduct"]["messages"]
    assert len(messages) == 1
    assert messages[0]["field"] == field
    assert expected in messages[0]["message"]
    assert Product.objects.count() == 0


def test_several_bad_fields_give_one_message_each(gql_client):
    result = gql_client.query(CREATE, {"input": {"sku": "", "name": ""}})

    fields = sorted(m["field"] for m in result["data"]["createProduct"]["messages"])
    assert fields == ["name", "sku"]


def test_anonymous_call_is_unauthenticated(anon_gql_client):
    result = anon_gql_client.query(CREATE, {"input": {"sku": "a", "name": "b"}})

    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert Product.objects.count() == 0
