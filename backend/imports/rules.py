"""Row-level rules of a product import, in one place for every database and for dry runs.

A data record (from any reader) becomes a `ProductRow` or a `RowProblem` with a message a
person can act on. The rules: `sku` and `name` are trimmed and must hold 1-255 characters;
`description` is kept as written; `active` accepts true/false/1/0/yes/no in any letter case.
A column that the file does not have yields `None`, which the writers read as "keep the
stored value" (a new product then gets the model default: empty description, active).
"""

from __future__ import annotations

from typing import NamedTuple

from .problems import RowProblem
from .reading.header import Columns

MAX_LENGTH = 255

TRUE_WORDS = frozenset({"true", "1", "yes"})
FALSE_WORDS = frozenset({"false", "0", "no"})


class ProductRow(NamedTuple):
    """One valid data record, ready for a writer."""

    line: int
    sku: str
    name: str
    description: str | None
    active: bool | None


def parse_active(value: str) -> bool | None:
    """Return the boolean an `active` cell stands for, or None when it is not a known word."""
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def _length_problem(column: str, value: str) -> str | None:
    if not value:
        return f"{column} is empty; every row needs a {column}"
    if len(value) > MAX_LENGTH:
        return f"{column} is {len(value)} characters long; at most {MAX_LENGTH} are allowed"
    return None


def clean_row(line: int, fields: list[str], columns: Columns) -> ProductRow | RowProblem:
    """Apply the row rules to the fields of the record that starts on `line`."""
    if len(fields) != columns.count:
        sku = fields[columns.sku].strip()[:MAX_LENGTH] if len(fields) > columns.sku else ""
        return RowProblem(
            line,
            sku,
            f"the row has {len(fields)} fields but the header has {columns.count}; "
            "check for a missing or extra comma, or a quote that is not closed",
        )
    sku = fields[columns.sku].strip()
    name = fields[columns.name].strip()
    problem = _length_problem("sku", sku) or _length_problem("name", name)
    if problem:
        return RowProblem(line, sku[:MAX_LENGTH], problem)
    description = None if columns.description is None else fields[columns.description]
    active = None
    if columns.active is not None:
        raw = fields[columns.active]
        active = parse_active(raw)
        if active is None:
            return RowProblem(
                line,
                sku,
                f"active is {raw.strip()!r}; use true, false, 1, 0, yes or no (any letter case), "
                "or leave the active column out to keep each product's current value",
            )
    return ProductRow(line, sku, name, description, active)
