"""The search box ignores accents (and folds ß, æ, œ); names sort as people read them.

Run in both modes: PostgreSQL (``unaccent`` in the search column and the query, the ICU
collation ``products_name_order``) and SQLite (FTS5 ``remove_diacritics 2`` with the
spellings of ß/æ/œ, the app's collation).
"""

import pytest
from django.db import connection

from products import fulltext, services
from products.accents import fold
from products.models import Product
from products.name_order import compare

pytestmark = pytest.mark.django_db

PRODUCTS = """
query Products($filters: ProductFilter, $ordering: [ProductOrder!], $first: Int, $after: String) {
  products(filters: $filters, ordering: $ordering, first: $first, after: $after) {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node { sku name } }
  }
}
"""


@pytest.fixture
def european(db):
    rows = [
        ("ME-1", "Crème brûlée", "Dessert"),
        ("GR-1", "Größe 42", "Schuhe"),
        ("GR-2", "Grösse 43", "Schuhe"),
        ("OE-1", "Œuvre complète", "Livre"),
        ("AE-1", "Æble map", "Kort"),
        ("PL-1", "plain", "café-crème in the description, Straße"),
    ]
    for sku, name, description in rows:
        services.create_product(sku=sku, name=name, description=description)


def skus(client, filters=None, ordering=None, first=100):
    result = client.query(PRODUCTS, {"filters": filters, "ordering": ordering, "first": first})
    assert "errors" not in result, result
    page = result["data"]["products"]
    assert page["totalCount"] >= len(page["edges"])
    return [edge["node"]["sku"] for edge in page["edges"]]


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("creme", ["ME-1", "PL-1"]),
        ("CRÈME", ["ME-1", "PL-1"]),
        ("crème brulee", ["ME-1"]),
        ("brûl", ["ME-1"]),
        ("grosse", ["GR-1", "GR-2"]),
        ("Grösse", ["GR-1", "GR-2"]),
        ("größe", ["GR-1", "GR-2"]),
        ("gross", ["GR-1", "GR-2"]),
        ("strasse", ["PL-1"]),
        ("oeuvre", ["OE-1"]),
        ("œuvre complete", ["OE-1"]),
        ("aeble", ["AE-1"]),
        ("cafe-creme", ["PL-1"]),  # a word with other characters: the regex check folds too
        ("grosser", []),
    ],
)
def test_search_ignores_accents_and_folds_letters(gql_client, european, search, expected):
    assert sorted(skus(gql_client, {"search": search})) == expected


def test_search_ignores_accents_while_the_word_index_lags(gql_client, european, monkeypatch):
    # During a bulk import SQLite's FTS5 tables lag and the search scans the columns.
    monkeypatch.setattr(fulltext, "kept_in_step", lambda connection=None: False)
    assert sorted(skus(gql_client, {"search": "grosse"})) == ["GR-1", "GR-2"]
    assert sorted(skus(gql_client, {"search": "creme"})) == ["ME-1", "PL-1"]


def test_an_edit_keeps_the_folded_search_right(gql_client, european):
    product = Product.objects.get(sku="PL-1")
    services.update_product(product.pk, {"description": "nothing"})
    assert skus(gql_client, {"search": "strasse"}) == []
    services.update_product(product.pk, {"name": "Façade"})
    assert skus(gql_client, {"search": "facade"}) == ["PL-1"]


NAMES = ["Zebra", "Öl Nr. 106", "apfel", "Äpfel", "Öl Nr. 20", "Birne", "Olive", "9 Eier"]
READING_ORDER = ["9 Eier", "apfel", "Äpfel", "Birne", "Öl Nr. 20", "Öl Nr. 106",
                 "Olive", "Zebra"]  # fmt: skip


@pytest.fixture
def names(db):
    for index, name in enumerate(NAMES):
        services.create_product(sku=f"N-{index}", name=name, description="")


def page_names(client, ordering, first, after=None):
    result = client.query(
        PRODUCTS, {"ordering": ordering, "first": first, "after": after, "filters": None}
    )
    assert "errors" not in result, result
    page = result["data"]["products"]
    return [e["node"]["name"] for e in page["edges"]], page["pageInfo"]


def test_names_sort_as_people_read_them(gql_client, names):
    ordered, _ = page_names(gql_client, [{"name": "ASC"}], 100)
    assert ordered == READING_ORDER
    reverse, _ = page_names(gql_client, [{"name": "DESC"}], 100)
    assert reverse == READING_ORDER[::-1]


def test_pages_of_the_name_order_follow_each_other(gql_client, names):
    seen, after = [], None
    while True:
        page, info = page_names(gql_client, [{"name": "ASC"}], 2, after)
        seen += page
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    assert seen == READING_ORDER


def test_the_python_rules_match_the_order_asked_for():
    assert fold("Größe Œuvre Ærø café") == "Grosse OEuvre AEro cafe"
    assert compare("Öl Nr. 20", "Öl Nr. 106") < 0
    assert compare("Äpfel", "Zebra") < 0
    assert compare("apfel", "apfel") == 0


@pytest.mark.production_only
def test_the_name_ordering_has_its_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'product_name_order_idx'")
        (definition,) = cursor.fetchone()
    assert "COLLATE products_name_order" in definition
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM products_product "
            "ORDER BY name COLLATE products_name_order, id LIMIT 10"
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert "product_name_order_idx" in plan
