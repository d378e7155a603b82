#!/usr/bin/env python3
"""Load benchmark: 50 API clients for 60 s while the 500,000-record import runs.

    .venv/bin/python bench/load_bench.py [--rows 500000] [--clients 50] [--seconds 60]
                                         [--port 8190]

Each client has a user and an API token of its own (its own query budget).

Production mode (BENCH_DATABASE_URL / BENCH_REDIS_URL, default the pi_faults_bench database
and Redis DB 5; the database is DROPPED and created again), `manage.py serve` with 2 worker
processes on 127.0.0.1. Prints:

* the import on an idle server (upload answer -> COMPLETED), on an empty catalogue;
* the same import on an empty catalogue again, while the clients run a mix of product list
  pages, searches, reads by id and product edits; the import time beside the idle one;
* per operation: requests, failures (any non-200 answer or GraphQL error), p50/p95/p99.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import subprocess
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import psycopg2

from benchlib import (
    GENERATOR,
    PY,
    REPO,
    api_token,
    manage,
    production_env,
    recreate_database,
    stop,
    wait_http,
)
from import_upload import import_once

LIST = """query Products($first: Int, $after: String) { products(first: $first, after: $after) {
  totalCount edges { cursor node { id sku name } } } }"""
SEARCH = """query Search($q: String!) { products(first: 20, filters: {search: $q}) {
  totalCount edges { node { id sku name } } } }"""
READ = "query Product($id: ID!) { product(id: $id) { id sku name description active } }"
EDIT = """mutation UpdateProduct($input: ProductPartialInput!) { updateProduct(input: $input) {
  ... on Product { id name } ... on OperationInfo { messages { message } } } }"""
CREATE = """mutation CreateProduct($input: ProductInput!) { createProduct(input: $input) {
  ... on Product { id } ... on OperationInfo { messages { message } } } }"""
WORDS = ["budget", "pro", "steel", "wireless", "red", "smart", "mini", "eco", "ultra", "set"]
REQUEST_ID = re.compile(r"[0-9a-f]{32}")
EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Timeout)\b.*: ")
MIX = ["list"] * 3 + ["search"] * 3 + ["read"] * 3 + ["edit"]


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`, in milliseconds."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))] * 1000


async def client_loop(client: httpx.AsyncClient, token: str, ids: list[str], until: float,
                      seed: int, results: dict[str, list[float]],
                      failures: dict[str, list[str]]) -> None:
    """One client (its own token): random operations back to back until `until`."""
    rnd = random.Random(seed)
    headers = {"Authorization": f"Bearer {token}"}
    while time.monotonic() < until:
        op = rnd.choice(MIX)
        if op == "list":
            body = {"query": LIST, "variables": {"first": 50}}
        elif op == "search":
            body = {"query": SEARCH, "variables": {"q": rnd.choice(WORDS)}}
        elif op == "read":
            body = {"query": READ, "variables": {"id": rnd.choice(ids)}}
        else:
            body = {"query": EDIT, "variables": {"input": {
                "id": rnd.choice(ids), "name": f"edited {rnd.randrange(10**6)}"}}}
        started = time.perf_counter()
        try:
            answer = await client.post("/graphql/", json=body, headers=headers)
            elapsed = time.perf_counter() - started
            payload = answer.json()
            data = payload.get("data") or {}
            problem = describe(answer.status_code, payload, data)
        except Exception as exc:  # a timeout or a dropped connection is a failure too
            elapsed, problem = time.perf_counter() - started, repr(exc)
        results[op].append(elapsed)
        if problem:
            failures[op].append(REQUEST_ID.sub("<id>", problem)[:200])


def describe(status: int, payload: dict, data: dict) -> str | None:
    """What went wrong with an answer (status, error code and message), or None."""
    errors = payload.get("errors") or [
        {"message": m["message"]} for v in data.values() if isinstance(v, dict)
        for m in v.get("messages", [])]
    if status == 200 and not errors:
        return None
    first = errors[0] if errors else {}
    code = (first.get("extensions") or {}).get("code", "")
    return f"HTTP {status} {code}: {first.get('message', '')}".strip()


def client_tokens(env: dict[str, str], count: int) -> list[str]:
    """One editor and API token per client: each client is a person or an app of its own, with
    its own query budget (one shared token would spend one budget for all of them)."""
    code = (
        "from django.contrib.auth import get_user_model\n"
        "from accounts.services import create_api_token\n"
        f"for n in range({count}):\n"
        "    user, _ = get_user_model().objects.update_or_create(username=f'load{n}', "
        "defaults={'role': 'editor'})\n"
        "    print(create_api_token(user, 'load')[1])\n"
    )
    return manage(env, "shell", "-c", code).strip().splitlines()[-count:]


async def run_load(base: str, tokens: list[str], ids: list[str], seconds: float):
    """One client per token for `seconds`; returns latencies and failures per op."""
    clients = len(tokens)
    results: dict[str, list[float]] = {op: [] for op in set(MIX)}
    failures: dict[str, list[str]] = {op: [] for op in set(MIX)}
    # Drop pooled connections idle for 2 s, before uvicorn's 5 s keep-alive timeout closes
    # them: otherwise a request can race the server's close and fail with a reset.
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients,
                          keepalive_expiry=2.0)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        until = time.monotonic() + seconds
        await asyncio.gather(*(client_loop(client, token, ids, until, n, results, failures)
                               for n, token in enumerate(tokens)))
    return results, failures


def seed_products(base: str, token: str, count: int) -> list[str]:
    """Products the clients read and edit (SKUs the import file does not use)."""
    ids = []
    with httpx.Client(base_url=base, timeout=30,
                      headers={"Authorization": f"Bearer {token}"}) as client:
        for n in range(count):
            answer = client.post("/graphql/", json={"query": CREATE, "variables": {"input": {
                "sku": f"LOAD-{n:05d}", "name": f"Load product {n}",
                "description": "a product the load clients read and edit"}}}).json()
            ids.append(answer["data"]["createProduct"]["id"])
    return ids


def empty_catalogue(db_url: str) -> None:
    """Delete every product and import job (the next import starts from empty)."""
    with psycopg2.connect(db_url) as conn, conn.cursor() as cursor:
        cursor.execute("DELETE FROM imports_importrowerror; DELETE FROM imports_importjob; "
                       "DELETE FROM products_product")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--port", type=int, default=8190)
    parser.add_argument("--csv", type=Path, help="an existing generated file to use")
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pi_faults_bench"))
    parser.add_argument("--redis-url", default=os.environ.get(
        "BENCH_REDIS_URL", "redis://127.0.0.1:6379/5"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="load-bench-") as tmp:
        folder = Path(tmp)
        csv_path = args.csv or folder / "products.csv"
        if not args.csv:
            subprocess.run([PY, str(GENERATOR), str(csv_path), "--rows", str(args.rows),
                            "--seed", "7"], check=True)
        env = production_env(args.database_url, args.redis_url, MEDIA_ROOT=str(folder / "m"),
                             WORKER_PROCESSES="2", WEB_CONCURRENCY="1",
                             WEBHOOK_ALLOW_PRIVATE_TARGETS="1")
        recreate_database(args.database_url, env)
        token = api_token(env)
        tokens = client_tokens(env, args.clients)
        base = f"http://127.0.0.1:{args.port}"
        log = (folder / "server.log").open("wb")  # a file: an undrained pipe would block it
        server = subprocess.Popen([PY, "manage.py", "serve", "--port", str(args.port)],
                                  cwd=REPO / "backend", env=env, start_new_session=True,
                                  stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_http(base + "/readyz")
            warm_up = folder / "warm-up.csv"
            warm_up.write_text("sku,name\nWARM-UP,warm up\n")
            import_once(base, token, warm_up)  # the workers are up and connected
            idle, job = import_once(base, token, csv_path)
            print(f"file: {csv_path.stat().st_size / 1e6:.1f} MB; idle server import: "
                  f"{idle:.2f} s (created {job['createdCount']:,})")
            empty_catalogue(args.database_url)
            ids = seed_products(base, token, 500)
            loaded: dict = {}

            def import_under_load() -> None:
                try:
                    loaded["seconds"], loaded["job"] = import_once(base, token, csv_path)
                except Exception as exc:  # an answer that was an error: report it, go on
                    loaded["error"] = repr(exc)

            importer = threading.Thread(target=import_under_load)
            importer.start()
            time.sleep(1)  # the upload is under way
            results, failures = asyncio.run(run_load(base, tokens, ids, args.seconds))
            importer.join()
        finally:
            stop(server)
            log.close()
            lines = (folder / "server.log").read_text().splitlines()
            problems = [line for line in lines if "ERROR" in line or "Traceback" in line]
            print(f"server log: {len(problems)} error lines")
            # The exceptions behind them, once each: "module.Error: message" lines.
            causes = Counter(REQUEST_ID.sub("<id>", line) for line in lines
                             if EXCEPTION_LINE.match(line))
            for cause, count in causes.most_common(8):
                print(f"  {count:>5} x {cause[:300]}")
    total = sum(len(v) for v in results.values())
    failed = sum(len(v) for v in failures.values())
    if "error" in loaded:
        print(f"import under load: FAILED, {loaded['error'][:300]}")
    else:
        print(f"import under load: {loaded['seconds']:.2f} s "
              f"(idle {idle:.2f} s, x{loaded['seconds'] / idle:.2f}); "
              f"created {loaded['job']['createdCount']:,}")
    print(f"{args.clients} clients, {args.seconds:.0f} s: {total:,} requests "
          f"({total / args.seconds:.0f}/s), {failed} failed")
    print(f"{'operation':<10}{'requests':>10}{'failed':>8}{'p50 ms':>10}{'p95 ms':>10}"
          f"{'p99 ms':>10}{'mean ms':>10}")
    for op in ("list", "search", "read", "edit"):
        values = results[op]
        print(f"{op:<10}{len(values):>10}{len(failures[op]):>8}"
              f"{percentile(values, 50):>10.1f}{percentile(values, 95):>10.1f}"
              f"{percentile(values, 99):>10.1f}{statistics.fmean(values) * 1000:>10.1f}")
    distinct = Counter((op, problem) for op, problems in failures.items() for problem in problems)
    if distinct:
        print("distinct failures (count, operation, message):")
    for (op, problem), count in distinct.most_common(10):
        print(f"  {count:>5} {op}: {problem}")


if __name__ == "__main__":
    main()
