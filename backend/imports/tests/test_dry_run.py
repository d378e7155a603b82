"""A dry run reads and validates everything, reports the same counts and errors, writes nothing."""

import pytest

from imports.models import ImportRowError
from products.models import Product
from products.services import create_product

from .conftest import catalogue, sample_csv

pytestmark = pytest.mark.django_db


def outcome(job):
    errors = list(ImportRowError.objects.filter(job=job).values_list("line", "sku", "message"))
    counts = (job.status, job.rows_processed, job.created_count, job.updated_count,
              job.unchanged_count, job.error_count)
    return counts, errors


def test_dry_run_reports_what_a_real_run_does(run_import, settings):
    settings.IMPORT_CHUNK_ROWS = 37  # SKUs repeat across many chunks
    for i in range(0, 300, 3):
        create_product(sku=f"sku-{i}", name="Name 1", description="plain 1", active=False)
    before = catalogue()
    data = sample_csv(2000)

    dry = run_import(data, dry_run=True)
    assert catalogue() == before
    assert dry.dry_run and dry.created_count > 0 and dry.updated_count > 0 and dry.error_count > 0

    real = run_import(data)
    assert outcome(dry)[0] == outcome(real)[0]
    assert outcome(dry)[1] == outcome(real)[1]
    assert Product.objects.count() == real.created_count + len(before)


def test_dry_run_sees_unchanged_products(run_import):
    create_product(sku="a", name="A", description="d", active=True)
    job = run_import(b"sku,name,description,active\na,A,d,yes\nb,B,,no\na,A2,d,yes\n", dry_run=True)
    assert (job.created_count, job.updated_count, job.unchanged_count) == (1, 1, 0)
    job = run_import(b"sku,name\nA,A\n", dry_run=True)
    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 1, 0)
    job = run_import(b"sku,name\na,A\n", dry_run=True)
    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 0, 1)
    assert list(Product.objects.values_list("sku", "name")) == [("a", "A")]
