"""login / logout / me with Django sessions and CSRF."""

import pytest
from django.test import Client

from conftest import PASSWORD, GraphQLClient

LOGIN = """
mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { id username } }
"""
LOGOUT = "mutation { logout }"
ME = "query { me { id username } }"

pytestmark = pytest.mark.django_db


def test_login_sets_a_session_that_me_reads(user):
    client = GraphQLClient(Client())

    result = client.query(LOGIN, {"u": "alice", "p": PASSWORD})

    assert result["data"]["login"]["username"] == "alice"
    assert client.query(ME)["data"]["me"]["username"] == "alice"


def test_wrong_password_is_a_clear_error_and_signs_nobody_in(user):
    client = GraphQLClient(Client())

    result = client.query(LOGIN, {"u": "alice", "p": "nope"})

    assert result["data"] is None
    assert result["errors"][0]["message"] == "Wrong username or password."
    assert result["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT"}
    assert client.query(ME)["data"]["me"] is None


def test_repeated_failures_lock_the_username_out_even_with_the_right_password(user, settings):
    settings.AXES_COOLOFF_TIME = 0.5  # hours: LOGIN_COOLOFF_MINUTES=30
    client = GraphQLClient(Client())
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.query(LOGIN, {"u": "alice", "p": "wrong"})

    result = client.query(LOGIN, {"u": "alice", "p": PASSWORD})

    assert result["errors"][0]["message"] == (
        "Too many failed sign-in attempts. Sign-in for this username is locked for "
        "30 minutes; try again after that."
    )
    assert result["errors"][0]["extensions"] == {"code": "TOO_MANY_REQUESTS"}
    assert client.query(ME)["data"]["me"] is None


def test_me_is_null_for_anonymous_callers(anon_gql_client):
    answer = anon_gql_client.query(ME)

    assert answer["data"] == {"me": None}
    assert "errors" not in answer


def test_logout_ends_the_session(gql_client):
    assert gql_client.query(LOGOUT)["data"]["logout"] is True

    assert gql_client.query(ME)["data"]["me"] is None
    assert gql_client.query("{ apiTokens { id } }")["errors"][0]["extensions"]["code"] == (
        "UNAUTHENTICATED"
    )


def test_session_post_without_csrf_token_is_refused_with_a_json_error(user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)

    response = browser.post(
        "/graphql/", {"query": "{ apiTokens { id } }"}, content_type="application/json"
    )

    assert response.status_code == 403
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert "X-CSRFToken" in error["message"]


def test_session_post_with_the_csrf_token_from_the_cookie_is_accepted(user):
    browser = Client(enforce_csrf_checks=True)
    browser.get("/")  # the app's page sets the csrftoken cookie
    token = browser.cookies["csrftoken"].value
    login = browser.post(
        "/graphql/",
        {"query": LOGIN, "variables": {"u": "alice", "p": PASSWORD}},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert login.json()["data"]["login"]["username"] == "alice"

    token = browser.cookies["csrftoken"].value  # rotated at login
    response = browser.post(
        "/graphql/", {"query": ME}, content_type="application/json", headers={"X-CSRFToken": token}
    )

    assert response.json()["data"]["me"]["username"] == "alice"


def test_the_failure_before_the_lock_out_warns_that_one_attempt_is_left(user, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = 20 / 60
    client = GraphQLClient(Client())

    first = client.query(LOGIN, {"u": "alice", "p": "wrong"})
    second = client.query(LOGIN, {"u": "alice", "p": "wrong"})
    third = client.query(LOGIN, {"u": "alice", "p": "wrong"})

    assert first["errors"][0]["message"] == "Wrong username or password."
    assert second["errors"][0]["message"] == (
        "Wrong username or password. One attempt left: one more failure locks sign-in "
        "for this username for 20 minutes."
    )
    assert third["errors"][0]["message"] == (
        "Too many failed sign-in attempts. Sign-in for this username is locked for "
        "20 minutes; try again after that."
    )


def test_the_lock_out_says_how_long_with_the_configured_minutes(user, settings):
    settings.AXES_COOLOFF_TIME = 1 / 60
    client = GraphQLClient(Client())
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.query(LOGIN, {"u": "alice", "p": "wrong"})

    result = client.query(LOGIN, {"u": "alice", "p": PASSWORD})

    assert "locked for 1 minute;" in result["errors"][0]["message"]
    assert "a few minutes" not in result["errors"][0]["message"]
