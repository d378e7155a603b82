"""JSON Lines imports: found by content, read line by line, bad lines reported with their line."""

import gzip
import json
from pathlib import Path

import pytest

from imports.models import ImportJob, ImportRowError
from imports.pipeline.reading import find_layout, open_reader
from imports.pipeline.reading.jsonl_records import MAX_LINE_BYTES
from imports.tests.conftest import catalogue
from products.models import Product

pytestmark = pytest.mark.django_db

PRODUCTS = [
    {"sku": "LAMP-1", "name": "Desk lamp", "description": "Brass\nwith a \"shade\"",
     "active": True},
    {"sku": "CHAIR-2", "name": "Chair", "description": "", "active": False},
    {"sku": "TABLE-3", "name": "Tâble ✓", "active": "yes", "colour": "oak"},
]


def jsonl(items, *, raw_lines=()) -> bytes:
    lines = [json.dumps(item, ensure_ascii=False) for item in items] + list(raw_lines)
    return ("\n".join(lines) + "\n").encode("utf-8")


def real_file(tmp_path: Path, name: str, data: bytes) -> bytes:
    """Write the file to disk and read it back as an upload would send it."""
    path = tmp_path / name
    path.write_bytes(data)
    return path.read_bytes()


def errors_of(job: ImportJob) -> list[tuple[int, str, str]]:
    return [(e.line, e.sku, e.message) for e in ImportRowError.objects.filter(job=job)
            .order_by("line")]


def test_a_valid_jsonl_file_imports_every_product(run_import, tmp_path):
    job = run_import(real_file(tmp_path, "products.jsonl", jsonl(PRODUCTS)),
                     name="products.jsonl")

    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert job.format == "JSONL"
    assert (job.created_count, job.error_count) == (3, 0)
    assert catalogue() == {
        "LAMP-1": ("Desk lamp", 'Brass\nwith a "shade"', True),
        "CHAIR-2": ("Chair", "", False),
        "TABLE-3": ("Tâble ✓", "", True),
    }


def test_the_format_is_found_by_content_not_by_name(run_import, tmp_path):
    job = run_import(real_file(tmp_path, "export.csv", jsonl(PRODUCTS[:2])), name="export.csv")

    assert job.format == "JSONL" and job.created_count == 2


def test_a_gzip_jsonl_file_imports_the_same(run_import, tmp_path):
    data = gzip.compress(jsonl(PRODUCTS))

    job = run_import(real_file(tmp_path, "products.jsonl.gz", data), name="products.jsonl.gz")

    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert (job.format, job.compression) == ("JSONL", "gzip")
    assert sorted(catalogue()) == ["CHAIR-2", "LAMP-1", "TABLE-3"]


def test_a_broken_line_and_an_array_are_bad_rows_with_their_line(run_import, tmp_path):
    data = jsonl(PRODUCTS[:1], raw_lines=[
        '{"sku": "BROKEN", "name": "no closing brace"',   # line 2
        "",                                             # line 3, blank: skipped
        '[{"sku": "ARR", "name": "in a list"}]',        # line 4
        '{"sku": "NESTED", "name": {"en": "Chair"}}',   # line 5
        '{"sku": "LAST", "name": "Last one", "active": false}',  # line 6
    ])

    job = run_import(real_file(tmp_path, "mixed.jsonl", data), name="mixed.jsonl")

    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert (job.created_count, job.error_count, job.rows_processed) == (2, 3, 5)
    errors = errors_of(job)
    assert [(line, sku) for line, sku, _ in errors] == [(2, ""), (4, ""), (5, "NESTED")]
    assert "is not valid JSON" in errors[0][2]
    assert "is a list, not a JSON object" in errors[1][2]
    assert "name is a JSON object" in errors[2][2]
    assert ImportRowError.objects.get(line=2).raw == '{"sku": "BROKEN", "name": "no closing brace"'
    assert sorted(Product.objects.values_list("sku", flat=True)) == ["LAMP-1", "LAST"]


def test_a_huge_line_is_a_bad_row_and_a_long_description_still_imports(run_import, tmp_path):
    long_text = "x" * (2 << 20)
    too_long = json.dumps({"sku": "HUGE", "name": "Huge", "description": "y" * MAX_LINE_BYTES})
    data = jsonl([{"sku": "LONG", "name": "Long", "description": long_text}],
                 raw_lines=[too_long, '{"sku": "AFTER", "name": "After"}'])

    job = run_import(real_file(tmp_path, "huge.jsonl", data), name="huge.jsonl")

    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    [(line, _, message)] = errors_of(job)
    assert line == 2 and f"at most {MAX_LINE_BYTES:,} bytes" in message
    assert Product.objects.get(sku="LONG").description == long_text
    assert Product.objects.filter(sku="AFTER").exists()


def test_a_file_of_json_arrays_is_not_taken_for_jsonl(run_import):
    job = run_import(b'["sku", "name"]\n["A", "B"]\n', name="arrays.jsonl")

    assert job.format == "CSV"


def test_a_resumed_reader_continues_at_its_checkpoint(tmp_path):
    path = tmp_path / "resume.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(PRODUCTS, raw_lines=["", "not json"])))
    with path.open("rb") as raw:
        layout = find_layout(raw)
        reader = open_reader(raw, layout=layout)
        assert reader.header_fields() == ["sku", "name", "description", "active", "colour"]
        records = reader.records()
        first = next(records)
        checkpoint = reader.position()
        rest = list(records)
    with path.open("rb") as raw:
        resumed = list(open_reader(raw, checkpoint, layout).records())

    assert first.line == 1 and first.fields[:2] == ["LAMP-1", "Desk lamp"]
    assert [r.line for r in resumed] == [r.line for r in rest] == [2, 3, 5]
    assert resumed[1].fields == ["TABLE-3", "Tâble ✓", "", "yes", "oak"]
    assert "not valid JSON" in resumed[2].message


def test_inspecting_a_jsonl_file_shows_its_keys_and_a_preview(tmp_path):
    from imports.staging.inspection import inspect_file

    path = tmp_path / "inspect.jsonl"
    path.write_bytes(jsonl(PRODUCTS))
    with path.open("rb") as raw:
        inspection = inspect_file(raw, path.stat().st_size, {})

    assert inspection.layout.format == "JSONL"
    assert inspection.header == ["sku", "name", "description", "active", "colour"]
    assert inspection.mapping["sku"] == "sku" and inspection.mapping["active"] == "active"
    assert [row["line"] for row in inspection.details["preview"]] == [1, 2, 3]
    assert inspection.details["row_estimate"] == 3
