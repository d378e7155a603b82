"""Every request gets an id: answered in X-Request-ID and put on every log record."""

import json
import logging

import pytest
from django.test import Client
from pythonjsonlogger.json import JsonFormatter

from core.request_id import RequestIdFilter


def test_each_request_gets_a_fresh_id_in_the_response_header(db):
    client = Client()

    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]

    assert len(first) == 32 and first != second


def test_a_sane_incoming_id_is_kept(db):
    response = Client().get("/healthz", headers={"X-Request-ID": "lb-1234.abc:9"})

    assert response["X-Request-ID"] == "lb-1234.abc:9"


@pytest.mark.parametrize("incoming", ["", "x" * 129, "a b", "<script>", "id\nInjected: 1"])
def test_an_insane_incoming_id_is_replaced(db, incoming):
    response = Client().get("/healthz", headers={"X-Request-ID": incoming})

    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


def test_log_records_made_during_a_request_carry_its_id(gql_client, monkeypatch, caplog):
    def noisy(**_: object) -> None:
        logging.getLogger("products.services").warning("while creating")
        raise RuntimeError("boom")

    monkeypatch.setattr("products.services.create_product", noisy)
    caplog.set_level(logging.WARNING)
    # caplog's handler has no filters of its own: the project's filter is on the console handler
    caplog.handler.addFilter(RequestIdFilter())

    gql_client.client.post(
        "/graphql/",
        {"query": 'mutation { createProduct(input: {sku: "s", name: "n"}) { __typename } }'},
        content_type="application/json",
        headers={"X-Request-ID": "req-42"},
    )

    ours = ("products.services", "graphql.errors")
    ids = {record.request_id for record in caplog.records if record.name in ours}
    assert ids == {"req-42"}


def test_outside_a_request_the_id_is_a_dash():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)

    RequestIdFilter().filter(record)

    assert record.request_id == "-"


def test_the_json_format_is_one_object_per_line_with_the_request_id(settings):
    formatter_config = settings.LOGGING["formatters"]["json"]
    formatter = JsonFormatter(
        formatter_config["fmt"], rename_fields=formatter_config["rename_fields"]
    )
    record = logging.LogRecord("products", logging.ERROR, __file__, 1, "it broke", None, None)
    record.request_id = "req-7"

    line = formatter.format(record)

    assert "\n" not in line
    assert json.loads(line) | {"time": None} == {
        "time": None, "level": "ERROR", "logger": "products", "request_id": "req-7",
        "message": "it broke",
    }
