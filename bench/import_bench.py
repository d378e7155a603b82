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
  the baselines; the re-import of the same file (nothing changes) and of the changed file;
  peak RSS of the web and worker processes;
* the embedded mode (SQLite, in-process worker) time for the same file.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

import requests

from benchlib import PY as PYTHON
from benchlib import REPO, api_token, manage, start, stop, wait_http

GENERATOR = REPO.parent / "shared" / "data" / "make_products_csv.py"

JOB_QUERY = """query ($id: ID!) { importJob(id: $id) { status progress rowsProcessed
  createdCount updatedCount unchangedCount replacedCount errorCount errorMessage finishedAt } }"""
SEARCH_DOCUMENT = (
    "strip(to_tsvector('simple'::regconfig, regexp_replace("
    "sku || ' ' || name || ' ' || description, '[^[:alnum:]]+', ' ', 'g')))"
)
UPLOAD = """mutation ($file: Upload!) { importProducts(file: $file) {
  ... on ImportJob { id status } ... on OperationInfo { messages { message } } } }"""


def psql(url: str, sql: str) -> str:
    """Run SQL with psql; return its output."""
    done = subprocess.run(
        ["psql", url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql],
        capture_output=True, text=True, check=True,
    )
    return done.stdout


def baseline(
    url: str, csv_path: Path, table: str, indexes: list[str], after: list[str] = (),
    filled_from: Path | None = None, search: bool = True,
) -> float:
    """Time raw psql: \\copy into a temp table, then one deduplicating upsert into `table`
    (with `indexes`), then the `after` statements (``CREATE INDEX`` of the others, with
    ``maintenance_work_mem`` 512 MB). With `filled_from`, the table is first filled from that
    file, untimed (the upsert into a filled table). The stored search column is computed by
    the database in the load (as the project's trigger would) unless `search` is off (the
    floor, which has no search and drops the column)."""
    psql(url, f"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} "
              "(LIKE products_product INCLUDING DEFAULTS INCLUDING IDENTITY)")
    for statement in indexes:
        psql(url, statement)
    vector = psql(url, "SELECT 1 FROM information_schema.columns WHERE table_name = "
                       f"'{table}' AND column_name = 'search_vector'").strip()
    if vector and not search:
        psql(url, f"ALTER TABLE {table} DROP COLUMN search_vector")
        vector = ""
    if filled_from is not None:
        _run_script(url, _upsert_script(filled_from, table, bool(vector)))
        psql(url, f"VACUUM (ANALYZE) {table}")
    script = "SET maintenance_work_mem = '512MB';\n" + _upsert_script(
        csv_path, table, bool(vector))
    script += "".join(f"{statement};\n" for statement in after)
    started = time.perf_counter()
    _run_script(url, script)
    elapsed = time.perf_counter() - started
    psql(url, f"DROP TABLE {table}")
    return elapsed


def _upsert_script(csv_path: Path, table: str, vector: bool) -> str:
    column, value, update = (
        (", search_vector", f", {SEARCH_DOCUMENT}", ", search_vector = EXCLUDED.search_vector")
        if vector else ("", "", "")
    )
    return f"""
CREATE TEMP TABLE IF NOT EXISTS stage (name text, sku text, description text, ord bigserial);
TRUNCATE stage;
\\copy stage (name, sku, description) FROM '{csv_path}' WITH (FORMAT csv, HEADER)
INSERT INTO {table} (sku, name, description, active, created_at, updated_at{column})
SELECT DISTINCT ON (lower(sku)) sku, name, description, true, now(), now(){value}
FROM stage ORDER BY lower(sku), ord DESC
ON CONFLICT (lower(sku)) DO UPDATE SET sku = EXCLUDED.sku, name = EXCLUDED.name,
  description = EXCLUDED.description, updated_at = EXCLUDED.updated_at{update};
"""


def _run_script(url: str, script: str) -> None:
    done = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-q"], input=script,
                          text=True, capture_output=True)
    if done.returncode:
        raise RuntimeError(f"psql failed: {done.stderr}")


def changed_copy(csv_path: Path, target: Path) -> Path:
    """The same file with every product's name changed (the all-changed re-import)."""
    with csv_path.open(newline="", encoding="utf-8") as source, target.open(
        "w", newline="", encoding="utf-8"
    ) as out:
        reader, writer = csv.reader(source), csv.writer(out)
        header = next(reader)
        writer.writerow(header)
        name = header.index("name")
        for row in reader:
            row[name] += " v2"
            writer.writerow(row)
    return target


