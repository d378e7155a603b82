#!/usr/bin/env python3
"""Integrating benchmark: bulk writes, the change feed, the cost check and budgets.

    .venv/bin/python bench/integrating_bench.py [--rows 100000] [--changes 500000]
                                                [--clients 50] [--seconds 20] [--port 8191]

Production mode (BENCH_DATABASE_URL / BENCH_REDIS_URL, default the pi_integrating_bench
database and Redis DB 5; the database is DROPPED and created again), `manage.py serve` with
its worker processes on 127.0.0.1. Prints, each beside its goal:

* upsertProducts of the catalogue in calls of 1,000 vs importing the same rows as one CSV
  file (upload answer -> COMPLETED), each on an empty catalogue: goal <= 1.5x with
  `--in-flight` (2) calls sent side by side, as a connector sends them; the same calls sent
  one after the other are printed beside it. `--repeat` (3) rounds of the three passes in
  turn; the medians are compared (a single run on a shared machine varies by 10-15%);
* productChanges: reading the changes the upserts made, 1,000 a page (rows/s); with
  `--changes N`, a CSV import of new products then makes the log after the same cursor N
  changes long, and reading all of them is timed too, with the rate of its first and of its
  last 100,000 (a page should cost the same wherever it is in the log);
* the cost check's overhead per request: pricing a products page (worked out, and from the
  cache) plus the budget's charge in Redis; goal <= 1 ms;
* `--clients` clients reading product pages, then the same with one of them replaced by a
  client that loops on an expensive query (`OR` of description `iContains` with
  `totalCount`, 500 a page): the others' p95 with it vs without; goal <= 1.5x
  (`--clients 0` leaves this out).

BENCH_GENERATOR names the catalogue generator when it is not in ../shared/data/.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import statistics
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
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

UPSERT = """mutation($input: [ProductInput!]!) { upsertProducts(input: $input,
  options: {errorPolicy: REJECT_FAILED_ROWS}) {
  ... on UpsertProductsResult { job { status createdCount updatedCount errorCount } }
  ... on OperationInfo { messages { message } } } }"""
CHANGES = """query($after: String, $first: Int!) { productChanges(after: $after, first: $first) {
  changes { kind id product { sku name active } } endCursor hasMore } }"""
PAGE = ("query($after: String) { products(first: 20, after: $after) "
        "{ edges { node { id sku name } } } }")
EXPENSIVE = """query($a: String!, $b: String!) { products(first: 500, filters: {OR: {
  description: {iContains: $a}}, description: {iContains: $b}}) {
  totalCount edges { node { id sku name description } } } }"""
IMPORT = ('{"query":"mutation($file: Upload!) { importProducts(file: $file) { ... on ImportJob '
          '{ id } } }","variables":{"file":null}}')
JOB = "query($id: ID!) { importJob(id: $id) { status createdCount errorMessage } }"

# Runs inside `manage.py shell`: what the cost check adds to one request.
COST_DRIVER = """
import asyncio, time
from graphql import parse, validate
from config.schema import schema
from core import budget, query_cost
from django.conf import settings

text = {page!r}
document = parse(text)
assert not validate(schema._schema, document)
n = 2000
started = time.perf_counter()
for _ in range(n):
    query_cost.operation_cost(schema._schema, document, None, {{"after": None}},
                              settings.GRAPHQL_MAX_PAGE_SIZE)
worked = (time.perf_counter() - started) / n
cache = query_cost.CostCache()
started = time.perf_counter()
for _ in range(n):
    cache.cost(schema._schema, text, document, None, {{"after": None}},
               settings.GRAPHQL_MAX_PAGE_SIZE)
cached = (time.perf_counter() - started) / n

async def charges():
    await budget.take("bench-cost", 1)
    started = time.perf_counter()
    for _ in range(500):
        await budget.take("bench-cost", 1)
    return (time.perf_counter() - started) / 500

