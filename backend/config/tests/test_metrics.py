"""GET /metrics: Prometheus text, parsed with prometheus-client's own parser; guarded by
METRICS_TOKEN alone (404 when unset, 401 without it; API tokens and sessions do not open it).
"""

import pytest
from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

from accounts.services import create_api_token
from core import metrics as core_metrics
from core.ids import encode_id
from imports import services as imports
from imports import tasks as imports_tasks
from imports.models import ImportJob
from products.services import create_product
from webhooks import services as webhooks
from webhooks.models import WebhookDelivery, WebhookDeliveryAttempt

pytestmark = pytest.mark.django_db(transaction=True)

TOKEN = "metrics-secret-token"
UPDATE_NAME = """
mutation RenameProduct($id: ID!) { updateProduct(input: {id: $id, name: "renamed"}) {
  ... on Product { name } } }
"""


def scrape(client: Client | None = None, token: str = TOKEN) -> dict:
    response = (client or Client()).get("/metrics", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples: dict, name: str, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_are_not_found_when_no_token_is_configured(settings, user):
    settings.METRICS_TOKEN = None
    client = Client()
    client.force_login(user)

    assert client.get("/metrics").status_code == 404
    assert Client().get("/metrics", headers={"Authorization": "Bearer x"}).status_code == 404


def test_only_the_metrics_token_opens_them(settings, user):
    settings.METRICS_TOKEN = TOKEN
    signed_in = Client()
    signed_in.force_login(user)
    _, api_token = create_api_token(user, "ci")

    assert Client().get("/metrics").status_code == 401
    assert signed_in.get("/metrics").status_code == 401
    api = Client().get("/metrics", headers={"Authorization": f"Bearer {api_token}"})
    assert api.status_code == 401
    assert api["WWW-Authenticate"].startswith("Bearer")
    wrong = Client().get("/metrics", headers={"Authorization": f"Bearer {TOKEN}x"})
    assert wrong.status_code == 401
    assert Client().get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_requests_are_counted_by_operation_and_status_with_latency(settings, gql_client):
    settings.METRICS_TOKEN = TOKEN
    product = create_product(sku="M-1", name="before")
    before = scrape()
    for _ in range(3):
        answer = gql_client.query(UPDATE_NAME, {"id": encode_id("Product", product.pk)})
    gql_client.client.get("/healthz")
    after = scrape()

    assert answer["data"]["updateProduct"]["name"] == "renamed", answer
    labels = {"route": "graphql", "operation": "RenameProduct", "status": "200"}
    assert value(after, "http_requests_total", **labels) - value(
        before, "http_requests_total", **labels
    ) == 3
    count = "http_request_duration_seconds_count"
    assert value(after, count, route="graphql", operation="RenameProduct") - value(
        before, count, route="graphql", operation="RenameProduct"
    ) == 3
    inf = value(after, "http_request_duration_seconds_bucket", route="graphql",
                operation="RenameProduct", le="+Inf")
    assert inf >= 3
    assert value(after, "http_requests_total", route="healthz", operation="-", status="200") >= 1


def test_state_is_read_from_the_database_and_broker(settings, broker, make_upload):
    settings.METRICS_TOKEN = TOKEN
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    webhook = webhooks.create_webhook(url="http://127.0.0.1:9/hook", events=["product.created"])
    create_product(sku="M-2", name="x")
    delivery = WebhookDelivery.objects.get(webhook=webhook)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(status="SUCCEEDED")
    WebhookDeliveryAttempt.objects.create(
        delivery=delivery, number=1, url=webhook.url, status_code=200, duration_ms=120
    )
    WebhookDeliveryAttempt.objects.create(
        delivery=delivery, number=2, url=webhook.url, status_code=500, duration_ms=4000
    )
    for data in (b"sku,name\na,b\n", b"sku,name\nc,d\n"):
        job = imports.submit_import(make_upload(data))
        imports_tasks.process_imports.send()  # as the importProducts mutation does
    ImportJob.objects.filter(pk=job.pk).update(status="FAILED")

    samples = scrape()

    assert value(samples, "import_jobs", status="PENDING") == 1
    assert value(samples, "import_jobs", status="FAILED") == 1
    assert value(samples, "import_jobs", status="COMPLETED") == 0
    assert value(samples, "import_rows_per_second") == 0
    assert value(samples, "webhook_deliveries", status="SUCCEEDED") == 1
    attempts = "webhook_delivery_attempt_duration_seconds"
    assert value(samples, f"{attempts}_count", outcome="success") == 1
    assert value(samples, f"{attempts}_bucket", outcome="success", le="0.25") == 1
    assert value(samples, f"{attempts}_bucket", outcome="failure", le="2.5") == 0
    assert value(samples, f"{attempts}_bucket", outcome="failure", le="5.0") == 1
    assert value(samples, f"{attempts}_sum", outcome="failure") == 4.0
    # The two submissions each queued a message for the imports queue (no worker runs).
    assert value(samples, "task_queue_messages", queue="imports") == 2


def test_actor_runs_and_sweeper_runs_are_counted_across_workers(settings, broker, worker):
    settings.METRICS_TOKEN = TOKEN
    from imports import tasks

    before = scrape()
    tasks.sweep_imports.send()
    tasks.sweep_imports.send()
    broker.join("imports", timeout=10_000)
    worker.join()
    after = scrape()

    def runs(samples):
        return value(samples, "sweeper_runs_total", sweeper="sweep_imports", outcome="ok")

    assert runs(after) - runs(before) == 2
    assert value(after, "task_runs_total", actor="sweep_imports", outcome="ok") >= 2


def test_client_chosen_operation_names_cannot_grow_the_series_without_bound(monkeypatch):
    monkeypatch.setattr(core_metrics, "_seen_operations", set())
    monkeypatch.setattr(core_metrics, "MAX_OPERATION_NAMES", 2)

    labels = [core_metrics.operation_label(f"Op{n}") for n in range(4)]

    assert labels == ["Op0", "Op1", "other", "other"]
    assert core_metrics.operation_label("Op0") == "Op0"
    assert core_metrics.operation_label("bad name!") == "other"
    assert core_metrics.operation_label(None) == "anonymous"


@pytest.fixture
def make_upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return lambda data: SimpleUploadedFile("p.csv", data)


def test_the_multiprocess_folder_comes_from_the_settings(settings, tmp_path):
    # Given the web processes share figures through a folder none of them wrote to yet
    settings.METRICS_TOKEN = TOKEN
    settings.PROMETHEUS_MULTIPROC_DIR = str(tmp_path)
    Client().get("/healthz")

    samples = scrape()

    # Then the per-request figures are read from that folder (empty), not this process's
    # memory, while the state read at scrape time is still there.
    assert value(samples, "http_requests_total", route="healthz", operation="-", status="200") == 0
    assert ("import_jobs", (("status", "COMPLETED"),)) in samples
