#!/usr/bin/env python3
"""Import benchmark: the project's import through its real API and worker, against raw psql.

    .venv/bin/python bench/import_bench.py [--rows 500000] [--port 8011] [--no-embedded]

Production mode uses BENCH_DATABASE_URL / BENCH_REDIS_URL (default: the
pi_imports database and Redis DB 2). It EMPTIES that database's products and import jobs.
Prints, for the generated catalogue export (seed 7):

* raw psql (\\copy into a temp table, one INSERT ... SELECT DISTINCT ON (lower(sku)) ... ON
  CONFLICT DO UPDATE) into (a) a table with only the unique lower(sku) index (the floor) and
  (b) a table with exactly the indexes of products_product (read from pg_indexes);
  and (c) the floor's table, then ``CREATE INDEX`` of the other indexes (what a bulk load
  does); (d) the same file with every name changed, upserted into (b) filled with the file;
* the project's import: HTTP upload to uvicorn, a `rundramatiq` worker process, timed from
  the upload's answer to COMPLETED (every index built, the table analyzed); the ratios to
  the baselines; the re-import of the same file (nothing changes; with the job's message,
  which says when it completed without reading its rows) and of the changed file;
  peak RSS of the web and worker processes;
* the embedded mode (SQLite, in-process worker) time for the same file, beside a raw SQLite
  load of it followed by building the same two FTS5 indexes (``sqlite_baseline``), in the
  same run. ``--embedded-only`` skips production mode.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from pathlib import Path

from benchlib import GENERATOR, api_token, manage, start, stop, wait_http
from benchlib import PY as PYTHON
from import_baselines import baseline, changed_copy, product_indexes, psql
from import_upload import import_once
from rss_peak import Peak
from sqlite_baseline import raw_load


def production(args: argparse.Namespace, csv_path: Path, media: Path) -> dict:
    """Baselines and the project's import in production mode."""
    db, redis = args.database_url, args.redis_url
    env = {**os.environ, "DATABASE_URL": db, "REDIS_URL": redis, "SECRET_KEY": "bench-only",
           "MEDIA_ROOT": str(media), "PERIODIC_TASKS_ENABLED": "1"}
    manage(env, "migrate", "--noinput")
    psql(db, "TRUNCATE products_product, imports_importjob CASCADE")
    kept, others = product_indexes(db, "bench_same")
    changed = changed_copy(csv_path, csv_path.with_name("changed.csv"))
    results = {
        "floor": baseline(db, csv_path, "bench_floor",
                          ["CREATE UNIQUE INDEX bench_floor_sku ON bench_floor (lower(sku))"],
                          search=False),
        "same": baseline(db, csv_path, "bench_same", kept + others),
        "then_index": baseline(db, csv_path, "bench_same", kept, after=others),
        "same_filled": baseline(db, changed, "bench_same", kept + others, filled_from=csv_path),
    }
    token = api_token(env)
    base = f"http://127.0.0.1:{args.port}"
    web = start(env, [PYTHON, "-m", "uvicorn", "config.asgi:application", "--port",
                      str(args.port), "--log-level", "warning"])
    log = open(args.worker_log, "w") if args.worker_log else subprocess.DEVNULL  # noqa: SIM115
    worker = start({**env, "LOG_LEVEL": "INFO"} if args.worker_log else env,
                   [PYTHON, "manage.py", "rundramatiq", "--processes", "1", "--threads", "2"],
                   stdout=log, stderr=subprocess.STDOUT)
    web_peak, worker_peak = Peak(web.pid), Peak(worker.pid)
    try:
        wait_http(base + "/healthz")
        time.sleep(3)  # let the worker boot
        results["import"], results["job"] = import_once(base, token, csv_path)
        results["reimport"], results["rejob"] = import_once(base, token, csv_path)
        results["changed"], results["chjob"] = import_once(base, token, changed)
    finally:
        web_peak.stop()
        worker_peak.stop()
        stop(web)
        stop(worker)
    results["web_mb"], results["worker_mb"] = web_peak.max_mb(), worker_peak.max_mb()
    return results


