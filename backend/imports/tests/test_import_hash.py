"""Each product keeps the hash of the values an import wrote: a re-import of the same values
skips the product without comparing it in the database, and every other write clears it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from imports.models import ImportChange
from products.import_hash import values_hash
from products.models import Product
from products.services import update_product

from .conftest import catalogue, sample_csv

pytestmark = pytest.mark.django_db

FILE = b"sku,name,description,active\na,A,da,yes\nb,B,db,no\nc,C,dc,yes\nd,D,dd,yes\ne,E,de,no\n"


@pytest.fixture(autouse=True)
def small_chunks(settings):
    settings.IMPORT_CHUNK_ROWS = 2  # several chunks: mostly-unchanged ones and the others


def row_versions() -> object:
    """Something that moves whenever any product row is written."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT id, xmin::text FROM products_product ORDER BY id")
            return cursor.fetchall()
        cursor.execute("SELECT SUM(bumps) FROM products_data_version")  # one per row written
        return cursor.fetchone()[0]


def stored_hashes() -> dict[str, int | None]:
    return dict(Product.objects.values_list("sku", "import_hash"))


def test_an_import_stores_the_hash_of_each_products_values(run_import):
    run_import(FILE)
    product = Product.objects.get(sku="b")
    assert product.import_hash == values_hash("b", "B", "db", False)
    assert len(set(stored_hashes().values())) == 5


def test_a_re_import_of_the_same_file_counts_every_row_unchanged_and_writes_nothing(run_import):
    data = sample_csv(40)
    first = run_import(data)
    before, values = row_versions(), catalogue()

    with CaptureQueriesContext(connection) as queries:
        again = run_import(data)

    # Decided by the hashes alone: nothing staged, no stored values read to compare.
    statements = [query["sql"] for query in queries.captured_queries]
    assert not [s for s in statements if "import_stage" in s or "name, description" in s]

    assert (again.created_count, again.updated_count) == (0, 0)
    assert again.unchanged_count == first.created_count + first.updated_count
    assert row_versions() == before
    assert catalogue() == values
    assert not ImportChange.objects.filter(job=again).exists()


def test_a_changed_description_is_detected(run_import):
    run_import(FILE)

    job = run_import(FILE.replace(b"c,C,dc,yes", b"c,C,a new text,yes"))

    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 1, 4)
    (entry,) = ImportChange.objects.filter(job=job)
    assert (entry.sku, entry.before_description, entry.after_description) == (
        "c",
        "dc",
        "a new text",
    )
    assert Product.objects.get(sku="c").import_hash == values_hash("c", "C", "a new text", True)


def test_an_api_edit_since_the_import_clears_the_hash_and_the_re_import_restores_the_values(
    run_import,
):
    run_import(FILE)
    update_product(Product.objects.get(sku="d").pk, {"name": "D by hand"})
    assert stored_hashes()["d"] is None

    job = run_import(FILE)

    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 1, 4)
    assert catalogue()["d"] == ("D", "dd", True)
    assert stored_hashes()["d"] == values_hash("d", "D", "dd", True)


def test_any_statement_that_changes_values_clears_the_hash(run_import):
    run_import(FILE)
    Product.objects.filter(sku="a").update(description="typed by hand")
    Product.objects.filter(sku="b").update(active=True)
    Product.objects.filter(sku="c").update(updated_at=Product.objects.get(sku="c").updated_at)

    hashes = stored_hashes()
    assert hashes["a"] is None and hashes["b"] is None
    assert hashes["c"] == values_hash("c", "C", "dc", True)  # no value changed

    job = run_import(FILE)
    assert (job.updated_count, job.unchanged_count) == (2, 3)
    assert catalogue()["a"] == ("A", "da", True)


def test_values_edited_back_are_unchanged_and_get_their_hash_again(run_import):
    run_import(FILE)
    pk = Product.objects.get(sku="e").pk
    update_product(pk, {"name": "E2"})
    update_product(pk, {"name": "E"})
    before = row_versions()

    job = run_import(FILE)

    assert (job.updated_count, job.unchanged_count) == (0, 5)
    assert stored_hashes()["e"] == values_hash("e", "E", "de", False)
    assert not ImportChange.objects.filter(job=job).exists()
    # Only the missing hash was written; the next import of the file writes nothing at all.
    assert row_versions() != before
    settled = row_versions()
    assert run_import(FILE).unchanged_count == 5
    assert row_versions() == settled


def test_a_file_with_other_columns_is_compared_in_the_database_and_hashed_by_its_columns(
    run_import,
):
    run_import(FILE)
    job = run_import(b"sku,name\na,A\nb,B2\n")

    assert (job.updated_count, job.unchanged_count) == (1, 1)
    hashes = stored_hashes()
    assert hashes["b"] == values_hash("b", "B2", None, None)
    assert hashes["a"] == values_hash("a", "A", "da", True)  # unchanged: not written
    with CaptureQueriesContext(connection) as queries:
        again = run_import(b"sku,name\nb,B2\n")
    assert (again.updated_count, again.unchanged_count) == (0, 1)
    assert not [q for q in queries.captured_queries if "import_stage" in q["sql"]]
    # b's name back from the full file; the others unchanged by their hash.
    assert (run_import(FILE).updated_count, catalogue()["b"]) == (1, ("B", "db", False))
