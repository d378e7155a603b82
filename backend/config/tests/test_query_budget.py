"""Each API token and signed-in user spends query costs from its own budget, refilled per second."""

import time

import httpx
import pytest
from django.test import Client

from accounts.services import create_api_token
from conftest import GraphQLClient, LiveServer, close_other_connections

# 2 for the connection and 1 per product: 42 points.
PAGE_OF_40 = "{ products(first: 40) { edges { node { sku } } } }"


@pytest.fixture
def small_budget(settings):
    """Room for two pages of 40 (84 of 100 points), refilled at 50 points a second."""
    settings.GRAPHQL_BUDGET_CAPACITY = 100
    settings.GRAPHQL_BUDGET_REFILL_PER_SECOND = 50


def token_client(user, name: str) -> GraphQLClient:
    token = create_api_token(user, name)[1]
    return GraphQLClient(Client(), headers={"Authorization": f"Bearer {token}"})


def throttle(answer: dict) -> dict:
    return answer["extensions"]["cost"]["throttleStatus"]


@pytest.mark.django_db
def test_the_budget_left_is_in_every_answer(gql_client):
    first = gql_client.query(PAGE_OF_40)
    second = gql_client.query(PAGE_OF_40)

    assert throttle(first)["maximumAvailable"] == 10_000
    assert throttle(first)["restoreRate"] == 500
    assert throttle(first)["currentlyAvailable"] == 10_000 - 42
    assert throttle(second)["currentlyAvailable"] < 10_000 - 42


@pytest.mark.django_db
def test_a_token_past_its_budget_gets_429_and_others_do_not(user, small_budget):
    spender, other = token_client(user, "spender"), token_client(user, "other")
    spender.query(PAGE_OF_40)
    spender.query(PAGE_OF_40)

    refused = spender.query(PAGE_OF_40)

    response = spender.last_response
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) >= 1
    [error] = refused["errors"]
    assert error["extensions"]["code"] == "TOO_MANY_REQUESTS"
    assert "costs 42 points" in error["message"]
    assert refused["data"] is None
    assert throttle(refused)["currentlyAvailable"] < 42
    # Another token of the same user has a budget of its own.
    assert "errors" not in other.query(PAGE_OF_40)
    assert other.last_response.status_code == 200


@pytest.mark.django_db
def test_a_session_user_has_a_budget_too_and_the_refill_lets_it_back_in(gql_client, small_budget):
    gql_client.query(PAGE_OF_40)
    gql_client.query(PAGE_OF_40)
    refused = gql_client.query(PAGE_OF_40)
    assert refused["errors"][0]["extensions"]["code"] == "TOO_MANY_REQUESTS"

    retry_after = int(gql_client.last_response.headers["Retry-After"])
    deadline = time.monotonic() + retry_after + 5
    while True:  # wait on the refill, not on a guess of the clock
        time.sleep(retry_after)
        answer = gql_client.query(PAGE_OF_40)
        if "errors" not in answer or time.monotonic() > deadline:
            break

    assert "errors" not in answer
    assert gql_client.last_response.status_code == 200


@pytest.mark.django_db
def test_budgets_can_be_turned_off(gql_client, settings):
    settings.GRAPHQL_BUDGET_CAPACITY = 0

    answer = gql_client.query(PAGE_OF_40)

    assert "errors" not in answer
    assert "throttleStatus" not in answer["extensions"]["cost"]


@pytest.mark.production_only
@pytest.mark.django_db(transaction=True)
def test_two_web_servers_share_one_bucket_in_redis(user, small_budget):
    token = create_api_token(user, "shared")[1]
    servers = [LiveServer(), LiveServer()]
    for server in servers:
        server.start()
    try:
        headers = {"Authorization": f"Bearer {token}"}
        answers = [
            httpx.post(f"{server.url}/graphql/", json={"query": PAGE_OF_40}, headers=headers)
            for server in (servers[0], servers[1], servers[0])
        ]
    finally:
        for server in servers:
            server.stop()
        close_other_connections()

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert throttle(answers[1].json())["currentlyAvailable"] < 100 - 42
    assert answers[2].json()["errors"][0]["extensions"]["code"] == "TOO_MANY_REQUESTS"


@pytest.mark.production_only
@pytest.mark.django_db
def test_a_redis_that_does_not_answer_lets_queries_through(gql_client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there

    answer = gql_client.query(PAGE_OF_40)

    assert "errors" not in answer
    assert throttle(answer)["currentlyAvailable"] is None
