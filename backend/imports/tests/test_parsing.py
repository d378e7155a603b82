"""CSV syntax, header rules, physical line numbers, raw text and resumable positions."""

import io

import pytest

from imports.pipeline.problems import BadFile
from imports.pipeline.reading import CsvReader, Position
from imports.pipeline.reading.header import resolve_header
from imports.pipeline.rules import ProductRow

from .helpers import gz, read_all


def rows_of(data: bytes, **kw) -> list[ProductRow]:
    return [r for c in read_all(data, **kw) for r in c.rows]


def rejected_of(data: bytes, **kw):
    return [r for c in read_all(data, **kw) for r in c.rejected]


def test_header_any_case_spaces_and_order_unknown_columns_ignored():
    data = b" Name ,Price,  SKU,ACTIVE , Description\nWidget,3,w-1,no,Blue\n"
    assert rows_of(data) == [ProductRow(2, "w-1", "Widget", "Blue", False)]


def test_bom_and_crlf():
    data = b"\xef\xbb\xbfsku,name,description\r\na,Alpha,\"x\r\ny\"\r\nb,Beta,z\r\n"
    assert rows_of(data) == [
        ProductRow(2, "a", "Alpha", "x\r\ny", None),
        ProductRow(4, "b", "Beta", "z", None),
    ]


def test_bom_before_quoted_header_name():
    assert rows_of(b'\xef\xbb\xbf"sku","name"\na,b\n') == [ProductRow(2, "a", "b", None, None)]


def test_quoted_newlines_commas_and_quotes_keep_physical_start_lines():
    data = (
        b"sku,name,description\n"
        b'a,"Alpha, the first","line one\nline two\n\nline four"\n'
        b'b,"Say ""hi""",plain\n'
        b"\n"
        b'c,Gamma,"ends with newline\n"\n'
        b"d,Delta,last"
    )
    assert rows_of(data) == [
        ProductRow(2, "a", "Alpha, the first", "line one\nline two\n\nline four", None),
        ProductRow(6, "b", 'Say "hi"', "plain", None),
        ProductRow(8, "c", "Gamma", "ends with newline\n", None),
        ProductRow(10, "d", "Delta", "last", None),
    ]


def test_line_numbers_after_bad_rows_and_chunk_boundaries():
    lines = [b"sku,name,description"]
    for i in range(1, 40):
        lines.append(b'k%d,n%d,"two\nlines"' % (i, i) if i % 3 else b"k%d,,bad" % i)
    data = b"\n".join(lines) + b"\n"
    chunks = read_all(data, size=7)
    rows = [r for c in chunks for r in c.rows]
    bad = [r for c in chunks for r in c.rejected]
    assert [r.line for r in rows][:3] == [2, 4, 7]
    assert bad[0].line == 6 and bad[0].sku == "k3" and bad[0].message.startswith("name is empty")
    assert len(rows) + len(bad) == 39
    assert chunks[-1].end == Position(len(data), data.count(b"\n"), 39)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (b"name,description", "has no 'sku' column (found: name, description)"),
        (b"label,code", "has no 'sku' column"),
        (b"sku,name,SKU", "has the column 'sku' twice (columns 1 and 3)"),
        (b"sku,name, Description ,description", "has the column 'description' twice"),
    ],
)
def test_bad_headers_fail_the_file(header, message):
    with pytest.raises(BadFile, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_all(header + b"\na,b\n")


def test_header_with_empty_names_is_fine():
    header = resolve_header(["sku", "name", "", ""])
    assert header.columns.count == 4


def test_header_only_has_no_rows():
    chunks = read_all(b"sku,name\n")
    assert len(chunks) == 1 and not chunks[0].rows and not chunks[0].rejected


def test_too_few_and_too_many_fields_keep_raw_text():
    data = b'sku,name,description\na,b\nc,d,e,f\n"g","h\nh",i\n'
    bad = rejected_of(data)
    assert [(r.line, r.sku, r.raw) for r in bad] == [(2, "a", "a,b"), (3, "c", "c,d,e,f")]
    assert "the row has 2 fields but the header has 3" in bad[0].message
    assert "the row has 4 fields but the header has 3" in bad[1].message
    assert rows_of(data) == [ProductRow(4, "g", "h\nh", "i", None)]


def test_quote_left_open_at_end_of_file():
    data = b'sku,name,description\na,b,c\nd,e,"never closed\nmore\n'
    chunks = read_all(data)
    assert [r.sku for r in chunks[0].rows] == ["a"]
    (bad,) = chunks[0].rejected
    assert bad.line == 3
    assert "quoted field opened in the record on line 3 is never closed" in bad.message
    assert bad.raw == 'd,e,"never closed\nmore'


def test_text_after_closing_quote_is_a_bad_row_and_reading_goes_on():
    data = b'sku,name\n"a"x,b\nc,d\n'
    chunks = read_all(data)
    assert [r.sku for r in chunks[0].rows] == ["c"]
    (bad,) = chunks[0].rejected
    assert (bad.line, bad.raw) == (2, '"a"x,b')
    assert "not valid CSV" in bad.message


def test_positions_count_bytes_not_characters():
    data = "sku,name\nä,ü\n€,b\n".encode()
    chunks = read_all(data, size=1)
    assert [c.end.offset for c in chunks] == [data.index(b"\xe2"), len(data), len(data)]


def resume_matches(data: bytes, size: int) -> None:
    whole = read_all(data, size=size)
    expected = [r for c in whole for r in c.rows]
    for i, chunk in enumerate(whole[:-1]):
        tail = read_all(data, size=size, start=chunk.end)
        got = [r for c in whole[: i + 1] for r in c.rows] + [r for c in tail for r in c.rows]
        assert got == expected
        assert tail[-1].end == whole[-1].end


def test_resume_from_any_chunk_boundary_plain_and_gzip():
    body = b"".join(
        b'k%d,N\xc3\xa4me %d,"desc\r\nmore %d"\r\n' % (i, i, i) if i % 2 else b"k%d,n,d\r\n" % i
        for i in range(3000)
    )
    data = b"\xef\xbb\xbfSKU,name,description\r\n" + body
    resume_matches(data, 700)
    resume_matches(gz(data), 1100)


def test_big_blocks_keep_records_that_span_them():
    desc = b"x" * 400_000
    data = b"sku,name,description\n" + b'a,b,"%s\n%s"\nc,d,e\n' % (desc, desc)
    rows = rows_of(data)
    assert [(r.line, r.sku, len(r.description)) for r in rows] == [(2, "a", 800_001), (4, "c", 1)]


def test_field_over_the_limit_is_a_bad_row():
    data = b'sku,name,description\na,b,"' + b"y" * (1 << 20) + b'z"\nc,d,e\n'
    chunks = read_all(data)
    (bad,) = chunks[0].rejected
    assert bad.line == 2 and "longer than 1,048,576 characters" in bad.message
    assert [r.sku for r in chunks[0].rows] == ["c"]


def test_reader_reports_uploaded_bytes_consumed():
    data = gz(b"sku,name\n" + b"a,b\n" * 1000)
    reader = CsvReader(io.BytesIO(data))
    reader.read_header()
    list(reader.records())
    assert reader.consumed == len(data)
