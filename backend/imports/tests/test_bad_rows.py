"""Bad rows are skipped and reported with their physical line, SKU and a clear message."""

import pytest

from imports.models import ImportJob, ImportRowError
from products.models import Product

pytestmark = pytest.mark.django_db


def reported(job: ImportJob) -> list[tuple[int, str, str]]:
    return [(e.line, e.sku, e.message) for e in ImportRowError.objects.filter(job=job)]


@pytest.mark.parametrize(
    ("row", "sku", "message"),
    [
        (b",Name,true", "", "sku is empty"),
        (b"  ,Name,true", "", "sku is empty"),
        (b"abc,,true", "abc", "name is empty"),
        (b"x" * 256 + b",Name,true", "x" * 255, "sku is 256 characters long; at most 255"),
        (b"abc," + b"n" * 256 + b",true", "abc", "name is 256 characters long; at most 255"),
        (b"abc,Name,maybe", "abc", "active is 'maybe'; use true/false, 1/0, yes/no"),
        (b"abc,Name,", "abc", "active is ''; use true/false"),
        (b"abc,Name", "abc", "the row has 2 fields but the header has 3"),
        (b"abc,Name,true,more", "abc", "the row has 4 fields but the header has 3"),
        (b'"abc"x,Name,true', "", "the record is not valid CSV"),
    ],
)
def test_bad_row_is_skipped_and_reported(run_import, row, sku, message):
    data = b'sku,name,active\nfirst,"multi\nline",yes\n' + row + b"\nlast,Last,no\n"
    job = run_import(data)
    assert job.status == ImportJob.Status.COMPLETED
    assert (job.rows_processed, job.error_count, job.created_count) == (3, 1, 2)
    ((line, got_sku, got_message),) = reported(job)
    assert (line, got_sku) == (4, sku)
    assert got_message.startswith(message), got_message
    assert sorted(Product.objects.values_list("sku", flat=True)) == ["first", "last"]


def test_quote_left_open_at_end_of_file(run_import):
    job = run_import(b'sku,name,description\na,A,ok\nb,B,"never closed\nc,C,x\n')
    assert job.status == ImportJob.Status.COMPLETED
    assert list(Product.objects.values_list("sku", flat=True)) == ["a"]
    ((line, sku, message),) = reported(job)
    assert line == 3 and "quoted field opened in the record on line 3 is never closed" in message
    assert ImportRowError.objects.get().raw == 'b,B,"never closed\nc,C,x'


def test_line_numbers_count_physical_lines_of_multi_line_records(run_import, settings):
    settings.IMPORT_CHUNK_ROWS = 2
    data = (
        b"sku,name,description\n"
        b'a,A,"1\n2\n3"\n'  # lines 2-4
        b"b,,x\n"  # line 5
        b'c,C,"\r\n"\n'  # lines 6-7
        b"d,,y\n"  # line 8
    )
    job = run_import(data)
    assert [r[0] for r in reported(job)] == [5, 8]
    assert job.error_count == 2 and job.rows_processed == 4
