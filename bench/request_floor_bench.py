#!/usr/bin/env python3
"""The per-request floor over HTTP: where a small request's time goes.

    .venv/bin/python bench/request_floor_bench.py [--requests 300] [--products 2000]
                                                  [--port 8510] [--concurrency 20]

Production mode against a database of its own (BENCH_DATABASE_URL, default
``pi_web_floor``; DROPPED and created again) with a small catalogue, ``manage.py serve
--no-worker``. One client, one request at a time, p50/p95 in ms of:

* ``healthz``: HTTP, the ASGI handler and Django's middleware, no database;
* ``typename``: ``{ __typename }`` with a bearer token: adds the token lookup and
  GraphQL parse/validate/execute, no product query;
* ``sku exact``: the products list filtered on one SKU with ``totalCount`` (its own case in
  ``bench/products_bench.py``).

Then ``--concurrency`` clients at once for a few seconds: the database connections the web
process held at most (pg_stat_activity, sampled), beside ``DATABASE_POOL_SIZE``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg2
import requests

from benchlib import (
    BACKEND,
    PY,
    api_token,
    manage,
    production_env,
    recreate_database,
    stop,
    wait_http,
)

SKU_QUERY = """query Sku($sku: String!) { products(first: 20, filters: {sku: {exact: $sku}}) {
  totalCount edges { node { id sku name active } } } }"""
TYPENAME = "{ __typename }"
MAKE_PRODUCTS = (
    "from products.models import Product\n"
    "Product.objects.bulk_create([Product(sku=f'FLOOR-{{n:06d}}', name=f'Floor product {{n}}',"
    " description='a product of the floor bench') for n in range({count})])\n"
)


def timed(call, count: int) -> tuple[float, float]:
    """p50 and p95 in ms of ``count`` calls of ``call(index)`` (after 5 warm-ups)."""
    timings = []
    for index in range(count + 5):
        started = time.perf_counter()
        call(index)
        if index >= 5:
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[min(len(timings) - 1, round(0.95 * len(timings)))]


def connections(db_url: str, name: str) -> int:
    """Client connections to database ``name`` other than this one."""
    with psycopg2.connect(db_url) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                       "AND pid <> pg_backend_pid() AND backend_type = 'client backend'", [name])
        count = cursor.fetchone()[0]
    conn.close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--products", type=int, default=2000)
    parser.add_argument("--port", type=int, default=8510)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pi_web_floor"))
    parser.add_argument("--redis-url", default=os.environ.get(
        "BENCH_REDIS_URL", "redis://127.0.0.1:6379/13"))
    args = parser.parse_args()
    env = production_env(args.database_url, args.redis_url)
    recreate_database(args.database_url, env)
    manage(env, "shell", "-c", MAKE_PRODUCTS.format(count=args.products))
    token = api_token(env)
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen([PY, "manage.py", "serve", "--port", str(args.port),
                               "--no-worker"], cwd=BACKEND, env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_http(base + "/readyz")
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {token}"

        def graphql(body: dict) -> None:
            answer = session.post(base + "/graphql/", json=body, timeout=30)
            if answer.status_code != 200 or "errors" in answer.json():
                raise SystemExit(f"HTTP {answer.status_code}: {answer.text[:300]}")

        cases = {
            "healthz": lambda i: session.get(base + "/healthz", timeout=30).raise_for_status(),
            "typename": lambda i: graphql({"query": TYPENAME}),
            "sku exact": lambda i: graphql({"query": SKU_QUERY, "variables": {
                "sku": f"FLOOR-{i % args.products:06d}"}}),
        }
        print(f"{'case':<12}{'p50 ms':>9}{'p95 ms':>9}  ({args.requests} sequential requests)")
        for label, call in cases.items():
            p50, p95 = timed(call, args.requests)
            print(f"{label:<12}{p50:>9.1f}{p95:>9.1f}")

        if args.concurrency < 1:
            return
        name = args.database_url.rsplit("/", 1)[1]
        most, done = 0, threading.Event()

        def sample() -> None:
            nonlocal most
            while not done.is_set():
                most = max(most, connections(args.database_url, name))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample)
        sampler.start()
        with ThreadPoolExecutor(args.concurrency) as executor:
            list(executor.map(lambda i: graphql({"query": SKU_QUERY, "variables": {
                "sku": f"FLOOR-{i % args.products:06d}"}}), range(args.concurrency * 20)))
        done.set()
        sampler.join()
        pool = env.get("DATABASE_POOL_SIZE", "(default)")
        print(f"{args.concurrency} concurrent clients: at most {most} database connections "
              f"held by the web process (DATABASE_POOL_SIZE {pool})")
    finally:
        stop(server)


if __name__ == "__main__":
    main()
