"""GraphQL types of the exports app: the job, its status and format enums."""


import strawberry
import strawberry_django
from django.urls import reverse
from strawberry import Info, auto, relay
from strawberry_django.utils.requests import get_request

from core.ids import encode_id
from exports.models import ExportJob

# The model's choices are the GraphQL enums (same names and values): one definition.
ExportFormat = strawberry.enum(ExportJob.Format, name="ExportFormat")
ExportStatus = strawberry.enum(ExportJob.Status, name="ExportStatus")


@strawberry_django.type(ExportJob, name="ExportJob")
class ExportJobType(relay.Node):
    """One export of products (yours only); progress is 0-100, rowCount the rows written."""

    progress: int
    row_count: int = strawberry_django.field(description="Products written to the file so far.")
    total_rows: int | None = strawberry_django.field(
        description="Products that matched the filters when the export started."
    )
    file_size: float = strawberry_django.field(description="Size of the file in bytes.")
    error_message: str | None = strawberry_django.field(
        description="Why the export failed.", resolver=lambda root: root.error_message or None
    )
    created_at: auto
    started_at: auto
    finished_at: auto
    expires_at: auto = strawberry_django.field(
        description="When the file is deleted (EXPORT_RETENTION_HOURS after it was made)."
    )

    @strawberry_django.field(only=["status"])
    def status(self, root: ExportJob) -> ExportStatus:
        """The export's status."""
        return ExportStatus(root.status)

    @strawberry_django.field(only=["format"])
    def format(self, root: ExportJob) -> ExportFormat:
        """The file format."""
        return ExportFormat(root.format)

    @strawberry_django.field(
        only=["status", "file"],
        description="The file (sign-in or bearer token required) once COMPLETED; else null.",
    )
    def download_url(self, root: ExportJob, info: Info) -> str | None:
        """Absolute link to the file while it exists."""
        if root.status != ExportJob.Status.COMPLETED or not root.file:
            return None
        path = reverse("export-download", args=[encode_id("ExportJob", root.pk)])
        request = get_request(info)
        return request.build_absolute_uri(path) if request is not None else path
