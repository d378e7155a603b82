"""The search box ignores accents (and folds ß, æ, œ, ø, đ, ł...); names sort as people
read them.

Run in both modes, with the same searches and the same products expected: PostgreSQL
(``unaccent`` in the search column and the query, the ICU collation ``products_name_order``)
and SQLite (FTS5 ``remove_diacritics 2`` over the text with the other letters folded, the
app's collation).
"""

import re
import unicodedata

import pytest
from django.db import connection

from products import fulltext, services
from products.accents import LETTERS, fold
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


@pytest.fixture
def stroked(db):
    rows = [
        ("DK-1", "Sørensen stol", "Ø-mærket"),
        ("RS-1", "Đorđe Balašević", "Ploča"),
        ("PL-2", "Łódź", "Wałbrzych"),
        ("IS-1", "Þórsdóttir", "Garðabær"),
        ("TR-1", "Işık", "lamba"),
        ("MT-1", "Ħamrun", "Ħal Qormi"),
        ("NO-1", "Ŋoŋo", "ŧeast"),
    ]
    for sku, name, description in rows:
        services.create_product(sku=sku, name=name, description=description)


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("sorensen", ["DK-1"]),
        ("Sørensen", ["DK-1"]),
        ("SØRENSEN STOL", ["DK-1"]),
        ("maerket", ["DK-1"]),
        ("o-mærket", ["DK-1"]),
        ("dorde", ["RS-1"]),
        ("Đorđe balasevic", ["RS-1"]),
        ("lodz", ["PL-2"]),
        ("Łódź", ["PL-2"]),
        ("walbrz", ["PL-2"]),
        ("thorsdottir", ["IS-1"]),
        ("gardabaer", ["IS-1"]),
        ("isik", ["TR-1"]),
        ("hamrun hal qor", ["MT-1"]),
        ("nono teast", ["NO-1"]),
        ("sørenson", []),
    ],
)
def test_search_folds_the_letters_without_a_decomposition(gql_client, stroked, search, expected):
    assert sorted(skus(gql_client, {"search": search})) == expected


def test_every_folded_letter_is_found_by_either_spelling(gql_client, db):
    for index, letter in enumerate(LETTERS):
        services.create_product(sku=f"L-{index}", name=f"Q{letter}Q", description="")
    names = dict(Product.objects.values_list("sku", "name"))

    def rule(query: str) -> list[str]:
        words = [re.escape(fold(word)) for word in query.split()]
        return sorted(sku for sku, name in names.items()
                      if all(re.search(rf"(^|[\W_]){w}", fold(name), re.I) for w in words))

    for letter in LETTERS:
        for query in (f"Q{letter}Q", fold(f"q{letter}q")):
            found = sorted(skus(gql_client, {"search": query}))
            assert found == rule(query), (letter, query)
            assert found, (letter, query)


@pytest.mark.production_only
def test_fold_is_postgresqls_unaccent_for_every_european_letter():
    letters = [chr(c) for c in range(0xC0, 0x180) if chr(c).isalpha()]
    with connection.cursor() as cursor:
        cursor.execute("SELECT products_unaccent(letter) FROM unnest(%s::text[]) AS letter",
                       [letters])
        unaccented = [row[0] for row in cursor.fetchall()]
    words = re.compile(r"[^\W_]+")
    differ = [
        (letter, unicodedata.name(letter), postgresql, fold(letter))
        for letter, postgresql in zip(letters, unaccented, strict=True)
        if words.findall(fold(letter).lower()) != words.findall(postgresql.lower())
    ]
    assert differ == []


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
