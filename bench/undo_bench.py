#!/usr/bin/env python3
"""Change-log cost benchmark: imports with and without the change log, and reverts, in one run.

    .venv/bin/python bench/undo_bench.py [--rows 500000] [--port 8291]

Production mode against BENCH_DATABASE_URL / BENCH_REDIS_URL (default: the pi_undo database
and Redis DB 10). It EMPTIES that database's products and import jobs. For the generated
catalogue export (seed 7) and a copy of it where every row's name changed, it prints, with
IMPORT_CHANGE_LOG off and on (same run, same processes' settings otherwise):

* a first import into an empty catalogue (only CREATED entries when the log is on);
* a re-import that changes every product (UPDATED entries with before-values);
* with the log on: the revert of the re-import, then the revert of the first import,
  each timed from the revertImport answer to COMPLETED like an import;
* the change log's storage (table and indexes) per 500,000 updated products, in MB;
* the load average before and after (the machine may be shared).

Times are from the upload's (or mutation's) answer to COMPLETED, through the real HTTP API,
a uvicorn web process and one `rundramatiq` worker process.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import requests

from benchlib import GENERATOR, api_token, manage, start, stop, wait_http
from benchlib import PY as PYTHON
from import_baselines import psql
from import_upload import import_once

REVERT = """mutation ($id: ID!) { revertImport(id: $id) {
  ... on ImportJob { id status } ... on OperationInfo { messages { message } } } }"""
REVERT_QUERY = """query ($id: ID!) { importJob(id: $id) { status deletedCount restoredCount
  conflictCount errorMessage } }"""
JOBS = "{ importJobs(first: 1) { edges { node { id } } } }"
LOG_SIZE = "SELECT pg_total_relation_size('imports_importchange')"


def changed_copy(source: Path, target: Path) -> None:
    """`source` with every row's name changed (so a re-import updates every product)."""
    with source.open(newline="", encoding="utf-8") as inp, target.open(
        "w", newline="", encoding="utf-8"
    ) as out:
        reader, writer = csv.reader(inp), csv.writer(out, lineterminator="\n")
        writer.writerow(next(reader))
        for name, sku, description in reader:
            writer.writerow([name + " v2", sku, description])


def revert_once(base: str, token: str, job_id: str, timeout: float = 900) -> tuple[float, dict]:
    """Revert import `job_id`; return seconds from the answer to COMPLETED, and the job."""
    headers = {"Authorization": f"Bearer {token}"}
    answer = requests.post(base + "/graphql/", headers=headers, timeout=60,
                           json={"query": REVERT, "variables": {"id": job_id}}).json()
    started = time.perf_counter()
    revert_id = answer["data"]["revertImport"].get("id")
    if revert_id is None:
        raise RuntimeError(f"revertImport refused: {answer}")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = requests.post(base + "/graphql/", headers=headers, timeout=30,
                            json={"query": REVERT_QUERY, "variables": {"id": revert_id}}
                            ).json()["data"]["importJob"]
        if job["status"] not in ("PENDING", "PROCESSING"):
            if job["status"] != "COMPLETED":
                raise RuntimeError(f"revert ended {job['status']}: {job['errorMessage']}")
            return time.perf_counter() - started, job
        time.sleep(0.05)
    raise RuntimeError("revert did not finish in time")


def newest_job_id(base: str, token: str) -> str:
    """The id of the newest import job."""
    answer = requests.post(base + "/graphql/", headers={"Authorization": f"Bearer {token}"},
                           json={"query": JOBS}, timeout=30).json()
    return answer["data"]["importJobs"]["edges"][0]["node"]["id"]


def run_mode(args: argparse.Namespace, log: bool, first: Path, changed: Path | None,
             media: Path) -> dict:
    """Both imports (and, with the log, both reverts) with IMPORT_CHANGE_LOG = `log`."""
    db = args.database_url
    env = {**os.environ, "DATABASE_URL": db, "REDIS_URL": args.redis_url,
           "SECRET_KEY": "bench-only", "MEDIA_ROOT": str(media), "PERIODIC_TASKS_ENABLED": "1",
           "IMPORT_CHANGE_LOG": "1" if log else "0", "LOG_LEVEL": "WARNING"}
    psql(db, "TRUNCATE products_product, imports_importjob, imports_importchange, "
             "imports_revertconflict, products_count_delta CASCADE")
    psql(db, "VACUUM ANALYZE products_product")
    token = api_token(env)
    base = f"http://127.0.0.1:{args.port}"
    web = start(env, [PYTHON, "-m", "uvicorn", "config.asgi:application", "--port",
                      str(args.port), "--log-level", "warning"])
    worker = start(env, [PYTHON, "manage.py", "rundramatiq", "--processes", "1",
                         "--threads", "2"])
    out: dict = {}
    try:
        wait_http(base + "/healthz")
        time.sleep(3)  # let the worker boot
        out["first"], out["first_job"] = import_once(base, token, first)
        first_id = newest_job_id(base, token)
        size_after_first = int(psql(db, LOG_SIZE))
        if changed is None:  # --first-rounds: the first import only
            return out
        out["again"], out["again_job"] = import_once(base, token, changed)
        again_id = newest_job_id(base, token)
        out["log_mb"] = (int(psql(db, LOG_SIZE)) - size_after_first) / 1e6
        out["created_log_mb"] = size_after_first / 1e6
        if log:
            out["revert_again"], out["revert_again_job"] = revert_once(base, token, again_id)
            out["revert_first"], out["revert_first_job"] = revert_once(base, token, first_id)
            out["left"] = int(psql(db, "SELECT count(*) FROM products_product"))
    finally:
        stop(web)
        stop(worker)
    return out


