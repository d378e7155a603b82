"""The SQL of each PostgreSQL write mode, pinned as text (built without a database).

A change to these statements changes what every production import does to the product
table and the change log; it must show here. Whitespace is not compared.
"""

from imports.pipeline.rules import ProductRow
from imports.pipeline.writers import postgresql
from imports.pipeline.writers import postgresql_sql as sql

ALL_COLUMNS = sql.staged_columns(description=True, active=True)
SKU_AND_NAME = sql.staged_columns(description=False, active=False)

DROP_UNCHANGED = """
DELETE FROM import_stage s USING products_product q
WHERE lower(q.sku) = lower(s.sku)
AND NOT ((q.sku, q.name, q.description, q.active) IS DISTINCT FROM
         (s.sku, s.name, s.description, s.active))
"""

LOG_UPDATES = """
WITH old AS (
  SELECT s.line, q.id, s.sku,
    CASE WHEN s.name IS DISTINCT FROM q.name THEN s.name END AS after_name,
    CASE WHEN s.description IS DISTINCT FROM q.description THEN s.description END
      AS after_description,
    CASE WHEN s.active IS DISTINCT FROM q.active THEN s.active END AS after_active,
    q.sku AS before_sku, q.name AS before_name, q.description AS before_description,
    q.active AS before_active, q.last_import_id AS before_import_id,
    q.last_import_line AS before_import_line
  FROM import_stage s JOIN products_product q ON lower(q.sku) = lower(s.sku)
  WHERE (q.sku, q.name, q.description, q.active) IS DISTINCT FROM
        (s.sku, s.name, s.description, s.active)
  FOR UPDATE OF q)
INSERT INTO imports_importchange (job_id, kind, line, product_id, sku, after_name,
  after_description, after_active, before_sku, before_name, before_description,
  before_active, before_import_id, before_import_line)
SELECT %s, 2, line, id, sku, after_name, after_description, after_active, before_sku,
  before_name, before_description, before_active, before_import_id, before_import_line
FROM old
"""

UPSERT_HEAD = """
INSERT INTO products_product AS p (sku, name, description, active, created_at, updated_at,
  last_import_id, last_import_line, created_by_import_id, search_vector, description_vector,
  import_hash)
"""

LOGGED_UPSERT = f"""
WITH written AS ({UPSERT_HEAD}
  SELECT sku, name, description, active, statement_timestamp(), statement_timestamp(), j.id,
    line, j.id, search_vector::tsvector, description_vector::tsvector, import_hash
    FROM import_stage s
    CROSS JOIN (SELECT %s::bigint AS id) j
  ON CONFLICT (lower(sku)) DO UPDATE SET sku = EXCLUDED.sku, name = EXCLUDED.name,
    description = EXCLUDED.description, active = EXCLUDED.active,
    search_vector = EXCLUDED.search_vector, description_vector = EXCLUDED.description_vector,
    import_hash = EXCLUDED.import_hash,
    updated_at = EXCLUDED.updated_at,
    last_import_id = EXCLUDED.last_import_id, last_import_line = EXCLUDED.last_import_line
  WHERE (p.sku, p.name, p.description, p.active) IS DISTINCT FROM
        (EXCLUDED.sku, EXCLUDED.name, EXCLUDED.description, EXCLUDED.active)
  RETURNING p.id, lower(p.sku) AS k, xmax = 0 AS inserted, p.active, p.sku,
    p.last_import_line AS line),
created AS (INSERT INTO imports_importchange (job_id, kind, line, product_id, sku)
  SELECT %s, 1, line, id, sku FROM written WHERE inserted)
SELECT w.k, w.inserted, w.active, b.active FROM written w
LEFT JOIN products_product b ON lower(b.sku) = w.k
"""

# A file with only sku and name, no change log: no old `active`, no CREATED entries; a new
# product gets an empty description and is active; the stored search vectors are kept.
UNLOGGED_UPSERT_SKU_AND_NAME = f"""
WITH written AS ({UPSERT_HEAD}
  SELECT sku, name, '', true, statement_timestamp(), statement_timestamp(), j.id,
    line, j.id, search_vector::tsvector, description_vector::tsvector, import_hash
    FROM import_stage s
    CROSS JOIN (SELECT %s::bigint AS id) j
  ON CONFLICT (lower(sku)) DO UPDATE SET sku = EXCLUDED.sku, name = EXCLUDED.name,
    import_hash = EXCLUDED.import_hash, updated_at = EXCLUDED.updated_at,
    last_import_id = EXCLUDED.last_import_id, last_import_line = EXCLUDED.last_import_line
  WHERE (p.sku, p.name) IS DISTINCT FROM (EXCLUDED.sku, EXCLUDED.name)
  RETURNING p.id, lower(p.sku) AS k, xmax = 0 AS inserted, p.active, p.sku,
    p.last_import_line AS line)
SELECT w.k, w.inserted, w.active, NULL::boolean FROM written w
"""

