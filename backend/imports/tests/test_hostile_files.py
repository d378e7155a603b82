"""Hostile files: NUL bytes in a text file, binary data, and files that expand without end.

A NUL inside an otherwise text file is one bad row (line and message reported, the other rows
imported); a file that is mostly NUL or other control bytes is refused as binary, wherever
that data starts. UTF-16 text, full of NUL bytes before it is decoded, still imports.
"""

import codecs
import gzip

import pytest

from imports.models import ImportJob, ImportRowError
from imports.pipeline.problems import BadFile
from products.models import Product

from .helpers import read_through

pytestmark = pytest.mark.django_db


def reported(job: ImportJob) -> list[tuple[int, str, str, str]]:
    return [(e.line, e.sku, e.message, e.raw)
            for e in ImportRowError.objects.filter(job=job).order_by("line")]


def test_nul_inside_a_field_is_a_bad_row_and_the_other_rows_are_imported(run_import):
    data = b"sku,name,description\na,Alpha,fine\nb,Be\x00ta,x\nc,Gamma,\"two\nlines\x00\"\nd,D,ok\n"
    job = run_import(data)
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert (job.rows_processed, job.error_count, job.created_count) == (4, 2, 2)
    assert sorted(Product.objects.values_list("sku", flat=True)) == ["a", "d"]
    (line1, _, message1, raw1), (line2, _, message2, raw2) = reported(job)
    assert line1 == 3 and message1.startswith("column 2 (name) holds a NUL character")
    assert raw1 == "b,Be\ufffdta,x"  # stored without the NUL (PostgreSQL text holds none)
    assert line2 == 4 and message2.startswith("column 3 (description) holds a NUL character")
    assert raw2 == 'c,Gamma,"two\nlines\ufffd"'


def test_nul_far_into_a_big_file_is_one_bad_row(run_import, settings):
    settings.IMPORT_CHUNK_ROWS = 5000
    rows = b"".join(b"s%d,Name %d\n" % (i, i) for i in range(20_000))
    job = run_import(b"sku,name\n" + rows + b"late,N\x00L\n" + b"after,After\n")
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert (job.error_count, job.created_count) == (1, 20_001)
    ((line, _, message, _),) = reported(job)
    assert line == 20_002 and "NUL character" in message


def test_nul_in_the_header_fails_the_file(run_import):
    job = run_import(b"sku,na\x00me\na,A\n")
    assert job.status == ImportJob.Status.FAILED
    assert "The header (line 1) holds a NUL character (byte 0x00) in column 2" in job.error_message


@pytest.mark.parametrize(
    "junk",
    [b"\x00" * 5000, bytes([0, 1, 2, 3, 4, 5, 6, 7, 11, 14, 15, 16]) * 500],
    ids=["nuls", "control-bytes"],
)
def test_mostly_control_bytes_at_the_start_is_refused_as_binary(run_import, junk):
    job = run_import(b"sku,name\n" + junk + b"\na,A\n")
    assert job.status == ImportJob.Status.FAILED
    assert "are NUL or other control bytes (the first on line 2); it looks like a binary " \
        "file, not a CSV" in job.error_message
    assert not Product.objects.exists()


def test_binary_data_past_the_layout_sample_is_refused_and_nothing_written(run_import, settings,
                                                                          monkeypatch):
    from imports.pipeline.reading import layout

    monkeypatch.setattr(layout, "SAMPLE_BYTES", 4096)
    settings.IMPORT_CHUNK_ROWS = 10
    text = b"sku,name\n" + b"".join(b"s%d,n%d\n" % (i, i) for i in range(1000))
    job = run_import(text + b"\x00" * 100_000 + b"\nz,Z\n")
    assert job.status == ImportJob.Status.FAILED
    assert "NUL or other control bytes (the first on line 1,002)" in job.error_message
    assert not Product.objects.exists()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_text_with_bom_is_not_binary(run_import, codec):
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    data = bom + "sku,name\na,Älpha\nb,Beta\n".encode(codec)
    job = run_import(gzip.compress(data))
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert dict(Product.objects.values_list("sku", "name")) == {"a": "Älpha", "b": "Beta"}


def test_utf16_without_bom_is_refused_with_the_encoding_to_choose():
    with pytest.raises(BadFile, match="choose the encoding utf-16-le or utf-16-be"):
        read_through("sku,name\na,Alpha\n".encode("utf-16-le") * 20)


def test_gzip_expanding_past_the_limit_fails_saying_so_before_any_write(run_import, settings):
    settings.IMPORT_MAX_DECOMPRESSED_BYTES = 3 << 20
    # Short lines of distinct SKUs: pass 1 would keep a key for each one.
    rows = b"".join(b"%x,n\n" % i for i in range(1_500_000))
    upload = gzip.compress(b"sku,name\n" + rows)
    job = run_import(upload)
    assert job.status == ImportJob.Status.FAILED
    assert "The gzip file expands to more than 3,145,728 bytes (IMPORT_MAX_DECOMPRESSED_BYTES" \
        in job.error_message
    stopped_at = int(job.error_message.split("stopped being read at byte ")[1].split(" ")[0]
                     .replace(",", ""))
    assert stopped_at < len(upload)  # the rest of the upload was never decompressed
    assert not Product.objects.exists()


def test_gzip_within_the_limit_imports(run_import, settings):
    data = b"sku,name\n" + b"".join(b"s%d,n\n" % i for i in range(1000))
    settings.IMPORT_MAX_DECOMPRESSED_BYTES = len(data)
    job = run_import(gzip.compress(data))
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert job.created_count == 1000


