"""What keeps a page of products cheap: ids, column reads, request threads, the count.

``core.relay_ids``, ``core.plain_fields``, ``core.request_threads`` and the count made on the
rows' thread (``products.types``); the answers themselves are checked by the products tests.
"""

import asyncio
import threading

import pytest
import strawberry.relay.types
from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.db import connection, connections
from django.test import AsyncClient
from graphql import GraphQLObjectType
from graphql.execution.middleware import MiddlewareManager
from strawberry_django.optimizer import DjangoOptimizerExtension

import products.types
from accounts.services import create_api_token
from config.schema import schema
from core.plain_fields import PLAIN_COLUMN, PlainColumnsMiddlewareManager, column_resolver
from core.relay_ids import node_types
from core.request_threads import ReusedRequestThreads
from products.models import Product
from products.tests.factories import make_products

PAGE = """query { products(first: 3) { totalCount edges { node { id sku name active } } } }"""


def test_every_node_type_keeps_its_id_attribute_and_never_scans_again(monkeypatch):
    def no_scan(*args, **kwargs):
        raise AssertionError("the annotations were evaluated again")

    monkeypatch.setattr(strawberry.relay.types, "eval_type", no_scan)
    found = node_types(schema)

    assert len(found) >= 10
    for node_type in found:
        assert node_type.__dict__.get("_id_attr") == node_type.resolve_id_attr() == "pk"


def test_product_columns_are_read_directly_and_resolvers_are_kept():
    fields = schema._schema.type_map["Product"]
    assert isinstance(fields, GraphQLObjectType)
    direct = {name for name, f in fields.fields.items() if getattr(f.resolve, PLAIN_COLUMN, 0)}

    # id is relay's, lastImport a relation, lastManualEdit a resolver of its own.
    assert direct == {
        "sku", "name", "description", "active", "createdAt", "updatedAt", "lastImportLine"
    }


@pytest.mark.django_db
def test_a_column_read_hands_deferred_columns_and_other_sources_to_the_field():
    make_products(1)
    calls = []

    def field_resolver(source, info, **kwargs):
        calls.append(source)
        return "from the field"

    resolve = column_resolver(Product, "name", field_resolver)
    loaded = Product.objects.get()
    deferred = Product.objects.only("id").get()

    assert resolve(loaded, None) == loaded.name
    assert calls == []
    assert resolve(deferred, None) == "from the field"
    assert resolve({"name": "a dict"}, None) == "from the field"
    assert calls == [deferred, {"name": "a dict"}]


def test_column_reads_skip_the_optimizer_but_not_other_middleware():
    def resolve(source, info):
        return 1

    setattr(resolve, PLAIN_COLUMN, True)

    def other(next_, root, info, **kwargs):
        return next_(root, info, **kwargs)

    assert PlainColumnsMiddlewareManager(DjangoOptimizerExtension()).get_field_resolver(
        resolve
    ) is resolve
    assert PlainColumnsMiddlewareManager(
        DjangoOptimizerExtension(), other
    ).get_field_resolver(resolve) is not resolve
    assert isinstance(PlainColumnsMiddlewareManager(), MiddlewareManager)


def _thread_app(started: asyncio.Event | None = None, release: asyncio.Event | None = None):
    """An ASGI app that, like Django's handler, opens its own ThreadSensitiveContext and
    records the thread its synchronous code runs on."""
    threads = []

    async def app(scope, receive, send):
        async with ThreadSensitiveContext():
            threads.append(await sync_to_async(threading.get_ident)())
            if started is not None and release is not None:
                started.set()
                await release.wait()

    return app, threads


async def test_one_request_after_another_runs_on_the_same_thread():
    app, threads = _thread_app()
    reused = ReusedRequestThreads(app)

    await reused({"type": "http"}, None, None)
    await reused({"type": "http"}, None, None)

    assert len(threads) == 2 and threads[0] == threads[1]
    assert len(reused.idle) == 1


async def test_requests_in_flight_together_have_threads_of_their_own_and_few_are_kept():
    started, release = asyncio.Event(), asyncio.Event()
    app, threads = _thread_app(started, release)
    reused = ReusedRequestThreads(app, keep=1)

    first = asyncio.create_task(reused({"type": "http"}, None, None))
    await started.wait()
    second = asyncio.create_task(reused({"type": "http"}, None, None))
    while len(threads) < 2:
        await asyncio.sleep(0.01)
    release.set()
    await asyncio.gather(first, second)

    assert threads[0] != threads[1]
    assert len(reused.idle) == 1  # the other executor was shut down


@pytest.mark.django_db(transaction=True)
async def test_a_kept_thread_holds_no_database_connection_after_its_request(monkeypatch):
    from config.asgi import django_asgi_app

    # As in the web process (a pool; CONN_MAX_AGE 0 gives the connection back each request).
    monkeypatch.setitem(connections.settings["default"], "CONN_MAX_AGE", 0)
    reused = ReusedRequestThreads(django_asgi_app)
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": "/readyz", "raw_path": b"/readyz", "query_string": b"",
        "root_path": "", "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 40000), "server": ("127.0.0.1", 80),
    }
    never = asyncio.Event()
    received = False
    sent = []

    async def receive():
        nonlocal received
        if not received:
            received = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await never.wait()

    async def send(message):
        sent.append(message)

    await reused(scope, receive, send)

    assert sent[0]["status"] == 200
    (executor,) = reused.idle
    assert executor.submit(lambda: connection.connection).result() is None


@pytest.mark.django_db(transaction=True)
async def test_the_count_is_made_once_on_the_thread_that_read_the_page(user, monkeypatch):
    token = (await sync_to_async(create_api_token)(user, "speed"))[1]
    await sync_to_async(make_products)(5)
    rows_threads, count_threads = [], []
    check, count = products.types._check_filter_values, products.types.product_count

    def recorded_check(nodes):
        rows_threads.append(threading.get_ident())
        return check(nodes)

    def recorded_count(queryset):
        count_threads.append(threading.get_ident())
        return count(queryset)

    monkeypatch.setattr(products.types, "_check_filter_values", recorded_check)
    monkeypatch.setattr(products.types, "product_count", recorded_count)
    response = await AsyncClient().post(
        "/graphql/", {"query": PAGE}, content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )

    page = response.json()["data"]["products"]
    assert page["totalCount"] == 5 and len(page["edges"]) == 3
    assert count_threads == rows_threads and len(rows_threads) == 1