charge = asyncio.run(charges())
print(f"RESULT {{worked}} {{cached}} {{charge}}")
"""


def post(client: httpx.Client, query: str, variables: dict) -> dict:
    answer = client.post("/graphql/", json={"query": query, "variables": variables})
    answer.raise_for_status()
    body = answer.json()
    if body.get("errors"):
        raise RuntimeError(body["errors"])
    return body["data"]


def read_rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields = {name.lower(): name for name in reader.fieldnames or []}
        rows = []
        for row in reader:
            item = {"sku": row[fields["sku"]], "name": row[fields["name"]]}
            if "description" in fields:
                item["description"] = row[fields["description"]]
            rows.append(item)
    return rows


def empty_catalogue(db_url: str) -> None:
    """Delete every product and job, then vacuum the tables, so that each pass starts as
    the first one did: on empty tables, with no dead rows in their indexes."""
    with psycopg2.connect(db_url) as conn, conn.cursor() as cursor:
        cursor.execute("DELETE FROM imports_importchange; DELETE FROM imports_importrowerror; "
                       "DELETE FROM imports_importjob; DELETE FROM products_product")
    conn.close()
    conn = psycopg2.connect(db_url)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) products_product, imports_importchange, "
                       "imports_importjob")
    conn.close()


def spread(values: list[float]) -> str:
    """The median of `values` in seconds, with each run's figure."""
    runs = ", ".join(f"{v:.2f}" for v in values)
    return f"{statistics.median(values):.2f} s ({runs})"


def import_csv(client: httpx.Client, path: Path) -> float:
    started = time.perf_counter()
    with path.open("rb") as handle:
        answer = client.post("/graphql/", data={"operations": IMPORT,
                                                "map": '{"0":["variables.file"]}'},
                             files={"0": (path.name, handle, "text/csv")}).json()
    job_id = answer["data"]["importProducts"]["id"]
    while True:
        job = post(client, JOB, {"id": job_id})["importJob"]
        if job["status"] in ("COMPLETED", "FAILED", "CANCELLED"):
            if job["status"] != "COMPLETED":
                raise RuntimeError(job)
            return time.perf_counter() - started
        time.sleep(0.05)


def upsert_all(client: httpx.Client, rows: list[dict], size: int = 1000) -> float:
    """Send the rows in calls of `size`, one after the other; the seconds taken."""
    started = time.perf_counter()
    for start in range(0, len(rows), size):
        upsert_call(client, rows[start:start + size])
    return time.perf_counter() - started


def upsert_call(client: httpx.Client, items: list[dict]) -> None:
    result = post(client, UPSERT, {"input": items})["upsertProducts"]
    if result.get("messages") or result["job"]["status"] != "COMPLETED":
        raise RuntimeError(result)


def upsert_side_by_side(base: str, token: str, rows: list[dict], in_flight: int,
                        size: int = 1000) -> float:
    """Send the rows in calls of `size`, `in_flight` calls at a time (each sender takes the
    next call as soon as its last one is answered); the seconds taken."""
    calls = [rows[start:start + size] for start in range(0, len(rows), size)]
    lock = threading.Lock()

    def sender() -> None:
        with httpx.Client(base_url=base, timeout=300,
                          headers={"Authorization": f"Bearer {token}"}) as client:
            while True:
                with lock:
                    if not calls:
                        return
                    items = calls.pop(0)
                upsert_call(client, items)

    started = time.perf_counter()
    with ThreadPoolExecutor(in_flight) as pool:
        for future in [pool.submit(sender) for _ in range(in_flight)]:
            future.result()
    return time.perf_counter() - started


def read_changes(client: httpx.Client, cursor: str,
                 marks: list[tuple[int, float]] | None = None) -> tuple[int, float]:
    """Read every change after `cursor`, 1,000 a page; return how many and the seconds.
    `marks` gets (changes read, seconds) after each page."""
    started = time.perf_counter()
    count = 0
    while True:
        page = post(client, CHANGES, {"after": cursor, "first": 1000})["productChanges"]
        count += len(page["changes"])
        cursor = page["endCursor"]
        if marks is not None:
            marks.append((count, time.perf_counter() - started))
        if not page["hasMore"]:
            return count, time.perf_counter() - started


