#!/usr/bin/env python3
"""Latency of the products API over HTTP on a large catalogue, each case beside its target.

    .venv/bin/python bench/products_bench.py [--rows 1000000] [--requests 60] [--keep]
    .venv/bin/python bench/products_bench.py --embedded [--rows 500000] ...

Production mode (default): makes a database of its own (``pi_bench`` on 127.0.0.1:5432
unless ``BENCH_DATABASE_URL``), migrates it, writes the catalogue with
``../shared/data/make_products_csv.py`` (cached in ``bench/out/``, never committed; 1,000,000
records give about 900,000 products), bulk-loads it with ``COPY`` (deduplicated on
``lower(sku)``, about 5% inactive, timestamps spread over a year), runs
``products.services.after_bulk_write()`` as an import's last step does, starts the web server
and prints p50/p95 over HTTP of the products list cases, each with ``totalCount``.

``--embedded``: the same cases against the embedded mode (SQLite in ``bench/out/embedded/``,
500,000 records by default, written through the product table so its triggers keep the
search indexes), target 300 ms each.

``--during-import``: the same cases while the 500,000-record export (seed 7, as
``bench/import_bench.py``) is imported into the loaded catalogue through the upload API by a
worker of the served process (target 200 ms each); each line says whether the import was
still running when the case ended, and the import's own time is printed.

Every request of a case uses a different term where the case has terms (cold counts: the
count reuse of repeated pages is shown by its own case). Figures are noisy on a shared
machine: the load average is printed before and after.
"""

import argparse
import csv
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
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
EMBEDDED_DIR = Path(os.environ.get("BENCH_EMBEDDED_DIR", str(OUT / "embedded")))
INACTIVE_SHARE = 0.05

FIELDS = "id sku name description active createdAt updatedAt"
QUERY = f"""
query Products($filters: ProductFilter, $ordering: [ProductOrder!], $first: Int, $last: Int,
               $after: String) {{
  products(filters: $filters, ordering: $ordering, first: $first, last: $last, after: $after) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ {FIELDS} }} }}
  }}
}}
"""


class Mode:
    """Where the bench runs: its environment, loader and sampler."""

    embedded = False

    def env(self) -> dict[str, str]:
        """The environment of the server and manage.py commands."""
        if self.embedded:
            clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
            return clean | {
                "DATA_DIR": str(EMBEDDED_DIR),
                "LOG_LEVEL": "WARNING",
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
            }
        return production_env(DB_URL, REDIS_URL)

    def manage(self, *args: str) -> str:
        """Run a manage.py command in this mode."""
        return benchlib_manage(self.env(), *args)

    def sample(self, column: str, size: int) -> list[str]:
        """Random values of a column, for varied query terms."""
        if self.embedded:
            with sqlite3.connect(EMBEDDED_DIR / "db.sqlite3") as conn:
                rows = conn.execute(
                    f"SELECT {column} FROM products_product WHERE abs(random()) % 100 = 0 "
                    "LIMIT ?", (size,)
                ).fetchall()
            return [row[0] for row in rows]
        with psycopg2.connect(DB_URL) as conn, conn.cursor() as cursor:
            cursor.execute(
                f"SELECT {column} FROM products_product TABLESAMPLE SYSTEM (1) LIMIT %s", (size,)
            )
            return [row[0] for row in cursor.fetchall()]


