import pytest

from imports.pipeline.problems import RowProblem
from imports.pipeline.reading import Columns
from imports.pipeline.rules import ProductRow, clean_row, parse_active

COLS = Columns(count=4, sku=0, name=1, description=2, active=3)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("true", True), ("TRUE", True), (" Yes ", True), ("1", True), ("y", True),
     ("Active", True), ("ENABLED", True), ("published", True),
     ("false", False), ("No", False), ("0", False), ("FALSE", False), ("N", False),
     ("inactive", False), ("Disabled", False), ("draft", False), ("ARCHIVED", False),
     ("-1", False)],
)
def test_active_words(word, expected):
    assert parse_active(word) is expected


@pytest.mark.parametrize("word", ["", "yess", "nn", "2", "on", "off", "t", "f", "truee"])
def test_unknown_active_words(word):
    assert parse_active(word) is None


def test_trims_sku_and_name_but_keeps_description():
    row = clean_row(7, ["  AB-1 ", "\tWidget  ", "  two\nlines ", "yes"], COLS)
    assert row == ProductRow(7, "AB-1", "Widget", "  two\nlines ", True)


def test_missing_optional_columns_give_none():
    row = clean_row(2, ["a", "b"], Columns(2, 0, 1, None, None))
    assert row == ProductRow(2, "a", "b", None, None)


@pytest.mark.parametrize(
    ("fields", "sku", "message"),
    [
        (["", "n", "d", "true"], "", "sku is empty"),
        (["   ", "n", "d", "true"], "", "sku is empty"),
        (["s", " ", "d", "true"], "s", "name is empty"),
        (["x" * 256, "n", "d", "true"], "x" * 255, "sku is 256 characters long; at most 255"),
        (["s", "n" * 300, "d", "true"], "s", "name is 300 characters long; at most 255"),
        (["s", "n", "d", "maybe"], "s", "active is 'maybe'; use true/false, 1/0, yes/no"),
        (["s", "n", "d", ""], "s", "active is ''; use true/false"),
        (["s", "n", "d"], "s", "the row has 3 fields but the header has 4"),
        (["s", "n", "d", "true", "extra"], "s", "the row has 5 fields but the header has 4"),
        ([""], "", "the row has 1 field but the header has 4"),
    ],
)
def test_rejections_say_what_is_wrong(fields, sku, message):
    problem = clean_row(12, fields, COLS)
    assert isinstance(problem, RowProblem)
    assert problem.line == 12
    assert problem.sku == sku
    assert message in problem.message


def test_exactly_255_characters_is_allowed():
    row = clean_row(2, ["s" * 255, "n" * 255, "", "no"], COLS)
    assert isinstance(row, ProductRow)
    assert row.active is False
