#!/usr/bin/env python3
"""Storage benchmark: the same import with its file in a bucket and in the local folder.

    .venv/bin/python bench/storage_bench.py [--rows 500000] [--port 8031]

Production mode against BENCH_DATABASE_URL / BENCH_REDIS_URL (default: the pi_storage_bench
database, made afresh, and Redis DB 3). The bucket is a ``moto_server`` process started here
on a free loopback port, unless ``STORAGE_BUCKET`` and ``STORAGE_ENDPOINT_URL`` (with
``STORAGE_ACCESS_KEY_ID`` / ``STORAGE_SECRET_ACCESS_KEY``) name a real store (e.g. MinIO) to
measure instead. For each set-up: a web process (uvicorn) and a ``rundramatiq`` worker
process; the generated catalogue is uploaded through the API into an empty catalogue and
timed from the upload's answer to COMPLETED. Prints both times beside each other, their ratio
against the goal (bucket <= 1.1 x folder), and the peak RSS of the web and worker processes.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import boto3
from botocore.config import Config

from benchlib import (
    PY,
    api_token,
    generated_catalogue,
    production_env,
    recreate_database,
    start,
    stop,
    wait_http,
)
from import_baselines import psql
from import_upload import import_once
from rss_peak import Peak

GOAL = 1.1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bucket_environment(tmp: Path) -> tuple[dict[str, str], subprocess.Popen | None]:
    """The STORAGE_* variables of the bucket to measure (a moto_server started here unless
    the environment names a store), and the process started, if any."""
    if os.environ.get("STORAGE_BUCKET") and os.environ.get("STORAGE_ENDPOINT_URL"):
        names = ("STORAGE_BUCKET", "STORAGE_ENDPOINT_URL", "STORAGE_ACCESS_KEY_ID",
                 "STORAGE_SECRET_ACCESS_KEY", "STORAGE_REGION", "STORAGE_KEY_PREFIX")
        return {name: os.environ[name] for name in names if os.environ.get(name)}, None
    port = free_port()
    server = subprocess.Popen(
        [PY, "-c", "from moto.server import main; main()", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    environment = {
        "STORAGE_BUCKET": "storage-bench",
        "STORAGE_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "STORAGE_ACCESS_KEY_ID": "bench",
        "STORAGE_SECRET_ACCESS_KEY": "bench-secret",
        "STORAGE_KEY_PREFIX": "bench",
    }
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                stop(server)
                raise RuntimeError("moto_server did not start") from None
            time.sleep(0.1)
    boto3.client("s3", endpoint_url=environment["STORAGE_ENDPOINT_URL"], region_name="us-east-1",
                 aws_access_key_id="bench", aws_secret_access_key="bench-secret",
                 config=Config(s3={"addressing_style": "path"})
                 ).create_bucket(Bucket="storage-bench")
    return environment, server


def measure(env: dict[str, str], port: int, csv_path: Path, token: str) -> dict:
    """One import through a fresh web and worker process with ``env``; seconds and peaks."""
    web = start(env, [PY, "-m", "uvicorn", "config.asgi:application", "--port", str(port),
                      "--log-level", "warning"])
    worker = start(env, [PY, "manage.py", "rundramatiq", "--processes", "1", "--threads", "2"])
    web_peak, worker_peak = Peak(web.pid), Peak(worker.pid)
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz")
        time.sleep(3)  # let the worker boot
        seconds, job = import_once(f"http://127.0.0.1:{port}", token, csv_path)
    finally:
        web_peak.stop()
        worker_peak.stop()
        stop(web)
        stop(worker)
    return {"seconds": seconds, "job": job, "web_mb": web_peak.max_mb(),
            "worker_mb": worker_peak.max_mb()}


def main() -> None:
    """Generate the file, import it from the folder and from the bucket, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--port", type=int, default=8031)
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pi_storage_bench"))
    parser.add_argument("--redis-url", default=os.environ.get(
        "BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"))
    args = parser.parse_args()
    csv_path = generated_catalogue(args.rows)
    print(f"file: {args.rows:,} records, {csv_path.stat().st_size / 1e6:.1f} MB", flush=True)
    with tempfile.TemporaryDirectory(prefix="storage-bench-") as tmp:
        folder = Path(tmp)
        bucket, server = bucket_environment(folder)
        try:
            base = production_env(args.database_url, args.redis_url, PERIODIC_TASKS_ENABLED="1")
            base = {k: v for k, v in base.items() if not k.startswith("STORAGE_")}
            recreate_database(args.database_url, base)
            token = api_token(base)
            results = {}
            for name, extra in (("folder", {"MEDIA_ROOT": str(folder / "media")}),
                                ("bucket", {"MEDIA_ROOT": str(folder / "unused"), **bucket})):
                psql(args.database_url, "TRUNCATE products_product, imports_importjob CASCADE")
                results[name] = measure({**base, **extra}, args.port, csv_path, token)
                job = results[name]["job"]
                print(f"  {name}: {results[name]['seconds']:.2f} s, created "
                      f"{job['createdCount']:,}, errors {job['errorCount']:,}", flush=True)
        finally:
            if server is not None:
                stop(server)
    local, remote = results["folder"], results["bucket"]
    print(f"{'':24}{'folder':>10}{'bucket':>10}")
    print(f"{'import (s)':24}{local['seconds']:10.2f}{remote['seconds']:10.2f}")
    print(f"{'web peak RSS (MB)':24}{local['web_mb']:10.0f}{remote['web_mb']:10.0f}")
    print(f"{'worker peak RSS (MB)':24}{local['worker_mb']:10.0f}{remote['worker_mb']:10.0f}")
    ratio = remote["seconds"] / local["seconds"]
    print(f"bucket / folder: {ratio:.2f} (goal <= {GOAL})"
          f"{'' if ratio <= GOAL else '  OVER THE GOAL'}")


if __name__ == "__main__":
    main()
