"""upsertProducts through a real GraphQL client (`gql`) over HTTP: per-item results, error
policies, modes, the import job it becomes (counts, change log, one event, undo)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from gql import Client, GraphQLRequest
from gql.transport.exceptions import TransportQueryError
from gql.transport.httpx import HTTPXTransport

from accounts.services import create_api_token
from core.ids import node_pk
from imports import services, upserts
from imports.models import ImportChange, ImportJob
from imports.tests.conftest import catalogue
from products import counts
from products.models import Product
from webhooks.models import WebhookEvent
from webhooks.services import create_webhook

pytestmark = pytest.mark.django_db(transaction=True)

UPSERT = """
mutation($input: [ProductInput!]!, $options: UpsertProductsOptions) {
  upsertProducts(input: $input, options: $options) {
    ... on UpsertProductsResult {
      job { id status createdCount updatedCount unchangedCount errorCount skippedCount
            errorMessage }
      items { index sku outcome errors { field code message } }
    }
    ... on OperationInfo { messages { field message code } }
  }
}"""

COUNTS_ONLY = """
mutation($input: [ProductInput!]!) {
  upsertProducts(input: $input) { ... on UpsertProductsResult { job { status createdCount } } }
}"""


@pytest.fixture
def session(live_server_asgi, user):
    token = create_api_token(user, "connector")[1]
    transport = HTTPXTransport(url=f"{live_server_asgi.url}/graphql/",
                               headers={"Authorization": f"Bearer {token}"}, timeout=60)
    with Client(transport=transport, fetch_schema_from_transport=True) as session:
        yield session


def upsert(session, items, **options):
    answer = session.execute(GraphQLRequest(
        UPSERT, variable_values={"input": items, "options": options or None}))
    return answer["upsertProducts"]


def outcomes(result):
    return [(i["index"], i["sku"], i["outcome"]) for i in result["items"]]


def seed():
    Product.objects.create(sku="OLD-1", name="Old one", description="kept", active=True)
    Product.objects.create(sku="OLD-2", name="Same", description="", active=True)


def test_reject_failed_rows_writes_the_good_items_and_lists_each_outcome(session, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    create_webhook(url="http://127.0.0.1:9/hook", events=["import.finished"])
    seed()

    result = upsert(session, [
        {"sku": "new-1", "name": "New", "description": "fresh"},
        {"sku": "old-1", "name": "Old one renamed", "description": "kept"},
        {"sku": "OLD-2", "name": "Same", "description": ""},
        {"sku": "bad-1", "name": "  "},
        {"sku": "dup", "name": "First"},
        {"sku": "DUP", "name": "Second", "description": ""},
        {"sku": "long", "name": "x" * 256},
    ], errorPolicy="REJECT_FAILED_ROWS")

    assert outcomes(result) == [
        (0, "new-1", "CREATED"), (1, "old-1", "UPDATED"), (2, "OLD-2", "UNCHANGED"),
        (3, "bad-1", "FAILED"), (4, "dup", "REPLACED"), (5, "DUP", "CREATED"),
        (6, "long", "FAILED"),
    ]
    assert result["items"][3]["errors"] == [{"field": "name", "code": "required",
                                            "message": "name is empty; every product needs "
                                            "a name"}]
    assert result["items"][6]["errors"][0]["code"] == "too_long"
    job = result["job"]
    assert (job["status"], job["createdCount"], job["updatedCount"], job["unchangedCount"],
            job["errorCount"]) == ("COMPLETED", 2, 1, 1, 2)
    assert catalogue() == {
        "old-1": ("Old one renamed", "kept", True), "OLD-2": ("Same", "", True),
        "new-1": ("New", "fresh", True), "DUP": ("Second", "", True),
    }
    stamped = Product.objects.get(sku="new-1")
    stored = ImportJob.objects.get()
    assert (stamped.last_import_id, stamped.last_import_line) == (stored.pk, 1)
    assert ImportChange.objects.filter(job=stored).count() == 3
    events = list(WebhookEvent.objects.filter(type="import.finished"))
    assert len(events) == 1
    assert json.loads(events[0].payload)["data"]["createdCount"] == 2


def test_reject_everything_by_default_writes_nothing_when_one_item_is_bad(session):
    seed()

    result = upsert(session, [
        {"sku": "new-1", "name": "New"},
        {"sku": "OLD-1", "name": "Changed"},
        {"sku": "", "name": "No SKU"},
    ])

    assert outcomes(result) == [(0, "new-1", "NOT_WRITTEN"), (1, "OLD-1", "NOT_WRITTEN"),
                                (2, "", "FAILED")]
    assert result["items"][2]["errors"][0]["field"] == "sku"
    assert result["items"][2]["errors"][0]["code"] == "required"
    job = result["job"]
    assert (job["status"], job["createdCount"], job["updatedCount"], job["errorCount"]) == (
        "FAILED", 0, 0, 1)
    assert "REJECT_EVERYTHING" in job["errorMessage"]
    assert catalogue() == {"OLD-1": ("Old one", "kept", True), "OLD-2": ("Same", "", True)}
    assert not ImportChange.objects.exists()


def test_a_new_sku_refused_by_the_write_pass_also_rejects_everything(session):
    seed()

    result = upsert(session, [{"sku": "OLD-1", "name": ""}, {"sku": "brand-new", "name": ""}],
                    emptyFields="KEEP")

    assert outcomes(result) == [(0, "OLD-1", "NOT_WRITTEN"), (1, "brand-new", "FAILED")]
    assert result["items"][1]["errors"][0]["code"] == "name_required"
    assert catalogue()["OLD-1"] == ("Old one", "kept", True)
    assert "brand-new" not in catalogue()


def test_modes_and_empty_fields_apply_as_for_a_file(session):
    seed()

    updated = upsert(session, [{"sku": "old-1", "name": "Renamed", "description": None},
                               {"sku": "unknown", "name": "Never"}],
                     mode="UPDATE_ONLY", emptyFields="KEEP")
    created = upsert(session, [{"sku": "OLD-2", "name": "Not this"},
                               {"sku": "fresh", "name": "Fresh", "active": False}],
                     mode="CREATE_ONLY")

    assert outcomes(updated) == [(0, "old-1", "UPDATED"), (1, "unknown", "SKIPPED")]
    assert outcomes(created) == [(0, "OLD-2", "SKIPPED"), (1, "fresh", "CREATED")]
    assert catalogue() == {"old-1": ("Renamed", "kept", True), "OLD-2": ("Same", "", True),
                           "fresh": ("Fresh", "", False)}


def test_a_field_an_item_leaves_out_keeps_the_stored_value(session):
    Product.objects.create(sku="A", name="A", description="long text", active=False)
    Product.objects.create(sku="B", name="B", description="other", active=True)

    result = upsert(session, [{"sku": "a", "name": "A2"},
                              {"sku": "b", "name": "B", "description": None, "active": False}])

    assert outcomes(result) == [(0, "a", "UPDATED"), (1, "b", "UPDATED")]
    assert catalogue() == {"a": ("A2", "long text", False), "b": ("B", "", False)}


def test_revert_import_undoes_an_upsert(session):
    seed()
    result = upsert(session, [{"sku": "new-1", "name": "New"},
                              {"sku": "OLD-1", "name": "Changed", "description": "other"}])

    revert = session.execute(GraphQLRequest(
        "mutation($id: ID!) { revertImport(id: $id) { ... on ImportJob { id status } } }",
        variable_values={"id": result["job"]["id"]}))["revertImport"]
    services.process_queue()

    assert ImportJob.objects.get(kind="REVERT").status == "COMPLETED", revert
    assert catalogue() == {"OLD-1": ("Old one", "kept", True), "OLD-2": ("Same", "", True)}


def test_new_products_in_a_filled_catalogue_are_counted_logged_and_undone(session):
    seed()

    result = upsert(session, [{"sku": f"fresh-{n}", "name": f"Fresh {n}", "active": n != 1}
                              for n in range(3)])

    assert outcomes(result) == [(n, f"fresh-{n}", "CREATED") for n in range(3)]
    assert result["job"]["createdCount"] == 3
    job = ImportJob.objects.get()
    assert sorted(ImportChange.objects.filter(job=job).values_list("sku", "kind")) == [
        (f"fresh-{n}", ImportChange.Kind.CREATED) for n in range(3)]
    assert (counts.product_count(Product.objects.all()),
            counts.product_count(Product.objects.filter(active=False))) == (5, 1)
    services.submit_revert(job.pk)
    services.process_queue()
    assert catalogue() == {"OLD-1": ("Old one", "kept", True), "OLD-2": ("Same", "", True)}
    assert counts.product_count(Product.objects.all()) == 2


def test_a_call_behind_a_waiting_import_becomes_a_pending_job(session, settings):
    settings.UPSERT_PRODUCTS_WAIT_SECONDS = 0
    earlier = services.submit_import(
        SimpleUploadedFile("products.csv", b"sku,name\nfile-1,From file\n"))

    result = upsert(session, [{"sku": "api-1", "name": "From API"}])

    assert result["items"] is None
    assert result["job"]["status"] == "PENDING"
    services.process_queue()
    earlier.refresh_from_db()
    assert earlier.status == "COMPLETED"
    assert ImportJob.objects.get(pk=node_pk(result["job"]["id"], "ImportJob")).status == "COMPLETED"
    assert set(catalogue()) == {"file-1", "api-1"}


@pytest.mark.parametrize(("items", "options", "field", "code"), [
    ([], {}, "input", "required"),
    ([{"sku": f"s{i}", "name": "n"} for i in range(3)], {}, "input", "too_many"),
])
def test_a_wrong_call_is_refused_whole(session, settings, items, options, field, code):
    settings.UPSERT_PRODUCTS_MAX = 2

    result = upsert(session, items, **options)

    [message] = result["messages"]
    assert (message["field"], message["code"]) == (field, code)
    assert "UPSERT_PRODUCTS_MAX" in message["message"] or code == "required"
    assert not ImportJob.objects.exists()
    assert not Product.objects.exists()


def test_an_unknown_option_value_is_a_coded_error(session):
    with pytest.raises(TransportQueryError) as refused:
        session.execute(GraphQLRequest(UPSERT, variable_values={
            "input": [{"sku": "a", "name": "A"}], "options": {"errorPolicy": "SOMETIMES"}}))

    [error] = refused.value.errors
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "errorPolicy" in error["message"]
    assert not Product.objects.exists()


def test_a_call_that_asks_only_for_the_counts_reads_no_item_results_back(session, monkeypatch):
    read = []
    job_rows = upserts.job_rows
    monkeypatch.setattr(upserts, "job_rows", lambda job: read.append(job.pk) or job_rows(job))

    answer = session.execute(GraphQLRequest(COUNTS_ONLY, variable_values={
        "input": [{"sku": "a", "name": "A"}]}))["upsertProducts"]
    assert answer["job"] == {"status": "COMPLETED", "createdCount": 1}
    assert read == []

    full = upsert(session, [{"sku": "b", "name": "B"}])
    assert outcomes(full) == [(0, "b", "CREATED")]
    assert read == [node_pk(full["job"]["id"], "ImportJob")]
