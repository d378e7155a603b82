"""Direct upload operations: a thin layer over ``imports.direct.services``."""

from collections.abc import Iterator
from contextlib import contextmanager

import strawberry
import strawberry_django
from django.conf import settings
from django.core.exceptions import ValidationError
from strawberry import Info

from accounts.permissions import IsAuthenticated
from core.graphql_errors import not_found
from core.ids import node_pk
from imports.api.types import ImportJobType
from imports.api.types_direct import (
    DirectUploadType,
    UploadedPart,
    UploadLimits,
    UploadPartInput,
    UploadPartUrl,
)
from imports.api.types_inspection import ImportOptionsInput
from imports.direct import services as direct

AUTH = [IsAuthenticated]
TYPE = "DirectUpload"


def _user(info: Info):  # noqa: ANN202
    return getattr(info.context.request, "user", None)


@contextmanager
def _query_errors() -> Iterator[None]:
    """A refusal of a query: NOT_FOUND for an upload that is not the caller's, else
    BAD_USER_INPUT on the argument at fault (the error model does that)."""
    try:
        yield
    except ValidationError as exc:
        problems = getattr(exc, "error_dict", {}).get("id", [])
        if any(problem.code == "not_found" for problem in problems):
            raise not_found(direct.NOT_FOUND, field="id") from None
        raise


@strawberry.type
class Query:
    """Direct upload queries."""

    @strawberry_django.field(permission_classes=AUTH)
    def upload_limits(self) -> UploadLimits:
        """Whether files may go straight to the object store, its part size, the largest file."""
        available = direct.available()
        return UploadLimits(
            direct_uploads=available,
            part_size=float(settings.UPLOAD_PART_BYTES) if available else None,
            max_bytes=float(settings.IMPORT_MAX_UPLOAD_BYTES),
        )

    @strawberry_django.field(permission_classes=AUTH)
    def upload_part_urls(
        self, info: Info, id: strawberry.ID, part_numbers: list[int]
    ) -> list[UploadPartUrl]:
        """Presigned PUT URLs for these parts of your direct upload (at most 100 at a time)."""
        with _query_errors():
            urls = direct.part_urls(node_pk(id, TYPE), _user(info), part_numbers)
        return [UploadPartUrl(part_number=n, url=url) for n, url in urls]

    @strawberry_django.field(permission_classes=AUTH)
    def uploaded_parts(self, info: Info, id: strawberry.ID) -> list[UploadedPart]:
        """The parts of your direct upload the store holds: resume by sending the others."""
        with _query_errors():
            parts = direct.uploaded_parts(node_pk(id, TYPE), _user(info))
        return [UploadedPart(part_number=p.part_number, size=p.size, etag=p.etag) for p in parts]


@strawberry.type
class Mutation:
    """Direct upload mutations; problems come back as OperationInfo messages."""

    @strawberry_django.mutation(permission_classes=AUTH)
    def create_upload(
        self, info: Info, file_name: str, size: float, content_type: str | None = None
    ) -> DirectUploadType:
        """Start sending a file straight to the object store in parts: PUT each part to the
        URLs of uploadPartUrls, then completeUpload. Needs object storage (uploadLimits)."""
        return direct.create_upload(_user(info), file_name, size, content_type)

    @strawberry_django.mutation(permission_classes=AUTH)
    def complete_upload(
        self, info: Info, id: strawberry.ID, parts: list[UploadPartInput],
        options: ImportOptionsInput | None = None, dry_run: bool | None = False,
    ) -> ImportJobType:
        """Join the parts into the file and stage an import of it, exactly as stageImport
        does with an uploaded file (then startImport; `dryRun` as for stageImport)."""
        return direct.complete_upload(
            node_pk(id, TYPE), _user(info), [(p.part_number, p.etag) for p in parts],
            options.to_dict() if options else None, dry_run=bool(dry_run),
        )

    @strawberry_django.mutation(permission_classes=AUTH)
    def abort_upload(self, info: Info, id: strawberry.ID) -> DirectUploadType:
        """Abandon your direct upload: the store frees the parts sent."""
        return direct.abort_upload(node_pk(id, TYPE), _user(info))
