"""The contract's semantics: last row wins, case variants, optional columns, exact counts."""

import pytest
from django.db import connection

from imports.models import ImportJob
from products.models import Product
from products.services import create_product

from .conftest import catalogue

pytestmark = pytest.mark.django_db


def test_new_products_are_created_with_defaults(run_import):
    job = run_import(b"sku,name\nA-1,Alpha\nb-2,Beta\n")
    assert job.status == ImportJob.Status.COMPLETED
    assert (job.created_count, job.updated_count, job.unchanged_count) == (2, 0, 0)
    assert (job.rows_processed, job.error_count, job.progress) == (2, 0, 100)
    assert catalogue() == {"A-1": ("Alpha", "", True), "b-2": ("Beta", "", True)}


def test_last_row_wins_across_the_file_and_over_stored_data(run_import, settings):
    settings.IMPORT_CHUNK_ROWS = 2
    create_product(sku="keep", name="Stored", description="old", active=False)
    data = (
        b"sku,name,description\n"
        b"keep,First,d1\n"
        b"KEEP,Second,d2\n"
        b"x,X1,dx\n"
        b"Keep,Third,d3\n"
        b"x,X2,dx\n"
    )
    job = run_import(data)
    assert catalogue() == {"Keep": ("Third", "d3", False), "x": ("X2", "dx", True)}
    assert (job.created_count, job.updated_count, job.unchanged_count) == (1, 1, 0)
    assert job.rows_processed == 5


def test_case_variant_sku_updates_the_stored_case(run_import):
    create_product(sku="abc-1", name="Same")
    job = run_import(b"sku,name\nABC-1,Same\n")
    assert catalogue() == {"ABC-1": ("Same", "", True)}
    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 1, 0)


def test_unchanged_products_are_not_written(run_import):
    create_product(sku="a", name="A", description="d", active=True)
    before = Product.objects.get(sku="a").updated_at
    job = run_import(b"sku,name,description,active\na,A,d,yes\n")
    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 0, 1)
    assert Product.objects.get(sku="a").updated_at == before


def test_without_active_and_description_columns_stored_values_are_kept(run_import):
    create_product(sku="a", name="A", description="kept", active=False)
    job = run_import(b"sku,name\na,New name\nb,B\n")
    assert catalogue() == {"a": ("New name", "kept", False), "b": ("B", "", True)}
    assert (job.created_count, job.updated_count) == (1, 1)


def test_active_column_sets_active_and_inactive(run_import):
    create_product(sku="a", name="A", active=True)
    run_import(b"sku,name,active\na,A,No\nb,B,FALSE\nc,C,1\n")
    assert {s: v[2] for s, v in catalogue().items()} == {"a": False, "b": False, "c": True}


def test_counts_are_per_product_across_chunks(run_import, settings):
    settings.IMPORT_CHUNK_ROWS = 2
    create_product(sku="old-same", name="S")
    create_product(sku="old-diff", name="D")
    data = (
        b"sku,name\n"
        b"new,N1\n"        # chunk 1: created
        b"old-same,S\n"    # chunk 1: unchanged so far
        b"old-diff,D\n"    # chunk 2: unchanged so far
        b"NEW,N2\n"        # chunk 2: still one created product
        b"old-same,S2\n"   # chunk 3: now updated
        b"old-diff,D\n"    # chunk 3: unchanged
    )
    job = run_import(data)
    assert (job.created_count, job.updated_count, job.unchanged_count) == (1, 1, 1)
    assert job.rows_processed == 6
    assert catalogue()["NEW"] == ("N2", "", True)


def test_timestamps_only_move_for_changed_products(run_import):
    create_product(sku="a", name="A")
    create_product(sku="b", name="B")
    a0, b0 = (Product.objects.get(sku=s) for s in "ab")
    run_import(b"sku,name\na,A\nb,B2\nc,C\n")
    a1, b1, c1 = (Product.objects.get(sku=s) for s in "abc")
    assert a1.updated_at == a0.updated_at
    assert b1.updated_at > b0.updated_at and b1.created_at == b0.created_at
    # A product the import created was created and last changed at the same moment, after
    # the products that were there before.
    assert c1.created_at == c1.updated_at
    assert c1.created_at > b0.updated_at


def test_non_ascii_case_variants_follow_the_database_unique_index(run_import):
    job = run_import("sku,name\nÄBC,one\näbc,two\n".encode())
    # PostgreSQL's lower() folds Ä; SQLite's lower() folds ASCII letters only.
    expected = 1 if connection.vendor == "postgresql" else 2
    assert Product.objects.count() == expected == job.created_count
    assert job.status == ImportJob.Status.COMPLETED


def test_text_with_copy_format_characters_is_stored_as_written(run_import, settings):
    # PostgreSQL's writer stages rows in COPY's text format: tabs, backslashes, line ends,
    # "\N" (its NULL) and "\." (its old end marker) must come back exactly as in the file.
    settings.IMPORT_CHUNK_ROWS = 2
    tricky = {
        "t-1": ("Tab\there", "back\\slash \\n not a newline"),
        "t-2": ("\\N", "\\."),
        "t-3": ("Line\\r", "first\r\nsecond\nthird\rfourth"),
        "t-4": ("Ünïcode\tand tab", "\\\\ two backslashes\t\ttwo tabs"),
        "t-5": ("plain", ""),
    }
    lines = ["sku,name,description"] + [
        f'{sku},"{name}","{description}"' for sku, (name, description) in tricky.items()
    ]
    job = run_import("\n".join(lines).encode())
    assert job.status == ImportJob.Status.COMPLETED
    assert (job.created_count, job.error_count) == (5, 0)
    assert {sku: (name, d) for sku, (name, d, _) in catalogue().items()} == tricky
    again = run_import("\n".join(lines).encode())
    assert (again.unchanged_count, again.updated_count) == (5, 0)
