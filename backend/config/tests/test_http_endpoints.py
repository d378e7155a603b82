"""healthz, readyz, the single-page app and malformed requests (the playground: test_playground)."""

import pytest
from django.test import Client


def test_healthz_answers_while_the_process_lives():
    response = Client().get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_ok_when_database_and_broker_answer():
    response = Client().get("/readyz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.django_db
def test_readyz_names_the_broker_when_it_is_down(settings):
    settings.EMBEDDED = False  # as in production mode, with a Redis that does not answer
    settings.REDIS_URL = "redis://127.0.0.1:1/0"

    response = Client().get("/readyz")

    assert response.status_code == 503
    assert set(response.json()["down"]) == {"broker"}


@pytest.mark.django_db
def test_readyz_names_the_database_when_it_is_down(monkeypatch):
    from config import views

    def broken():
        return "could not connect to server"

    monkeypatch.setattr(views, "_database_ok", broken)

    response = Client().get("/readyz")

    assert response.status_code == 503
    assert response.json()["down"] == {"database": "could not connect to server"}


def test_client_side_routes_get_the_app_with_a_csrf_cookie(settings, tmp_path):
    settings.FRONTEND_DIST = tmp_path
    (tmp_path / "index.html").write_text("<div id=root></div>")
    client = Client()

    response = client.get("/products/some/deep/link?search=x")

    assert response.status_code == 200
    assert b"<div id=root>" in response.content
    assert "csrftoken" in client.cookies


def test_without_a_build_the_app_route_says_how_to_build_it(settings, tmp_path):
    settings.FRONTEND_DIST = tmp_path / "missing"

    response = Client().get("/")

    assert response.status_code == 503
    assert b"make run" in response.content


@pytest.mark.django_db
def test_malformed_json_is_a_400_with_a_reason():
    response = Client().post("/graphql/", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert b"Unable to parse request body as JSON" in response.content


@pytest.mark.django_db
def test_an_invalid_query_names_the_problem(gql_client):
    result = gql_client.query("{ products { nope } }")

    assert result["errors"][0]["message"].startswith("Cannot query field 'nope'")


@pytest.mark.django_db
def test_too_many_aliases_are_refused(gql_client):
    aliases = " ".join(f"a{i}: me {{ id }}" for i in range(40))

    result = gql_client.query("{ " + aliases + " }")

    assert "aliases found" in result["errors"][0]["message"]
