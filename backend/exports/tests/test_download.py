"""GET /exports/<id>/download: the owner's file by session or bearer token; clear refusals."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from strawberry.relay import to_base64

from accounts.services import create_api_token
from exports.models import ExportJob

from .conftest import csv_rows, read_download

pytestmark = pytest.mark.django_db


def url(pk) -> str:
    return f"/exports/{to_base64('ExportJob', pk)}/download"


def test_owner_downloads_with_the_session(gql_client, run_export, tricky_products):
    job = run_export("CSV")

    response, body = read_download(gql_client.client, url(job.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="products-export-{job.pk}.csv"'
    assert int(response["Content-Length"]) == len(body) == job.file_size
    assert len(csv_rows(body)) == len(tricky_products) + 1


def test_owner_downloads_with_a_bearer_token(gql_client, run_export, user, tricky_products):
    job = run_export("XLSX")
    _, token = create_api_token(user, "script")

    response, body = read_download(
        Client(enforce_csrf_checks=True, headers={"Authorization": f"Bearer {token}"}),
        url(job.pk),
    )

    assert response.status_code == 200
    assert body.startswith(b"PK")  # a zip container: the workbook
    assert response["Content-Disposition"].endswith(f'products-export-{job.pk}.xlsx"')


def test_anonymous_download_is_401_json(run_export, tricky_products):
    job = run_export("CSV")

    response = Client().get(url(job.pk))

    assert response.status_code == 401
    assert response.json()["code"] == "UNAUTHENTICATED"
    assert "Authorization: Bearer" in response.json()["error"]


def test_a_wrong_bearer_token_is_refused(run_export, tricky_products):
    job = run_export("CSV")

    response = Client(headers={"Authorization": "Bearer nope"}).get(url(job.pk))

    assert response.status_code == 401
    # The download's own error shape, not the GraphQL one of /graphql/.
    assert response.json()["code"] == "UNAUTHENTICATED"
    assert "createApiToken" in response.json()["error"]


def test_someone_elses_unknown_or_malformed_id_is_404(run_export, django_user_model):
    job = run_export("CSV")
    bob = django_user_model.objects.create_user(username="bob", password="pw-secret-123")
    client = Client()
    client.force_login(bob)

    for path in (url(job.pk), url(999_999), "/exports/garbage/download",
                 f"/exports/{to_base64('ImportJob', job.pk)}/download"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"error": "No export job with this id.", "code": "NOT_FOUND"}


def test_download_before_completed_is_409(gql_client, start_export):
    start_export("CSV")
    job = ExportJob.objects.get()

    response = gql_client.client.get(url(job.pk))

    assert response.status_code == 409
    assert response.json()["code"] == "BAD_USER_INPUT"
    assert "pending" in response.json()["error"] and "COMPLETED" in response.json()["error"]


def test_download_of_a_failed_export_says_why(gql_client, run_export):
    from products.models import Product

    Product.objects.create(sku="huge", name="Huge", description="y" * 33_000)
    job = run_export("XLSX")

    response = gql_client.client.get(url(job.pk))

    assert job.status == ExportJob.Status.FAILED
    assert response.status_code == 409
    assert response.json()["code"] == "BAD_USER_INPUT"
    assert "'huge'" in response.json()["error"]


def test_expired_export_is_410(gql_client, run_export, tricky_products):
    from exports import services

    job = run_export("CSV")
    services.expire_due(now=timezone.now() + timedelta(days=2))

    response = gql_client.client.get(url(job.pk))

    assert response.status_code == 410
    assert response.json()["code"] == "NOT_FOUND"
    assert "export again" in response.json()["error"]
