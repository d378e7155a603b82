#!/usr/bin/env python3
"""Requests per second of one web process: 16 clients asking for a page of products.

    .venv/bin/python bench/throughput_bench.py [--products 200000] [--clients 16]
        [--seconds 20] [--import-rows 500000] [--port 8520]

Production mode against a database of its own (BENCH_DATABASE_URL, default
``pi_throughput``; DROPPED and created again) holding ``--products`` products, one web
process (``manage.py serve --no-worker``, ``WEB_CONCURRENCY=1``), query budgets off (this
measures the process, not the per-client budget). ``--clients`` clients each send one
request after the other for ``--seconds``; printed per case: requests/s, p50 and p95 in ms,
failures, beside the goal:

* ``/healthz``: the stack's floor (no database, no GraphQL), measured in the same run;
* a page of 50 products with its ``totalCount`` in one request (what API clients ask);
* the app's two requests: the page of 50 alone, then its count alone (a pair counts as one);
* the page with its count again while the ``--import-rows`` file (generator seed 7) is
  imported through the upload API by a ``rundramatiq`` worker process (the line says whether
  the import was still running at the end).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import requests

from benchlib import (
    GENERATOR,
    PY,
    api_token,
    manage,
    production_env,
    recreate_database,
    start,
    stop,
    wait_http,
)
from import_upload import import_once

PAGE = """query Page($first: Int) { products(first: $first) { totalCount
  pageInfo { hasNextPage endCursor } edges { cursor node { id sku name description active
  createdAt updatedAt } } } }"""
ROWS = """query Rows($first: Int) { products(first: $first) {
  pageInfo { hasNextPage endCursor } edges { cursor node { id sku name description active
  createdAt updatedAt } } } }"""
COUNT = "query Count { products { totalCount } }"
MAKE_PRODUCTS = (
    "from products.models import Product\n"
    "from products.services import after_bulk_write\n"
    "for start in range(0, {count}, 20000):\n"
    "    Product.objects.bulk_create([Product(sku=f'TP-{{n:07d}}', name=f'Product {{n}}',"
    " description=f'throughput bench product number {{n}}', active=n % 20 != 0)"
    " for n in range(start, min({count}, start + 20000))])\n"
    "after_bulk_write()\n"
)
GOAL = 150  # requests/s of the page with its count, idle


def hammer(clients: int, seconds: float, call, until=None) -> tuple[int, list[float], int, float]:
    """Run ``call(session)`` from ``clients`` threads for ``seconds`` (or until ``until()``
    is false); return requests done, their ms, failures and the seconds taken."""
    timings: list[float] = []
    failures = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        nonlocal failures
        session = requests.Session()
        while time.monotonic() < deadline and (until is None or until()):
            started = time.perf_counter()
            ok = call(session)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                timings.append(elapsed)
                failures += 0 if ok else 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(timings), timings, failures, time.monotonic() - began


def report(label: str, result: tuple, goal: str = "", note: str = "") -> None:
    """One printed line: requests/s, p50, p95, failures."""
    done, timings, failures, elapsed = result
    timings.sort()
    p50 = statistics.median(timings) if timings else 0.0
    p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))] if timings else 0.0
    print(f"{label:46} {done / elapsed:8.1f} {p50:8.1f} {p95:8.1f} {failures:6}  {goal}{note}",
          flush=True)


def main() -> None:
    """Load, serve, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=200_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--import-rows", type=int, default=500_000)
    parser.add_argument("--port", type=int, default=8520)
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pi_throughput"))
    parser.add_argument("--redis-url", default=os.environ.get(
        "BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="throughput-bench-") as tmp:
        env = production_env(args.database_url, args.redis_url, WEB_CONCURRENCY="1",
                             GRAPHQL_BUDGET_CAPACITY="0", MEDIA_ROOT=str(Path(tmp) / "media"))
        recreate_database(args.database_url, env)
        manage(env, "shell", "-c", MAKE_PRODUCTS.format(count=args.products))
        csv_path = Path(tmp) / "import.csv"
        subprocess.run([PY, str(GENERATOR), str(csv_path), "--rows", str(args.import_rows),
                        "--seed", "7"], check=True, stdout=subprocess.DEVNULL)
        token = api_token(env)
        base = f"http://127.0.0.1:{args.port}"
        headers = {"Authorization": f"Bearer {token}"}
        server = start(env, [PY, "manage.py", "serve", "--port", str(args.port), "--no-worker"])
        worker = None
        try:
            wait_http(base + "/readyz", timeout=60)

            def graphql(session: requests.Session, query: str) -> bool:
                answer = session.post(base + "/graphql/", headers=headers, timeout=60,
                                      json={"query": query, "variables": {"first": 50}})
                return answer.status_code == 200 and "errors" not in answer.json()

            def healthz(session: requests.Session) -> bool:
                return session.get(base + "/healthz", timeout=60).ok

            def pair(session: requests.Session) -> bool:
                return graphql(session, ROWS) and graphql(session, COUNT)

            def page(session: requests.Session) -> bool:
                return graphql(session, PAGE)

            print(f"{args.products:,} products, {args.clients} clients, one web process; "
                  f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
            print(f"{'case':46} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'failed':>6}")
            report("/healthz (floor)", hammer(args.clients, args.seconds, healthz))
            report("page of 50 with its count, idle",
                   hammer(args.clients, args.seconds, page), goal=f"goal >= {GOAL}/s")
            report("page of 50, then its count (the app's pair)",
                   hammer(args.clients, args.seconds, pair))

            worker = start(env, [PY, "manage.py", "rundramatiq", "--processes", "1",
                                 "--threads", "2"])
            time.sleep(3)  # the worker boots
            result: dict = {}
            importing = threading.Thread(
                target=lambda: result.update(done=import_once(base, token, csv_path)))
            importing.start()
            time.sleep(1)
            during = hammer(args.clients, args.seconds, page, until=importing.is_alive)
            running = importing.is_alive()
            report("page of 50 with its count, during an import", during,
                   note="(import running at the end)" if running else "(import had ended)")
            importing.join()
            seconds, job = result["done"]
            print(f"the import: {seconds:.1f} s, created {job['createdCount']:,}, "
                  f"updated {job['updatedCount']:,}; "
                  f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
        finally:
            if worker is not None:
                stop(worker)
            stop(server)


if __name__ == "__main__":
    main()
