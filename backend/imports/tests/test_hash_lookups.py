"""The stored hashes are read while they pay, skipped on a file whose rows all change."""

import pytest

from imports.models import ImportChange
from imports.pipeline.writers.hash_lookups import PROBE_EVERY, HashLookups
from products.models import Product

from .conftest import catalogue

pytestmark = pytest.mark.django_db


def decisions(lookups: HashLookups, found: list[tuple[int, int, bool]], count: int) -> list:
    """Whether each of `count` chunks looks, feeding back `found` after each look."""
    looked = []
    results = iter(found)
    for _ in range(count):
        wanted = lookups.wanted()
        looked.append(wanted)
        if wanted:
            lookups.record(*next(results))
    return looked


def test_a_file_whose_rows_all_change_looks_only_every_few_chunks():
    changed = [(100, 0, False)] * 10
    looked = decisions(HashLookups(), changed, 9)
    assert looked == [True] + ([False] * (PROBE_EVERY - 1) + [True]) * 2


def test_unchanged_rows_or_products_without_a_hash_keep_the_lookups():
    assert decisions(HashLookups(), [(100, 50, False)] * 5, 5) == [True] * 5
    assert decisions(HashLookups(), [(100, 0, True)] * 5, 5) == [True] * 5
    # A file that turns to unchanged rows is noticed at the next probe, then looked up.
    found = [(100, 0, False), (100, 90, False), (100, 90, False), (100, 90, False)]
    looked = decisions(HashLookups(), found, PROBE_EVERY + 2)
    assert looked == [True] + [False] * (PROBE_EVERY - 1) + [True, True]


def test_an_import_that_skips_lookups_still_counts_unchanged_rows_exactly(run_import, settings):
    settings.IMPORT_CHUNK_ROWS = 2
    lines = [f"s{n},Name {n},About {n},yes" for n in range(12)]
    run_import(("sku,name,description,active\n" + "\n".join(lines) + "\n").encode())
    # Every row changed for the first chunks (lookups stop), then unchanged ones.
    changed = [line.replace("Name", "Renamed") if n < 6 else line for n, line in enumerate(lines)]
    job = run_import(("sku,name,description,active\n" + "\n".join(changed) + "\n").encode())

    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 6, 6)
    assert ImportChange.objects.filter(job=job).count() == 6
    assert catalogue()["s0"] == ("Renamed 0", "About 0", True)
    assert Product.objects.filter(import_hash__isnull=True).count() == 0
