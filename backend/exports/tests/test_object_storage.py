"""Exports kept in a bucket (a real moto_server): a download is a redirect to a presigned URL
after the same checks as a streamed one; the sweeper deletes the object."""

import gzip
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.test import Client
from django.utils import timezone
from strawberry.relay import to_base64

from core.object_storage import bucket_key
from exports import tasks
from exports.models import ExportJob

from .conftest import csv_rows

pytestmark = pytest.mark.django_db


def url(pk) -> str:
    return f"/exports/{to_base64('ExportJob', pk)}/download"


def test_the_export_is_stored_in_the_bucket_and_downloaded_by_a_presigned_url(
    object_storage, settings, gql_client, run_export, tricky_products, tmp_path
):
    settings.STORAGE_PRESIGN_SECONDS = 120
    job = run_export("CSV")

    assert object_storage.keys() == [bucket_key(job.file.name)]
    assert bucket_key(job.file.name).startswith("media/exports/")
    assert not (settings.MEDIA_ROOT / "exports").exists()  # nothing in the local folder

    response = gql_client.client.get(url(job.pk))

    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    location = response["Location"]
    assert location.startswith(f"{object_storage.endpoint_url}/{object_storage.bucket}/media/")
    assert parse_qs(urlsplit(location).query)["X-Amz-Expires"] == ["120"]
    fetched = requests.get(location, timeout=10)
    assert fetched.status_code == 200
    assert fetched.headers["Content-Disposition"] == (
        f'attachment; filename="products-export-{job.pk}.csv"'
    )
    assert fetched.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert len(fetched.content) == job.file_size
    assert len(csv_rows(fetched.content)) == len(tricky_products) + 1


def test_the_same_refusals_come_before_any_url(
    object_storage, run_export, tricky_products, django_user_model
):
    job = run_export("CSV")
    bob = django_user_model.objects.create_user(username="bob", password="pw-secret-123")
    someone_else = Client()
    someone_else.force_login(bob)

    anonymous = Client().get(url(job.pk))
    not_theirs = someone_else.get(url(job.pk))

    assert anonymous.status_code == 401 and "Location" not in anonymous
    assert not_theirs.status_code == 404 and "Location" not in not_theirs


def test_an_object_gone_from_the_bucket_is_410(object_storage, gql_client, run_export,
                                              tricky_products):
    job = run_export("CSV")
    object_storage.client().delete_object(Bucket=object_storage.bucket,
                                          Key=bucket_key(job.file.name))

    response = gql_client.client.get(url(job.pk))

    assert response.status_code == 410
    assert response.json() == {"error": "This export's file is gone; export again.",
                               "code": "NOT_FOUND"}


def test_the_retention_sweeper_deletes_the_object(object_storage, run_export, tricky_products):
    job = run_export("CSV")
    fresh = run_export("JSONL")
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    tasks.sweep_exports.fn()

    assert object_storage.keys() == [bucket_key(fresh.file.name)]
    job.refresh_from_db()
    assert job.status == ExportJob.Status.EXPIRED


def test_a_public_endpoint_is_the_host_named_in_download_urls(
    object_storage, settings, gql_client, run_export, tricky_products
):
    # Web and workers reach the store at 127.0.0.1; browsers at localhost (as a compose
    # network's minio:9000 and the host's 127.0.0.1:9000).
    public = object_storage.endpoint_url.replace("127.0.0.1", "localhost")
    settings.STORAGE_PUBLIC_ENDPOINT_URL = public
    job = run_export("CSV")

    location = gql_client.client.get(url(job.pk))["Location"]

    assert location.startswith(f"{public}/{object_storage.bucket}/media/exports/")
    fetched = requests.get(location, timeout=10)
    assert fetched.status_code == 200 and len(fetched.content) == job.file_size


@pytest.mark.parametrize("export_format", ["CSV", "XLSX", "JSONL", "JSONL_GZ"])
def test_every_format_in_the_bucket_is_the_file_the_folder_gets(
    object_storage, settings, gql_client, run_export, tricky_products, export_format
):
    from django.test import override_settings

    from core.object_storage import storages_setting

    with override_settings(STORAGES=storages_setting(bucket=None)):
        local = run_export(export_format)
        with local.file.storage.open(local.file.name, "rb") as handle:
            expected = handle.read()
    job = run_export(export_format)

    location = gql_client.client.get(url(job.pk))["Location"]
    body = requests.get(location, timeout=10).content

    assert job.file_size == len(body) > 0
    if export_format in ("CSV", "JSONL"):
        assert body == expected
    elif export_format == "JSONL_GZ":
        assert gzip.decompress(body) == gzip.decompress(expected)
    else:
        assert body.startswith(b"PK") and job.row_count == local.row_count
    assert object_storage.pending_uploads() == []


def test_an_export_that_fails_midway_leaves_nothing_in_the_bucket(
    object_storage, monkeypatch, run_export, tricky_products
):
    from exports import runner

    made = []

    def meta(*values):
        made.append(values)
        if len(made) == 3:
            raise RuntimeError("the database went away")
        return runner.ProductMeta.__new__(runner.ProductMeta, *values)

    monkeypatch.setattr(runner, "ProductMeta", type("Failing", (), {"__new__": staticmethod(
        lambda cls, *values: meta(*values))}))

    job = run_export("CSV")

    assert job.status == ExportJob.Status.FAILED and len(made) == 3
    assert object_storage.keys() == [] and object_storage.pending_uploads() == []
