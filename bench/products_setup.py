"""The products benchmark's catalogue: where it runs (production or embedded mode) and how a
generated file is loaded into the product table, as an import would leave it.
"""

import csv
import os
import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg2

from benchlib import OUT, generated_catalogue, production_env, recreate_database
from benchlib import manage as benchlib_manage

PORT = int(os.environ.get("BENCH_PORT", "8005"))
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pi_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")
EMBEDDED_DIR = Path(os.environ.get("BENCH_EMBEDDED_DIR", str(OUT / "embedded")))
INACTIVE_SHARE = 0.05


class Mode:
    """Where the bench runs: its environment, loader and sampler."""

    embedded = False

    def env(self) -> dict[str, str]:
        """The environment of the server and manage.py commands (one client asking as fast
        as it can: the per-client budget is off, the cost limit stays)."""
        if self.embedded:
            clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
            return clean | {
                "DATA_DIR": str(EMBEDDED_DIR),
                "LOG_LEVEL": "WARNING",
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "GRAPHQL_BUDGET_CAPACITY": "0",
            }
        return production_env(DB_URL, REDIS_URL, GRAPHQL_BUDGET_CAPACITY="0")

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
    return generated_catalogue(rows)


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
