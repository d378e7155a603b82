"""GraphQL types of direct uploads: the upload, its part URLs and stored parts, the limits."""

from datetime import datetime, timedelta

import strawberry
import strawberry_django
from django.conf import settings
from strawberry import relay

from imports.direct import services as direct
from imports.models import DirectUpload


@strawberry_django.type(DirectUpload, name="DirectUpload")
class DirectUploadType(relay.Node):
    """A file on its way straight to the object store, in parts (createUpload)."""

    file_name: str
    size: float = strawberry_django.field(description="The file's size in bytes.")

    @strawberry_django.field(description="Bytes in each part but the last.")
    def part_size(self, root: DirectUpload) -> float:
        """Bytes in each part but the last."""
        return float(root.part_size)

    @strawberry_django.field(description="How many parts the file is cut into (numbered from 1).")
    def part_count(self, root: DirectUpload) -> int:
        """How many parts the file is cut into."""
        return direct.part_count(root)

    @strawberry_django.field(
        description="When the upload is aborted unless completed (UPLOAD_ABANDON_HOURS)."
    )
    def expires_at(self, root: DirectUpload) -> datetime:
        """When the sweeper aborts the upload unless it is completed."""
        return root.created_at + timedelta(hours=settings.UPLOAD_ABANDON_HOURS)


@strawberry.type(name="UploadPartUrl")
class UploadPartUrl:
    """Where to PUT one part: a presigned URL, valid STORAGE_PRESIGN_SECONDS."""

    part_number: int
    url: str


@strawberry.type(name="UploadedPart")
class UploadedPart:
    """A part the store holds (its ETag goes to completeUpload)."""

    part_number: int
    size: float
    etag: str


@strawberry.input(name="UploadPartInput")
class UploadPartInput:
    """A part sent, with the ETag the store answered to its PUT."""

    part_number: int
    etag: str


@strawberry.type(name="UploadLimits")
class UploadLimits:
    """How files may be sent to this server."""

    direct_uploads: bool = strawberry.field(
        description="Whether files may go straight to the object store in parts (createUpload)."
    )
    part_size: float | None = strawberry.field(
        description="The part size of direct uploads in bytes (null without them); a large "
        "file may get larger parts (createUpload says)."
    )
    max_bytes: float = strawberry.field(
        description="The largest file accepted, in bytes (IMPORT_MAX_UPLOAD_BYTES)."
    )