def product_indexes(url: str, table: str) -> tuple[list[str], list[str]]:
    """CREATE INDEX statements for `table` with exactly the indexes of products_product:
    those the upsert needs (primary key, unique ones), and the others."""
    rows = psql(url, "SELECT indexname, indexdef FROM pg_indexes "
                     "WHERE tablename = 'products_product'").splitlines()
    kept, others = [f"ALTER TABLE {table} ADD PRIMARY KEY (id)"], []
    for row in rows:
        name, definition = row.split("|", 1)
        if name.endswith("_pkey"):
            continue  # LIKE gives no primary key; added the same way
        definition = definition.replace(" ON public.products_product ", f" ON public.{table} ")
        statement = definition.replace(f"INDEX {name} ", f"INDEX {table}_{name} ", 1)
        (kept if definition.startswith("CREATE UNIQUE ") else others).append(statement)
    return kept, others


class Peak:
    """Samples VmRSS of a process tree every 50 ms; keeps the peak per process."""

    def __init__(self, root_pid: int) -> None:
        self.root = root_pid
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        pids, frontier = [self.root], [self.root]
        while frontier:
            pid = frontier.pop()
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                pids.append(child)
                frontier.append(child)
        return pids

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in self._tree():
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith(("VmHWM", "VmRSS")):
                            kb = int(line.split()[1])
                            self.peak[pid] = max(self.peak.get(pid, 0), kb)
                except OSError:
                    pass
            self._stop.wait(0.05)

    def max_mb(self) -> float:
        """The largest peak RSS of any process of the tree, in MB."""
        return max(self.peak.values(), default=0) / 1024

    def stop(self) -> None:
        """Stop sampling."""
        self._stop.set()
        self._thread.join()


def import_once(base: str, token: str, path: Path, timeout: float = 900) -> tuple[float, dict]:
    """Upload `path`; return seconds from the upload's answer to COMPLETED, and the job.

    The end is the job's own ``finishedAt`` (written with COMPLETED; this machine's clock, as
    the start is), so the status is asked only twice a second: asking every 50 ms cost the
    web process and the database CPU that the import itself then lacked.
    """
    headers = {"Authorization": f"Bearer {token}"}
    with path.open("rb") as handle:
        answer = requests.post(
            base + "/graphql/",
            headers=headers,
            data={"operations": json.dumps({"query": UPLOAD, "variables": {"file": None}}),
                  "map": json.dumps({"0": ["variables.file"]})},
            files={"0": (path.name, handle, "text/csv")},
            timeout=600,
        )
    started = time.time()
    body = answer.json()
    job_id = body["data"]["importProducts"]["id"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.5)
        try:
            job = requests.post(base + "/graphql/", headers=headers, timeout=30,
                                json={"query": JOB_QUERY, "variables": {"id": job_id}}
                                ).json()["data"]["importJob"]
        except (requests.RequestException, ValueError, TypeError, KeyError):
            continue  # a busy moment (e.g. no free database connection): ask again
        if job["status"] not in ("PENDING", "PROCESSING"):
            if job["status"] != "COMPLETED":
                raise RuntimeError(f"import ended {job['status']}: {job['errorMessage']}")
            finished = datetime.fromisoformat(job["finishedAt"]).timestamp()
            return finished - started, job
    raise RuntimeError("import did not finish in time")


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
    """The same import in embedded mode (SQLite and the in-process worker)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(DATA_DIR=str(data_dir), PERIODIC_TASKS_ENABLED="1")
    manage(env, "migrate", "--noinput")
    token = api_token(env)
    port = args.port + 1
    web = start(env, [PYTHON, "-m", "uvicorn", "config.asgi:application", "--port", str(port),
                      "--log-level", "warning"])
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz")
        elapsed, _ = import_once(f"http://127.0.0.1:{port}", token, csv_path)
    finally:
        stop(web)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--port", type=int, default=8011)
    parser.add_argument("--no-embedded", action="store_true")
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
        r = production(args, csv_path, folder / "media")
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
        print(f"ratio to same-index baseline: {r['import'] / r['same']:.2f} (goal <= 0.7)")
        print(f"ratio to load-then-index:     {r['import'] / r['then_index']:.2f}")
        print(f"ratio to floor:               {r['import'] / r['floor']:.2f}")
        rejob = r["rejob"]
        print(f"re-import of the same file:   {r['reimport']:6.2f} s  "
              f"(unchanged {rejob['unchangedCount']:,}, updated {rejob['updatedCount']:,}); "
              f"ratio to floor {r['reimport'] / r['floor']:.2f} (goal <= 1.5)")
        chjob = r["chjob"]
        print(f"re-import, every name changed: {r['changed']:6.2f} s "
              f"(updated {chjob['updatedCount']:,}); raw upsert of it into the filled table "
              f"{r['same_filled']:6.2f} s; ratio {r['changed'] / r['same_filled']:.2f} "
              "(goal <= 1.0)")
        print(f"peak RSS: worker {r['worker_mb']:.0f} MB (goal < 300), "
              f"web {r['web_mb']:.0f} MB (goal < 200)")
        if not args.no_embedded:
            seconds = embedded(args, csv_path, folder / "embedded")
            print(f"embedded mode (SQLite) import: {seconds:6.2f} s (goal < 30)")


if __name__ == "__main__":
    main()
