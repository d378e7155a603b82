"""Counts in messages agree with their noun: "1 field", "2 fields", "1 hour"."""


import pytest

from core.text import plural


@pytest.mark.parametrize(
    ("count", "word", "words", "text"),
    [
        (1, "field", None, "1 field"),
        (0, "field", None, "0 fields"),
        (2, "field", None, "2 fields"),
        (1200, "row", None, "1,200 rows"),
        (1.0, "hour", None, "1 hour"),
        (1.5, "hour", None, "1.5 hours"),
        (1, "delivery", "deliveries", "1 delivery"),
        (3, "delivery", "deliveries", "3 deliveries"),
    ],
)
def test_plural(count, word, words, text):
    assert plural(count, word, words) == text

