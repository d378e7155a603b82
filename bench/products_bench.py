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
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

from benchlib import BACKEND, GENERATOR, PY, api_token, wait_http
from import_upload import import_once
from products_cases import COUNT_QUERY, ROWS_QUERY, cases, fresh_terms, measure, percentiles, timed
from products_setup import OUT, PORT, Mode, catalogue, load_postgresql, load_sqlite


def start_server(mode: Mode, worker: bool = False) -> subprocess.Popen:
    """Start the web process (with its workers when `worker`) and wait for /readyz."""
    server = subprocess.Popen(
        [PY, "manage.py", "serve", "--port", str(PORT), *([] if worker else ["--no-worker"])],
        cwd=BACKEND, env=mode.env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        wait_http(f"http://127.0.0.1:{PORT}/readyz")
    except RuntimeError:
        server.kill()
        raise SystemExit("the server did not become ready") from None
    return server


class ImportRun(threading.Thread):
    """The benchmark export (seed 7) imported through the API in the background."""

    result = "?"

    def __init__(self, token: str, path: Path) -> None:
        """Import `path` with `token`'s user once started."""
        super().__init__(daemon=True)
        self.token, self.path = token, path

    def run(self) -> None:
        """Upload and wait for COMPLETED; keep the time (or the failure) in `result`."""
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


def measure_cases(
    mode: Mode, session: requests.Session, planned: dict, args: argparse.Namespace,
    importing: ImportRun | None,
) -> None:
    """Measure each planned case (those ``--only`` names) and print its line of the table."""
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


def measure_fresh(mode: Mode, session: requests.Session) -> None:
    """Terms never asked before, as the app asks them: the page of rows alone, then the
    count alone; p50/p95 of each beside its goal (rows 50 ms, exact count 150 ms; the
    embedded mode 300 ms for both)."""
    rows_goal, count_goal = (300, 300) if mode.embedded else (50, 150)
    planned = fresh_terms(mode)
    print(f"\nfresh terms ({len(next(iter(planned.values())))} per filter, "
          "never asked before in this run): rows alone, then the exact count alone")
    print(f"{'filter':26} {'rows p50':>9} {'p95':>7} {'goal':>5}  "
          f"{'count p50':>9} {'p95':>7} {'goal':>5}  {'counts (min-max)':>18}")
    for label, filters in planned.items():
        rows, counts, totals = [], [], []
        for filter_ in filters:
            ms, _ = timed(session, {"filters": filter_, "first": 50}, ROWS_QUERY)
            rows.append(ms)
            ms, data = timed(session, {"filters": filter_}, COUNT_QUERY)
            counts.append(ms)
            totals.append(data["totalCount"])
        (r50, r95), (c50, c95) = percentiles(rows), percentiles(counts)
        verdict = "ok" if r95 <= rows_goal and c95 <= count_goal else "MISSED"
        print(f"{label:26} {r50:9.1f} {r95:7.1f} {rows_goal:5}  {c50:9.1f} {c95:7.1f} "
              f"{count_goal:5}  {min(totals):>8,}-{max(totals):<9,} {verdict}", flush=True)


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
    else:  # the kept database may predate the code's migrations
        mode.manage("migrate", "--noinput")
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
        measure_cases(mode, session, planned, args, importing)
        if not args.only:
            measure_fresh(mode, session)
        print(f"load average after: {load_average()}")
        if importing:
            importing.join()
            print(f"the import took {importing.result} (upload answer -> COMPLETED)")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)


if __name__ == "__main__":
    sys.exit(main())
