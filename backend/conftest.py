"""Shared test fixtures: users, GraphQL clients, the Dramatiq broker and worker, a live server,
an S3-compatible server (``moto_server``) and settings that keep files in its bucket.

Tests run against the mode the environment selects: SQLite and the StubBroker (embedded)
or PostgreSQL and Redis (``DATABASE_URL`` and ``REDIS_URL`` set).
"""

import json
import socket
import subprocess
import sys
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


@pytest.fixture(autouse=True)
def _forget_request_threads() -> Iterator[None]:
    """Idle request threads (``core.request_threads``) do not carry a database connection
    from one test into the next."""
    yield
    asgi = sys.modules.get("config.asgi")  # only once a test has served through it
    if asgi is not None:
        asgi.request_threads.forget_idle()


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


class S3Server:
    """A real ``moto_server`` process (moto[server]) on a free loopback port, with a bucket."""

    bucket = "product-importer-test"
    region = "us-east-1"
    access_key_id = "test-key"
    secret_access_key = "test-secret"

    def __init__(self) -> None:
        self.port = _free_port()
        self.endpoint_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the process, wait until it answers, create the bucket."""
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from moto.server import main; main()",
                "-H",
                "127.0.0.1",
                "-p",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("moto_server did not start") from None
                time.sleep(0.1)
        self.client().create_bucket(Bucket=self.bucket)

    def stop(self) -> None:
        """End the process."""
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def client(self) -> Any:
        """A boto3 client of its own (not the project's, so tests check what is stored)."""
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=self.region,
            aws_access_key_id=self.access_key_id,
            aws_secret_access_key=self.secret_access_key,
            config=Config(s3={"addressing_style": "path"}),
        )

    def keys(self) -> list[str]:
        """Every object key in the bucket, sorted."""
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=self.bucket)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def pending_uploads(self) -> list[str]:
        """Keys of the multipart uploads started and neither completed nor aborted."""
        answer = self.client().list_multipart_uploads(Bucket=self.bucket)
        return sorted(upload["Key"] for upload in answer.get("Uploads", []))

    def empty(self) -> None:
        """Delete every object and abort every unfinished multipart upload."""
        client = self.client()
        for key in self.keys():
            client.delete_object(Bucket=self.bucket, Key=key)
        for upload in client.list_multipart_uploads(Bucket=self.bucket).get("Uploads", []):
            client.abort_multipart_upload(
                Bucket=self.bucket, Key=upload["Key"], UploadId=upload["UploadId"]
            )

    def environment(self, key_prefix: str = "media") -> dict[str, str]:
        """The STORAGE_* variables that put a process's files in this bucket."""
        return {
            "STORAGE_BUCKET": self.bucket,
            "STORAGE_ENDPOINT_URL": self.endpoint_url,
            "STORAGE_REGION": self.region,
            "STORAGE_ACCESS_KEY_ID": self.access_key_id,
            "STORAGE_SECRET_ACCESS_KEY": self.secret_access_key,
            "STORAGE_KEY_PREFIX": key_prefix,
        }


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """A real S3-compatible server (``moto_server``) for the whole test session."""
    server = S3Server()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def object_storage(settings, s3_server) -> Iterator[S3Server]:
    """Keep this test's files in the ``s3_server`` bucket (emptied first) under ``media/``."""
    from core.object_storage import storages_setting

    s3_server.empty()
    settings.STORAGE_BUCKET = s3_server.bucket
    settings.STORAGE_ENDPOINT_URL = s3_server.endpoint_url
    settings.STORAGE_REGION = s3_server.region
    settings.STORAGE_ACCESS_KEY_ID = s3_server.access_key_id
    settings.STORAGE_SECRET_ACCESS_KEY = s3_server.secret_access_key
    settings.STORAGE_KEY_PREFIX = "media"
    settings.STORAGE_ADDRESSING_STYLE = "path"
    settings.STORAGE_PUBLIC_ENDPOINT_URL = None
    settings.STORAGES = storages_setting(
        bucket=s3_server.bucket,
        endpoint_url=s3_server.endpoint_url,
        region=s3_server.region,
        access_key_id=s3_server.access_key_id,
        secret_access_key=s3_server.secret_access_key,
        key_prefix="media",
        presign_seconds=settings.STORAGE_PRESIGN_SECONDS,
        addressing_style="path",
    )
    yield s3_server
