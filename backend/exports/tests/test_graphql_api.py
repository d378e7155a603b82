"""exportProducts, exportJob, exportJobs: answers, ownership and bad input."""

import pytest
from django.test import Client
from strawberry.relay import to_base64

from conftest import GraphQLClient
from exports.models import ExportJob

from .documents import EXPORT_JOB, EXPORT_JOBS, EXPORT_PRODUCTS

pytestmark = pytest.mark.django_db


def other_client(django_user_model) -> GraphQLClient:
    bob = django_user_model.objects.create_user(
        username="bob", password="pw-secret-123", role="editor"
    )
    client = Client()
    client.force_login(bob)
    return GraphQLClient(client)


def test_export_returns_a_pending_job_recording_the_filters(gql_client, start_export, user):
    filters = {"search": "budg", "active": {"exact": True}, "sku": {"iStartsWith": "A"}}

    job = start_export("XLSX", filters)

    assert job["status"] == "PENDING" and job["format"] == "XLSX"
    assert job["progress"] == 0 and job["rowCount"] == 0 and job["downloadUrl"] is None
    stored = ExportJob.objects.get()
    assert stored.user == user and stored.filters == filters
    assert job["id"] == to_base64("ExportJob", stored.pk)


def test_export_job_is_polled_by_id(gql_client, start_export):
    job = start_export("CSV")

    answer = gql_client.query(EXPORT_JOB, {"id": job["id"]})

    assert answer["data"]["exportJob"]["id"] == job["id"]
    assert answer["data"]["exportJob"]["status"] == "PENDING"


def test_export_jobs_lists_only_the_callers_exports_newest_first(
    gql_client, start_export, django_user_model
):
    first, second = start_export("CSV"), start_export("XLSX")
    bob = other_client(django_user_model)
    start_export("CSV", client=bob)

    answer = gql_client.query(EXPORT_JOBS, {"first": 10})["data"]["exportJobs"]

    assert answer["totalCount"] == 2
    assert [edge["node"]["id"] for edge in answer["edges"]] == [second["id"], first["id"]]


def test_someone_elses_export_is_not_found(gql_client, start_export, django_user_model):
    job = start_export("CSV")
    bob = other_client(django_user_model)

    answer = bob.query(EXPORT_JOB, {"id": job["id"]})

    assert answer["data"]["exportJob"] is None
    error = answer["errors"][0]
    assert error["message"] == "No export job with this id."
    assert error["extensions"]["code"] == "NOT_FOUND"


def test_unknown_export_id_is_not_found(gql_client):
    answer = gql_client.query(EXPORT_JOB, {"id": to_base64("ExportJob", 999_999)})

    assert answer["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert answer["errors"][0]["message"] == "No export job with this id."


@pytest.mark.parametrize(
    "bad_id", ["not-an-id", to_base64("ImportJob", 1), to_base64("ExportJob", "x")]
)
def test_malformed_export_id_is_bad_user_input(gql_client, bad_id):
    answer = gql_client.query(EXPORT_JOB, {"id": bad_id})

    assert answer["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert answer["errors"][0]["message"] == (
        "'id' is not the id of an export job: pass an id exactly as this API returned it."
    )


def test_unknown_format_is_refused_before_any_job(gql_client):
    answer = gql_client.query(EXPORT_PRODUCTS, {"format": "PDF"})

    assert answer["data"] is None
    assert "ExportFormat" in answer["errors"][0]["message"]
    assert "PDF" in answer["errors"][0]["message"]
    assert answer["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert not ExportJob.objects.exists()


@pytest.mark.parametrize(
    ("filters", "words"),
    [
        ({"sku": {"noSuchLookup": "x"}}, "noSuchLookup"),
        ({"active": {"exact": "sometimes"}}, "Boolean"),
        ({"createdAt": {"gte": "yesterday"}}, "DateTime"),
        ({"price": {"exact": 3}}, "price"),
    ],
)
def test_malformed_filters_are_refused_before_any_job(gql_client, filters, words):
    answer = gql_client.query(EXPORT_PRODUCTS, {"format": "CSV", "filters": filters})

    assert answer["data"] is None
    assert words in answer["errors"][0]["message"]
    assert answer["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert not ExportJob.objects.exists()


def test_anonymous_callers_cannot_export_or_poll(anon_gql_client):
    answers = [
        anon_gql_client.query(EXPORT_PRODUCTS, {"format": "CSV"}),
        anon_gql_client.query(EXPORT_JOB, {"id": to_base64("ExportJob", 1)}),
        anon_gql_client.query(EXPORT_JOBS, {"first": 5}),
    ]

    for answer in answers:
        assert answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert not ExportJob.objects.exists()


@pytest.mark.parametrize(
    "filters",
    [
        {"createdAt": {"year": {"exact": -182952}}},  # found by schemathesis
        {"updatedAt": {"year": {"gt": 10000}}},
    ],
)
def test_filters_out_of_range_are_refused_before_any_job(gql_client, filters):
    # The products list refuses them; an export used to accept them and fail in the worker.
    answer = gql_client.query(EXPORT_PRODUCTS, {"format": "CSV", "filters": filters})

    payload = answer["data"]["exportProducts"]
    [message] = payload["messages"]
    assert (message["field"], message["code"]) == ("filters", "out_of_range")
    assert "out of range" in message["message"]
    assert not ExportJob.objects.exists()
