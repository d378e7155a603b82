"""GraphQL types of the imports app: the job, its rejected rows, the status enum, and what
inspecting a file found (layout, mapping, preview) with the options a person may set."""

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry import auto, relay
from strawberry_django.relay import DjangoListConnection

from imports import changes
from imports.api.types_changes import ImportChangeKind, ImportChangeType, RevertConflictType
from imports.api.types_sync import SyncJobFields, SyncOptionsFields
from imports.models import ImportChange, ImportJob, ImportRowError, RevertConflict


@strawberry.enum(name="ImportStatus")
class ImportStatus(Enum):
    """Where an import is: waiting, running, or ended one of three ways."""

    STAGED = "STAGED"
    PENDING = "PENDING"
    PROCESSING = "PROCESSING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"
    EXPIRED = "EXPIRED"
    NEEDS_CONFIRMATION = "NEEDS_CONFIRMATION"


@strawberry.enum(name="ImportFormat")
class ImportFormat(Enum):
    """A file format read by imports (found from the content, never the name)."""

    CSV = "CSV"
    XLSX = "XLSX"


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
    out or null to not import it. sku and name are required."""

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


@strawberry.enum(name="ImportJobKind")
class ImportJobKind(Enum):
    """An import of a file, or the revert of an import."""

    IMPORT = "IMPORT"
    REVERT = "REVERT"


@strawberry_django.type(ImportRowError, name="ImportRowError")
class ImportRowErrorType(relay.Node):
    """A skipped row: the physical line where its record starts (header = line 1)."""

    line: int
    sku: str | None = strawberry_django.field(
        description="The row's SKU when it could be read.",
        resolver=lambda root: root.sku or None,
    )
    message: auto
    raw: str = strawberry_django.field(description="The record as it was written in the file.")


@strawberry_django.type(ImportJob, name="ImportJob")
class ImportJobType(SyncJobFields, relay.Node):
    """One import of a file (CSV/TSV text or an .xlsx workbook); counts are per product,
    progress is 0-100 and only grows."""

    file_name: auto
    file_size: float = strawberry_django.field(description="Size of the upload in bytes.")
    dry_run: auto
    progress: int
    bytes_processed: float = strawberry_django.field(
        description="Bytes of the uploaded file read so far."
    )
    rows_processed: int = strawberry_django.field(description="Data rows read so far.")
    created_count: int
    updated_count: int
    unchanged_count: int
    replaced_count: int = strawberry_django.field(
        description=(
            "Valid rows not applied because a later row of the file has the same SKU (the "
            "last row wins). rowsProcessed = createdCount + updatedCount + unchangedCount + "
            "replacedCount + errorCount."
        )
    )
    error_count: int
    error_message: str | None = strawberry_django.field(
        description="Why the job failed: what and where (line or byte).",
        resolver=lambda root: root.error_message or None,
    )
    format: ImportFormat | None = strawberry_django.field(
        description="The file's format, found from its content (null until read).",
        resolver=lambda root: ImportFormat(root.format) if root.format else None,
    )
    compression: str | None = strawberry_django.field(
        description="`gzip` when the text was compressed.",
        resolver=lambda root: root.compression or None,
    )
    encoding: str | None = strawberry_django.field(
        description="The text encoding read (Python codec name: utf-8, utf-16-le, cp1252, ...).",
        resolver=lambda root: root.encoding or None,
    )
    delimiter: str | None = strawberry_django.field(
        description="The field delimiter of a text file.",
        resolver=lambda root: root.delimiter or None,
    )
    sheet: str | None = strawberry_django.field(
        description="The sheet read, for a workbook.", resolver=lambda root: root.sheet or None
    )
    header_row: int | None = strawberry_django.field(
        description="The line (text) or row (sheet) of the column names.",
        resolver=lambda root: root.header_row or None,
    )
    headers: list[str] = strawberry_django.field(
        description="The column names as written.", resolver=lambda root: root.header or []
    )
    created_at: auto
    started_at: auto
    finished_at: auto
    errors: DjangoListConnection[ImportRowErrorType] = strawberry_django.connection(
        description="Skipped rows, in file order."
    )

    deleted_count: int = strawberry_django.field(
        description="Products deleted: by a revert (the import had created them), or by an "
        "import's removal of products its file no longer lists (`missing: DELETE`)."
    )
    restored_count: int = strawberry_django.field(
        description="A revert: products given back their values from before the import."
    )
    conflict_count: int = strawberry_django.field(
        description="A revert: products left as they were, written again after the import."
    )
    reverts: "ImportJobType | None" = strawberry_django.field(
        description="A revert: the import it reverts."
    )

    @strawberry_django.field(only=["status"])
    def status(self, root: ImportJob) -> ImportStatus:
        """The job's status."""
        return ImportStatus(root.status)

    @strawberry_django.field(only=["mapping"])
    def mapping(self, root: ImportJob) -> ColumnMappingType | None:
        """The mapping in effect: confirmed, saved for these columns, or detected."""
        return _mapping(root.mapping)

    @strawberry_django.field(only=["inspection"])
    def suggested_mapping(self, root: ImportJob) -> ColumnMappingType | None:
        """The mapping found from the column names alone."""
        return _mapping(_inspection(root, "suggested_mapping"))

    @strawberry_django.field(only=["inspection"])
    def mapping_source(self, root: ImportJob) -> str | None:
        """Where the mapping comes from: DETECTED, SAVED (last confirmed for these columns)
        or CHOSEN."""
        return _inspection(root, "mapping_source")

    @strawberry_django.field(only=["inspection"])
    def mapping_problem(self, root: ImportJob) -> ImportMappingProblem | None:
        """Why the mapping cannot be used yet, if so (a staged import)."""
        problem = _inspection(root, "mapping_problem")
        return ImportMappingProblem(**problem) if problem else None

    @strawberry_django.field(only=["inspection"])
    def column_notes(self, root: ImportJob) -> list[ColumnNote]:
        """Which column was taken for a field, and why, where a choice was made."""
        notes = _inspection(root, "notes", {})
        return [ColumnNote(field=ProductField(f), note=n) for f, n in notes.items()]

    @strawberry_django.field(only=["inspection"])
    def sheet_names(self, root: ImportJob) -> list[str]:
        """The workbook's sheets, in order (empty for a text file)."""
        return _inspection(root, "sheet_names", [])

    @strawberry_django.field(only=["inspection"])
    def row_estimate(self, root: ImportJob) -> int | None:
        """About how many data rows the file has (exact for a small file)."""
        return _inspection(root, "row_estimate")

    @strawberry_django.field(only=["inspection"])
    def preview_rows(self, root: ImportJob) -> list[ImportPreviewRow]:
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

    @strawberry_django.field(
        only=["kind"], description="An import of a file, or a revert of an import."
    )
    def kind(self, root: ImportJob) -> ImportJobKind:
        """An import of a file, or a revert of an import."""
        return ImportJobKind(root.kind)

    @strawberry_django.field(
        only=["finished_at", "changes_pruned_at"],
        description="When the change log is removed (after that the import cannot be "
        "reverted); null while it runs and once removed.",
    )
    def changes_kept_until(self, root: ImportJob) -> datetime | None:
        """When the change log is removed (after that the import cannot be reverted)."""
        return changes.changes_kept_until(root)

    @strawberry_django.field(
        disable_optimization=True,
        description="Why `revertImport` would refuse this job now; null when it can be reverted.",
    )
    def revert_blocked_reason(self, root: ImportJob) -> str | None:
        """Why `revertImport` would refuse this job now; null when it can be reverted."""
        return changes.revert_blocker(root)

    @strawberry_django.field(
        disable_optimization=True,
        description="The most recent revert of this import (any status), or null.",
    )
    def latest_revert(self, root: ImportJob) -> "ImportJobType | None":
        """The most recent revert of this import (any status), or null."""
        return root.reverted_by.order_by("-id").first()

    @strawberry_django.connection(
        DjangoListConnection[ImportChangeType],
        description="Products the import created or updated (a dry run: would have), in file "
        "order, with the values before and after. Unchanged products are only counted.",
    )
    def changes(
        self, root: ImportJob, kind: ImportChangeKind | None = None
    ) -> QuerySet[ImportChange]:
        """Products the import created or updated (a dry run: would have), in file order.
        Unchanged products are counted (`unchangedCount`), not listed."""
        entries = ImportChange.objects.filter(job_id=root.pk).order_by("line")
        return entries if kind is None else entries.filter(kind=kind.value)

    @strawberry_django.connection(
        DjangoListConnection[RevertConflictType],
        description="A revert: the products it left as they were, with the reason.",
    )
    def conflicts(self, root: ImportJob) -> QuerySet[RevertConflict]:
        """A revert: the products it left as they were, with the reason, in file order."""
        return RevertConflict.objects.filter(job_id=root.pk).order_by("id")
