"""Partial files: only a SKU column is required; a new SKU needs a name."""

import pytest

from imports.models import ImportJob
from products.services import create_product

from .conftest import catalogue
from .test_errors_csv import read_stream

pytestmark = pytest.mark.django_db


def test_a_sku_active_file_updates_only_active(run_import):
    create_product(sku="a", name="Alpha", description="kept", active=True)
    create_product(sku="b", name="Beta", description="also kept", active=False)
    job = run_import(b"sku,active\na,no\nB,yes\n")
    assert job.status == ImportJob.Status.COMPLETED
    assert catalogue() == {"a": ("Alpha", "kept", False), "B": ("Beta", "also kept", True)}
    assert (job.created_count, job.updated_count, job.error_count) == (0, 2, 0)


def test_a_new_sku_without_a_name_is_a_bad_row_in_errors_csv(run_import, gql_client):
    create_product(sku="a", name="Alpha", description="old")
    job = run_import(b"sku,description\na,new text\nz-9,lonely\n")
    assert catalogue() == {"a": ("Alpha", "new text", True)}
    assert (job.updated_count, job.error_count, job.rows_processed) == (1, 1, 2)
    error = job.errors.get()
    assert (error.line, error.sku, error.raw) == (3, "z-9", "z-9,lonely")
    assert error.message == "SKU z-9 is new; a name is needed to create it"
    body = read_stream(gql_client.client.get(f"/imports/{job.pk}/errors.csv"))
    assert "z-9,lonely" in body and "a name is needed to create it" in body


def test_a_file_without_a_sku_column_still_fails(run_import):
    job = run_import(b"name,active\nAlpha,yes\n")
    assert job.status == ImportJob.Status.FAILED
    assert "no 'sku' column" in job.error_message


def test_a_partial_file_with_a_title_line_finds_its_header(run_import):
    create_product(sku="a", name="Alpha")
    job = run_import(b"Stock levels 2024\nsku,active\na,0\n")
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert catalogue() == {"a": ("Alpha", "", False)}
