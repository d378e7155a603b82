"""Bad files fail the job with a precise message and change no product."""

import gzip

import pytest

from imports.models import ImportJob
from imports.pipeline.reading import layout
from products.models import Product
from products.services import create_product

pytestmark = pytest.mark.django_db

MANY = b"sku,name\n" + b"".join(b"s%d,n%d\n" % (i, i) for i in range(500))


def failed(job: ImportJob, message: str) -> None:
    assert job.status == ImportJob.Status.FAILED
    assert message in job.error_message, job.error_message
    assert job.finished_at is not None
    assert not job.file  # the upload is removed when the job ends


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty: it needs a header row (with sku and name)"),
        (b"\xef\xbb\xbf\r\n", "The file is empty"),
        (b"sku,name\n", "has a header row (line 1) but no product rows"),
        (b"sku,name\r\n\r\n\r\n", "has a header row (line 1) but no product rows"),
        (b"name,description\na,b\n", "The header (line 1) has no 'sku' column"),
        (b"sku,name,Name\na,b,c\n", "has the column 'name' twice (columns 2 and 3)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "This file is a PNG image, not a spreadsheet or a CSV"),
        (b"sku,name\n\x00\x01\x02\n", "23% of the characters in its content are NUL or "
         "other control bytes (the first on line 2); it looks like a binary file, not a CSV"),
        (gzip.compress(MANY)[:-40], "The gzip file is truncated: it ends at byte"),
        (
            gzip.compress(MANY)[:10] + b"\x07" + b"\0" * 40,  # a reserved deflate block type
            "The gzip data is corrupt between bytes 1 and 51 of the file (Error -3 while "
            "decompressing data: invalid block type)",
        ),
    ],
)
def test_bad_file_fails_with_what_and_where(run_import, settings, data, message):
    settings.IMPORT_CHUNK_ROWS = 1
    create_product(sku="s1", name="stored")
    failed(run_import(data), message)
    assert list(Product.objects.values_list("sku", "name")) == [("s1", "stored")]


def test_latin1_far_into_the_file_writes_nothing_even_after_many_chunks(
    run_import, settings, monkeypatch
):
    # The encoding is detected from the start of the file: here UTF-8 (the first 4 KiB).
    monkeypatch.setattr(layout, "SAMPLE_BYTES", 4096)
    settings.IMPORT_CHUNK_ROWS = 10
    job = run_import(MANY + b"late,Caf\xe9\n")
    failed(job, "byte 0xe9 on line 502")
    assert not Product.objects.exists()
    assert job.rows_processed == 0


def test_gzip_is_detected_by_content_not_name(run_import):
    job = run_import(gzip.compress(b"sku,name\na,b\n"), name="products.csv")
    assert job.status == ImportJob.Status.COMPLETED and job.created_count == 1


def test_csv_named_gz_is_read_as_csv(run_import):
    job = run_import(b"sku,name\na,b\n", name="products.csv.gz")
    assert job.status == ImportJob.Status.COMPLETED and job.created_count == 1


def test_bom_and_crlf_file(run_import):
    job = run_import(b'\xef\xbb\xbfSKU,Name,Description\r\na,A,"x\r\ny"\r\nb,B,\r\n')
    assert job.status == ImportJob.Status.COMPLETED
    assert dict(Product.objects.values_list("sku", "description")) == {"a": "x\r\ny", "b": ""}