def test_a_bomb_too_big_for_the_layout_sample_fails_the_same(run_import, settings):
    settings.IMPORT_MAX_DECOMPRESSED_BYTES = 1000
    job = run_import(gzip.compress(b"sku,name\n" + b"a,b\n" * 10_000))
    assert job.status == ImportJob.Status.FAILED
    assert "expands to more than 1,000 bytes" in job.error_message


def test_one_endless_line_fails_the_file_saying_so(run_import, monkeypatch):
    from imports.pipeline.reading import text

    monkeypatch.setattr(text, "MAX_LINE_BYTES", 1 << 20)
    job = run_import(gzip.compress(b"sku,name\na,b\n" + b"x" * (8 << 20)))
    assert job.status == ImportJob.Status.FAILED
    assert "A line starting at byte 14 is longer than 1,048,576 bytes" in job.error_message
    assert not Product.objects.exists()


def test_an_endless_quoted_field_is_a_bad_row_not_unbounded_memory(run_import):
    # A quote left open over many short lines: the field stops at the CSV field limit.
    body = (b"x" * 999 + b"\n") * 1100  # 1.1 million characters in the open quote
    job = run_import(b'sku,name,description\na,A,ok\nb,B,"' + body + b"c,C,ok\n")
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert sorted(Product.objects.values_list("sku", flat=True)) == ["a", "c"]
    first = ImportRowError.objects.filter(job=job).order_by("line").first()
    assert first.line == 3 and "a field is longer than 1,048,576 characters" in first.message
    assert len(first.raw) <= 1 << 20


def test_chunks_of_long_records_end_early_to_bound_memory(run_import, settings, monkeypatch):
    from imports.pipeline.passes import chunks

    monkeypatch.setattr(chunks, "CHUNK_MAX_BYTES", 1 << 20)  # content is read 1 MiB at a time
    settings.IMPORT_CHUNK_ROWS = 25_000
    description = b"d" * 50_000
    data = b"sku,name,description\n" + b"".join(
        b"s%d,n,%s\n" % (i, description) for i in range(100))  # about 5 MB
    job = run_import(data)
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert job.created_count == 100
    assert job.chunks_committed >= 3  # by bytes, where 25,000 records would make one chunk


def _rezip(workbook: bytes, extra: dict[str, bytes]) -> bytes:
    """`workbook` with more parts added (deflated, as Excel stores its XML)."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            target.writestr(part, source.read(part))
        for name, data in extra.items():
            target.writestr(name, data)
    return out.getvalue()


def test_xlsx_expanding_past_the_limit_fails_saying_so_before_any_write(run_import, settings):
    from .real_files import xlsx_workbook

    settings.IMPORT_MAX_XLSX_EXPANDED_BYTES = 4 << 20
    upload = _rezip(xlsx_workbook(), {"xl/media/padding.bin": b"\0" * (64 << 20)})
    assert len(upload) < 1 << 20  # 64 MB of zeros zip to a few hundred KB
    job = run_import(upload, name="bomb.xlsx")
    assert job.status == ImportJob.Status.FAILED
    assert ("This Excel workbook expands to more than 4,194,304 bytes when unzipped "
            "(IMPORT_MAX_XLSX_EXPANDED_BYTES; its parts declare") in job.error_message
    assert not Product.objects.exists()


def test_xlsx_part_lying_about_its_size_is_refused_as_damaged(run_import, settings):
    from .real_files import xlsx_workbook

    settings.IMPORT_MAX_XLSX_EXPANDED_BYTES = 4 << 20
    upload = bytearray(_rezip(xlsx_workbook(), {"xl/media/padding.bin": b"\0" * (64 << 20)}))
    # Make the central directory claim the padding unzips to 1,000 bytes (a bomb hiding its
    # size): the reader stops at the claim and the part's CRC no longer matches.
    entry = upload.rindex(b"xl/media/padding.bin") - 46  # its central directory entry
    assert upload[entry:entry + 4] == b"PK\x01\x02"
    upload[entry + 24:entry + 28] = (1000).to_bytes(4, "little")
    job = run_import(bytes(upload), name="liar.xlsx")
    assert job.status == ImportJob.Status.FAILED
    assert "This Excel workbook is damaged (BadZipFile" in job.error_message, job.error_message
    assert not Product.objects.exists()


def test_xlsx_within_the_limit_imports(run_import, settings):
    from .real_files import xlsx_workbook

    upload = xlsx_workbook()
    settings.IMPORT_MAX_XLSX_EXPANDED_BYTES = 1 << 16
    job = run_import(upload, name="catalogue.xlsx")
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert (job.created_count, job.error_count) == (3, 1)  # a row without a name


def test_more_distinct_skus_than_allowed_fails_before_any_write(run_import, settings):
    settings.IMPORT_MAX_DISTINCT_SKUS = 100
    # Repeats of one SKU (and case variants) are one key; the 101st different SKU is on line 105.
    rows = b"".join(b"a,n\nA,n\n" for _ in range(2)) + b"".join(b"s%d,n\n" % i for i in range(200))
    job = run_import(b"sku,name\n" + rows + "\u00c9,n\n".encode())
    assert job.status == ImportJob.Status.FAILED
    assert job.error_message.startswith(
        "The file holds more than 100 different SKUs (IMPORT_MAX_DISTINCT_SKUS; reading "
        "stopped at line 105)"), job.error_message
    assert not Product.objects.exists()


def test_exactly_the_allowed_distinct_skus_import(run_import, settings):
    settings.IMPORT_MAX_DISTINCT_SKUS = 3
    job = run_import("sku,name\na,n\nA,m\nb,n\n\u00c9,n\n\u00c9,x\n".encode())
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert job.created_count == 3
