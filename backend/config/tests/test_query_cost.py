"""Every operation is priced before it runs: the cost in extensions.cost, a maximum per query."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from graphql import OperationDefinitionNode, parse

from config.schema import schema
from core.query_cost import operation_cost, priced_variables
from products.models import Product

OPERATIONS = settings.REPO_DIR / "docs" / "api" / "operations.graphql"
APP_DOCUMENTS = Path(settings.REPO_DIR / "frontend" / "src" / "gql" / "persisted-documents.json")

pytestmark = pytest.mark.django_db

PAGE = """
query Page($first: Int, $filters: ProductFilter) {
  products(first: $first, filters: $filters) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id sku name description active createdAt updatedAt } }
  }
}
"""
PAGE_BY_FRAGMENT = """
query { products(first: 50) { totalCount edges { node { ...Row } } } }
fragment Row on Product { id sku name description active createdAt updatedAt }
"""
CREATE = """
mutation { createProduct(input: {sku: "COST-1", name: "Lamp"}) { ... on Product { sku } } }
"""
SCANNING_FILTERS = {"OR": {"description": {"iContains": "lamp"}}, "name": {"iContains": "oak"}}


def cost_of(answer: dict) -> int:
    return answer["extensions"]["cost"]["requestedQueryCost"]


def test_a_page_of_50_with_its_total_costs_62(gql_client):
    answer = gql_client.query(PAGE, {"first": 50})

    assert "errors" not in answer
    # 2 for the connection, 1 per product, 10 for the count.
    assert cost_of(answer) == 62
    assert answer["extensions"]["cost"]["maximumAvailable"] == 5000


def test_fragments_cost_what_their_fields_cost(gql_client):
    assert cost_of(gql_client.query(PAGE_BY_FRAGMENT)) == 62


def test_the_page_size_multiplies_and_scanning_filters_cost_more(gql_client):
    plain = cost_of(gql_client.query(PAGE, {"first": 500}))
    scanning = cost_of(gql_client.query(PAGE, {"first": 500, "filters": SCANNING_FILTERS}))
    searching = cost_of(gql_client.query(PAGE, {"first": 500, "filters": {"search": "oak"}}))
    words = cost_of(
        gql_client.query(PAGE, {"first": 500, "filters": {"descriptionWords": "oak"}})
    )
    substring = cost_of(
        gql_client.query(PAGE, {"first": 500, "filters": {"description": {"iContains": "oak"}}})
    )

    assert plain == 512
    # OR 25 + two iContains 100, charged on the page and again on the count.
    assert scanning == 512 + 2 * 125
    assert plain < searching < scanning
    # The description's words come from a word index, its substring from every row.
    assert words == searching == 512 + 2 * 10
    assert substring == 512 + 2 * 50


def test_a_connection_without_first_is_priced_at_the_largest_page(gql_client):
    answer = gql_client.query("{ products { edges { node { sku } } } }")

    assert cost_of(answer) == 2 + 500


def test_a_query_over_the_maximum_is_refused_with_its_cost_and_the_maximum(gql_client, settings):
    settings.GRAPHQL_MAX_COST = 100

    answer = gql_client.query(PAGE, {"first": 500, "filters": SCANNING_FILTERS})

    [error] = answer["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["cost"] == {"requestedQueryCost": 762, "maximumAvailable": 100}
    assert "costs 762 points" in error["message"] and "at most 100" in error["message"]
    assert answer["data"] is None
    assert cost_of(answer) == 762


def test_a_refused_mutation_writes_nothing(gql_client, settings):
    settings.GRAPHQL_MAX_COST = 10

    answer = gql_client.query(CREATE)

    assert answer["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert cost_of(answer) == 11
    assert not Product.objects.exists()


def test_every_answer_reports_its_cost(gql_client, anon_gql_client):
    answers = [
        gql_client.query(CREATE),
        gql_client.query("{ me { username } }"),
        gql_client.query("{ nope }"),  # fails validation: nothing priced
        anon_gql_client.query("{ products(first: 5) { totalCount } }"),
    ]

    assert [cost_of(answer) for answer in answers] == [11, 1, 0, 12]
    assert answers[2]["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert answers[3]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_every_public_and_app_operation_fits_the_default_maximum_with_its_largest_pages():
    documents = [parse(OPERATIONS.read_text())] + [
        parse(text) for text in json.loads(APP_DOCUMENTS.read_text()).values()
    ]

    costs = {
        operation.name.value: operation_cost(
            schema._schema, document, operation.name.value, {}, max_page_size=500
        )
        for document in documents
        for operation in document.definitions
        if isinstance(operation, OperationDefinitionNode)
    }

    assert max(costs.values()) <= 5000, costs
    assert costs["Products"] >= 512  # priced at 500 rows: no first given


def test_lists_nested_in_lists_are_refused_by_default(gql_client):
    answer = gql_client.query(
        "{ importJobs(first: 500) { edges { node {"
        " errors(first: 500) { edges { node { line } } } } } } }"
    )

    assert answer["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert cost_of(answer) > 5000


def test_only_the_variables_of_first_last_and_filters_can_change_a_cost():
    upsert = parse("mutation($input: [ProductInput!]!, $first: Int) { upsertProducts("
                   "input: $input) { ... on UpsertProductsResult { job { id } } } }")
    nested = parse("query($n: Int, $s: String, $id: ID!) { importJob(id: $id) { id } "
                   "...Page } fragment Page on Query { products(last: $n, "
                   "filters: {name: {exact: $s}}) { totalCount } }")

    assert priced_variables(parse(PAGE)) == {"first", "filters"}
    assert priced_variables(upsert) == set()
    assert priced_variables(nested) == {"n", "s"}