def embedded(args: argparse.Namespace, csv_path: Path, data_dir: Path) -> float:
    """The same import in embedded mode (SQLite and the in-process worker), after the raw
    SQLite reference (printed)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(DATA_DIR=str(data_dir), PERIODIC_TASKS_ENABLED="1")
    manage(env, "migrate", "--noinput")
    loaded, indexed = raw_load(csv_path, data_dir / "db.sqlite3", data_dir / "raw.sqlite3")
    raw = loaded + indexed
    print(f"raw SQLite load {loaded:6.2f} s + the two FTS5 indexes {indexed:6.2f} s = "
          f"{raw:6.2f} s", flush=True)
    token = api_token(env)
    port = args.port + 1
    web = start(env, [PYTHON, "-m", "uvicorn", "config.asgi:application", "--port", str(port),
                      "--log-level", "warning"])
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz")
        elapsed, job = import_once(f"http://127.0.0.1:{port}", token, csv_path)
    finally:
        stop(web)
    print(f"embedded mode (SQLite) import: {elapsed:6.2f} s, created {job['createdCount']:,}; "
          f"ratio to the raw SQLite load + FTS5 {elapsed / raw:.2f} (goal <= 1.0)")
    return elapsed


def print_production(r: dict) -> None:
    """Print the production-mode figures of :func:`production` beside their goals."""
    job = r["job"]
    print(f"raw psql, unique index only (floor):     {r['floor']:6.2f} s")
    print(f"raw psql, products_product's indexes:    {r['same']:6.2f} s")
    print(f"raw psql, unique index, then CREATE INDEX of the others: "
          f"{r['then_index']:6.2f} s")
    print(f"project import (upload answer->COMPLETED, indexes built, analyzed): "
          f"{r['import']:6.2f} s  "
          f"created {job['createdCount']:,} updated {job['updatedCount']:,} "
          f"unchanged {job['unchangedCount']:,} replaced {job['replacedCount']:,} "
          f"errors {job['errorCount']:,}")
    print(f"ratio to same-index baseline: {r['import'] / r['same']:.2f} (goal <= 0.5)")
    print(f"ratio to load-then-index:     {r['import'] / r['then_index']:.2f}")
    print(f"ratio to floor:               {r['import'] / r['floor']:.2f}")
    rejob = r["rejob"]
    print(f"re-import of the same file:   {r['reimport']:6.2f} s  "
          f"(unchanged {rejob['unchangedCount']:,}, updated {rejob['updatedCount']:,}); "
          f"ratio to floor {r['reimport'] / r['floor']:.2f} (goal <= 1.0)")
    print(f"  the job says: {rejob.get('errorMessage') or '(nothing: its rows were read)'}")
    chjob = r["chjob"]
    print(f"re-import, every name changed: {r['changed']:6.2f} s "
          f"(updated {chjob['updatedCount']:,}); raw upsert of it into the filled table "
          f"{r['same_filled']:6.2f} s; ratio {r['changed'] / r['same_filled']:.2f} "
          "(goal <= 1.0)")
    print(f"peak RSS: worker {r['worker_mb']:.0f} MB (goal < 300), "
          f"web {r['web_mb']:.0f} MB (goal < 200)")


def main() -> None:
    """Generate the file, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--port", type=int, default=8011)
    parser.add_argument("--no-embedded", action="store_true")
    parser.add_argument("--embedded-only", action="store_true")
    parser.add_argument("--worker-log", help="write the worker's log (INFO: phase timings) here")
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pi_imports"))
    parser.add_argument("--redis-url", default=os.environ.get(
        "BENCH_REDIS_URL", "redis://127.0.0.1:6379/2"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmp:
        folder = Path(tmp)
        csv_path = folder / "products.csv"
        subprocess.run([PYTHON, str(GENERATOR), str(csv_path), "--rows", str(args.rows),
                        "--seed", "7"], check=True)
        size = csv_path.stat().st_size
        print(f"file: {args.rows:,} records, {size / 1e6:.1f} MB")
        if not args.embedded_only:
            print_production(production(args, csv_path, folder / "media"))
        if not args.no_embedded:
            embedded(args, csv_path, folder / "embedded")


if __name__ == "__main__":
    main()