def catalogue(rows: int) -> Path:
    """Return the generated CSV (made once per row count)."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"products-{rows}.csv"
    if not path.exists():
        print(f"generating {rows:,} records ...", flush=True)
        subprocess.run([PY, str(GENERATOR), str(path), "--rows", str(rows), "--seed", "11"],
                       check=True)
    return path


def load_postgresql(mode: Mode, path: Path) -> int:
    """COPY the CSV into products_product (last row per lower(sku) wins); return the count."""
    recreate_database(DB_URL, mode.env())
    started = time.perf_counter()
    with psycopg2.connect(DB_URL) as conn, conn.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE staging (name text, sku text, description text, n bigserial)"
        )
        with path.open() as handle:
            cursor.copy_expert(
                "COPY staging (name, sku, description) FROM STDIN WITH (FORMAT csv, HEADER)",
                handle,
            )
        # As the import does: the row count triggers stand aside, the totals are recorded once.
        cursor.execute("SET LOCAL products.counts_by_caller = 'on'")
        cursor.execute(
            f"""
            INSERT INTO products_product (sku, name, description, active, created_at, updated_at)
            SELECT sku, name, description, random() > {INACTIVE_SHARE},
                   now() - random() * interval '365 days', now() - random() * interval '365 days'
            FROM (SELECT DISTINCT ON (lower(sku)) * FROM staging ORDER BY lower(sku), n DESC) s
            """
        )
        count = cursor.rowcount
        cursor.execute(
            "INSERT INTO products_count_delta (active, delta) "
            "SELECT active, count(*) FROM products_product GROUP BY active"
        )
    loaded = time.perf_counter() - started
    after_bulk_write(mode)
    print(f"loaded {count:,} products in {loaded:.1f} s, then "
          f"after_bulk_write in {time.perf_counter() - started - loaded:.1f} s", flush=True)
    return count


def after_bulk_write(mode: Mode) -> None:
    """What an import's finishing step runs (older code without it: a plain VACUUM ANALYZE)."""
    mode.manage(
        "shell", "-c",
        "from products import services\n"
        "step = getattr(services, 'after_bulk_write', None)\n"
        "if step: step()\n"
        "else:\n"
        "    from django.db import connection\n"
        "    vacuum = 'VACUUM ' if connection.vendor == 'postgresql' else ''\n"
        "    connection.cursor().execute(vacuum + 'ANALYZE products_product')\n",
    )


def load_sqlite(mode: Mode, path: Path) -> int:
    """Write the CSV into a fresh embedded database through the product table; return count."""
    db = EMBEDDED_DIR / "db.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    EMBEDDED_DIR.mkdir(parents=True, exist_ok=True)
    mode.manage("migrate", "--noinput")
    started = time.perf_counter()
    rnd = random.Random(5)
    latest: dict[str, tuple[str, str, str]] = {}
    csv.field_size_limit(10**7)
    with path.open(newline="", encoding="utf-8") as handle:
        for name, sku, description in _records(handle):
            latest.pop(sku.lower(), None)
            latest[sku.lower()] = (sku, name, description)
    now = time.time()

    def stamp() -> str:
        moment = now - rnd.random() * 365 * 86400
        fraction = f".{rnd.randrange(10**6):06d}"
        return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(moment)) + fraction

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    with conn:
        conn.executemany(
            "INSERT INTO products_product (sku, name, description, active, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                (sku, name, description, rnd.random() > INACTIVE_SHARE, stamp(), stamp())
                for sku, name, description in latest.values()
            ),
        )
    count = conn.execute("SELECT count(*) FROM products_product").fetchone()[0]
    loaded = time.perf_counter() - started
    conn.close()
    after_bulk_write(mode)
    print(f"loaded {count:,} products in {loaded:.1f} s (triggers included), then "
          f"after_bulk_write in {time.perf_counter() - started - loaded:.1f} s", flush=True)
    return count


def _records(handle) -> Iterator[tuple[str, str, str]]:
    reader = csv.reader(handle)
    next(reader)
    return ((name, sku, description) for name, sku, description in reader)


