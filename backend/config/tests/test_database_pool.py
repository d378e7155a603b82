"""The web process's connection budget: a real `manage.py serve` on the test database.

Requests are made to hold their connection: a test connection locks the product table, so
every products query waits on the lock with its pooled connection in hand. More requests
than the pool has connections then all succeed once the lock goes, while PostgreSQL never
sees more than the pool's connections from the web process; and a request that cannot get a
connection within the pool's timeout gets a coded SERVICE_UNAVAILABLE, not a hang.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import psycopg2
import pytest
from django.db import connection

from accounts.services import create_api_token
from conftest import close_other_connections
from core.db_pool import WEB_APPLICATION_NAME

from .faults import free_port, production_env, start_process, wait_until

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.production_only]

COUNT = {"query": "query { products(first: 5) { totalCount edges { node { sku } } } }"}


def database_url() -> str:
    db = connection.settings_dict
    return (f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
            f"{db['NAME']}")


def web_connections() -> int:
    """The web process's connections to the test database, as PostgreSQL counts them."""
    with psycopg2.connect(database_url()) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                       "AND application_name = %s", [connection.settings_dict["NAME"],
                                                     WEB_APPLICATION_NAME])
        count = cursor.fetchone()[0]
    conn.close()
    return count


def lock_waiters() -> int:
    """Sessions waiting for the product table's lock."""
    with psycopg2.connect(database_url()) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                       "AND wait_event_type = 'Lock'", [connection.settings_dict["NAME"]])
        count = cursor.fetchone()[0]
    conn.close()
    return count


@pytest.fixture
def serve(tmp_path):
    """Start `manage.py serve --no-worker` with the given pool settings; stop it after."""
    processes = []

    def start(**extra: str) -> str:
        from django.conf import settings

        env = production_env(database_url(), settings.REDIS_URL, tmp_path / "media", **extra)
        port = free_port(8500, 8549)
        processes.append(start_process(env, tmp_path / "web.log", "serve", "--no-worker",
                                       "--port", str(port)))
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: httpx.get(f"{url}/healthz", timeout=2).status_code == 200, 30,
                   f"the web process (log: {tmp_path / 'web.log'})")
        return url

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=30)
    close_other_connections()


class TableLock:
    """An ACCESS EXCLUSIVE lock on the product table, held until released."""

    def __enter__(self) -> TableLock:
        self.conn = psycopg2.connect(database_url())
        self.conn.cursor().execute("LOCK TABLE products_product IN ACCESS EXCLUSIVE MODE")
        return self

    def release(self) -> None:
        if not self.conn.closed:
            self.conn.rollback()
            self.conn.close()

    def __exit__(self, *exc: object) -> None:
        self.release()


def token() -> str:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("pool", password="pool-password-1")
    return create_api_token(user, "pool")[1]


def post(url: str, bearer: str) -> httpx.Response:
    return httpx.post(f"{url}/graphql/", json=COUNT, timeout=30,
                      headers={"Authorization": f"Bearer {bearer}"})


def test_more_requests_than_connections_all_succeed_within_the_budget(serve):
    pool, extra = 3, 4
    url = serve(DATABASE_POOL_SIZE=str(pool), DATABASE_POOL_TIMEOUT="30")
    bearer = token()
    seen: list[int] = []
    sampling = threading.Event()

    def sample() -> None:
        while not sampling.is_set():
            seen.append(web_connections())
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    with TableLock() as lock, ThreadPoolExecutor(pool + extra) as executor:
        sampler.start()
        answers = [executor.submit(post, url, bearer) for _ in range(pool + extra)]
        # Every pooled connection is in a query waiting for the lock: the rest wait for one.
        wait_until(lambda: lock_waiters() == pool, 20, f"{pool} requests waiting on the lock")
        time.sleep(1)  # the others are queued on the pool meanwhile, not connecting
        assert lock_waiters() == pool
        assert not any(answer.done() for answer in answers)
        lock.release()
        responses = [answer.result() for answer in answers]
    sampling.set()
    sampler.join()

    for response in responses:
        assert response.status_code == 200, response.text
        assert response.json()["data"]["products"]["totalCount"] == 0
    assert max(seen) == pool  # the budget, reached and never exceeded
    assert web_connections() <= pool  # kept for the next requests, not more


def test_a_request_waits_for_a_connection_at_most_the_pool_timeout(serve):
    url = serve(DATABASE_POOL_SIZE="1", DATABASE_POOL_TIMEOUT="1")
    bearer = token()
    with TableLock() as lock, ThreadPoolExecutor(1) as executor:
        holder = executor.submit(post, url, bearer)
        wait_until(lambda: lock_waiters() == 1, 20, "a request waiting on the lock")
        started = time.monotonic()
        refused = post(url, bearer)
        waited = time.monotonic() - started
        lock.release()
        held = holder.result()

    assert refused.status_code == 503, refused.text
    error = refused.json()["errors"][0]
    assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert "Quote request id" in error["message"]
    assert 1 <= waited < 10  # it waited for the pool's timeout, then gave up
    assert held.status_code == 200 and held.json()["data"]["products"]["totalCount"] == 0
    assert post(url, bearer).status_code == 200  # the pool serves again
    assert web_connections() == 1
