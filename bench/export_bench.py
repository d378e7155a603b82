#!/usr/bin/env python3
"""Time and peak memory of exporting 1,000,000 products as CSV and as XLSX (production mode).

    .venv/bin/python bench/export_bench.py [--rows 1000000] [--keep]

Makes a database of its own (``pi_export_bench`` on 127.0.0.1:5432 unless
``BENCH_DATABASE_URL``), migrates it, writes a catalogue with
``../shared/data/make_products_csv.py`` (cached in ``bench/out/``, never committed) and loads
``--rows`` distinct products with ``COPY`` as ``bench/products_bench.py`` does. Then, for each
format, a fresh worker-like process (Django set up in production mode) records an export of
every product and runs the export actor's code on it (``exports.runner.run``), and prints
the time, rows, file size, the process's resident memory before the export and its peak
(VmHWM) after.
"""

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg2

from benchlib import PY, REPO, generated_catalogue, production_env, recreate_database

DB_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pi_export_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")

EXPORT = """
import json, time, django
django.setup()
from django.contrib.auth import get_user_model
from exports import runner, services
from exports.models import ExportJob

def status(key):
    for line in open('/proc/self/status'):
        if line.startswith(key):
            return int(line.split()[1]) / 1024

user, _ = get_user_model().objects.get_or_create(username='bench')
job = services.submit_export(user, '{fmt}', {{}})
before = status('VmRSS')
started = time.perf_counter()
runner.run(job.pk)
elapsed = time.perf_counter() - started
job = ExportJob.objects.get(pk=job.pk)
print(json.dumps({{'status': job.status, 'error': job.error_message, 'rows': job.row_count,
                  'bytes': job.file_size, 'seconds': elapsed, 'rss_before_mb': before,
                  'peak_rss_mb': status('VmHWM')}}))
"""


def catalogue(rows: int) -> Path:
    """The generated CSV with enough records for ``rows`` distinct SKUs (made once)."""
    return generated_catalogue(int(rows * 1.1))


def load(path: Path, rows: int) -> int:
    """COPY the CSV in and keep ``rows`` products (last row per lower(sku)); return the count."""
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
        cursor.execute(
            """
            INSERT INTO products_product (sku, name, description, active, created_at, updated_at)
            SELECT sku, name, description, random() > 0.1, now(), now()
            FROM (SELECT DISTINCT ON (lower(sku)) * FROM staging ORDER BY lower(sku), n DESC) s
            LIMIT %s
            """,
            (rows,),
        )
        count = cursor.rowcount
        if count < rows:  # the generator repeats ~10% of SKUs: top up with plain products
            cursor.execute(
                """
                INSERT INTO products_product
                    (sku, name, description, active, created_at, updated_at)
                SELECT 'bench-extra-' || g, 'Extra product ' || g, 'Added to reach the count',
                       true, now(), now()
                FROM generate_series(1, %s) g
                """,
                (rows - count,),
            )
            count += cursor.rowcount
    conn = psycopg2.connect(DB_URL)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE products_product")
    conn.close()
    print(f"loaded {count:,} products in {time.perf_counter() - started:.1f} s", flush=True)
    return count


def export(fmt: str, env: dict[str, str]) -> dict:
    """Run one export in a fresh process; return its figures."""
    done = subprocess.run(
        [PY, "-c", EXPORT.format(fmt=fmt)], cwd=REPO / "backend", env=env, check=True,
        capture_output=True, text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()

    media = Path(tempfile.mkdtemp(prefix="export-bench-"))
    env = production_env(DB_URL, REDIS_URL, MEDIA_ROOT=str(media),
                         DJANGO_SETTINGS_MODULE="config.settings")
    try:
        recreate_database(DB_URL, env)
        count = load(catalogue(args.rows), args.rows)
        for fmt in ("CSV", "XLSX"):
            r = export(fmt, env)
            print(
                f"{fmt:4}: {r['status']} {r['rows']:,} products in {r['seconds']:.1f} s "
                f"({r['rows'] / r['seconds']:,.0f}/s), file {r['bytes'] / 1e6:.0f} MB, "
                f"worker RSS {r['rss_before_mb']:.0f} MB before, peak {r['peak_rss_mb']:.0f} MB"
                + (f" -- {r['error']}" if r["error"] else ""),
                flush=True,
            )
            assert r["rows"] == count, "every product must be exported"
    finally:
        shutil.rmtree(media, ignore_errors=True)
        if not args.keep:
            base, name = DB_URL.rsplit("/", 1)
            admin = psycopg2.connect(f"{base}/postgres")
            admin.autocommit = True
            with admin.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()


if __name__ == "__main__":
    main()