def more_changes(client: httpx.Client, folder: Path, count: int) -> None:
    """Make `count` more changes cheaply: a CSV import of that many new products."""
    path = folder / "changes.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("sku,name\n")
        handle.writelines(f"CHANGE-{n},Change {n}\n" for n in range(count))
    import_csv(client, path)


def slice_rate(marks: list[tuple[int, float]], first: bool, size: int = 100_000) -> float:
    """Changes per second over the first (or the last) `size` changes read."""
    total = marks[-1][0]
    if first:
        end = next(m for m in marks if m[0] >= min(size, total))
        return end[0] / end[1]
    start = next((m for m in reversed(marks) if m[0] <= total - size), (0, 0.0))
    return (total - start[0]) / (marks[-1][1] - start[1])


async def reader(client: httpx.AsyncClient, until: float, latencies: list[float]) -> None:
    while time.monotonic() < until:
        started = time.perf_counter()
        answer = await client.post("/graphql/", json={"query": PAGE, "variables": {}})
        if answer.status_code == 200:
            latencies.append(time.perf_counter() - started)


async def hammer(client: httpx.AsyncClient, until: float, outcome: dict) -> None:
    while time.monotonic() < until:
        answer = await client.post("/graphql/", json={"query": EXPENSIVE,
                                                      "variables": {"a": "zz", "b": "qq"}})
        outcome[answer.status_code] = outcome.get(answer.status_code, 0) + 1
        if answer.status_code == 429:  # a well-behaved client waits as told
            await asyncio.sleep(float(answer.headers.get("Retry-After", "1")))


