#!/usr/bin/env python3
"""Latency of the products API over HTTP with about a million products on PostgreSQL.

    .venv/bin/python bench/products_bench.py [--rows 1000000] [--requests 60] [--keep]

Makes a database of its own (``pi_bench`` on 127.0.0.1:5432 unless ``BENCH_DATABASE_URL``),
migrates it, writes the catalogue with ``../shared/data/make_products_csv.py`` (cached in
``bench/out/``, never committed), bulk-loads it with ``COPY`` (deduplicated on ``lower(sku)``,
about 10% inactive, timestamps spread over a year), starts the web server in production
mode and prints p50/p95 over HTTP of the queries the issue names, each with ``totalCount``.
Goal: every p95 under 100 ms (description ``iContains`` is only reported).
"""

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
import requests

from benchlib import PY, api_token, production_env, recreate_database
from benchlib import manage as benchlib_manage

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
GENERATOR = REPO.parent / "shared" / "data" / "make_products_csv.py"
PORT = int(os.environ.get("BENCH_PORT", "8005"))
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pi_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")

FIELDS = "id sku name description active createdAt updatedAt"
QUERY = f"""
query Products($filters: ProductFilter, $ordering: [ProductOrder!], $first: Int, $last: Int) {{
  products(filters: $filters, ordering: $ordering, first: $first, last: $last) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ {FIELDS} }} }}
  }}
}}
"""


def env() -> dict[str, str]:
    """The environment of the server and manage.py commands: production mode, bench DB."""
    return production_env(DB_URL, REDIS_URL)


def manage(*args: str) -> str:
    """Run a manage.py command against the bench database."""
    return benchlib_manage(env(), *args)


def reset_database() -> None:
    """Drop and recreate the bench database, then migrate it."""
    recreate_database(DB_URL, env())


def catalogue(rows: int) -> Path:
    """Return the generated CSV (made once per row count)."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"products-{rows}.csv"
    if not path.exists():
        print(f"generating {rows:,} records ...", flush=True)
        subprocess.run([PY, str(GENERATOR), str(path), "--rows", str(rows), "--seed", "11"],
                       check=True)
    return path


def load(path: Path) -> int:
    """COPY the CSV into products_product (last row per lower(sku) wins); return the count."""
    started = time.perf_counter()
    with psycopg2.connect(DB_URL) as conn, conn.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE staging (name text, sku text, description text, "
            "n bigserial)"
        )
        with path.open() as handle:
            cursor.copy_expert(
                "COPY staging (name, sku, description) FROM STDIN WITH (FORMAT csv, HEADER)",
                handle,
            )
        cursor.execute(
            """
            INSERT INTO products_product (sku, name, description, active, created_at, updated_at)
            SELECT sku, name, description, random() > 0.1,
                   now() - random() * interval '365 days', now() - random() * interval '365 days'
            FROM (SELECT DISTINCT ON (lower(sku)) * FROM staging ORDER BY lower(sku), n DESC) s
            """
        )
        count = cursor.rowcount
    conn = psycopg2.connect(DB_URL)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE products_product")
    conn.close()
    print(f"loaded {count:,} products in {time.perf_counter() - started:.1f} s", flush=True)
    return count


def sample(column: str, size: int) -> list[str]:
    """Random values of a column, for varied query terms."""
    with psycopg2.connect(DB_URL) as conn, conn.cursor() as cursor:
        cursor.execute(
            f"SELECT {column} FROM products_product TABLESAMPLE SYSTEM (1) LIMIT %s", (size,)
        )
        return [row[0] for row in cursor.fetchall()]


def start_server() -> subprocess.Popen:
    """Start the web process (no worker) and wait for /readyz."""
    server = subprocess.Popen(
        [PY, "manage.py", "serve", "--port", str(PORT), "--no-worker"],
        cwd=REPO / "backend", env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{PORT}/readyz", timeout=1).ok:
                return server
        except requests.ConnectionError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not become ready")


def measure(session: requests.Session, variables_for, count: int) -> tuple[float, float, int]:
    """p50 and p95 in ms of ``count`` requests (after 3 warm-ups) and the last totalCount."""
    timings = []
    total = 0
    for index in range(count + 3):
        variables = variables_for(index)
        started = time.perf_counter()
        response = session.post(
            f"http://127.0.0.1:{PORT}/graphql/", json={"query": QUERY, "variables": variables}
        )
        elapsed = (time.perf_counter() - started) * 1000
        body = response.json()
        if "errors" in body:
            raise SystemExit(f"query failed: {body['errors']}")
        total = body["data"]["products"]["totalCount"]
        if index >= 3:
            timings.append(elapsed)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    return statistics.median(timings), p95, total


def main() -> None:
    """Load, serve, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="CSV records to generate")
    parser.add_argument("--requests", type=int, default=60, help="requests per query")
    parser.add_argument("--keep", action="store_true", help="reuse the loaded database")
    args = parser.parse_args()

    if not args.keep:
        reset_database()
        load(catalogue(args.rows))
    rnd = random.Random(3)
    skus = sample("sku", 500)
    names = [name.split()[-1][:5].lower() for name in sample("name", 500)]
    words = [w[:4] for d in sample("description", 500) for w in d.split() if len(w) > 4]

    server = start_server()
    try:
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {api_token(env())}"
        cases = {
            "first page": lambda i: {"first": 50},
            "last page": lambda i: {"last": 50},
            "ordering by SKU": lambda i: {"first": 50, "ordering": [{"sku": "ASC"}]},
            "name iContains": lambda i: {
                "first": 50, "filters": {"name": {"iContains": rnd.choice(names)}}},
            "search (1 word)": lambda i: {"first": 50, "filters": {"search": rnd.choice(words)}},
            "search (2 words)": lambda i: {
                "first": 50, "filters": {"search": f"{rnd.choice(words)} {rnd.choice(names)}"}},
            "active filter": lambda i: {
                "first": 50, "filters": {"active": {"exact": i % 2 == 0}}},
            "SKU iExact": lambda i: {
                "first": 50, "filters": {"sku": {"iExact": rnd.choice(skus).upper()}}},
            "description iContains (reported only)": lambda i: {
                "first": 50, "filters": {"description": {"iContains": rnd.choice(words)}}},
        }
        print(f"\n{'query':42} {'p50 ms':>8} {'p95 ms':>8} {'totalCount (last)':>18}")
        for label, variables_for in cases.items():
            count = args.requests if "reported" not in label else max(10, args.requests // 4)
            p50, p95, total = measure(session, variables_for, count)
            goal = "" if "reported" in label else ("  ok" if p95 < 100 else "  over 100 ms")
            print(f"{label:42} {p50:8.1f} {p95:8.1f} {total:18,}{goal}", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)


if __name__ == "__main__":
    sys.exit(main())