def start_server(mode: Mode, worker: bool = False) -> subprocess.Popen:
    """Start the web process (with its workers when `worker`) and wait for /readyz."""
    server = subprocess.Popen(
        [PY, "manage.py", "serve", "--port", str(PORT), *([] if worker else ["--no-worker"])],
        cwd=REPO / "backend", env=mode.env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
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


def post(session: requests.Session, variables: dict) -> dict:
    """One products query; its data."""
    response = session.post(
        f"http://127.0.0.1:{PORT}/graphql/", json={"query": QUERY, "variables": variables}
    )
    if not response.headers.get("content-type", "").startswith("application/json"):
        raise SystemExit(f"HTTP {response.status_code} for {variables}: {response.text[:300]}")
    body = response.json()
    if "errors" in body:
        raise SystemExit(f"query failed: {body['errors']}")
    return body["data"]["products"]


def measure(session: requests.Session, variables_for, count: int) -> tuple[float, float, int]:
    """p50 and p95 in ms of ``count`` requests (after 3 warm-ups) and the last totalCount."""
    timings = []
    total = 0
    for index in range(count + 3):
        variables = variables_for(index)
        started = time.perf_counter()
        total = post(session, variables)["totalCount"]
        if index >= 3:
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    return statistics.median(timings), p95, total


def pool(values: list[str], size: int, rnd: random.Random) -> Callable[[int], str]:
    """Distinct terms in a random order, one per request (cycling only when exhausted)."""
    distinct = sorted(set(values))
    rnd.shuffle(distinct)
    if len(distinct) < size:
        print(f"  (only {len(distinct)} distinct terms for {size} requests)", flush=True)
    return lambda index: distinct[index % len(distinct)]


def cases(mode: Mode, session: requests.Session, requests_per_case: int) -> dict:
    """Each case: (label, target ms, variables for request i)."""
    rnd = random.Random(3)
    size = requests_per_case + 3
    skus = pool([s.upper() for s in mode.sample("sku", 4 * size)], size, rnd)
    surnames = [n.split()[-1].lower() for n in mode.sample("name", 20 * size)]
    name5 = pool([s[:5] for s in surnames if len(s) >= 5], size, rnd)
    fragments = [s[i:i + 2] for s in surnames for i in range(len(s) - 1)]
    name2 = pool([f for f in fragments if f.isalpha()], size, rnd)
    texts = mode.sample("description", 20 * size)
    words = [w.strip(".,").lower() for d in texts for w in d.split()]
    words = [w for w in words if w.isalpha()]
    desc5 = pool([w[1:6] for w in words if len(w) >= 6], size, rnd)
    word2 = pool([w[:2] for w in words if len(w) >= 2], size, rnd)
    word4 = pool([w[:4] for w in words if len(w) >= 4], size, rnd)
    two = pool([f"{w[:4]} {s[:3]}" for w, s in zip(words, surnames, strict=False) if len(w) >= 4],
               size, rnd)
    page2 = post(session, {"first": 50, "ordering": [{"name": "ASC"}]})["pageInfo"]["endCursor"]
    fast, normal = (300, 300) if mode.embedded else (50, 100)
    return {
        "first page": (fast, lambda i: {"first": 50}),
        "last page": (fast, lambda i: {"last": 50}),
        "SKU order": (normal, lambda i: {"first": 50, "ordering": [{"sku": "ASC"}]}),
        "name order, page 2": (
            normal, lambda i: {"first": 50, "ordering": [{"name": "ASC"}], "after": page2}),
        "SKU exact (iExact)": (
            fast, lambda i: {"first": 50, "filters": {"sku": {"iExact": skus(i)}}}),
        "active: false": (fast, lambda i: {"first": 50, "filters": {"active": {"exact": False}}}),
        "name iContains, 5 letters": (
            normal, lambda i: {"first": 50, "filters": {"name": {"iContains": name5(i)}}}),
        "name iContains, 2 letters": (
            normal, lambda i: {"first": 50, "filters": {"name": {"iContains": name2(i)}}}),
        "description iContains, 5 letters": (
            normal, lambda i: {"first": 50, "filters": {"description": {"iContains": desc5(i)}}}),
        "search, one 2-letter word": (
            normal, lambda i: {"first": 50, "filters": {"search": word2(i)}}),
        "search, one 4-letter word": (
            normal, lambda i: {"first": 50, "filters": {"search": word4(i)}}),
        "search, two words": (normal, lambda i: {"first": 50, "filters": {"search": two(i)}}),
        "name iContains + active": (
            normal, lambda i: {"first": 50, "filters": {
                "name": {"iContains": name5(i)}, "active": {"exact": i % 2 == 0}}}),
        "same 2-letter search, repeated": (
            normal, lambda i: {"first": 50, "filters": {"search": word2(0)}}),
    }


class ImportRun(threading.Thread):
    """The benchmark export (seed 7) imported through the API in the background."""

    result = "?"

    def __init__(self, token: str, path: Path) -> None:
        """Import `path` with `token`'s user once started."""
        super().__init__(daemon=True)
        self.token, self.path = token, path

    def run(self) -> None:
        """Upload and wait for COMPLETED; keep the time (or the failure) in `result`."""
        from import_bench import import_once

        try:
            seconds, job = import_once(f"http://127.0.0.1:{PORT}", self.token, self.path)
            self.result = (f"{seconds:.1f} s: created {job['createdCount']:,}, "
                           f"updated {job['updatedCount']:,}")
        except Exception as exc:  # printed, not raised: the figures above still stand
            self.result = f"failed: {exc}"


def start_import(token: str) -> ImportRun:
    """Start the background import and give it time to reach its write pass."""
    path = OUT / "products-500000-seed7.csv"
    if not path.exists():
        subprocess.run([PY, str(GENERATOR), str(path), "--rows", "500000", "--seed", "7"],
                       check=True)
    run = ImportRun(token, path)
    run.start()
    time.sleep(5)
    return run


def load_average() -> str:
    """The 1/5/15-minute load averages."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    """Load, serve, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedded", action="store_true", help="SQLite (embedded mode)")
    parser.add_argument("--rows", type=int, help="CSV records (1,000,000; embedded 500,000)")
    parser.add_argument("--requests", type=int, default=60, help="requests per case")
    parser.add_argument("--keep", action="store_true", help="reuse the loaded database")
    parser.add_argument("--only", help="run only the cases whose label contains this text")
    parser.add_argument("--during-import", action="store_true",
                        help="measure while the 500,000-record file is imported (target 200 ms)")
    args = parser.parse_args()
    mode = Mode()
    mode.embedded = args.embedded
    rows = args.rows or (500_000 if args.embedded else 1_000_000)

    if not args.keep:
        (load_sqlite if mode.embedded else load_postgresql)(mode, catalogue(rows))
    server = start_server(mode, worker=args.during_import)
    try:
        session = requests.Session()
        token = api_token(mode.env())
        session.headers["Authorization"] = f"Bearer {token}"
        planned = cases(mode, session, args.requests)
        importing = start_import(token) if args.during_import else None
        print(f"\n{'embedded (SQLite)' if mode.embedded else 'production (PostgreSQL)'}, "
              f"{args.requests} requests per case, load average {load_average()}"
              + (", during an import of 500,000 records" if importing else ""))
        print(f"{'case':36} {'target':>7} {'p50 ms':>8} {'p95 ms':>8} {'totalCount':>11}")
        for label, (target, variables_for) in planned.items():
            if args.only and args.only not in label:
                continue
            p50, p95, total = measure(session, variables_for, args.requests)
            if importing:
                target = 200 if not mode.embedded else target
            verdict = "ok" if p95 <= target else "MISSED"
            running = ""
            if importing:
                running = "  (import running)" if importing.is_alive() else "  (import had ended)"
            print(f"{label:36} {target:7} {p50:8.1f} {p95:8.1f} {total:11,}  {verdict}{running}",
                  flush=True)
        print(f"load average after: {load_average()}")
        if importing:
            importing.join()
            print(f"the import took {importing.result} (upload answer -> COMPLETED)")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)


if __name__ == "__main__":
    sys.exit(main())
