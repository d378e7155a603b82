"""GET /graphql/ in a browser serves the playground built with the web app, from this host only."""

import re

import pytest
from django.test import Client

PLAYGROUND_PAGE = (
    "<!doctype html><title>GraphQL playground</title><div id=playground></div>"
    '<script type="module" src="/assets/playground-abc123.js"></script>'
)


@pytest.fixture
def built_playground(settings, tmp_path):
    """A FRONTEND_DIST holding a built playground page."""
    settings.FRONTEND_DIST = tmp_path
    (tmp_path / "playground").mkdir()
    (tmp_path / "playground" / "index.html").write_text(PLAYGROUND_PAGE)
    return tmp_path


def test_a_browser_gets_the_built_playground_page_and_a_csrf_cookie(built_playground):
    client = Client()

    response = client.get("/graphql/", headers={"Accept": "text/html"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response.content.decode() == PLAYGROUND_PAGE
    assert client.cookies["csrftoken"].value


def test_the_page_may_load_nothing_from_another_host(built_playground):
    response = Client().get("/graphql/", headers={"Accept": "text/html"})

    header = response["Content-Security-Policy"]
    policy = dict(directive.strip().split(" ", 1) for directive in header.split(";"))
    for directive in ("default-src", "script-src", "connect-src", "worker-src"):
        assert policy[directive] == "'self'"
    # No directive names another host or a wildcard.
    assert not re.search(r"https?:|\*", header)
    assert "unpkg" not in response.content.decode()


def test_without_a_build_the_playground_says_how_to_build_it(settings, tmp_path):
    settings.FRONTEND_DIST = tmp_path / "missing"

    response = Client().get("/graphql/", headers={"Accept": "text/html"})

    assert response.status_code == 503
    assert b"npm run build" in response.content
    assert b"unpkg" not in response.content


@pytest.mark.django_db
def test_a_query_still_answers_json_at_the_same_address(built_playground):
    query = {"query": "{ me { username } }"}

    response = Client().post("/graphql/", query, content_type="application/json")

    assert response.status_code == 200
    assert response.json()["data"] == {"me": None}
    assert "errors" not in response.json()
