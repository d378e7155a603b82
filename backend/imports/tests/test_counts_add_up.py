"""Every data row of an import is accounted for: created + updated + unchanged + replaced +
errors = rows processed, for real imports and dry runs, across chunks."""

import pytest

from imports.tests.conftest import sample_csv
from products.models import Product

pytestmark = pytest.mark.django_db


def parts(job) -> tuple[int, int, int, int, int]:
    return (job.created_count, job.updated_count, job.unchanged_count, job.replaced_count,
            job.error_count)


def test_rows_replaced_by_a_later_row_for_the_same_sku_are_counted(run_import):
    job = run_import(
        b"sku,name\n"
        b"a-1,First\n"      # replaced by line 4 (same SKU, other case)
        b"a-2,Two\n"
        b"A-1,Second\n"     # replaced by line 6
        b"a-3,\n"           # error: no name
        b"a-1,Third\n"
    )

    assert job.rows_processed == 5
    assert parts(job) == (2, 0, 0, 2, 1)
    assert Product.objects.get(sku__iexact="a-1").name == "Third"


@pytest.mark.parametrize("dry_run", [False, True])
def test_the_parts_add_up_to_the_rows_processed_on_benchmark_shaped_data(
    run_import, settings, dry_run
):
    settings.IMPORT_CHUNK_ROWS = 97  # several chunks; duplicates straddle chunk boundaries
    run_import(sample_csv(600, seed=5))  # a stored catalogue: updates and unchanged rows follow

    job = run_import(sample_csv(2000, seed=5) + sample_csv(800, seed=6).split(b"\n", 1)[1],
                     dry_run=dry_run)

    assert job.status == job.Status.COMPLETED
    assert job.rows_processed == 2800
    created, updated, unchanged, replaced, errors = parts(job)
    assert created + updated + unchanged + replaced + errors == 2800
    assert min(created, updated, unchanged, replaced, errors) > 0
