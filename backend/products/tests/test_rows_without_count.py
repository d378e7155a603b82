"""The page of rows and the total asked for in separate requests give what one request gives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from products import counts
from products.models import Product
from products.tests.factories import make_products

pytestmark = pytest.mark.django_db

BOTH = """
query Products($filters: ProductFilter, $first: Int) {
  products(filters: $filters, first: $first) { totalCount edges { node { sku } } }
}
"""
ROWS = """
query Products($filters: ProductFilter, $first: Int) {
  products(filters: $filters, first: $first) {
    pageInfo { hasNextPage } edges { node { sku } }
  }
}
"""
COUNT_ONLY = """
query ProductsCount($filters: ProductFilter) {
  products(filters: $filters) { ...Counted }
}
fragment Counted on ProductConnection { totalCount }
"""

FILTERS = [
    {"name": {"iContains": "1"}},
    {"search": "product"},
    {"description": {"iContains": "description 2"}},
    {"sku": {"iStartsWith": "sku-001"}, "active": {"exact": True}},
    {"name": {"iContains": "no such name"}},
]


def skus(answer):
    return [edge["node"]["sku"] for edge in answer["data"]["products"]["edges"]]


@pytest.mark.parametrize("small", [counts.SMALL_MATCH_COUNT, 3])
def test_rows_alone_are_the_rows_of_the_page_with_its_count(gql_client, monkeypatch, small):
    """Both plans (few matches: read by ids; many: walk the order) give the same page."""
    monkeypatch.setattr(counts, "SMALL_MATCH_COUNT", small)
    make_products(40)
    for filters in FILTERS:
        both = gql_client.query(BOTH, {"filters": filters, "first": 5})
        rows = gql_client.query(ROWS, {"filters": filters, "first": 5})
        assert skus(rows) == skus(both), filters
        expected = both["data"]["products"]["totalCount"]
        assert rows["data"]["products"]["pageInfo"]["hasNextPage"] == (expected > 5)


def test_the_count_alone_is_exact(gql_client):
    make_products(40)
    Product.objects.filter(sku__in=["SKU-0011", "SKU-0012"]).update(active=False)
    for filters, queryset in [
        (None, Product.objects.all()),
        ({"name": {"iContains": "1"}}, Product.objects.filter(name__icontains="1")),
        (
            {"name": {"iContains": "1"}, "active": {"exact": True}},
            Product.objects.filter(name__icontains="1", active=True),
        ),
        (
            {"search": "product 3"},
            Product.objects.filter(name__in=["Product 3"] + [f"Product 3{i}" for i in range(10)]),
        ),
    ]:
        answer = gql_client.query(COUNT_ONLY, {"filters": filters})
        assert answer["data"]["products"]["totalCount"] == queryset.count(), filters


def test_rows_alone_run_no_count(gql_client):
    """A request for rows alone never waits for a count of the matches."""
    make_products(40)
    with CaptureQueriesContext(connection) as queries:
        rows = gql_client.query(ROWS, {"filters": {"name": {"iContains": "1"}}, "first": 5})
    assert len(skus(rows)) == 5
    statements = [query["sql"].upper() for query in queries.captured_queries]
    assert not [sql for sql in statements if "COUNT(" in sql and "products_product" in sql.lower()]
