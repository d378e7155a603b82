"""GraphQL types of what inspecting a file found (layout, mapping, preview) and of the options
a person may set, with the resolvers of the job's inspection fields.

The fields stay on `ImportJob` itself (`types.ImportJobType` declares them with these
resolvers); they read the job's `mapping` and its `inspection` details.
"""

from enum import Enum
from typing import Any

import strawberry

from imports.api.types_sync import SyncOptionsFields
from imports.models import ImportJob


@strawberry.enum(name="ImportFormat")
class ImportFormat(Enum):
    """A file format read by imports (found from the content, never the name)."""

    CSV = "CSV"
    XLSX = "XLSX"
    JSONL = "JSONL"


@strawberry.enum(name="ProductField")
class ProductField(Enum):
    """A product field an import column can fill."""

    SKU = "sku"
    NAME = "name"
    DESCRIPTION = "description"
    ACTIVE = "active"


@strawberry.type(name="ColumnMapping")
class ColumnMappingType:
    """Which file column fills each product field (null: the field is not imported)."""

    sku: str | None = None
    name: str | None = None
    description: str | None = None
    active: str | None = None


@strawberry.input(name="ColumnMappingInput")
class ColumnMappingInput:
    """Which file column (its header name as written) fills each product field; leave a field
    out or null to not import it. sku is required; a row that creates a product needs a name."""

    sku: str | None = None
    name: str | None = None
    description: str | None = None
    active: str | None = None


@strawberry.input(name="ImportOptionsInput")
class ImportOptionsInput(SyncOptionsFields):
    """Choices that override what was detected; leave one out to keep the detected value."""

    format: ImportFormat | None = None
    sheet: str | None = strawberry.field(
        default=None, description="A sheet's name or number (1 is the first); workbooks only."
    )
    encoding: str | None = strawberry.field(
        default=None, description="A text encoding name: utf-8, utf-16, windows-1252, ..."
    )
    delimiter: str | None = strawberry.field(
        default=None, description="`,` `;` `|` or a tab (also `tab`); text files only."
    )
    header_row: int | None = strawberry.field(
        default=None, description="The line (text) or row (sheet) holding the column names."
    )
    mapping: ColumnMappingInput | None = None

    def to_dict(self) -> dict[str, Any]:
        """The options as the services take them."""
        out: dict[str, Any] = {
            "format": self.format.value if self.format else None,
            "sheet": self.sheet, "encoding": self.encoding, "delimiter": self.delimiter,
            "header_row": self.header_row,
        }
        if self.mapping is not None:
            out["mapping"] = {f.value: getattr(self.mapping, f.value) for f in ProductField}
        return {**out, **self.sync_dict()}


@strawberry.type(name="ColumnNote")
class ColumnNote:
    """How the column of one product field was chosen (when another could have filled it,
    or it was found by a common name)."""

    field: ProductField
    note: str


@strawberry.type(name="ImportPreviewCell")
class ImportPreviewCell:
    """One product field of a preview row: the value as it would be imported, its problem."""

    field: ProductField
    column: str | None
    value: str
    problem: str | None


@strawberry.type(name="ImportPreviewRow")
class ImportPreviewRow:
    """One of the first rows as it would be imported."""

    line: int = strawberry.field(description="The line (text) or row (sheet) of the record.")
    values: list[str] = strawberry.field(description="The record's cells as read, in file order.")
    cells: list[ImportPreviewCell]
    problem: str | None = strawberry.field(description="Why the row would be skipped, if so.")


@strawberry.type(name="ImportMappingProblem")
class ImportMappingProblem:
    """Why the mapping cannot be used yet (a required field without a column, ...)."""

    field: str
    message: str
    code: str


def _inspection(root: ImportJob, key: str, default: Any = None) -> Any:
    return (root.inspection or {}).get(key, default)


def _mapping(value: dict | None) -> ColumnMappingType | None:
    if not value:
        return None
    return ColumnMappingType(**{f.value: value.get(f.value) for f in ProductField})


def mapping_in_effect(root: ImportJob) -> ColumnMappingType | None:
    """The mapping in effect: confirmed, saved for these columns, or detected."""
    return _mapping(root.mapping)


def suggested_mapping(root: ImportJob) -> ColumnMappingType | None:
    """The mapping found from the column names alone."""
    return _mapping(_inspection(root, "suggested_mapping"))


def mapping_source(root: ImportJob) -> str | None:
    """Where the mapping comes from: DETECTED, SAVED (last confirmed for these columns)
    or CHOSEN."""
    return _inspection(root, "mapping_source")


def mapping_problem(root: ImportJob) -> ImportMappingProblem | None:
    """Why the mapping cannot be used yet, if so (a staged import)."""
    problem = _inspection(root, "mapping_problem")
    return ImportMappingProblem(**problem) if problem else None


def column_notes(root: ImportJob) -> list[ColumnNote]:
    """Which column was taken for a field, and why, where a choice was made."""
    notes = _inspection(root, "notes", {})
    return [ColumnNote(field=ProductField(f), note=n) for f, n in notes.items()]


def sheet_names(root: ImportJob) -> list[str]:
    """The workbook's sheets, in order (empty for a text file)."""
    return _inspection(root, "sheet_names", [])


def sheet_note(root: ImportJob) -> str | None:
    """Which sheet of a workbook is read and why, and its other sheets (null for a text file
    or a workbook of one sheet)."""
    return _inspection(root, "sheet_note", "") or None


def row_estimate(root: ImportJob) -> int | None:
    """About how many data rows the file has (exact for a small file)."""
    return _inspection(root, "row_estimate")


def preview_rows(root: ImportJob) -> list[ImportPreviewRow]:
    """The first rows as they would be imported, each cell with its problem (staged)."""
    return [
        ImportPreviewRow(
            line=row["line"], values=row["values"], problem=row["problem"],
            cells=[ImportPreviewCell(field=ProductField(c["field"]), column=c["column"],
                                     value=c["value"], problem=c["problem"])
                   for c in row["cells"]],
        )
        for row in _inspection(root, "preview", [])
    ]
