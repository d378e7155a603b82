"""GraphQL types of the imports app: the job, its rejected rows and the status enum; what
inspecting a file found, and the options a person may set, are in `types_inspection`; the
sync options and counts in `types_sync`."""

from datetime import datetime
from enum import Enum

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry import auto, relay
from strawberry_django.relay import DjangoListConnection

from imports import changes
from imports.api import types_inspection as inspection
from imports.api.types_changes import (
    ImportChangeKind,
    ImportChangeType,
    RevertConflictType,
    RevertPreviewType,
)
from imports.api.types_inspection import (
    ColumnMappingType,
    ColumnNote,
    ImportFormat,
    ImportMappingProblem,
    ImportPreviewRow,
)
from imports.api.types_sync import SyncJobFields
from imports.models import ImportChange, ImportJob, ImportRowError, RevertConflict
from imports.pipeline import finishing
from imports.reverting.preview import revert_preview

# The model's choices are the GraphQL enums (same names and values): one definition.
ImportStatus = strawberry.enum(ImportJob.Status, name="ImportStatus")
ImportJobKind = strawberry.enum(ImportJob.Kind, name="ImportJobKind")


def _origin(value: ImportJob.Origin, description: str) -> object:
    """A value of `ImportOrigin`: the model's value, described for the schema."""
    return strawberry.enum_value(value.value, description=description)


@strawberry.enum(name="ImportOrigin", description="Where an import job came from.")
class ImportOrigin(Enum):
    """The model's `ImportJob.Origin` values, each with what it means."""

    UPLOAD = _origin(
        ImportJob.Origin.UPLOAD,
        "A file uploaded to the server: the app, importProducts or stageImport.",
    )
    DIRECT_UPLOAD = _origin(
        ImportJob.Origin.DIRECT_UPLOAD,
        "A file sent straight to the object storage (createUpload).",
    )
    FEED = _origin(ImportJob.Origin.FEED, "A file a feed fetched: its run, or a source test.")
    API = _origin(ImportJob.Origin.API, "Products sent in an upsertProducts call (no file).")
    BULK_ACTION = _origin(
        ImportJob.Origin.BULK_ACTION,
        "Chosen products activated, deactivated (setProductsActive) or deleted "
        "(deleteProducts) at once.",
    )
    REVERT = _origin(ImportJob.Origin.REVERT, "The revert of an import (revertImport).")


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
    file_kept_until: datetime | None = strawberry_django.field(
        description="Until when a completed dry run keeps its file, so that `importAgain` "
        "can import it for real without a new upload (null: no file is kept).",
        resolver=lambda root: finishing.file_kept_until(root),
        only=["file", "kind", "dry_run", "status", "finished_at"],
    )
    error_message: str | None = strawberry_django.field(
        description="Why the job failed: what and where (line or byte).",
        resolver=lambda root: root.error_message or None,
    )
    notice: str | None = strawberry_django.field(
        description="How a completed import completed, when that is worth saying (the same "
        "file as an earlier import, with nothing written since: its rows were not read "
        "again). Not an error.",
        resolver=lambda root: root.notice or None,
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

    status: ImportStatus = strawberry_django.field(
        only=["status"], resolver=lambda root: ImportStatus(root.status)
    )
    origin: ImportOrigin = strawberry_django.field(
        description="Where the job came from: an upload, a direct upload, a feed, an "
        "upsertProducts call, a bulk action or a revert.",
        only=["origin"], resolver=lambda root: ImportOrigin(root.origin),
    )

    # What inspecting the file found (a staged import): `types_inspection` resolves them.
    mapping: ColumnMappingType | None = strawberry_django.field(
        only=["mapping"], resolver=inspection.mapping_in_effect
    )
    suggested_mapping: ColumnMappingType | None = strawberry_django.field(
        only=["inspection"], resolver=inspection.suggested_mapping
    )
    mapping_source: str | None = strawberry_django.field(
        only=["inspection"], resolver=inspection.mapping_source
    )
    mapping_problem: ImportMappingProblem | None = strawberry_django.field(
        only=["inspection"], resolver=inspection.mapping_problem
    )
    column_notes: list[ColumnNote] = strawberry_django.field(
        only=["inspection"], resolver=inspection.column_notes
    )
    sheet_names: list[str] = strawberry_django.field(
        only=["inspection"], resolver=inspection.sheet_names
    )
    sheet_note: str | None = strawberry_django.field(
        only=["inspection"], resolver=inspection.sheet_note
    )
    row_estimate: int | None = strawberry_django.field(
        only=["inspection"], resolver=inspection.row_estimate
    )
    preview_rows: list[ImportPreviewRow] = strawberry_django.field(
        only=["inspection"], resolver=inspection.preview_rows
    )

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
        description="What `revertImport` would do now: counted from the products that still "
        "hold what the import wrote (null when it cannot be reverted). Reads the whole change "
        "log: ask for it about one import at a time.",
    )
    def revert_preview(self, root: ImportJob) -> RevertPreviewType | None:
        """What `revertImport` would do now (null when it cannot be reverted)."""
        if changes.revert_blocker(root) is not None:
            return None
        counts = revert_preview(root)
        return RevertPreviewType(
            delete_count=counts.delete_count,
            restore_count=counts.restore_count,
            conflict_count=counts.conflict_count,
        )

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
