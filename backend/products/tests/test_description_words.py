"""The ``descriptionWords`` filter: every word of the text starts a word of the description.

Run in both modes: PostgreSQL answers from the description's own vector and its GIN index,
SQLite from the FTS5 word index's description column. Each case is compared with the rule
computed in Python, and every ``totalCount`` with a ``SELECT count(*)`` whose predicate is
the rule as a regular expression over every row (no index involved).
"""

import random
import re

import pytest
from django.db import connection

from products import counts, fulltext, services
from products.accents import fold
from products.models import Product
from products.search import MAX_DESCRIPTION_WORDS_LENGTH, MAX_QUERY_WORDS

pytestmark = pytest.mark.django_db

PRODUCTS = """
query Products($filters: ProductFilter, $first: Int) {
  products(filters: $filters, first: $first, ordering: [{sku: ASC}]) {
    totalCount
    edges { node { sku } }
  }
}
"""
COUNT = """
query ProductsCount($filters: ProductFilter) { products(filters: $filters) { totalCount } }
"""
# The words of the SKU and name never count: "anna", "budget" and "zoe" are in names and
# SKUs of products whose descriptions lack them.
ROWS = [
    ("lay-raise-best-end", "Anna Smith", "A budget option.\nSecond line"),
    ("budget-1", "Budget Bob", "Plain"),
    ("ECOLE-42", "Zoë Ünïcode", "Crème brûlée 3.5 kg, Größe 42"),
    ("x_y", "Eve", "snake_case sku"),
    ("quote", "O'Brien & Sons", "50% off_today (really)"),
    ("multi", "Straight Edge", "one two three, twofold; lay-raise-best"),
    ("empty", "Nothing", ""),
]


@pytest.fixture
def catalogue(db):
    for sku, name, description in ROWS:
        services.create_product(sku=sku, name=name, description=description)


def skus(client, text: str) -> list[str]:
    result = client.query(PRODUCTS, {"filters": {"descriptionWords": text}, "first": 100})
    assert "errors" not in result, result
    page = result["data"]["products"]
    assert page["totalCount"] == len(page["edges"])
    return sorted(edge["node"]["sku"] for edge in page["edges"])


def expected(text: str) -> list[str]:
    """The rule in Python: every word (the first ten) starts a word of the description."""
    words = [fold(word) for word in text.split()[:MAX_QUERY_WORDS]]
    return sorted(
        sku
        for sku, description in Product.objects.values_list("sku", "description")
        if all(
            re.search(r"(^|[\W_])" + re.escape(word), fold(description), re.IGNORECASE)
            for word in words
        )
    )


def counted_by_sql(text: str) -> int:
    """``SELECT count(*)`` of the rule as a regular expression on each row's description."""
    words = [fold(word) for word in text.split()[:MAX_QUERY_WORDS]]
    if connection.vendor == "postgresql":
        test = "products_unaccent(description) ~* %s"
        patterns = [
            "(^|[^[:alnum:]])" + "".join(c if c.isalnum() else "\\" + c for c in w) for w in words
        ]
    else:
        test = "products_fold(description) REGEXP %s"
        patterns = ["(?i)(^|[\\W_])" + re.escape(word) for word in words]
    where = " AND ".join([test] * len(patterns)) or "TRUE"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM products_product WHERE {where}", patterns)
        return cursor.fetchone()[0]


@pytest.mark.parametrize(
    "text",
    [
        "budg", "BUDGET", "budg sec", "second", "anna", "smith", "zoe", "a", "A", "ab",
        "creme", "CRÈME", "crè brul", "grosse", "größe", "3.5", "3", "5", "42", "kg",
        "snake_case", "case", "snake", "sku", "raise-be", "RAISE-BE", "lay-raise", "best",
        "50%", "%", "(really", "really", "off_t", "today", "two", "twof", "twofold three",
        "on tw", "o", "nope", "mith", "", "   ", "\n",
    ],
)
def test_every_word_starts_a_word_of_the_description(gql_client, catalogue, text):
    found = skus(gql_client, text)

    assert found == expected(text)
    assert len(found) == counted_by_sql(text)


def test_words_of_the_sku_and_name_do_not_count(gql_client, catalogue):
    assert skus(gql_client, "anna") == []
    assert skus(gql_client, "budget") == ["lay-raise-best-end"]
    assert skus(gql_client, "zoe creme") == []
    assert skus(gql_client, "creme") == ["ECOLE-42"]


def test_the_index_answers_as_a_scan_of_every_description_does(gql_client, catalogue, monkeypatch):
    # SQLite during a bulk import (its FTS5 tables lag): the same answers by scanning.
    indexed = {text: skus(gql_client, text) for text in ("budg sec", "raise-be", "grosse", "3.5")}
    monkeypatch.setattr(fulltext, "kept_in_step", lambda connection=None: False)

    assert {text: skus(gql_client, text) for text in indexed} == indexed
    assert indexed["budg sec"] == ["lay-raise-best-end"]


