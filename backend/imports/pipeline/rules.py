"""Row-level rules of a product import, in one place for every database and for dry runs.

A data record (from any reader) becomes a `ProductRow` or a `RowProblem` with a message a
person can act on. The rules: `sku` and `name` are trimmed and must hold 1-255 characters;
`description` is kept as written; `active` accepts the words of `TRUE_WORDS` and `FALSE_WORDS`
in any letter case (Excel's TRUE/FALSE, Shopify's status, WooCommerce's 1/0/-1 included).
A column that the file does not have yields `None`, which the writers read as "keep the
stored value" (a new product then gets the model default: empty description, active). So
does an empty cell under `emptyCells: KEEP` (`Columns.keep_empty`). A row whose name is
`None` can only update a product (`pipeline.modes` makes it a bad row when its SKU is new).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from core.text import plural

from .problems import RowProblem
from .reading.base import Record
from .reading.header import Columns

MAX_LENGTH = 255

TRUE_WORDS = frozenset({"true", "1", "yes", "y", "active", "enabled", "published",
                        # yes in German/Dutch, French, Spanish/Italian, Portuguese.
                        "ja", "oui", "si", "sí", "sim"})
# WooCommerce's Published: 1 published, 0 private, -1 draft. Shopify's Status: active, draft,
# archived.
FALSE_WORDS = frozenset(
    {"false", "0", "no", "n", "inactive", "disabled", "draft", "archived", "-1",
     "nein", "nee", "non", "não", "nao"}
)
ACTIVE_HELP = (
    "use true/false, 1/0, yes/no, y/n, active/inactive, enabled/disabled, published/draft/"
    "archived (any letter case), ja/nein, oui/non, sí/no, sim/não or WooCommerce's 1/0/-1"
)


# Shopify's option value of a product without variants.
DEFAULT_OPTION = "Default Title"
IMAGE_ROW = ("image row without a SKU (handle {handle!r}): Shopify lists a product's extra "
             "images on rows of their own; images are not imported, so it adds no product")


class ProductRow(NamedTuple):
    """One valid data record, ready for a writer."""

    line: int
    sku: str
    name: str | None  # None: no name column, or an empty cell kept (`emptyCells: KEEP`)
    description: str | None
    active: bool | None
    raw: str = ""  # the record as written, kept for a row without a name (it may be refused)


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
            f"the row has {plural(len(fields), 'field')} but the header has {columns.count}; "
            "check for a missing or extra comma, or a quote that is not closed",
        )
    sku = fields[columns.sku].strip()
    keep = columns.keep_empty
    # A None field (an API item that leaves the field out) keeps the stored value.
    name = None if columns.name is None or fields[columns.name] is None else (
        fields[columns.name].strip())
    if keep and not name:
        name = None
    problem = _length_problem("sku", sku) or (
        _length_problem("name", name) if name is not None else None
    )
    if problem:
        return RowProblem(line, sku[:MAX_LENGTH], problem, field=problem.split(" ", 1)[0])
    description = None if columns.description is None else fields[columns.description]
    if keep and description == "":
        description = None
    active = None
    if (columns.active is not None and fields[columns.active] is not None
            and not (keep and not fields[columns.active].strip())):
        raw = fields[columns.active]
        active = parse_active(raw)
        if active is None:
            return RowProblem(
                line,
                sku,
                f"active is {raw.strip()!r}; {ACTIVE_HELP}, or leave the active column out to "
                "keep each product's current value",
                field="active",
            )
    return ProductRow(line, sku, name, description, active)


def fill_variants(
    records: Iterator[Record | RowProblem], columns: Columns
) -> Iterator[Record | RowProblem]:
    """Shopify's variant rows: a row of the same handle as the row before takes that row's
    name, description and active where its own cells are empty, and a variant is named from
    its option values as Shopify's admin names it ("Tee - Green / S"; a lone "Default Title"
    option keeps the plain title); a row with nothing but a handle (an extra image) is a
    problem that says so, so every row of the file is counted. Without a group column the
    records pass unchanged."""
    group = columns.group
    if group is None:
        yield from records
        return
    own = [i for i in (columns.sku, columns.name, columns.description, columns.active)
           if i is not None]
    inherited = [i for i in (columns.name, columns.description, columns.active)
                 if i is not None]
    handle, first, title = None, None, ""
    for record in records:
        if type(record) is not Record or len(record.fields) != columns.count:
            yield record
            continue
        fields = record.fields
        if fields[group] != handle or first is None:
            handle, first = fields[group], fields
            title = fields[columns.name] if columns.name is not None else ""
        elif all(not fields[i].strip() for i in own):
            yield RowProblem(record.line, "", IMAGE_ROW.format(handle=handle.strip()))
            continue
        else:
            for i in inherited:
                if not fields[i].strip():
                    fields[i] = title if i == columns.name else first[i]
        values = [fields[i].strip() for i in columns.options if fields[i].strip()]
        if columns.name is not None and values and values != [DEFAULT_OPTION]:
            fields[columns.name] = f"{fields[columns.name].strip()} - {' / '.join(values)}"
        yield record
