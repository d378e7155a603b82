"""Import modes (UPSERT, UPDATE_ONLY, CREATE_ONLY) and empty cells (CLEAR, KEEP)."""

import pytest
from django.core.exceptions import ValidationError

from imports.models import ImportJob, ImportSkip
from products.services import create_product

from .conftest import catalogue

pytestmark = pytest.mark.django_db

FILE = b"sku,name,description\na,Alpha 2,new a\nnew-1,New,fresh\n"


def adds_up(job: ImportJob) -> bool:
    return job.rows_processed == (
        job.created_count + job.updated_count + job.unchanged_count + job.replaced_count
        + job.skipped_count + job.error_count
    )


def skips(job: ImportJob) -> list[tuple]:
    return list(ImportSkip.objects.filter(job=job).values_list("line", "sku", "reason"))


def test_update_only_never_creates_a_product(run_import):
    create_product(sku="a", name="Alpha", description="old")
    job = run_import(FILE, options={"mode": "UPDATE_ONLY"})
    assert catalogue() == {"a": ("Alpha 2", "new a", True)}
    assert (job.updated_count, job.created_count, job.skipped_count) == (1, 0, 1)
    assert skips(job) == [(3, "new-1", "NOT_FOUND")]
    assert adds_up(job)


def test_create_only_leaves_known_products_as_they_are(run_import):
    create_product(sku="a", name="Alpha", description="old")
    job = run_import(FILE, options={"mode": "CREATE_ONLY"})
    assert catalogue() == {"a": ("Alpha", "old", True), "new-1": ("New", "fresh", True)}
    assert (job.created_count, job.updated_count, job.skipped_count) == (1, 0, 1)
    assert skips(job) == [(2, "a", "EXISTS")]
    assert adds_up(job)


def test_upsert_is_the_default(run_import):
    create_product(sku="a", name="Alpha", description="old")
    job = run_import(FILE)
    assert job.mode == "UPSERT"
    assert catalogue() == {"a": ("Alpha 2", "new a", True), "new-1": ("New", "fresh", True)}
    assert (job.created_count, job.updated_count, job.skipped_count) == (1, 1, 0)


def test_a_dry_run_counts_the_skips_and_writes_nothing(run_import):
    create_product(sku="a", name="Alpha", description="old")
    job = run_import(FILE, options={"mode": "UPDATE_ONLY"}, dry_run=True)
    assert catalogue() == {"a": ("Alpha", "old", True)}
    assert (job.updated_count, job.skipped_count) == (1, 1)
    assert skips(job) == [(3, "new-1", "NOT_FOUND")]
    assert adds_up(job)


def test_update_only_with_a_partial_file_skips_unknown_skus(run_import):
    create_product(sku="a", name="Alpha")
    job = run_import(b"sku,active\na,0\nghost,1\n", options={"mode": "UPDATE_ONLY"})
    assert catalogue() == {"a": ("Alpha", "", False)}
    assert (job.updated_count, job.skipped_count, job.error_count) == (1, 1, 0)


def test_empty_cells_clear_by_default(run_import):
    create_product(sku="a", name="Alpha", description="old", active=False)
    run_import(b"sku,name,description,active\na,Alpha,,yes\n")
    assert catalogue() == {"a": ("Alpha", "", True)}


def test_empty_cells_keep_the_stored_values(run_import):
    create_product(sku="a", name="Alpha", description="old", active=False)
    create_product(sku="b", name="Beta", description="b old")
    data = b"sku,name,description,active\na,,,\nb,Beta 2,,no\nc,Gamma,,\nd,,text,\n"
    job = run_import(data, options={"empty_cells": "KEEP"})
    assert catalogue() == {
        "a": ("Alpha", "old", False), "b": ("Beta 2", "b old", False),
        "c": ("Gamma", "", True),
    }
    assert (job.unchanged_count, job.updated_count, job.created_count) == (1, 1, 1)
    assert [(e.line, e.message) for e in job.errors.all()] == [
        (5, "SKU d is new; a name is needed to create it")]
    assert adds_up(job)


@pytest.mark.parametrize(
    ("options", "field", "code"),
    [
        ({"mode": "MERGE"}, "mode", "unknown_mode"),
        ({"missing": "DELETE", "missing_scope": "SOURCE"}, "source", "source_required"),
        ({"max_removal_percent": 120}, "maxRemovalPercent", "out_of_range"),
        ({"max_removal_percent": -1}, "maxRemovalPercent", "out_of_range"),
        ({"empty_cells": "SOMETIMES"}, "emptyCells", "unknown_empty_cells"),
    ],
)
def test_bad_options_are_refused_before_anything_is_written(submit, options, field, code):
    with pytest.raises(ValidationError) as info:
        submit(FILE, options=options)
    assert info.value.error_dict[field][0].code == code
    assert not ImportJob.objects.exists()
