"""GraphQL types of the imports app: the job, its rejected rows, the status enum."""

from enum import Enum

import strawberry
import strawberry_django
from strawberry import auto, relay
from strawberry_django.relay import DjangoListConnection

from imports.models import ImportJob, ImportRowError


@strawberry.enum(name="ImportStatus")
class ImportStatus(Enum):
    """Where an import is: waiting, running, or ended one of three ways."""

    PENDING = "PENDING"
    PROCESSING = "PROCESSING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


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
class ImportJobType(relay.Node):
    """One import of a CSV file; counts are per product, progress is 0-100 and only grows."""

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
    created_at: auto
    started_at: auto
    finished_at: auto
    errors: DjangoListConnection[ImportRowErrorType] = strawberry_django.connection(
        description="Skipped rows, in file order."
    )

    @strawberry_django.field(only=["status"])
    def status(self, root: ImportJob) -> ImportStatus:
        """The job's status."""
        return ImportStatus(root.status)