FIRST_IMPORT_INSERT = f"""
WITH written AS ({UPSERT_HEAD}
  SELECT sku, name, description, active, statement_timestamp(), statement_timestamp(), j.id,
    line, j.id, search_vector::tsvector, description_vector::tsvector, import_hash
    FROM import_stage s
    CROSS JOIN (SELECT %s::bigint AS id) j
  RETURNING id, sku, active, last_import_line AS line),
created AS (INSERT INTO imports_importchange (job_id, kind, line, product_id, sku)
  SELECT %s, 1, line, id, sku FROM written)
SELECT active, count(*) FROM written GROUP BY active
"""


def flat(text: str) -> str:
    """`text` with every run of whitespace one space, and none just inside parentheses."""
    return " ".join(text.split()).replace("( ", "(").replace(" )", ")")


class Recorder:
    """A cursor that records statements and answers like an empty result."""

    rowcount = 0

    def __init__(self) -> None:
        self.statements: list[tuple[str, list | None]] = []

    def execute(self, statement: str, params: list | None = None) -> None:
        self.statements.append((flat(statement), params))

    def fetchall(self) -> list:
        return []


def test_the_unchanged_rows_are_dropped_from_the_stage_by_one_delete():
    assert flat(sql.drop_unchanged(ALL_COLUMNS)) == flat(DROP_UNCHANGED)


def test_the_write_with_the_change_log_drops_unchanged_rows_logs_before_values_then_upserts():
    cursor = Recorder()

    postgresql._write_logged(cursor, ALL_COLUMNS, True, True, job_id=7)

    assert cursor.statements == [
        (flat(DROP_UNCHANGED), None),
        (flat(LOG_UPDATES), [7]),
        (flat(LOGGED_UPSERT), [7, 7]),
    ]


def test_the_write_without_the_change_log_drops_unchanged_rows_then_upserts():
    cursor = Recorder()

    postgresql._write_unlogged(cursor, SKU_AND_NAME, False, False, job_id=7)

    assert cursor.statements == [
        (flat(DROP_UNCHANGED.replace(", q.description, q.active", "")
              .replace(", s.description, s.active", "")), None),
        (flat(UNLOGGED_UPSERT_SKU_AND_NAME), [7]),
    ]


def test_a_first_import_inserts_every_staged_row_with_its_created_entry():
    assert flat(sql.insert_new(description=True, active=True)) == flat(FIRST_IMPORT_INSERT)


def test_a_file_without_description_and_active_logs_no_after_values_for_them():
    statement = flat(sql.log_updates(SKU_AND_NAME, description=False, active=False))

    assert "NULL::text AS after_description, NULL::boolean AS after_active" in statement
    assert "WHERE (q.sku, q.name) IS DISTINCT FROM (s.sku, s.name) FOR UPDATE OF q" in statement


def test_a_chunk_with_some_keys_stored_inserts_the_others_plainly_and_upserts_the_rest():
    rows = {k: ProductRow(n, k.upper(), "Name", "line one\nline two", True)
            for n, k in enumerate(["c", "a", "d", "b"], 2)}

    parts = postgresql._parts(rows, probe=True, fill=True, stored={"a": 1, "d": None})

    assert [(sorted(part), probe, fill) for part, probe, fill in parts] == [
        (["b", "c"], False, False), (["a", "d"], True, True)]
    assert postgresql._parts(rows, True, False, stored={}) == [(rows, False, False)]
    assert postgresql._parts(rows, True, False, stored=dict.fromkeys(rows, 1)) == [
        (rows, True, False)]
    assert postgresql._parts(rows, True, False, stored=None) == [(rows, True, False)]
    assert postgresql._parts(rows, False, False, stored={"a": 1}) == [(rows, False, False)]


def test_the_copy_text_of_part_of_a_chunk_is_cut_from_the_whole_chunks_text():
    rows = {k: ProductRow(n, k.upper(), f"Name\t{k}", "line one\nline two", True)
            for n, k in enumerate(["c", "a", "b"], 2)}
    whole = postgresql.stage_text(rows, True, True).encode()

    part = postgresql.subset_text(rows, whole, {"c", "a"})

    assert part == postgresql.stage_text({k: rows[k] for k in ("a", "c")}, True, True).encode()


def test_copy_fields_escape_backslash_newline_return_and_tab_once():
    assert postgresql._field("plain text") == "plain text"
    assert postgresql._field("a\\b") == "a\\\\b"
    assert postgresql._field("line 1\nline 2\r\nend\tx") == "line 1\\nline 2\\r\\nend\\tx"
    assert postgresql._field("\\n is not a newline") == "\\\\n is not a newline"


def test_few_keys_are_probed_one_by_one_and_many_left_to_the_planner():
    assert "CROSS JOIN LATERAL" in sql.stored_hashes(1000)
    assert "OFFSET 0" in sql.stored_hashes(sql.PROBE_MAX_KEYS)
    assert "= ANY(%s)" in sql.stored_hashes(sql.PROBE_MAX_KEYS + 1)