def test_total_count_is_exact_on_a_larger_catalogue(gql_client, monkeypatch):
    rnd = random.Random(5)
    vocabulary = [
        "budget", "budge", "budapest", "crème", "creme", "größe", "grosse", "œuvre", "second",
        "sec", "x-ray", "ray", "3.5kg", "snake_case", "one", "only", "on", "lay-raise-best",
    ]
    Product.objects.bulk_create(
        Product(
            sku=f"P-{index:04d}",
            name=f"budget {rnd.choice(vocabulary)}",
            description=" ".join(rnd.choice(vocabulary) for _ in range(rnd.randint(0, 6))),
        )
        for index in range(400)
    )
    texts = ["b", "budg", "budge", "bud sec", "creme", "gro", "oeuvre", "ray", "x-r", "3.5",
             "on", "onl", "case", "raise-be", "zzz"]
    # Few matches are paged over their ids, many by walking the order (products/counts.py).
    for small_match_count in (0, 5000):
        monkeypatch.setattr(counts, "SMALL_MATCH_COUNT", small_match_count)
        for text in texts:
            filters = {"descriptionWords": text}
            total = gql_client.query(COUNT, {"filters": filters})["data"]["products"]
            page = gql_client.query(PRODUCTS, {"filters": filters, "first": 3})
            rows = page["data"]["products"]
            assert total["totalCount"] == counted_by_sql(text) == len(expected(text)), text
            assert rows["totalCount"] == total["totalCount"], text
            assert [e["node"]["sku"] for e in rows["edges"]] == expected(text)[:3], text


def test_the_filter_follows_every_write(gql_client, catalogue):
    anna = Product.objects.get(sku="lay-raise-best-end")

    services.update_product(anna.pk, {"description": "Premium sofa"})
    assert skus(gql_client, "budg") == []
    assert skus(gql_client, "sofa prem") == ["lay-raise-best-end"]

    services.update_product(anna.pk, {"name": "Renamed"})  # the description unchanged
    assert skus(gql_client, "sofa") == ["lay-raise-best-end"]

    Product.objects.filter(sku="budget-1").update(description="changed by a queryset")
    assert skus(gql_client, "queryset chan") == ["budget-1"]

    with connection.cursor() as cursor:  # the import's way: an upsert on lower(sku)
        cursor.execute(
            "INSERT INTO products_product (sku, name, description, active, created_at, "
            "updated_at) VALUES ('QB-1', 'Quentin', 'pencil drawing', %s, %s, %s) "
            "ON CONFLICT (lower(sku)) DO UPDATE SET description = EXCLUDED.description",
            [True, "2020-01-01", "2020-01-01"],
        )
        cursor.execute(
            "INSERT INTO products_product (sku, name, description, active, created_at, "
            "updated_at) VALUES ('qb-1', 'Quentin', 'ink wash', %s, %s, %s) "
            "ON CONFLICT (lower(sku)) DO UPDATE SET description = EXCLUDED.description",
            [True, "2020-01-01", "2020-01-01"],
        )
    assert skus(gql_client, "ink") == ["QB-1"]
    assert skus(gql_client, "pencil") == []

    services.delete_product(anna.pk)
    assert skus(gql_client, "sofa") == []


def test_combines_with_the_other_filters(gql_client, catalogue):
    services.update_product(Product.objects.get(sku="multi").pk, {"active": False})
    filters = {"descriptionWords": "two", "active": {"exact": False}}
    result = gql_client.query(PRODUCTS, {"filters": filters, "first": 10})
    assert [e["node"]["sku"] for e in result["data"]["products"]["edges"]] == ["multi"]

    filters = {"OR": {"descriptionWords": "plain"}, "descriptionWords": "snake"}
    result = gql_client.query(PRODUCTS, {"filters": filters, "first": 10})
    assert [e["node"]["sku"] for e in result["data"]["products"]["edges"]] == ["budget-1", "x_y"]


def test_the_longest_text_is_taken_and_a_longer_one_refused(gql_client, catalogue):
    longest = ("budg " * MAX_DESCRIPTION_WORDS_LENGTH)[:MAX_DESCRIPTION_WORDS_LENGTH]
    assert skus(gql_client, longest) == ["lay-raise-best-end"]

    too_long = "b" * (MAX_DESCRIPTION_WORDS_LENGTH + 1)
    result = gql_client.query(PRODUCTS, {"filters": {"descriptionWords": too_long}})

    assert result["data"] is None
    (error,) = result["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["field"] == "filters"
    assert f"at most {MAX_DESCRIPTION_WORDS_LENGTH} characters" in error["message"]


def test_description_icontains_stays_a_substring_match(gql_client, catalogue):
    result = gql_client.query(PRODUCTS, {"filters": {"description": {"iContains": "udget"}}})
    assert [e["node"]["sku"] for e in result["data"]["products"]["edges"]] == [
        "lay-raise-best-end"
    ]
    assert skus(gql_client, "udget") == []
