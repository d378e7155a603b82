"""Column names, mappings, layout detection and the workbook reader, without the database."""

import gzip
import io

import pytest

from imports.pipeline.passes.chunks import read_chunks
from imports.pipeline.problems import BadOption
from imports.pipeline.reading import Position, ReadOptions, find_layout, open_reader
from imports.pipeline.reading.header import (
    check_mapping,
    header_key,
    resolve_header,
    suggest_mapping,
)

from . import real_files


def test_two_columns_for_one_field_the_note_says_which_and_why():
    mapping, notes = suggest_mapping(["Title", "Product Name", "SKU", "Short description",
                                      "Description"])
    assert mapping == {"sku": "SKU", "name": "Title", "description": "Description",
                       "active": None}
    assert notes["name"] == ("'Title' was taken (it comes first in the list of common names "
                             "for name); 'Product Name' not used")
    assert notes["description"] == ("'Description' was taken (its name is 'description'); "
                                    "'Short description' not used")


@pytest.mark.parametrize(
    ("names", "sku", "name"),
    [
        (["Item Code", "Product Name"], "Item Code", "Product Name"),
        (["Product Code", "Title"], "Product Code", "Title"),
        (["article_number", "product-name"], "article_number", "product-name"),
        (["PART NUMBER", "Name"], "PART NUMBER", "Name"),
        (["Handle", "Title"], "Handle", "Title"),
    ],
)
def test_everyday_names(names, sku, name):
    header = resolve_header(names)
    assert header.mapping["sku"] == sku and header.mapping["name"] == name
    assert header.columns.group is None


def test_handle_groups_variant_rows_when_a_sku_column_exists():
    header = resolve_header(["Handle", "Title", "Variant SKU"])
    assert header.columns.sku == 2 and header.columns.group == 0
    assert "groups variant rows" in suggest_mapping(["Handle", "Title", "Variant SKU"])[1]["sku"]


@pytest.mark.parametrize(
    ("mapping", "field", "code"),
    [
        ({"sku": "Nope", "name": "b"}, "mapping.sku", "missing_column"),
        ({"sku": "a", "name": "a"}, "mapping.name", "duplicate_column"),
        ({"name": "a"}, "mapping.sku", "required"),
        ({"sku": "a", "name": "b", "price": "c"}, "mapping", "unknown_field"),
    ],
)
def test_bad_mappings(mapping, field, code):
    with pytest.raises(BadOption) as info:
        check_mapping(["a", "b", "c"], mapping)
    assert (info.value.field, info.value.code) == (field, code)


def test_a_mapping_without_a_name_column_is_a_partial_file():
    check_mapping(["a", "b", "c"], {"sku": "a", "active": "c"})  # no problem


def test_header_key_ignores_order_case_and_spacing():
    assert header_key(["SKU", "Product Name"]) == header_key(["product_name", " sku "])
    assert header_key(["SKU", "Name"]) != header_key(["SKU", "Title"])


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("sku,name\na,b\n", ","),
        ("sku;name;description\na;b;1,5 kg\nc;d;2,0 kg\n", ";"),
        ("sku\tname\na\tb, c\n", "\t"),
        ("sku|name\na|b\n", "|"),
        ("sku\na;1\nb|2\n", ","),  # one column: not misread
        ('sku,name\n"a;b",c\n', ","),
    ],
)
def test_delimiter_sniffing(text, delimiter):
    assert find_layout(io.BytesIO(text.encode())).delimiter == delimiter


def test_gzip_compressed_tsv_in_windows_1252():
    data = gzip.compress("sku\tname\nA\tCrème brûlée\n".encode("cp1252"))
    layout = find_layout(io.BytesIO(data), size=len(data))
    assert (layout.compression, layout.encoding, layout.delimiter) == ("gzip", "cp1252", "\t")
    reader = open_reader(io.BytesIO(data), layout=layout)
    reader.read_header()
    assert [r.fields for r in reader.records()] == [["A", "Crème brûlée"]]


def test_utf16_be_with_bom():
    data = "\ufeffsku;name\r\nA;Ä\r\n".encode("utf-16-be")
    layout = find_layout(io.BytesIO(data))
    assert (layout.encoding, layout.delimiter) == ("utf-16-be", ";")


def test_chosen_encoding_and_delimiter_win():
    data = "sku;name\nA;Ł\n".encode("iso8859_2")
    options = ReadOptions(encoding="iso-8859-2", delimiter="semicolon")
    layout = find_layout(io.BytesIO(data), options)
    assert (layout.encoding, layout.delimiter) == ("iso8859-2", ";")
    reader = open_reader(io.BytesIO(data), layout=layout)
    reader.read_header()
    assert [r.fields for r in reader.records()] == [["A", "Ł"]]


def test_workbook_resumes_after_a_checkpoint_on_the_sheet_row():
    data = real_files.xlsx_workbook()
    layout = find_layout(io.BytesIO(data))
    reader = open_reader(io.BytesIO(data), layout=layout)
    header = reader.read_header()
    chunks = list(read_chunks(reader, header, 2))
    assert [[r.line for r in c.rows] for c in chunks] == [[2, 4], [6], []]
    assert [p.line for p in chunks[1].rejected] == [7]
    resumed = open_reader(io.BytesIO(data), Position(*chunks[0].end), layout)
    again = list(read_chunks(resumed, header, 2))
    assert [r.line for c in again for r in c.rows] == [6]
    assert again[-1].end == chunks[-1].end
