"""The two ways an import file can be wrong: the whole file, or one of its records.

`BadFile` fails the job before any write (its message becomes the job's error). A
`RowProblem` skips one record: the reader creates it for a record its format rejects, the
row rules for a record whose values break them; the apply pass adds the record's text as
written and stores it unchanged as an `ImportRowError` row (the errors.csv report).
"""

from __future__ import annotations

from typing import NamedTuple


class BadFile(Exception):
    """The file as a whole cannot be imported; the message says what, where and what to do."""


class RowProblem(NamedTuple):
    """A rejected data record: where it starts, its SKU when known, why, the text as written.

    `raw` is empty until the apply pass fills it in (pass 1 only counts problems).
    """

    line: int
    sku: str
    message: str
    raw: str = ""
