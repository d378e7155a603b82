"""products filters: strawberry-django lookups, the search box, AND/OR/NOT, wrong types."""

import pytest

from products.models import Product
from products.search import MAX_SEARCH_LENGTH

PRODUCTS = """
query Products($filters: ProductFilter, $first: Int) {
  products(filters: $filters, first: $first, ordering: [{sku: ASC}]) {
    totalCount
    edges { node { sku } }
  }
}
"""

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(db):
    rows = [
        ("lay-raise-best-end", "Anna Smith", "A budget option.\nSecond line", True),
        ("BUDGET-42", "Bob Smithers", "Plain", False),
        ("north-ward", "Carla Jones", "Nothing to see, budge-free", True),
        ("café-au-lait", "Dénis Ünïcode", "Crème brûlée 3.5 kg", True),
        ("x_y", "Eve", "snake_case sku", True),
    ]
    Product.objects.bulk_create(
        Product(sku=sku, name=name, description=desc, active=active)
        for sku, name, desc, active in rows
    )


def run(client, filters):
    result = client.query(PRODUCTS, {"filters": filters, "first": 100})
    assert "errors" not in result, result
    page = result["data"]["products"]
    assert page["totalCount"] == len(page["edges"])
    return [edge["node"]["sku"] for edge in page["edges"]]


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("budg", ["BUDGET-42", "lay-raise-best-end", "north-ward"]),
        ("raise-be", ["lay-raise-best-end"]),
        ("RAISE-BE", ["lay-raise-best-end"]),
        ("smith", ["BUDGET-42", "lay-raise-best-end"]),
        ("smith budget", ["BUDGET-42", "lay-raise-best-end"]),
        ("smith plain", ["BUDGET-42"]),
        ("mith", []),  # not the start of a word
        ("udget", []),
        ("second", ["lay-raise-best-end"]),  # a word on the description's second line
        ("crème", ["café-au-lait"]),
        ("ünï", ["café-au-lait"]),
        ("3.5", ["café-au-lait"]),
        ("y", ["x_y"]),
        ("", ["BUDGET-42", "café-au-lait", "lay-raise-best-end", "north-ward", "x_y"]),
        ("a.b(c", []),
        ("%", []),
    ],
)
def test_search_matches_every_word_at_the_start_of_a_word(gql_client, catalogue, search, expected):
    assert run(gql_client, {"search": search}) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"sku": {"exact": "BUDGET-42"}}, ["BUDGET-42"]),
        ({"sku": {"iExact": "budget-42"}}, ["BUDGET-42"]),
        ({"sku": {"iExact": "X_Y"}}, ["x_y"]),  # "_" is not a wildcard
        ({"sku": {"iExact": "x%"}}, []),
        ({"sku": {"iStartsWith": "lay-"}}, ["lay-raise-best-end"]),
        ({"sku": {"inList": ["x_y", "north-ward"]}}, ["north-ward", "x_y"]),
        ({"name": {"iContains": "smith"}}, ["BUDGET-42", "lay-raise-best-end"]),
        ({"name": {"iExact": "eve"}}, ["x_y"]),
        ({"description": {"iContains": "BUDGE"}}, ["lay-raise-best-end", "north-ward"]),
        ({"active": {"exact": False}}, ["BUDGET-42"]),
        (
            {"name": {"iContains": "smith"}, "active": {"exact": True}},
            ["lay-raise-best-end"],
        ),
        (
            {"OR": {"sku": {"exact": "x_y"}}, "sku": {"exact": "north-ward"}},
            ["north-ward", "x_y"],
        ),
        ({"NOT": {"active": {"exact": True}}}, ["BUDGET-42"]),
        (
            {"search": "budg", "AND": {"active": {"exact": True}}},
            ["lay-raise-best-end", "north-ward"],
        ),
    ],
)
def test_lookups_and_combinations(gql_client, catalogue, filters, expected):
    assert run(gql_client, filters) == expected


def test_date_range_filters(gql_client, catalogue):
    stamp = Product.objects.get(sku="x_y").created_at.isoformat()

    assert run(gql_client, {"createdAt": {"gte": stamp}, "sku": {"exact": "x_y"}}) == ["x_y"]
    assert run(gql_client, {"updatedAt": {"lte": "2000-01-01T00:00:00+00:00"}}) == []
    assert (
        len(
            run(
                gql_client,
                {
                    "createdAt": {
                        "range": {
                            "start": "2000-01-01T00:00:00+00:00",
                            "end": "2999-01-01T00:00:00+00:00",
                        }
                    }
                },
            )
        )
        == 5
    )


def test_the_longest_search_is_taken_and_a_longer_one_refused_with_the_limit(
    gql_client, catalogue
):
    longest = ("budg " * MAX_SEARCH_LENGTH)[:MAX_SEARCH_LENGTH]
    assert run(gql_client, {"search": longest}) == ["BUDGET-42", "lay-raise-best-end",
                                                    "north-ward"]

    # A word past PostgreSQL's 2,047-byte lexeme limit, which its word index would drop
    # (leaving "budg" to match alone), is refused in both modes before any query.
    result = gql_client.query(PRODUCTS, {"filters": {"search": "budg " + "x" * 2100}})

    assert result["data"] is None
    (error,) = result["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["field"] == "filters"
    assert f"search takes at most {MAX_SEARCH_LENGTH} characters" in error["message"]
    assert "2,105" in error["message"]


@pytest.mark.parametrize(
    "filters",
    [
        {"active": {"exact": "yes"}},
        {"name": {"iContains": 5}},
        {"createdAt": {"gte": "last tuesday"}},
        {"nope": {"exact": 1}},
    ],
)
def test_a_filter_of_the_wrong_type_is_a_clear_error(gql_client, catalogue, filters):
    result = gql_client.query(PRODUCTS, {"filters": filters})

    assert result.get("data") is None
    message = result["errors"][0]["message"]
    assert "Variable '$filters'" in message


@pytest.mark.parametrize("small_match_count", [0, 2, 5000])
def test_pages_are_the_same_whether_matches_are_read_by_id_or_by_order(
    gql_client, catalogue, monkeypatch, small_match_count
):
    # Few matches are paged over their ids, many by walking the order (products/counts.py).
    from products import counts

    monkeypatch.setattr(counts, "SMALL_MATCH_COUNT", small_match_count)

    assert run(gql_client, {"search": "budg"}) == ["BUDGET-42", "lay-raise-best-end", "north-ward"]
    assert run(gql_client, {"name": {"iContains": "smith"}}) == ["BUDGET-42", "lay-raise-best-end"]
