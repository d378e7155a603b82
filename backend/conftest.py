"""Shared test fixtures: users, GraphQL clients, the Dramatiq broker and worker, a live server.

Tests run against the mode the environment selects: SQLite and the StubBroker (embedded)
or PostgreSQL and Redis (``DATABASE_URL`` and ``REDIS_URL`` set).
"""

import json
import socket
import threading
import time
from collections.abc import Iterator
from queue import Queue
from typing import Any

import dramatiq
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from dramatiq.brokers.stub import StubBroker

from core import budget, persisted_queries

PASSWORD = "pw-secret-123"


def pytest_collection_modifyitems(config, items):
    """Run production-only tests only in production mode; say how many were left out."""
    from django.conf import settings

    if not settings.EMBEDDED:
        return
    kept = [item for item in items if item.get_closest_marker("production_only") is None]
    left_out = [item for item in items if item.get_closest_marker("production_only")]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(
                f"embedded mode: {len(left_out)} production-only tests (separate worker "
                "processes) run in production mode: DATABASE_URL and REDIS_URL set"
            )


class GraphQLClient:
    """Posts GraphQL documents through Django's test client and returns the parsed JSON."""

    def __init__(self, client: Client, headers: dict[str, str] | None = None) -> None:
        self.client = client
        self.headers = headers or {}

    def query(
        self,
        document: str,
        variables: dict[str, Any] | None = None,
        files: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Send ``document``; ``files`` maps variable names to file objects (multipart)."""
        if files:
            variables = dict(variables or {})
            file_map = {}
            data: dict[str, Any] = {}
            for index, (name, handle) in enumerate(files.items()):
                variables[name] = None
                file_map[str(index)] = [f"variables.{name}"]
                data[str(index)] = handle
            data["operations"] = json.dumps({"query": document, "variables": variables})
            data["map"] = json.dumps(file_map)
            response = self.client.post("/graphql/", data, headers=self.headers)
        else:
            response = self.client.post(
                "/graphql/",
                {"query": document, "variables": variables or {}},
                content_type="application/json",
                headers=self.headers,
            )
        self.last_response = response
        return response.json()


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Run without the embedded worker and periodic actors; keep files in a temp folder.

    The test process runs its own worker (``worker`` fixture); a test that needs periodic
    actors turns them on with ``settings.PERIODIC_TASKS_ENABLED = True``.
    """
    settings.EMBEDDED_WORKER = False
    settings.PERIODIC_TASKS_ENABLED = False
    settings.MEDIA_ROOT = tmp_path / "media"
    # Each test starts with full query budgets and no persisted query learnt by another.
    budget.reset()
    persisted_queries.forget_learnt()


@pytest.fixture
def user(db):
    """A saved, active admin whose password is ``PASSWORD`` (may do everything)."""
    return get_user_model().objects.create_user(username="alice", password=PASSWORD, role="admin")


@pytest.fixture
def gql_client(user) -> GraphQLClient:
    """A GraphQL client signed in as ``user`` with a session."""
    client = Client()
    client.force_login(user)
    return GraphQLClient(client)


@pytest.fixture
def anon_gql_client(db) -> GraphQLClient:
    """A GraphQL client with no credentials."""
    return GraphQLClient(Client())


@pytest.fixture
def broker() -> Iterator[dramatiq.Broker]:
    """The configured broker (StubBroker or Redis), emptied before and after the test."""
    current = dramatiq.get_broker()
    _empty(current)
    yield current
    _empty(current)


def _empty(broker: dramatiq.Broker) -> None:
    broker.flush_all()
    if isinstance(broker, StubBroker):
        # A message a stopped worker had taken and not finished (a delivery to a receiver that
        # hangs) stays unfinished in its queue.Queue, and join() would wait for it forever:
        # the next test starts from fresh queues.
        for name in list(broker.queues):
            broker.queues[name] = Queue()


@pytest.fixture
def worker(broker) -> Iterator[dramatiq.Worker]:
    """A Dramatiq worker consuming ``broker`` in threads (use with ``transactional_db``)."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("tasks")
    started = dramatiq.Worker(broker, worker_timeout=100, worker_threads=2)
    started.start()
    yield started
    started.stop()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """A uvicorn server on a free loopback port, serving the project's ASGI app."""

    def __init__(self) -> None:
        import uvicorn

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            "config.asgi:application",
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> None:
        """Start serving and wait until the port answers."""
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the live server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop serving."""
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server_asgi(transactional_db) -> Iterator[LiveServer]:
    """The ASGI app (HTTP and WebSocket) on a real port; ``.url`` and ``.ws_url``."""
    server = LiveServer()
    server.start()
    yield server
    server.stop()
    close_other_connections()


def close_other_connections() -> None:
    """End database sessions that server or worker threads left open (PostgreSQL).

    Threads of uvicorn's executor keep their own connections; the test database cannot be
    flushed or dropped while they live.
    """
    from django.db import connection

    from core.databases import is_postgresql

    if not is_postgresql(connection):
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    # asgiref's one thread for `sync_to_async` (async tests) keeps its own connection across
    # tests: it was just ended, so close it there, or the next async test would use it dead.
    from asgiref.sync import SyncToAsync
    from django.db import connections

    SyncToAsync.single_thread_executor.submit(connections.close_all).result()
