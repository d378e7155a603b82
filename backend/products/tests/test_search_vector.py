"""PostgreSQL's stored search columns (``search_vector``, ``description_vector``): Python
computes what ``to_tsvector`` would, and every write keeps the columns equal to their text
(the triggers cover writers that do not bring them)."""

import random

import pytest
from django.db import connection

from products import services
from products.models import Product
from products.search_document import description_vector, document_vector
from products.tests.vectors import DESCRIPTION_DOCUMENT, DOCUMENT, mismatched, stored_vector

pytestmark = [pytest.mark.django_db, pytest.mark.production_only]

TRICKY = [
    ("", "", ""),
    ("-", "...", "  \t\r\n "),
    ("ABC-12", "Anna SMITH", "A budget option.\nSecond line; third-line"),
    ("x_y", "snake_case", "under_score __init__ a__b"),
    ("1e5", "0x1F 3.14 -5 +7 1,000", "v1.2.3 192.168.0.1 a@b.com http://x.y/z?q=1&r=2"),
    ("0042", "007 james", "2024-01-02T03:04:05Z"),
    ('quote"sku', "O'Brien & Sons", "50% off \\ back\\slash 'single' \"double\""),
    ("same", "same SAME Same", "same same"),
    ("a", "b", "x" * 2047 + " " + "y" * 2048 + " z"),
    ("word", "", "w" * 3000),
    ("ctl\x01\x07\x1f", "\x7f del", "tab\there"),
]
NOT_ASCII = [
    ("ÉCOLE-42", "Zoë Ünïcode", "Crème brûlée 3.5 kg"),
    ("sigma", "ΟΔΟΣ", "final sigma"),
    ("istanbul", "İstanbul", "dotted"),
    ("digits", "٣ ² ½", "other digits"),
    ("nbsp", "a\u00a0b", "no-break space"),
]


def postgresql_vector(sku: str, name: str, description: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {DOCUMENT.format('%s', '%s', '%s')}::text", [sku, name, description]
        )
        return cursor.fetchone()[0]


def postgresql_description_vector(description: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {DESCRIPTION_DOCUMENT.format('%s')}::text", [description])
        return cursor.fetchone()[0]


def as_tsvector_text(vector: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::tsvector::text", [vector])
        return cursor.fetchone()[0]


@pytest.mark.parametrize("texts", TRICKY)
def test_python_computes_what_postgresql_computes(texts):
    vector = document_vector(*texts)
    assert vector is not None
    assert as_tsvector_text(vector) == postgresql_vector(*texts)


@pytest.mark.parametrize("texts", TRICKY)
def test_python_computes_the_description_vector_postgresql_computes(texts):
    for text in texts:
        vector = description_vector(text)
        assert vector is not None
        assert as_tsvector_text(vector) == postgresql_description_vector(text)


def test_random_ascii_text_gives_the_same_vector_in_python_and_postgresql():
    rnd = random.Random(11)
    alphabet = "".join(chr(c) for c in range(1, 128))
    for _ in range(300):
        texts = tuple(
            "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 60))) for _ in range(3)
        )
        assert as_tsvector_text(document_vector(*texts)) == postgresql_vector(*texts), texts
        description = texts[2]
        assert as_tsvector_text(description_vector(description)) == (
            postgresql_description_vector(description)
        ), description


@pytest.mark.parametrize("texts", NOT_ASCII)
def test_text_beyond_ascii_is_left_to_the_database(texts):
    assert document_vector(*texts) is None
    assert (description_vector(texts[2]) is None) == (not texts[2].isascii())
    services.create_product(sku=texts[0], name=texts[1] or "-", description=texts[2])
    assert mismatched() == []


def test_every_write_keeps_the_column_equal_to_the_text():
    services.create_product(sku="ab-1", name="Anna Smith", description="Red budget")
    product = services.create_product(sku="ab-2", name="Bob", description="")
    assert stored_vector("ab-1") == "'1' 'ab' 'anna' 'budget' 'red' 'smith'"
    services.update_product(product.pk, {"name": "Zoë Ünïcode", "description": "new words"})
    services.update_product(product.pk, {"sku": "CD-3"})
    Product.objects.filter(sku="ab-1").update(description="changed by a queryset")
    Product.objects.bulk_create([Product(sku="bulk-1", name="Bulk", description="made")])
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO products_product (sku, name, description, active, created_at, "
            "updated_at) VALUES ('raw-1', 'Raw', 'inserted by SQL', true, now(), now())"
        )
        cursor.execute("UPDATE products_product SET name = 'renamed by SQL' WHERE sku = 'raw-1'")

    assert mismatched() == []
    assert stored_vector("CD-3") == "'3' 'cd' 'new' 'unicode' 'words' 'zoe'"  # accents removed
    assert stored_vector("CD-3", "description_vector") == "'new' 'words'"
    assert "'queryset'" in stored_vector("ab-1")
    assert "'renamed'" in stored_vector("raw-1")


def test_a_vector_brought_with_new_text_is_kept_and_an_unchanged_one_is_recomputed():
    services.create_product(sku="v-1", name="Old", description="text")
    with connection.cursor() as cursor:
        # A writer that brings the vector of its new text: stored as given.
        cursor.execute(
            "UPDATE products_product SET name = 'New', search_vector = %s::tsvector "
            "WHERE sku = 'v-1'",
            [document_vector("v-1", "New", "text")],
        )
        assert mismatched() == []
        # New text with the old vector (a writer that does not know the column): recomputed.
        cursor.execute(
            "UPDATE products_product SET name = 'Newer', search_vector = search_vector "
            "WHERE sku = 'v-1'"
        )
    assert mismatched() == []
    assert "'newer'" in stored_vector("v-1")


def test_the_search_index_is_on_the_column():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'product_search_idx'")
        (definition,) = cursor.fetchone()
    assert definition.endswith("USING gin (search_vector)")


def test_a_description_vector_brought_with_new_text_is_kept_and_an_unchanged_one_recomputed():
    services.create_product(sku="d-1", name="Name", description="old text")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE products_product SET description = 'new text', "
            "description_vector = %s::tsvector WHERE sku = 'd-1'",
            [description_vector("new text")],
        )
        assert stored_vector("d-1", "description_vector") == "'new' 'text'"
        cursor.execute(
            "UPDATE products_product SET description = 'newer words', "
            "description_vector = description_vector WHERE sku = 'd-1'"
        )
        assert stored_vector("d-1", "description_vector") == "'newer' 'words'"
        # A vector brought wrong on purpose is kept: the writer that brings one owns it.
        cursor.execute(
            "UPDATE products_product SET description = 'third', "
            "description_vector = 'brought'::tsvector WHERE sku = 'd-1'"
        )
    assert stored_vector("d-1", "description_vector") == "'brought'"


def test_the_description_index_is_on_its_column():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'product_description_idx'"
        )
        (definition,) = cursor.fetchone()
    assert definition.endswith("USING gin (description_vector)")
