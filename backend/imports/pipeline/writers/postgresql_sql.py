"""The PostgreSQL writer's statements, built as text from which columns the file has.

Pure functions, so a test pins each write mode's SQL without a database. Every `%s` is the
import job's id. `description` / `active`: whether the file has that column (a column it
lacks is neither staged nor written; a new product gets '' and true).
"""

from __future__ import annotations

from products.import_hash import COLUMN as HASH
from products.search_document import COLUMN as VECTOR
from products.search_document import DESCRIPTION_COLUMN as DESCRIPTION_VECTOR

from .change_log import COLUMNS, CREATED, LOG_TABLE, UPDATED
from .stored import TABLE

STAGE = "import_stage"

CREATE_STAGE = (
    f"CREATE TEMP TABLE IF NOT EXISTS {STAGE} (sku text NOT NULL, name text NOT NULL, "
    f"description text, active boolean, line bigint NOT NULL, {VECTOR} text, "
    f"{DESCRIPTION_VECTOR} text, {HASH} bigint) "
    "ON COMMIT DELETE ROWS"
)
EMPTY_STAGE = f"TRUNCATE {STAGE}"  # empty already, unless inside an outer transaction
# One round trip: the stage made (once per session) and emptied.
READY_STAGE = f"{CREATE_STAGE}; {EMPTY_STAGE}"

# The stage has no statistics and the product table's are often stale (it grows by the import
# itself), so the planner tends to hash the WHOLE product table for the probes, once per
# chunk. Index probes per staged row are what we want: allow only nested loops for the
# chunk's statements (this returns the settings before), then put the settings back.
NESTED_LOOPS_ONLY = (
    "SELECT current_setting('enable_hashjoin'), current_setting('enable_mergejoin'), "
    "set_config('enable_hashjoin', 'off', true), "
    "set_config('enable_mergejoin', 'off', true)"
)
RESTORE_JOINS = (
    "SELECT set_config('enable_hashjoin', %s, true), "
    "set_config('enable_mergejoin', %s, true)"
)


def staged_columns(description: bool, active: bool) -> list[str]:
    """The product columns the stage holds for a file (besides line and search vectors)."""
    return ["sku", "name"] + ["description"] * description + ["active"] * active


def copy_stage(columns: list[str], hashed: bool = False) -> str:
    """COPY of the chunk's text (see `postgresql.stage_text`) into the stage; `hashed`: the
    text ends with each row's import hash."""
    tail = f", {HASH}" if hashed else ""
    return (
        f"COPY {STAGE} (line, {', '.join(columns)}, {VECTOR}, {DESCRIPTION_VECTOR}{tail}) "
        "FROM STDIN"
    )


# Up to this many keys are looked up by one index probe each: an API call's 1,000 keys
# against a catalogue of 30,000 took 18 ms as the planner's sequential scan (its statistics
# lag a growing table) and 4-7 ms as probes, and the scan grows with the catalogue. A
# larger lookup (a file's chunk of 25,000) is left to the planner.
PROBE_MAX_KEYS = 2000


def stored_hashes(keys: int) -> str:
    """The stored import hash of each product among `keys` keys (lower-cased SKUs, one
    array parameter): (key, hash) rows, hash NULL when the product has none. Few keys are
    probed one by one in the key index (a lateral subquery the planner cannot turn into a
    scan of the table); more are one `= ANY` condition."""
    if keys <= PROBE_MAX_KEYS:
        return (f"SELECT k, p.{HASH} FROM unnest(%s::text[]) AS k CROSS JOIN LATERAL "
                f"(SELECT {HASH} FROM {TABLE} WHERE lower(sku) = k OFFSET 0) AS p")
    return f"SELECT lower(sku), {HASH} FROM {TABLE} WHERE lower(sku) = ANY(%s)"


def fill_missing_hashes(columns: list[str]) -> str:
    """Give the staged hash to the stored products that have none and hold these values
    already (written before hashes existed, or edited back to them): only the hash column
    changes, so later imports of the same values skip them."""
    return (
        f"UPDATE {TABLE} q SET {HASH} = s.{HASH} FROM {STAGE} s "
        f"WHERE lower(q.sku) = lower(s.sku) AND q.{HASH} IS NULL "
        f"AND NOT ({_stored_differs(columns)})"
    )


def _stored_differs(columns: list[str]) -> str:
    """Whether a stored product `q` holds other values than its staged row `s`."""
    return (
        f"({', '.join('q.' + c for c in columns)}) IS DISTINCT FROM "
        f"({', '.join('s.' + c for c in columns)})"
    )


def drop_unchanged(columns: list[str]) -> str:
    """DELETE from the stage the rows whose product already holds exactly these values."""
    return (
        f"DELETE FROM {STAGE} s USING {TABLE} q WHERE lower(q.sku) = lower(s.sku) "
        f"AND NOT ({_stored_differs(columns)})"
    )


