#!/usr/bin/env python3
"""Sync benchmark: a full sync that deactivates what the file no longer lists, the guard's
check, and an UPDATE_ONLY partial file, each beside its baseline measured in the same run.

    .venv/bin/python bench/sync_bench.py [--rows 500000] [--no-embedded] [--no-production]

The catalogue is the generated export loaded twice with different seeds (A then B, about
1.8x the rows); every figure is then timed on that catalogue, in this order:

* baseline: file B imported again with ``missing: LEAVE`` (every row already stored),
  read row by row: the same-file shortcut (``IMPORT_SAME_FILE_SHORTCUT``) is off for the run,
  or the baseline would not read the file at all;
* the guard's check: deciding the removal of everything B does not list (the anti-join and
  the counts the guard reads), in a transaction rolled back; goal <= 2 s;
* file B as a full sync with ``missing: DEACTIVATE`` (guard at 100%): goal <= 1.3x baseline;
* B's SKUs as a ``sku,active`` file (half of them flipped) with ``mode: UPDATE_ONLY``:
  goal <= the time of the full file B (applied to catalogue A while the catalogue is built).

Imports run in-process (``manage.py shell``: the queue's own code, no HTTP, no broker).
Production mode uses BENCH_DATABASE_URL / BENCH_REDIS_URL (default: pi_sync_bench, Redis
DB 15) and EMPTIES that database; the embedded mode uses a temporary data folder.
BENCH_GENERATOR names the catalogue generator when it is not in ../shared/data/.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import tempfile
from pathlib import Path

from benchlib import PY, REPO, manage, production_env, recreate_database

GENERATOR = Path(os.environ.get(
    "BENCH_GENERATOR", REPO.parent / "shared" / "data" / "make_products_csv.py"))

# Runs inside `manage.py shell`: import a file with options, print the seconds it took.
DRIVER = """
import json, os, time
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from imports import services
from imports.models import ImportJob
from imports.pipeline.passes.check import check_file
from imports.pipeline.passes.keys import database_lower
from imports.pipeline.removal.decide import decide

path, options = os.environ["SYNC_FILE"], json.loads(os.environ["SYNC_OPTIONS"])
with open(path, "rb") as handle:
    job = services.submit_import(SimpleUploadedFile("bench.csv", handle.read()),
                                 options=options)
if os.environ.get("SYNC_GUARD"):
    with open(path, "rb") as raw:
        checked = check_file(raw, database_lower, listed=True)
    started = time.perf_counter()
    with transaction.atomic():
        job.checkpoint_line = checked.records + 1
        found = decide(job, checked.listed_keys, False)
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    ImportJob.objects.filter(pk=job.pk).delete()
    print(json.dumps({"seconds": seconds, "count": found.count, "scope": found.scope,
                      "held": found.held}))
else:
    started = time.perf_counter()
    services.process_queue()
    seconds = time.perf_counter() - started
    job.refresh_from_db()
    print(json.dumps({"seconds": seconds, "status": job.status, "rows": job.rows_processed,
                      "created": job.created_count, "updated": job.updated_count,
                      "skipped": job.skipped_count, "deactivated": job.deactivated_count}))
"""


def generate(rows: int, seed: int, out: Path) -> None:
    """The catalogue export the importer is built for (the shared generator)."""
    subprocess.run([PY, str(GENERATOR), "--rows", str(rows), "--seed", str(seed), str(out)],
                   check=True)


def partial(source: Path, out: Path) -> None:
    """B's SKUs as a `sku,active` file, half of them flipped."""
    rnd = random.Random(5)
    with source.open(newline="", encoding="utf-8") as inp, out.open("w", newline="") as dst:
        writer = csv.writer(dst)
        writer.writerow(["sku", "active"])
        for row in csv.DictReader(inp):
            writer.writerow([row["sku"], rnd.choice(["true", "false"])])


def run(env: dict[str, str], path: Path, options: dict, guard: bool = False) -> dict:
    """One import (or the guard's check) in a `manage.py shell`; its printed result."""
    env = env | {"SYNC_FILE": str(path), "SYNC_OPTIONS": json.dumps(options),
                 "SYNC_GUARD": "1" if guard else ""}
    return json.loads(manage(env, "shell", "-c", DRIVER).strip().splitlines()[-1])


def bench(name: str, env: dict[str, str], files: dict[str, Path]) -> None:
    """Load the catalogue, then print each figure beside its baseline and goal."""
    run(env, files["a"], {})
    full = run(env, files["b"], {})  # the full file B, applied to catalogue A
    leave = run(env, files["b"], {"missing": "LEAVE"})
    guard = run(env, files["b"], {"missing": "DEACTIVATE"}, guard=True)
    sync = run(env, files["b"], {"missing": "DEACTIVATE", "max_removal_percent": 100})
    update = run(env, files["partial"], {"mode": "UPDATE_ONLY"})
    base = leave["seconds"]
    print(f"\n{name}: catalogue of {guard['scope']:,} products, file of {leave['rows']:,} rows")
    print(f"  baseline, file B with missing LEAVE ......... {base:8.2f} s")
    print(f"  guard's check ({guard['count']:,} to remove, held: {guard['held']}) "
          f"{guard['seconds']:8.2f} s   goal <= 2 s")
    print(f"  full sync, DEACTIVATE ({sync['deactivated']:,} deactivated) "
          f"{sync['seconds']:8.2f} s   {sync['seconds'] / base:.2f}x baseline, goal <= 1.3x")
    print(f"  full file B applied to catalogue A ({full['created']:,} created, "
          f"{full['updated']:,} updated) {full['seconds']:8.2f} s")
    print(f"  UPDATE_ONLY sku,active ({update['updated']:,} updated) "
          f"{update['seconds']:8.2f} s   {update['seconds'] / full['seconds']:.2f}x the full file, "
          "goal <= 1.0x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--embedded-rows", type=int, default=None,
                        help="rows in the embedded mode (default: --rows, at most 100,000)")
    parser.add_argument("--no-embedded", action="store_true")
    parser.add_argument("--no-production", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sync-bench-") as tmp:
        work = Path(tmp)

        def files(rows: int) -> dict[str, Path]:
            out = {"a": work / f"a-{rows}.csv", "b": work / f"b-{rows}.csv",
                   "partial": work / f"partial-{rows}.csv"}
            if not out["a"].exists():
                generate(rows, 1, out["a"])
                generate(rows, 2, out["b"])
                partial(out["b"], out["partial"])
            return out

        if not args.no_production:
            db = os.environ.get("BENCH_DATABASE_URL",
                                "postgres://postgres@127.0.0.1:5432/pi_sync_bench")
            redis = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
            env = production_env(db, redis, IMPORT_SAME_FILE_SHORTCUT="false")
            recreate_database(db, env)
            bench("production (PostgreSQL)", env, files(args.rows))
        if not args.no_embedded:
            rows = args.embedded_rows or min(args.rows, 100_000)
            env = {k: v for k, v in os.environ.items()
                   if k not in ("DATABASE_URL", "REDIS_URL")}
            env |= {"DATA_DIR": str(work / "embedded"), "LOG_LEVEL": "WARNING",
                    "IMPORT_SAME_FILE_SHORTCUT": "false"}
            manage(env, "migrate", "--noinput")
            bench("embedded (SQLite)", env, files(rows))


if __name__ == "__main__":
    main()
