"""A filtered totalCount is reused while the catalogue is unchanged, and never after a write."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from products import count_cache, counts, services
from products.models import Product
from products.tests.factories import make_products

# Outside a test transaction: the cache stands aside inside transactions.
pytestmark = pytest.mark.django_db(transaction=True)

PAGE = """
query Page($filters: ProductFilter, $after: String) {
  products(filters: $filters, first: 2, after: $after) {
    totalCount
    pageInfo { endCursor }
  }
}
"""
NAME_HAS_1 = {"name": {"iContains": "t 1"}}  # "Product 1", "Product 10".."Product 19"


@pytest.fixture(autouse=True)
def _fresh_cache():
    count_cache.clear()


def page(client, filters, after=None):
    result = client.query(PAGE, {"filters": filters, "after": after})
    assert "errors" not in result, result
    return result["data"]["products"]


def counted(queries) -> bool:
    return any("COUNT(" in query["sql"].upper() for query in queries)


def test_the_next_page_of_the_same_filter_reuses_the_count(gql_client):
    make_products(25)
    first = page(gql_client, NAME_HAS_1)

    with CaptureQueriesContext(connection) as queries:
        second = page(gql_client, NAME_HAS_1, after=first["pageInfo"]["endCursor"])

    assert first["totalCount"] == second["totalCount"] == 11
    assert not counted(queries.captured_queries)


def test_other_filters_are_counted_on_their_own(gql_client):
    make_products(25)
    assert page(gql_client, NAME_HAS_1)["totalCount"] == 11

    assert page(gql_client, {"name": {"iContains": "t 2"}})["totalCount"] == 6


@pytest.mark.parametrize(
    "write",
    [
        lambda: services.create_product(sku="extra", name="Product 1 extra"),
        lambda: services.update_product(
            Product.objects.get(sku="SKU-0003").pk, {"name": "Product 1 renamed"}
        ),
        lambda: services.delete_product(Product.objects.get(sku="SKU-0001").pk),
        lambda: Product.objects.filter(sku="SKU-0012").update(name="Product 99"),
        lambda: services.delete_all_products(),
    ],
    ids=["create", "update", "delete", "queryset-update", "delete-all"],
)
def test_any_write_makes_the_next_count_exact(gql_client, write):
    make_products(25)
    assert page(gql_client, NAME_HAS_1)["totalCount"] == 11

    write()

    expected = Product.objects.filter(name__icontains="t 1").count()
    assert page(gql_client, NAME_HAS_1)["totalCount"] == expected != 11


def test_a_bulk_writer_that_takes_over_the_counts_still_moves_the_version(gql_client):
    # The import writes with one INSERT ... ON CONFLICT per chunk, the count triggers
    # standing aside (products/counts.py); the data version must move all the same.
    make_products(25)
    assert page(gql_client, NAME_HAS_1)["totalCount"] == 11
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            counts.take_over_counts(cursor)
        cursor.execute(
            "INSERT INTO products_product (sku, name, description, active, created_at, "
            "updated_at) VALUES ('bulk-1', 'Product 1 bulk', '', %s, %s, %s), "
            "('bulk-2', 'Product 1 bulk too', '', %s, %s, %s) "
            "ON CONFLICT (lower(sku)) DO UPDATE SET name = EXCLUDED.name",
            [True, "2020-01-01", "2020-01-01"] * 2,
        )
        if connection.vendor == "postgresql":
            counts.record(cursor, {True: 2})

    assert page(gql_client, NAME_HAS_1)["totalCount"] == 13


def test_folding_the_version_rows_keeps_reusing_the_count(gql_client):
    make_products(25)
    before = count_cache.data_version()
    first = page(gql_client, NAME_HAS_1)

    counts.compact()

    assert count_cache.data_version() == before
    with CaptureQueriesContext(connection) as queries:
        page(gql_client, NAME_HAS_1, after=first["pageInfo"]["endCursor"])
    assert not counted(queries.captured_queries)


def test_after_bulk_write_keeps_every_answer(gql_client):
    make_products(25)
    before = page(gql_client, {"search": "product 1"})["totalCount"]

    services.after_bulk_write()

    assert page(gql_client, {"search": "product 1"})["totalCount"] == before == 11
    assert page(gql_client, NAME_HAS_1)["totalCount"] == 11
