"""Search and iContains give the contract's answers through the indexes, in both modes.

The embedded mode answers from FTS5 indexes (word prefixes, trigrams) and PostgreSQL from
its own; each case is compared with the rule itself, computed in Python.
"""

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from products import services
from products.accents import fold
from products.models import Product

PRODUCTS = """
query Products($filters: ProductFilter) {
  products(filters: $filters, first: 100, ordering: [{sku: ASC}]) {
    totalCount
    edges { node { sku } }
  }
}
"""
ROWS = [
    ("lay-raise-best-end", "Anna Smith", "A budget option.\nSecond line"),
    ("ÉCOLE-42", "Zoë Ünïcode", "Crème brûlée 3.5 kg"),
    ("x_y", "Eve", "snake_case sku"),
    ('quote"sku', "O'Brien & Sons", "50% off_today (really)"),
    ("ab", "a b", "A"),
    ("multi", "Straight Edge", "one two three, twofold"),
]
COLUMNS = ("sku", "name", "description")

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(db):
    for sku, name, description in ROWS:
        services.create_product(sku=sku, name=name, description=description)


def skus(client, filters) -> list[str]:
    result = client.query(PRODUCTS, {"filters": filters})
    assert "errors" not in result, result
    page = result["data"]["products"]
    assert page["totalCount"] == len(page["edges"])
    return sorted(edge["node"]["sku"] for edge in page["edges"])  # collations differ


def expected_search(query: str) -> list[str]:
    """The contract: every word starts a word of the sku, name or description, any case,
    accents aside."""
    words = [fold(word) for word in query.split()]
    found = [
        sku
        for sku, *texts in Product.objects.values_list("sku", "name", "description")
        if all(
            any(re.search(r"(^|[\W_])" + re.escape(word), fold(text), re.IGNORECASE)
                for text in (sku, *texts))
            for word in words
        )
    ]
    return sorted(found)


def expected_contains(column: str, term: str) -> list[str]:
    return sorted(
        sku
        for sku, text in Product.objects.values_list("sku", column)
        if term.casefold() in text.casefold()
    )


@pytest.mark.parametrize(
    "query",
    [
        "zoë", "ZOË", "ünï", "crè", "ecole", "école", "3.5", "3", "5", "a", "A", "ab", "b",
        "x", "y", "snake_case", "case", "raise-be", "RAISE-BE", "o'brien", "brien", "50%",
        "(really", "sons &", "budg second", "anna smith", "smith anna", '"sku', 'quote"',
        "off_t", "two", "twof", "twofold three", "on tw", "nope", "mith", "%", "",
    ],
)
def test_search_follows_the_rule(gql_client, catalogue, query):
    assert skus(gql_client, {"search": query}) == expected_search(query)


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize(
    "term",
    [
        "ünï", "ÜNÏC", "rème b", "e", "É", "ë", "zo", "oë", "a b", "%", "50%", "_", "f_t",
        "'b", '"s', "brûlée 3", "mith", "xyz", "sku", "A", "ab", "-42", "\n", "on.\nsec",
    ],
)
def test_icontains_is_a_case_insensitive_substring(gql_client, catalogue, column, term):
    assert skus(gql_client, {column: {"iContains": term}}) == expected_contains(column, term)


def test_the_indexes_follow_every_write(gql_client, catalogue):
    smith = Product.objects.get(sku="lay-raise-best-end")

    services.update_product(smith.pk, {"name": "Anna Jones"})
    assert skus(gql_client, {"search": "smith"}) == []
    assert skus(gql_client, {"name": {"iContains": "jone"}}) == ["lay-raise-best-end"]

    services.update_product(smith.pk, {"active": False})  # text unchanged
    assert skus(gql_client, {"search": "jones budg"}) == ["lay-raise-best-end"]

    services.delete_product(smith.pk)
    assert skus(gql_client, {"search": "jones"}) == []
    assert skus(gql_client, {"description": {"iContains": "budget"}}) == []

    with connection.cursor() as cursor:  # the import's way: an upsert on lower(sku)
        cursor.execute(
            "INSERT INTO products_product (sku, name, description, active, created_at, "
            "updated_at) VALUES ('QB-1', 'Quentin Blake', 'pencil', %s, %s, %s) "
            "ON CONFLICT (lower(sku)) DO UPDATE SET name = EXCLUDED.name",
            [True, "2020-01-01", "2020-01-01"],
        )
        cursor.execute(
            "INSERT INTO products_product (sku, name, description, active, created_at, "
            "updated_at) VALUES ('qb-1', 'Quentin Bloom', 'pencil', %s, %s, %s) "
            "ON CONFLICT (lower(sku)) DO UPDATE SET name = EXCLUDED.name",
            [True, "2020-01-01", "2020-01-01"],
        )
    assert skus(gql_client, {"search": "bloom penc"}) == ["QB-1"]
    assert skus(gql_client, {"search": "blake"}) == []
    assert skus(gql_client, {"name": {"iContains": "quentin b"}}) == ["QB-1"]


@pytest.mark.django_db(transaction=True)
def test_migrating_a_populated_catalogue_indexes_its_products(gql_client):
    executor = MigrationExecutor(connection)
    # Every app's latest: going back to 0004 also unapplies other apps' migrations that
    # depend on later products migrations, and the tests after this one need them.
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate([("products", "0004_row_count_triggers")])
    with connection.cursor() as cursor:
        for sku, name, description in [*ROWS, ("DK-1", "Sørensen Łódź", "Garðabær")]:
            cursor.execute(
                "INSERT INTO products_product (sku, name, description, active, created_at, "
                "updated_at) VALUES (%s, %s, %s, %s, %s, %s)",
                [sku, name, description, True, "2020-01-01", "2020-01-01"],
            )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(latest)

    assert skus(gql_client, {"search": "zoë crè"}) == ["ÉCOLE-42"]
    assert skus(gql_client, {"search": "sorensen lodz"}) == ["DK-1"]
    assert skus(gql_client, {"descriptionWords": "gardabae"}) == ["DK-1"]
    assert skus(gql_client, {"name": {"iContains": "ÜNÏC"}}) == ["ÉCOLE-42"]
    assert skus(gql_client, {"description": {"iContains": "twof"}}) == ["multi"]
    assert skus(gql_client, {"descriptionWords": "twof crè"}) == []
    assert skus(gql_client, {"descriptionWords": "crè brûl"}) == ["ÉCOLE-42"]
    assert skus(gql_client, {"active": {"exact": False}}) == []
    services.update_product(Product.objects.get(sku="multi").pk, {"active": False})
    assert skus(gql_client, {"active": {"exact": False}}) == ["multi"]


@pytest.mark.parametrize(
    "filters",
    [
        {"search": "budg"},
        {"search": "raise-be"},
        {"name": {"iContains": "ünï"}},
        {"description": {"iContains": "on"}},
        {"name": {"iContains": "smith"}, "active": {"exact": True}},
    ],
)
def test_many_matches_walk_the_order_and_give_the_same_page(
    gql_client, catalogue, monkeypatch, filters
):
    # Above SMALL_MATCH_COUNT the page walks the ordering index (SQLite: "+id IN").
    from products import counts

    by_id = skus(gql_client, filters)
    monkeypatch.setattr(counts, "SMALL_MATCH_COUNT", 0)

    assert skus(gql_client, filters) == by_id != []
