"""Raw ``psql`` loads of a catalogue file, the baselines the import benchmark compares with."""

from __future__ import annotations

import csv
import subprocess
import time
from pathlib import Path

# The stored search columns, computed as the product table's triggers compute them.
SEARCH_DOCUMENT = (
    "strip(to_tsvector('simple'::regconfig, regexp_replace(products_unaccent("
    "sku || ' ' || name || ' ' || description), '[^[:alnum:]]+', ' ', 'g')))"
)
DESCRIPTION_DOCUMENT = (
    "strip(to_tsvector('simple'::regconfig, regexp_replace(products_unaccent("
    "description), '[^[:alnum:]]+', ' ', 'g')))"
)


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
    file, untimed (the upsert into a filled table). The stored search columns are computed by
    the database in the load (as the project's triggers would) unless `search` is off (the
    floor, which has no search and drops the columns)."""
    psql(url, f"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} "
              "(LIKE products_product INCLUDING DEFAULTS INCLUDING IDENTITY)")
    for statement in indexes:
        psql(url, statement)
    vector = psql(url, "SELECT 1 FROM information_schema.columns WHERE table_name = "
                       f"'{table}' AND column_name = 'search_vector'").strip()
    if vector and not search:
        psql(url, f"ALTER TABLE {table} DROP COLUMN search_vector, "
                  "DROP COLUMN IF EXISTS description_vector")
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
        (", search_vector, description_vector", f", {SEARCH_DOCUMENT}, {DESCRIPTION_DOCUMENT}",
         ", search_vector = EXCLUDED.search_vector, "
         "description_vector = EXCLUDED.description_vector")
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