def first_rounds(args: argparse.Namespace, first: Path, folder: Path) -> None:
    """The first import into an empty catalogue, alternating without and with the log."""
    times: dict[bool, list[float]] = {False: [], True: []}
    for n in range(args.first_rounds):
        for log in (False, True) if n % 2 == 0 else (True, False):
            took = run_mode(args, log, first, None, folder / f"media-{n}-{log}")["first"]
            times[log].append(took)
            print(f"  round {n + 1}: {'with' if log else 'without'} change log {took:7.2f} s",
                  flush=True)
    off, on = statistics.median(times[False]), statistics.median(times[True])
    print(f"first import, median: without {off:7.2f} s   with {on:7.2f} s   "
          f"{(on / off - 1) * 100:+.1f}% (goal <= +10%)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--port", type=int, default=8291)
    parser.add_argument("--first-rounds", type=int, default=0, help=(
        "only the first import, this many rounds alternating without/with the log "
        "(to see through a loaded machine's noise)"))
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pi_undo"))
    parser.add_argument("--redis-url", default=os.environ.get(
        "BENCH_REDIS_URL", "redis://127.0.0.1:6379/10"))
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"({os.cpu_count()} CPUs)")
    manage({**os.environ, "DATABASE_URL": args.database_url, "REDIS_URL": args.redis_url,
            "SECRET_KEY": "bench-only"}, "migrate", "--noinput")
    with tempfile.TemporaryDirectory(prefix="undo-bench-") as tmp:
        folder = Path(tmp)
        first, changed = folder / "products.csv", folder / "products-changed.csv"
        subprocess.run([PYTHON, str(GENERATOR), str(first), "--rows", str(args.rows),
                        "--seed", "7"], check=True)
        changed_copy(first, changed)
        print(f"file: {args.rows:,} records, {first.stat().st_size / 1e6:.1f} MB")
        if args.first_rounds:
            first_rounds(args, first, folder)
            return
        off = run_mode(args, False, first, changed, folder / "media-off")
        on = run_mode(args, True, first, changed, folder / "media-on")
    created = on["first_job"]["createdCount"]
    updated = on["again_job"]["updatedCount"]
    print(f"first import into an empty catalogue ({created:,} created):")
    print(f"  without change log {off['first']:7.2f} s   with {on['first']:7.2f} s   "
          f"{(on['first'] / off['first'] - 1) * 100:+.1f}% (goal <= +10%)")
    print(f"re-import changing every product ({updated:,} updated):")
    print(f"  without change log {off['again']:7.2f} s   with {on['again']:7.2f} s   "
          f"{(on['again'] / off['again'] - 1) * 100:+.1f}% (goal <= +25%)")
    ra, rf = on["revert_again_job"], on["revert_first_job"]
    print(f"revert of the re-import: {on['revert_again']:7.2f} s "
          f"({on['revert_again'] / on['again']:.2f}x its import, goal <= 1.5x; restored "
          f"{ra['restoredCount']:,}, conflicts {ra['conflictCount']:,})")
    print(f"revert of the first import: {on['revert_first']:7.2f} s "
          f"({on['revert_first'] / on['first']:.2f}x its import, goal <= 1x; deleted "
          f"{rf['deletedCount']:,}, conflicts {rf['conflictCount']:,}; products left "
          f"{on['left']:,})")
    per_updated = on["log_mb"] / updated * 500_000
    per_created = on["created_log_mb"] / created * 500_000
    print(f"change log storage: {per_updated:.1f} MB per 500,000 updated products (table + "
          f"indexes); CREATED entries: {per_created:.1f} MB per 500,000 created products")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
