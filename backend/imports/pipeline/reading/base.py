"""What every file format's reader gives the passes: a header, records with their line, positions.

The passes never see bytes or CSV syntax. A reader turns one uploaded file into its header
row and then data records (`Record`: the physical line it starts on and its fields) or
`RowProblem`s (a record its format rejects), in file order, and says after each record the
`Position` a checkpoint stores to resume from. Each format is a `Reader` subclass
(`CsvReader` for CSV/TSV text, `XlsxReader` for workbooks) chosen by `reading.open_reader`
from the file's `Layout`; nothing after it changes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import NamedTuple

from ..problems import RowProblem
from .compression import ByteSource
from .header import Header, resolve_header


class Position(NamedTuple):
    """A record boundary: decompressed bytes, physical lines and data records before it."""

    offset: int = 0
    line: int = 0
    rows: int = 0


START = Position()

EMPTY_FILE = "The file is empty: it needs a header row (with sku and name) and product rows."


class Record(NamedTuple):
    """A data record: the physical line it starts on and its fields."""

    line: int
    fields: list[str]


class Reader(ABC):
    """The records of one import file, from a start position, with positions and raw text."""

    header_line: int = 1  # where the header row was found (set by `header_fields`)

    @abstractmethod
    def header_fields(self) -> list[str]:
        """The header row as written (the first record of the file); raise BadFile if none."""

    def read_header(self, mapping: dict[str, str | None] | None = None) -> Header:
        """Read the header row and find the known columns in it, by `mapping` when given
        (raise BadFile, or BadOption for a mapping that does not fit)."""
        fields = self.header_fields()
        return resolve_header(fields, mapping, self.header_line)

    @abstractmethod
    def records(self) -> Iterator[Record | RowProblem]:
        """Each data record (blank ones skipped) or the problem that rejects it, in file order."""

    @abstractmethod
    def position(self) -> Position:
        """The boundary after the last record returned (what a checkpoint stores)."""

    @abstractmethod
    def lines_read(self) -> int:
        """Physical lines consumed so far (the last line of the last record returned)."""

    @abstractmethod
    def raw_text(self, first: int, last: int) -> str:
        """The text of physical lines `first`..`last` as written (for the errors report)."""

    @property
    @abstractmethod
    def consumed(self) -> int:
        """Bytes of the uploaded file itself read so far (for progress)."""

    @property
    def produced(self) -> int:
        """Bytes of content read so far (decompressed; at most a block past the last record),
        which bounds the memory a chunk of records takes."""
        return self.consumed


class StreamReader(Reader):
    """A reader of a byte stream (CSV text, JSON Lines): its progress is its `ByteSource`'s."""

    source: ByteSource

    @property
    def consumed(self) -> int:
        """Bytes of the uploaded file itself read so far (for progress)."""
        return self.source.consumed

    @property
    def produced(self) -> int:
        """Decompressed bytes read so far (for bounding a chunk's memory)."""
        return self.source.produced