async def clients_run(base: str, tokens: list[str], seconds: float, with_hammer: bool):
    latencies: list[float] = []
    outcome: dict = {}
    until = time.monotonic() + seconds
    clients = [httpx.AsyncClient(base_url=base, timeout=60,
                                 headers={"Authorization": f"Bearer {token}"})
               for token in tokens]
    try:
        tasks = [reader(c, until, latencies) for c in clients[1:]]
        tasks.append(hammer(clients[0], until, outcome) if with_hammer
                     else reader(clients[0], until, latencies))
        await asyncio.gather(*tasks)
    finally:
        for c in clients:
            await c.aclose()
    return latencies, outcome


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--changes", type=int, default=0,
                        help="also read a change log this long (made by a CSV import)")
    parser.add_argument("--clients", type=int, default=50, help="0: no clients' run")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--port", type=int, default=8191)
    parser.add_argument("--in-flight", type=int, default=2,
                        help="upsertProducts calls sent side by side in the second run")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of the CSV import and the two upsert passes")
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pi_integrating_bench"))
    parser.add_argument("--redis-url", default=os.environ.get(
        "BENCH_REDIS_URL", "redis://127.0.0.1:6379/5"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="integrating-bench-") as tmp:
        folder = Path(tmp)
        csv_path = folder / "products.csv"
        generator = os.environ.get("BENCH_GENERATOR", str(GENERATOR))
        subprocess.run([PY, generator, str(csv_path), "--rows", str(args.rows),
                        "--seed", "5"], check=True, capture_output=True)
        rows = read_rows(csv_path)
        env = production_env(args.database_url, args.redis_url, MEDIA_ROOT=str(folder / "m"),
                             WORKER_PROCESSES="1", WEB_CONCURRENCY="1")
        recreate_database(args.database_url, env)
        tokens = [api_token(env, f"bench{n}") for n in range(max(1, args.clients))]
        base = f"http://127.0.0.1:{args.port}"
        log = (folder / "server.log").open("wb")
        server = subprocess.Popen([PY, "manage.py", "serve", "--port", str(args.port)],
                                  cwd=REPO / "backend", env=env, start_new_session=True,
                                  stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_http(base + "/readyz")
            with httpx.Client(base_url=base, timeout=300,
                              headers={"Authorization": f"Bearer {tokens[0]}"}) as client:
                warm_up = folder / "warm-up.csv"
                warm_up.write_text("sku,name\nWARM-UP,warm up\n")
                import_csv(client, warm_up)  # the worker is up and connected
                # Rounds of the three passes in turn, so that a machine slower for a while
                # weighs on each of them alike; the medians are compared.
                csv_runs, one_runs, side_runs = [], [], []
                for round_ in range(args.repeat):
                    empty_catalogue(args.database_url)
                    csv_runs.append(import_csv(client, csv_path))
                    empty_catalogue(args.database_url)
                    cursor = post(client, "query { productChangesCursor }", {})[
                        "productChangesCursor"]
                    one_runs.append(upsert_all(client, rows))
                    if round_ == 0:
                        first_cursor = cursor
                        changes, change_seconds = read_changes(client, cursor)
                    empty_catalogue(args.database_url)
                    side_runs.append(upsert_side_by_side(base, tokens[0], rows,
                                                         args.in_flight))
                marks: list[tuple[int, float]] = []
                if args.changes > changes:
                    more_changes(client, folder, args.changes - changes)
                    long_changes, long_seconds = read_changes(client, first_cursor, marks)
            csv_median = statistics.median(csv_runs)
            print(f"{len(rows):,} rows ({csv_path.stat().st_size / 1e6:.1f} MB as CSV), "
                  f"medians of {args.repeat} rounds")
            print(f"CSV import: {spread(csv_runs)}")
            print(f"upsertProducts in calls of 1,000, {args.in_flight} in flight: "
                  f"{spread(side_runs)} = {statistics.median(side_runs) / csv_median:.2f}x "
                  "(goal <= 1.5x)")
            print(f"upsertProducts in calls of 1,000, one at a time: {spread(one_runs)} = "
                  f"{statistics.median(one_runs) / csv_median:.2f}x")
            print(f"productChanges: {changes:,} changes in {change_seconds:.2f} s = "
                  f"{changes / change_seconds:,.0f} rows/s")
            if marks:
                print(f"productChanges: {long_changes:,} changes in {long_seconds:.2f} s = "
                      f"{long_changes / long_seconds:,.0f} rows/s (the first 100,000: "
                      f"{slice_rate(marks, True):,.0f} rows/s, the last 100,000: "
                      f"{slice_rate(marks, False):,.0f} rows/s)")
            out = manage(env, "shell", "-c", COST_DRIVER.format(page=PAGE))
            worked, cached, charge = (float(x) for x in
                                      out.split("RESULT ", 1)[1].split()[:3])
            print(f"cost check per request: pricing {worked * 1e3:.3f} ms worked out, "
                  f"{cached * 1e3:.3f} ms cached; budget charge (Redis) {charge * 1e3:.3f} ms; "
                  f"total {(cached + charge) * 1e3:.3f} ms cached, "
                  f"{(worked + charge) * 1e3:.3f} ms uncached (goal <= 1 ms)")
            if args.clients < 1:
                return
            quiet, _ = asyncio.run(clients_run(base, tokens, args.seconds, False))
            loud, outcome = asyncio.run(clients_run(base, tokens, args.seconds, True))
            print(f"{args.clients} clients reading pages, p95: {p95(quiet) * 1e3:.1f} ms "
                  f"({len(quiet):,} requests); with one hammering client instead of a "
                  f"reader: {p95(loud) * 1e3:.1f} ms ({len(loud):,} requests) = "
                  f"{p95(loud) / p95(quiet):.2f}x (goal <= 1.5x); the hammer's answers "
                  f"by status: {dict(sorted(outcome.items()))}")
        finally:
            stop(server)
            log.close()


if __name__ == "__main__":
    main()
