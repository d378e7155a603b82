"""importProgress over WebSocket: the state at once, every change, a beat each second, then done."""

import json
import threading
import time
from contextlib import contextmanager

import pytest
from django.db import OperationalError
from strawberry.relay import to_base64
from websockets.sync.client import connect

from accounts.services import create_api_token
from imports import services
from imports.models import ImportJob

from .documents import IMPORT_PROGRESS

pytestmark = pytest.mark.django_db(transaction=True)


@contextmanager
def subscribe(server, token: str, job_id: int):
    with connect(f"{server.ws_url}/graphql/", subprotocols=["graphql-transport-ws"]) as ws:
        yield _start(ws, token, job_id)


def _start(ws, token: str, job_id: int):
    ws.send(json.dumps({"type": "connection_init",
                        "payload": {"authorization": f"Bearer {token}"}}))
    assert json.loads(ws.recv(timeout=10))["type"] == "connection_ack"
    ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {
        "query": IMPORT_PROGRESS, "variables": {"id": to_base64("ImportJob", job_id)}}}))
    return ws


def run_queue() -> None:
    """Work the queue; retry when the SQLite test database stays busy past its timeout."""
    for _ in range(50):
        try:
            services.process_queue()
            return
        except OperationalError:
            time.sleep(0.1)


def messages(ws, limit: float = 60):
    """(seconds since subscribing, payload) of each message until `complete`."""
    started = time.monotonic()
    while True:
        message = json.loads(ws.recv(timeout=limit))
        if message["type"] == "complete":
            return
        assert message["type"] == "next" and "errors" not in message["payload"], message
        yield time.monotonic() - started, message["payload"]["data"]


def test_progress_from_pending_to_completed(live_server_asgi, user, submit, settings):
    settings.IMPORT_CHUNK_ROWS = 100  # about 200 chunks: long enough to watch it run
    token = create_api_token(user, "t")[1]
    job = submit(b"sku,name\n" + b"".join(b"s%d,n\n" % i for i in range(20_000)))
    with subscribe(live_server_asgi, token, job.pk) as ws:
        stream = messages(ws)
        at, first = next(stream)
        assert at < 2 and first["importProgress"]["status"] == "PENDING"
        threading.Thread(target=run_queue, daemon=True).start()
        rest = [payload["importProgress"] for _, payload in stream]
    states = [first["importProgress"], *rest]
    progress = [s["progress"] for s in states]
    assert progress == sorted(progress)
    assert states[-1]["status"] == "COMPLETED" and states[-1]["createdCount"] == 20_000
    assert states[-1]["progress"] == 100
    assert len(states) >= 3
    assert "PROCESSING" in {s["status"] for s in states}


def test_a_beat_every_second_while_processing_then_complete(live_server_asgi, user, submit):
    token = create_api_token(user, "t")[1]
    job = submit(b"sku,name\na,b\n")
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.PROCESSING)
    with subscribe(live_server_asgi, token, job.pk) as ws:
        stream = messages(ws, limit=5)
        times = [next(stream)[0] for _ in range(3)]  # nothing changes: beats only
        assert times[2] - times[0] < 3.5
        ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.CANCELLED)
        last = [payload for _, payload in stream][-1]
    assert last["importProgress"]["status"] == "CANCELLED"


def test_unknown_job_is_an_error(live_server_asgi, user):
    token = create_api_token(user, "t")[1]
    with subscribe(live_server_asgi, token, 987654) as ws:
        message = json.loads(ws.recv(timeout=10))
        assert json.loads(ws.recv(timeout=10))["type"] == "complete"
    assert message["type"] == "next"
    assert message["payload"]["errors"][0]["message"] == "No import job with this id."
    assert message["payload"]["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "id"}


def test_a_malformed_job_id_is_bad_user_input(live_server_asgi, user):
    token = create_api_token(user, "t")[1]
    url = f"{live_server_asgi.ws_url}/graphql/"
    with connect(url, subprotocols=["graphql-transport-ws"]) as ws:
        ws.send(json.dumps({"type": "connection_init",
                            "payload": {"authorization": f"Bearer {token}"}}))
        assert json.loads(ws.recv(timeout=10))["type"] == "connection_ack"
        ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {
            "query": IMPORT_PROGRESS, "variables": {"id": "not-an-id\x00"}}}))
        message = json.loads(ws.recv(timeout=10))
    errors = message["payload"]["errors"] if message["type"] == "next" else message["payload"]
    assert errors[0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "id"}
    assert errors[0]["message"].startswith("'id' is not the id of an import job")
