"""The embedded mode's reference: a raw SQLite load of the file, then the FTS5 indexes.

The product table, its indexes and its two FTS5 tables are created from the definitions of
a database migrated by the project (read from its ``sqlite_master``), in a fresh file with
the project's connection settings (WAL, ``synchronous=NORMAL``). The rows are loaded with
``executemany`` in one transaction (the last row of each SKU wins, as in an import), then
both FTS5 indexes are built with ``rebuild``. No change log, no provenance, no checks.
"""

from __future__ import annotations

import csv
import sqlite3
import time
from pathlib import Path

TABLE = "products_product"


def _definitions(app_db: Path) -> tuple[list[str], list[str]]:
    """The product table with its indexes and views, and its FTS5 tables (over the table or
    one of its views), as the migrations made them."""
    source = sqlite3.connect(app_db)
    try:
        rows = source.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
            "(tbl_name = ? OR type = 'view' OR sql LIKE 'CREATE VIRTUAL TABLE%') "
            "ORDER BY type = 'index', type = 'view'",
            [TABLE],
        ).fetchall()
    finally:
        source.close()
    views = [name for kind, name, sql in rows if kind == "view" and TABLE in sql]
    tables = [sql for kind, name, sql in rows
              if (kind in ("table", "index") and "VIRTUAL" not in sql) or name in views]
    fts = [sql for _, _, sql in rows if sql.startswith("CREATE VIRTUAL TABLE")
           and any(f"content='{name}'" in sql.replace('"', "'") for name in [TABLE, *views])]
    return tables, fts


def raw_load(csv_path: Path, app_db: Path, target: Path) -> tuple[float, float]:
    """Seconds to load the file into a fresh copy of the table, and to build the FTS5 indexes."""
    tables, fts = _definitions(app_db)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    db = sqlite3.connect(target, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    for sql in tables:
        db.execute(sql)
    started = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    now = "2026-01-01 00:00:00"
    with csv_path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        db.executemany(
            f"INSERT INTO {TABLE} (sku, name, description, active, created_at, updated_at) "
            "VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (lower(sku)) DO UPDATE SET "
            "sku = excluded.sku, name = excluded.name, description = excluded.description",
            (
                (row["sku"], row["name"], row.get("description") or "", now, now)
                for row in reader
                if row.get("sku") and row.get("name")
            ),
        )
    db.execute("COMMIT")
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    for sql in fts:
        db.execute(sql)
        name = sql.split()[3]
        db.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
    db.execute("COMMIT")
    indexed = time.perf_counter() - started
    db.close()
    return loaded, indexed
