"""Imports operations: a thin layer over ``imports.services`` and ``api.live_progress``."""

from collections.abc import AsyncGenerator

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry import Info
from strawberry.file_uploads import Upload

from accounts.permissions import IsAuthenticated
from core.graphql_errors import not_found
from core.ids import node_pk
from core.pagination import ListConnection
from core.queueing import send_after_commit
from imports import confirmation, services, staging, tasks
from imports.api import live_progress
from imports.api.types import ImportJobType
from imports.api.types_inspection import ImportOptionsInput
from imports.models import ImportJob

AUTH = [IsAuthenticated]


@strawberry.type
class Query:
    """Imports queries."""

    @strawberry_django.connection(ListConnection[ImportJobType], permission_classes=AUTH)
    def import_jobs(self) -> QuerySet[ImportJob]:
        """Imports, newest first."""
        return ImportJob.objects.filter(listed=True)

    @strawberry_django.field(permission_classes=AUTH)
    def import_job(self, id: strawberry.ID) -> ImportJobType | None:
        """The import with this id, or null when there is none."""
        return ImportJob.objects.filter(pk=node_pk(id, "ImportJob")).first()


@strawberry.type
class Mutation:
    """Imports mutations; problems come back as OperationInfo messages."""

    @strawberry_django.mutation(permission_classes=AUTH)
    def import_products(
        self, info: Info, file: Upload, dry_run: bool | None = False,
        options: ImportOptionsInput | None = None,
    ) -> ImportJobType:
        """Upload a file (CSV/TSV text, gzip-compressed or not, or an .xlsx workbook); the
        import runs in the background with everything detected (`options` overrides)."""
        job = services.submit_import(
            file, dry_run=bool(dry_run), user=getattr(info.context.request, "user", None),
            options=options.to_dict() if options else None,
        )
        if not job.is_final:
            # With the broker down the job is recorded all the same and the upload
            # answers; the sweeper of the next worker that reaches the broker sends it.
            send_after_commit(tasks.process_imports)
        return job

    @strawberry_django.mutation(permission_classes=AUTH)
    def stage_import(
        self, info: Info, file: Upload, options: ImportOptionsInput | None = None,
        dry_run: bool | None = False,
    ) -> ImportJobType:
        """Upload a file and inspect it without importing: the job is STAGED with what was
        detected, the suggested mapping and a preview; start it with startImport. `dryRun`
        is remembered on the job and is what startImport does unless told otherwise."""
        return staging.stage_import(
            file, options.to_dict() if options else None,
            user=getattr(info.context.request, "user", None), dry_run=bool(dry_run),
        )

    @strawberry_django.mutation(permission_classes=AUTH)
    def inspect_import(self, id: strawberry.ID, options: ImportOptionsInput) -> ImportJobType:
        """Inspect a staged import's stored file again with other options."""
        return staging.inspect_import(node_pk(id, "ImportJob"), options.to_dict())

    @strawberry_django.mutation(permission_classes=AUTH)
    def choose_import_sync(self, id: strawberry.ID, options: ImportOptionsInput) -> ImportJobType:
        """Keep a staged import's sync choices (mode, emptyCells, missing, missingScope,
        source, maxRemovalPercent) as they are made, without inspecting its file again;
        startImport checks them whole (missingScope SOURCE may wait for its source here)."""
        return staging.choose_sync(node_pk(id, "ImportJob"), options.to_dict())

    @strawberry_django.mutation(permission_classes=AUTH)
    def start_import(
        self, id: strawberry.ID, options: ImportOptionsInput | None = None,
        dry_run: bool | None = None,
    ) -> ImportJobType:
        """Start a staged import with the confirmed options, as a dry run or for real
        (`dryRun` left out or null: as chosen when it was staged)."""
        job = staging.start_import(
            node_pk(id, "ImportJob"), options.to_dict() if options else None,
            dry_run=dry_run,
        )
        send_after_commit(tasks.process_imports)
        return job

    @strawberry_django.mutation(permission_classes=AUTH)
    def import_again(
        self, info: Info, id: strawberry.ID, dry_run: bool | None = False
    ) -> ImportJobType:
        """Import the file of a completed dry run with the same settings (for real unless
        `dryRun`), without uploading it again: a new job. A dry run keeps its file until
        its `fileKeptUntil`."""
        job = staging.import_again(
            node_pk(id, "ImportJob"), dry_run=bool(dry_run),
            user=getattr(info.context.request, "user", None),
        )
        send_after_commit(tasks.process_imports)
        return job

    @strawberry_django.mutation(permission_classes=AUTH)
    def cancel_import(self, id: strawberry.ID) -> ImportJobType:
        """Cancel a staged or pending import or revert, or stop a running one at its next chunk."""
        return services.cancel_import(node_pk(id, "ImportJob"))

    @strawberry_django.mutation(permission_classes=AUTH)
    def confirm_import(self, id: strawberry.ID) -> ImportJobType:
        """Let an import whose removal the guard holds (NEEDS_CONFIRMATION) carry on: it
        removes the products counted in `removalCount`."""
        job = confirmation.confirm_import(node_pk(id, "ImportJob"))
        send_after_commit(tasks.process_imports)
        return job

    @strawberry_django.mutation(permission_classes=AUTH)
    def revert_import(self, info: Info, id: strawberry.ID) -> ImportJobType:
        """Queue the revert of an import (a job of kind REVERT, in the same queue): it deletes
        the products the import created and restores those it updated, except products
        written again since (listed as its conflicts). Follow it with `importProgress`."""
        job = services.submit_revert(
            node_pk(id, "ImportJob"),
            user=getattr(info.context.request, "user", None),
        )
        send_after_commit(tasks.process_imports)
        return job


@strawberry.type
class Subscription:
    """Imports subscriptions."""

    @strawberry.subscription(permission_classes=AUTH)
    async def import_progress(self, id: strawberry.ID) -> AsyncGenerator[ImportJobType, None]:
        """The job now, then on every change (at least each second while it runs), then done."""
        try:
            async for job in live_progress.watch(node_pk(id, "ImportJob")):
                yield job
        except LookupError as exc:  # the job does not exist (any more)
            raise not_found(str(exc), field="id") from None
