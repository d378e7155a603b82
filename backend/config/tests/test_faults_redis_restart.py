"""Redis (a private ``redis-server`` without persistence) killed and started again while an
import runs and while webhook retries wait in it as delayed messages.

Nothing is lost and nothing is sent twice under a new id: both imports (one running, one
submitted during the outage) complete with the counts of an uninterrupted run, every event
has one delivery whose every attempt reached the receiver with the delivery's id. The
enqueues made during the outage and the retries Redis forgot are recovered by the
sweepers; the worker and the web process reconnect by themselves.
"""

import json
from collections import Counter

import httpx
import pytest
from django.db import connection

from accounts.services import create_api_token
from conftest import close_other_connections
from imports import services as imports
from imports.models import ImportJob
from imports.tests.conftest import sample_csv
from imports.tests.test_worker_processes import CHUNK, kill, start_worker
from imports.tests.waiting import wait_final, wait_for
from products.models import Product
from webhooks import services as webhooks
from webhooks.models import WebhookDelivery, WebhookEvent
from webhooks.tests.receiver import Receiver

from .faults import PrivateRedis, production_env, start_web

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.production_only]

CREATE = """mutation CreateProduct($input: ProductInput!) {
  createProduct(input: $input) { ... on Product { sku } ... on OperationInfo { messages {
  message } } } }"""
UPLOAD = """mutation Upload($file: Upload!) { importProducts(file: $file) {
  ... on ImportJob { id status } ... on OperationInfo { messages { message } } } }"""
DELIVERY_ENV = {
    "WEBHOOK_ALLOW_PRIVATE_TARGETS": "1",
    "WEBHOOK_RETRY_SCHEDULE": "2,2,2",
    "WEBHOOK_SWEEP_INTERVAL_SECONDS": "1",
    "WEBHOOK_TIMEOUT_SECONDS": "2",
}


def database_url() -> str:
    db = connection.settings_dict
    return (f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}")


class Api:
    def __init__(self, url: str, token: str) -> None:
        self.url = url
        self.client = httpx.Client(
            base_url=url, timeout=15, headers={"Authorization": f"Bearer {token}"}
        )

    def create(self, sku: str) -> dict:
        answer = self.client.post("/graphql/", json={"query": CREATE,
                                                     "variables": {"input": {"sku": sku,
                                                                             "name": sku}}})
        assert answer.status_code == 200, answer.text
        return answer.json()

    def upload(self, data: bytes) -> dict:
        answer = self.client.post(
            "/graphql/",
            data={"operations": json.dumps({"query": UPLOAD, "variables": {"file": None}}),
                  "map": json.dumps({"0": ["variables.file"]})},
            files={"0": ("p.csv", data, "text/csv")},
        )
        assert answer.status_code == 200, answer.text
        return answer.json()


@pytest.fixture
def redis_server():
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


def test_redis_restarts_mid_import_and_with_retries_scheduled(
    redis_server, settings, user, tmp_path
):
    settings.IMPORT_CHUNK_ROWS = CHUNK
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    first_file, second_file = sample_csv(8000, seed=3, prefix="a"), sample_csv(3000, seed=4,
                                                                               prefix="b")
    # The uninterrupted reference, in this process (no webhooks yet: no events).
    references = []
    for data in (first_file, second_file):
        job = imports.submit_import(_upload(data))
        imports.process_queue()
        job.refresh_from_db()
        references.append(_outcome(job))
    Product.objects.all().delete()
    ImportJob.objects.all().delete()

    _, token = create_api_token(user, "faults")
    env = production_env(database_url(), redis_server.url, settings.MEDIA_ROOT,
                         IMPORT_CHUNK_ROWS=str(CHUNK), **DELIVERY_ENV)
    web, url = start_web(env, tmp_path / "web.log")
    worker = start_worker(tmp_path / "worker.log", REDIS_URL=redis_server.url, **DELIVERY_ENV)
    api = Api(url, token)
    with Receiver() as receiver:
        try:
            webhooks.create_webhook(
                url=receiver.url, events=["product.created", "import.finished"]
            )
            receiver.script("500", "500", "500")  # the first three sends fail: retries wait
            for n in range(3):
                assert api.create(f"before-{n}")["data"]["createProduct"]["sku"] == f"before-{n}"
            wait_for(lambda: WebhookDelivery.objects.filter(status="RETRYING").count() == 3,
                     30, "three retries scheduled")
            first = _job_id(api.upload(first_file))
            wait_for(lambda: ImportJob.objects.get(pk=first).chunks_committed >= 2, 60,
                     "the import to be under way")

            redis_server.stop()  # every queued and delayed message is gone with it
            ready = httpx.get(f"{url}/readyz", timeout=10)
            assert ready.status_code == 503 and "broker" in ready.json()["down"]
            for n in range(3):
                assert api.create(f"during-{n}")["data"]["createProduct"]["sku"] == f"during-{n}"
            second = _job_id(api.upload(second_file))
            assert ImportJob.objects.get(pk=second).status in ("PENDING", "PROCESSING")

            redis_server.start()  # empty: recovery is the sweepers' work
            jobs = [wait_final(ImportJob.objects.get(pk=pk), 120) for pk in (first, second)]
            wait_for(lambda: not WebhookDelivery.objects.exclude(status="SUCCEEDED").exists(),
                     60, "every delivery to succeed")
            assert httpx.get(f"{url}/readyz", timeout=10).status_code == 200
        finally:
            kill(worker)
            kill(web)
            close_other_connections()

    # The first job is the one submitted first; its outcome equals the uninterrupted run's.
    assert [_outcome(job) for job in jobs] == references
    assert [job.attempts for job in jobs] == [1, 1]
    events = Counter(WebhookEvent.objects.values_list("type", flat=True))
    assert events == {"product.created": 6, "import.finished": 2}
    deliveries = list(WebhookDelivery.objects.all())
    assert len(deliveries) == 8 and {d.status for d in deliveries} == {"SUCCEEDED"}
    sent = Counter(request.headers["webhook-id"] for request in receiver.requests)
    assert set(sent) == {d.message_id for d in deliveries}  # no new ids
    assert sent == {d.message_id: d.attempt for d in deliveries}  # every attempt, no extra
    assert sum(sent.values()) == 8 + 3


def _upload(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("p.csv", data)


def _job_id(answer: dict) -> int:
    from core.ids import node_pk

    node = answer["data"]["importProducts"]
    assert "id" in node, answer
    return int(node_pk(node["id"], "ImportJob"))


def _outcome(job: ImportJob) -> tuple:
    return (job.status, job.rows_processed, job.created_count, job.updated_count,
            job.unchanged_count, job.error_count)
