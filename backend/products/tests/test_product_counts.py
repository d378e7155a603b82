"""totalCount stays exact through every kind of write (trigger-kept counts on PostgreSQL)."""

import pytest
from django.db import connection

from products import counts, services
from products.models import Product
from products.tests.factories import make_products

COUNT = """
query Products($filters: ProductFilter) { products(filters: $filters, first: 1) { totalCount } }
"""

pytestmark = pytest.mark.django_db


def total(client, filters=None):
    return client.query(COUNT, {"filters": filters})["data"]["products"]["totalCount"]


def assert_counts_exact(client):
    assert total(client) == Product.objects.count()
    for active in (True, False):
        expected = Product.objects.filter(active=active).count()
        assert total(client, {"active": {"exact": active}}) == expected


def test_counts_follow_creates_updates_deletes_and_bulk_writes(gql_client):
    assert_counts_exact(gql_client)
    make_products(30)
    assert_counts_exact(gql_client)

    services.create_product(sku="new-1", name="New", active=False)
    Product.objects.filter(sku__in=["SKU-0001", "SKU-0002"]).update(active=False)
    assert_counts_exact(gql_client)

    Product.objects.filter(sku="SKU-0001").update(name="renamed")  # active unchanged
    services.delete_product(Product.objects.get(sku="SKU-0003").pk)
    Product.objects.filter(active=False).update(active=True)
    assert_counts_exact(gql_client)

    counts.compact()
    assert_counts_exact(gql_client)

    services.delete_all_products()
    assert total(gql_client) == 0
    assert_counts_exact(gql_client)


def test_counts_survive_truncate(gql_client):
    make_products(5)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE products_product")
    else:
        Product.objects.all().delete()

    assert total(gql_client) == 0
    make_products(2)
    assert_counts_exact(gql_client)


def test_other_filters_count_the_matching_rows(gql_client):
    make_products(12)

    assert total(gql_client, {"sku": {"iStartsWith": "sku-000"}}) == 10
    assert total(gql_client, {"NOT": {"active": {"exact": True}}}) == 0
    assert total(gql_client, {"active": {"exact": True}, "name": {"iContains": "1"}}) == 3


def test_compact_corrects_a_count_that_drifted(gql_client):
    make_products(6)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # a lost update, as a racing bulk write could leave
            cursor.execute("INSERT INTO products_count_delta (active, delta) VALUES (true, 3)")
        assert total(gql_client) == 9

    counts.compact()

    assert_counts_exact(gql_client)