def log_updates(columns: list[str], description: bool, active: bool) -> str:
    """Lock the stored products the stage changes and log their before-values (UPDATED)."""
    after_description = (
        "CASE WHEN s.description IS DISTINCT FROM q.description THEN s.description END"
        if description
        else "NULL::text"
    )
    after_active = (
        "CASE WHEN s.active IS DISTINCT FROM q.active THEN s.active END"
        if active
        else "NULL::boolean"
    )
    return (
        f"WITH old AS (SELECT s.line, q.id, s.sku, "
        "CASE WHEN s.name IS DISTINCT FROM q.name THEN s.name END AS after_name, "
        f"{after_description} AS after_description, {after_active} AS after_active, "
        "q.sku AS before_sku, q.name AS before_name, q.description AS before_description, "
        "q.active AS before_active, q.last_import_id AS before_import_id, "
        "q.last_import_line AS before_import_line "
        f"FROM {STAGE} s JOIN {TABLE} q ON lower(q.sku) = lower(s.sku) "
        f"WHERE {_stored_differs(columns)} FOR UPDATE OF q) "
        f"INSERT INTO {LOG_TABLE} ({', '.join(COLUMNS)}) "
        f"SELECT %s, {UPDATED}, line, id, sku, after_name, after_description, after_active, "
        "before_sku, before_name, before_description, before_active, before_import_id, "
        "before_import_line FROM old"
    )


def _insert_staged(description: bool, active: bool) -> str:
    """Every staged row as a new product (the head of the upsert and of a first import's
    plain INSERT), with its import hash."""
    # The job's id (the one `%s`) is both the provenance and the creator of a new product.
    return (
        f"INSERT INTO {TABLE} AS p (sku, name, description, active, created_at, updated_at, "
        f"last_import_id, last_import_line, created_by_import_id, {VECTOR}, "
        f"{DESCRIPTION_VECTOR}, {HASH}) "
        f"SELECT sku, name, {'description' if description else chr(39) * 2}, "
        f"{'active' if active else 'true'}, statement_timestamp(), statement_timestamp(), "
        f"j.id, line, j.id, {VECTOR}::tsvector, {DESCRIPTION_VECTOR}::tsvector, {HASH} "
        f"FROM {STAGE} s "
        "CROSS JOIN (SELECT %s::bigint AS id) j "
    )


def upsert(columns: list[str], description: bool, active: bool, log: bool) -> str:
    """INSERT ... ON CONFLICT DO UPDATE of the staged rows that differ, returning (key,
    inserted, active, active before) per written product; with `log`, also the new products'
    CREATED entries (a second `%s`)."""
    # The staged search vector is the text's only when the file has every text column;
    # otherwise the update keeps the stored one and the trigger recomputes it. The staged
    # description vector is written with the description (a file without one changes neither).
    # The staged hash replaces the stored one, which described values this update changes.
    updates = ", ".join(
        f"{c} = EXCLUDED.{c}"
        for c in columns + [VECTOR, DESCRIPTION_VECTOR] * description + [HASH]
    )
    differs = (
        f"({', '.join('p.' + c for c in columns)}) IS DISTINCT FROM "
        f"({', '.join('EXCLUDED.' + c for c in columns)})"
    )
    # The product table read by the outer query (the statement's snapshot, so the values
    # from before this INSERT) gives the old `active` of updated rows for the counts: one
    # probe of the key index per written row.
    old_active = "b.active" if active else "NULL::boolean"
    join_before = f"LEFT JOIN {TABLE} b ON lower(b.sku) = w.k" if active else ""
    created = (
        f"created AS (INSERT INTO {LOG_TABLE} (job_id, kind, line, product_id, sku) "
        f"SELECT %s, {CREATED}, line, id, sku FROM written WHERE inserted) "
        if log
        else ""
    )
    return (
        f"WITH written AS ({_insert_staged(description, active)}"
        f"ON CONFLICT (lower(sku)) DO UPDATE SET {updates}, updated_at = EXCLUDED.updated_at, "
        "last_import_id = EXCLUDED.last_import_id, "
        "last_import_line = EXCLUDED.last_import_line "
        f"WHERE {differs} RETURNING p.id, lower(p.sku) AS k, xmax = 0 AS inserted, p.active, "
        f"p.sku, p.last_import_line AS line){', ' if log else ' '}{created}"
        f"SELECT w.k, w.inserted, w.active, {old_active} FROM written w {join_before}"
    )


def insert_new(description: bool, active: bool) -> str:
    """A first import's plain INSERT of every staged row with its CREATED entry (a second
    `%s`), returning how many new products are active and inactive."""
    return (
        f"WITH written AS ({_insert_staged(description, active)}"
        "RETURNING id, sku, active, last_import_line AS line), "
        f"created AS (INSERT INTO {LOG_TABLE} (job_id, kind, line, product_id, sku) "
        f"SELECT %s, {CREATED}, line, id, sku FROM written) "
        "SELECT active, count(*) FROM written GROUP BY active"
    )
