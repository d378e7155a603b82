"""products: keyset pages, exact totalCount, ordering, limits, no N+1."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from products.models import Product
from products.tests.factories import make_products

PRODUCTS = """
query Products($filters: ProductFilter, $ordering: [ProductOrder!], $first: Int, $after: String,
               $last: Int, $before: String) {
  products(filters: $filters, ordering: $ordering, first: $first, after: $after, last: $last,
           before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id sku name description active createdAt updatedAt } }
  }
}
"""

pytestmark = pytest.mark.django_db


def skus(result):
    return [edge["node"]["sku"] for edge in result["data"]["products"]["edges"]]


def test_default_order_is_most_recently_updated_first_with_exact_total(gql_client):
    make_products(5)

    result = gql_client.query(PRODUCTS, {"first": 3})

    assert skus(result) == ["SKU-0004", "SKU-0003", "SKU-0002"]
    assert result["data"]["products"]["totalCount"] == 5
    assert result["data"]["products"]["pageInfo"]["hasNextPage"] is True


def test_walking_pages_forward_and_back_visits_every_product_once(gql_client):
    make_products(7)
    seen, after = [], None
    while True:
        page = gql_client.query(PRODUCTS, {"first": 3, "after": after})["data"]["products"]
        seen += [edge["node"]["sku"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    assert seen == [f"SKU-{i:04d}" for i in range(6, -1, -1)]
    last_page = gql_client.query(PRODUCTS, {"last": 3})["data"]["products"]
    assert [e["node"]["sku"] for e in last_page["edges"]] == ["SKU-0002", "SKU-0001", "SKU-0000"]
    assert last_page["pageInfo"]["hasPreviousPage"] is True
    before = gql_client.query(PRODUCTS, {"last": 3, "before": last_page["pageInfo"]["startCursor"]})
    assert skus(before) == ["SKU-0005", "SKU-0004", "SKU-0003"]


def test_ties_are_broken_by_id_so_pages_never_repeat_or_skip(gql_client):
    make_products(6)
    Product.objects.update(name="Same")  # every product ties on name

    first = gql_client.query(PRODUCTS, {"first": 4, "ordering": [{"name": "ASC"}]})
    cursor = first["data"]["products"]["pageInfo"]["endCursor"]
    second = gql_client.query(
        PRODUCTS, {"first": 4, "after": cursor, "ordering": [{"name": "ASC"}]}
    )

    assert skus(first) + skus(second) == [f"SKU-{i:04d}" for i in range(6)]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ([{"sku": "ASC"}], ["SKU-0000", "SKU-0001", "SKU-0002"]),
        ([{"sku": "DESC"}], ["SKU-0002", "SKU-0001", "SKU-0000"]),
        ([{"createdAt": "ASC"}], ["SKU-0000", "SKU-0001", "SKU-0002"]),
        ([{"updatedAt": "DESC"}], ["SKU-0002", "SKU-0001", "SKU-0000"]),
        ([{"name": "DESC"}], ["SKU-0002", "SKU-0001", "SKU-0000"]),
    ],
)
def test_ordering_keys(gql_client, ordering, expected):
    make_products(3)

    assert skus(gql_client.query(PRODUCTS, {"ordering": ordering})) == expected


def test_first_over_500_is_a_validation_error(gql_client):
    result = gql_client.query(PRODUCTS, {"first": 501})

    assert result["data"] is None
    error = result["errors"][0]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "first"}
    assert "'first' can be at most 500" in error["message"]


def test_500_a_page_is_allowed(gql_client):
    make_products(3)

    assert len(skus(gql_client.query(PRODUCTS, {"first": 500}))) == 3


def test_a_malformed_cursor_is_a_clear_error(gql_client):
    result = gql_client.query(PRODUCTS, {"first": 2, "after": "garbage"})

    assert "Invalid cursor" in result["errors"][0]["message"]


def test_a_page_costs_two_queries_whatever_its_size(gql_client):
    make_products(60)

    with CaptureQueriesContext(connection) as small:
        gql_client.query(PRODUCTS, {"first": 5})
    with CaptureQueriesContext(connection) as large:
        gql_client.query(PRODUCTS, {"first": 60})

    catalogue = [q["sql"] for q in large.captured_queries if "products_" in q["sql"]]
    assert len(catalogue) == 2  # the page and its count, whatever the page size
    assert len(small.captured_queries) == len(large.captured_queries)


def test_anonymous_listing_is_unauthenticated(anon_gql_client):
    make_products(1)

    result = anon_gql_client.query(PRODUCTS, {"first": 1})

    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert result["data"] is None


def test_explicit_nulls_for_every_optional_argument_are_accepted(gql_client):
    # Generated clients send null for variables they do not set.
    make_products(2)
    variables = dict.fromkeys(("filters", "ordering", "first", "after", "last", "before"))

    result = gql_client.query(PRODUCTS, variables)

    assert skus(result) == ["SKU-0001", "SKU-0000"]
