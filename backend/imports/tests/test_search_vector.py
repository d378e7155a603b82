"""PostgreSQL: an import brings each product's search vectors (computed in the reader thread)
and every import, re-import and revert leaves the stored vectors equal to the text."""

import pytest
from django.db import connection

from imports.models import ImportJob
from imports.pipeline.rules import ProductRow
from imports.pipeline.writers.postgresql import stage_text
from products.services import create_product
from products.tests.vectors import mismatched, stored_vector

from .conftest import sample_csv

pytestmark = [pytest.mark.django_db, pytest.mark.production_only]


def test_the_copy_text_carries_the_vectors_of_each_row():
    rows = {
        "b-2": ProductRow(2, "B-2", "Bob Brown", "Red, budget", True),
        "a-1": ProductRow(3, "a-1", "Zoë", "beyond ascii", None),
        "c-3": ProductRow(4, "c-3", "Crème", "plain text", True),
    }
    lines = stage_text(rows, description=True, active=True).splitlines()
    # Beyond ASCII: no vector (NULL), the database's trigger computes it; the description's
    # own vector is NULL only when the description itself is beyond ASCII.
    assert lines[0] == "3\ta-1\tZoë\tbeyond ascii\tf\t\\N\tbeyond ascii"
    *fields, vector, words = lines[1].split("\t")
    assert fields == ["2", "B-2", "Bob Brown", "Red, budget", "t"]
    assert as_tsvector(vector) == "'2' 'b' 'bob' 'brown' 'budget' 'red'"
    assert as_tsvector(words) == "'budget' 'red'"
    assert lines[2].split("\t")[-2:] == ["\\N", "plain text"]
    without_description = stage_text(rows, description=False, active=False).splitlines()
    *fields, vector, words = without_description[1].split("\t")
    assert fields == ["2", "B-2", "Bob Brown"]
    assert as_tsvector(vector) == "'2' 'b' 'bob' 'brown'"
    assert as_tsvector(words) == ""


def as_tsvector(text: str) -> str:
    """PostgreSQL's reading of a staged vector (its tsvector input sorts and dedupes)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::tsvector::text", [text])
        return cursor.fetchone()[0]


def test_imports_and_reverts_keep_every_vector_right(run_import, run_revert, settings):
    settings.IMPORT_CHUNK_ROWS = 37
    for i in range(0, 300, 4):
        create_product(sku=f"sku-{i}", name="Stored Name", description="stored words")
    first = run_import(sample_csv(900, seed=3))
    assert first.status == ImportJob.Status.COMPLETED and first.updated_count > 0
    assert mismatched() == []

    # Without a description column an update keeps the stored description: the vector must
    # be recomputed from it, not taken from the file's sku and name alone.
    renamed = run_import(b"sku,name\nsku-4,Brand New\nfresh-1,Fresh One\n")
    assert renamed.status == ImportJob.Status.COMPLETED
    assert mismatched() == []
    assert "'brand'" in stored_vector("sku-4") and "'fresh'" in stored_vector("fresh-1")

    unicode_rows = run_import("sku,name,description\nsku-8,Zoë,Crème brûlée\n".encode())
    assert unicode_rows.status == ImportJob.Status.COMPLETED
    assert mismatched() == []
    assert stored_vector("sku-8", "description_vector") == "'brulee' 'creme'"

    for job in (unicode_rows, renamed, first):
        assert run_revert(job).status == ImportJob.Status.COMPLETED
        assert mismatched() == []
    assert "'stored'" in stored_vector("sku-4")
