"""The two ways an import file can be wrong: the whole file, or one of its records.

`BadFile` fails the job before any write (its message becomes the job's error). A
`RowProblem` skips one record: the reader creates it for a record its format rejects, the
row rules for a record whose values break them; the apply pass adds the record's text as
written and stores it unchanged as an `ImportRowError` row (the errors.csv report).
"""

from __future__ import annotations

from typing import NamedTuple

# The error of an all-or-nothing job (upsertProducts' REJECT_EVERYTHING) with bad rows.
REFUSED = (
    "{errors} of {records} products were refused and, as errorPolicy REJECT_EVERYTHING asks, "
    "nothing was written. Fix them and send them again, or send REJECT_FAILED_ROWS to write "
    "the others."
)


class BadFile(Exception):
    """The file as a whole cannot be imported; the message says what, where and what to do."""


class BadOption(BadFile):
    """An import option (sheet, encoding, delimiter, header row, mapping) that does not fit
    the file: `field` names the option (`mapping.sku` for one field of the mapping), `code`
    is the stable error code a client may test."""

    def __init__(self, field: str, message: str, code: str) -> None:
        """Record the option at fault, the message and the code."""
        super().__init__(message)
        self.field = field
        self.code = code


class RowProblem(NamedTuple):
    """A rejected data record: where it starts, its SKU when known, why, the text as written.

    `raw` is empty until the apply pass fills it in (pass 1 only counts problems); `field`
    names the product field whose cell is at fault, when one is (for the preview).
    """

    line: int
    sku: str
    message: str
    raw: str = ""
    field: str = ""
