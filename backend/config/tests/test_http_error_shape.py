"""Plain endpoints answer errors as ``{"error", "code"}`` with the GraphQL codes; /graphql/
keeps the GraphQL response shape. The same refusal reads the same way on every download."""

import pytest
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db

DOWNLOADS = (
    "/exports/RXhwb3J0Sm9iOjE=/download",
    "/imports/1/errors.csv",
    "/imports/1/changes.csv",
)


@pytest.mark.parametrize("path", DOWNLOADS)
def test_every_download_refuses_a_signed_out_client_alike(path):
    response = Client().get(path, headers={"Accept": "application/json"})

    assert response.status_code == 401
    assert response.json() == {
        "error": "Sign in first: send a session cookie or 'Authorization: Bearer <token>'.",
        "code": "UNAUTHENTICATED",
    }


@pytest.mark.parametrize("path", DOWNLOADS)
def test_every_download_of_an_unknown_job_is_not_found(gql_client, path):
    response = gql_client.client.get(path.replace("/1/", "/999999/"))

    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
    assert response.json()["error"].startswith("No ")


@pytest.mark.parametrize("path", DOWNLOADS)
def test_a_wrong_token_on_a_download_is_coded_in_the_download_shape(path):
    response = Client(headers={"Authorization": "Bearer nope"}).get(path)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json()["code"] == "UNAUTHENTICATED"
    assert "createApiToken" in response.json()["error"]


def test_a_database_down_on_a_download_is_service_unavailable_in_the_download_shape(
    monkeypatch,
):
    def down(_: str) -> None:
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr("accounts.middleware.user_for_token", down)

    response = Client(headers={"Authorization": "Bearer pit_x"}).get(DOWNLOADS[0])

    assert response.status_code == 503
    assert response.json()["code"] == "SERVICE_UNAVAILABLE"
    assert "Connection refused" not in response.json()["error"]


def test_an_address_nothing_serves_is_a_coded_404():
    response = Client().get("/imports/1/no-such-file.csv")

    assert response.status_code == 404
    assert response.json() == {"error": "Nothing is served at this address.", "code": "NOT_FOUND"}


def test_a_pruned_change_log_is_gone_with_a_coded_answer(gql_client):
    from datetime import UTC, datetime

    from imports.models import ImportJob

    job = ImportJob.objects.create(
        file_name="old.csv",
        status=ImportJob.Status.COMPLETED,
        changes_pruned_at=datetime(2024, 5, 6, tzinfo=UTC),
    )

    response = gql_client.client.get(f"/imports/{job.pk}/changes.csv")

    assert response.status_code == 410
    assert response.json() == {
        "error": "The change log of this import was removed on 2024-05-06 "
        "(IMPORT_CHANGE_RETENTION_DAYS).",
        "code": "NOT_FOUND",
    }
