"""Background work is sent once the change commits, and a broker outage never fails it."""

import io

import pytest

from core import queueing
from exports import tasks as export_tasks
from exports.models import ExportJob
from imports import tasks as import_tasks
from imports.models import ImportJob

EXPORT = (
    "mutation { exportProducts(format: CSV) {"
    " ... on ExportJob { status } ... on OperationInfo { messages { message } } } }"
)
IMPORT = (
    "mutation Import($file: Upload!) { importProducts(file: $file) {"
    " ... on ImportJob { status } ... on OperationInfo { messages { message } } } }"
)


class Recorded:
    """Stands in for an actor's send: records messages, or fails like an unreachable broker."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.calls: list[tuple] = []

    def __call__(self, args=(), kwargs=None, **options) -> None:
        self.calls.append(tuple(args))
        if self.fail:
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")


@pytest.fixture(autouse=True)
def _no_backoff():
    queueing.reset_broker_backoff()
    yield
    queueing.reset_broker_backoff()


def test_the_export_message_goes_out_only_after_the_commit(
    gql_client, monkeypatch, django_capture_on_commit_callbacks
):
    sent = Recorded()
    monkeypatch.setattr(export_tasks.export_products, "send_with_options", sent)

    with django_capture_on_commit_callbacks(execute=False) as waiting:
        answer = gql_client.query(EXPORT)
        assert sent.calls == []  # not before the commit

    for callback in waiting:
        callback()
    assert answer["data"]["exportProducts"] == {"status": "PENDING"}
    assert sent.calls == [(ExportJob.objects.get().pk,)]


def test_a_broker_outage_fails_neither_the_export_nor_the_import_and_is_tried_once(
    gql_client, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    export_send, import_send = Recorded(fail=True), Recorded(fail=True)
    monkeypatch.setattr(export_tasks.export_products, "send_with_options", export_send)
    monkeypatch.setattr(import_tasks.process_imports, "send_with_options", import_send)
    upload = io.BytesIO(b"sku,name\nA-1,A\n")
    upload.name = "products.csv"

    with django_capture_on_commit_callbacks(execute=True):
        exported = gql_client.query(EXPORT)
    with django_capture_on_commit_callbacks(execute=True):
        imported = gql_client.query(IMPORT, files={"file": upload})

    # Both changes are recorded and answered; the jobs wait for their sweepers.
    assert exported["data"]["exportProducts"] == {"status": "PENDING"}
    assert imported["data"]["importProducts"] == {"status": "PENDING"}
    assert ExportJob.objects.count() == ImportJob.objects.count() == 1
    # The first send met the outage; the second skipped the broker during the back-off.
    assert len(export_send.calls) == 1 and import_send.calls == []
    assert "Task broker unreachable" in caplog.text
