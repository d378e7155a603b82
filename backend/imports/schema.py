"""Imports operations: a thin layer over ``imports.services`` and ``imports.live_progress``."""

from collections.abc import AsyncGenerator

import strawberry
import strawberry_django
from django.db import transaction
from strawberry import Info
from strawberry.file_uploads import Upload
from strawberry_django.relay import DjangoListConnection

from accounts.permissions import IsAuthenticated
from core.ids import decode_id
from imports import live_progress, services, tasks
from imports.models import ImportJob
from imports.types import ImportJobType

AUTH = [IsAuthenticated]


@strawberry.type
class Query:
    """Imports queries."""

    import_jobs: DjangoListConnection[ImportJobType] = strawberry_django.connection(
        permission_classes=AUTH, description="Imports, newest first."
    )

    @strawberry_django.field(permission_classes=AUTH)
    def import_job(self, id: strawberry.ID) -> ImportJobType | None:
        """The import with this id, or null when there is none."""
        return ImportJob.objects.filter(pk=decode_id(id, "ImportJob")).first()


@strawberry.type
class Mutation:
    """Imports mutations; problems come back as OperationInfo messages."""

    @strawberry_django.mutation(permission_classes=AUTH)
    def import_products(
        self, info: Info, file: Upload, dry_run: bool | None = False
    ) -> ImportJobType:
        """Upload a CSV (or gzip-compressed CSV) file; the import runs in the background."""
        job = services.submit_import(
            file, dry_run=bool(dry_run), user=getattr(info.context.request, "user", None)
        )
        if not job.is_final:
            transaction.on_commit(tasks.process_imports.send)
        return job

    @strawberry_django.mutation(permission_classes=AUTH)
    def cancel_import(self, id: strawberry.ID) -> ImportJobType:
        """Cancel a pending import or revert, or stop a running one at its next chunk."""
        return services.cancel_import(decode_id(id, "ImportJob"))

    @strawberry_django.mutation(permission_classes=AUTH)
    def revert_import(self, info: Info, id: strawberry.ID) -> ImportJobType:
        """Queue the revert of an import (a job of kind REVERT, in the same queue): it deletes
        the products the import created and restores those it updated, except products
        written again since (listed as its conflicts). Follow it with `importProgress`."""
        job = services.submit_revert(
            decode_id(id, "ImportJob"),
            user=getattr(info.context.request, "user", None),
        )
        transaction.on_commit(tasks.process_imports.send)
        return job


@strawberry.type
class Subscription:
    """Imports subscriptions."""

    @strawberry.subscription(permission_classes=AUTH)
    async def import_progress(self, id: strawberry.ID) -> AsyncGenerator[ImportJobType, None]:
        """The job now, then on every change (at least each second while it runs), then done."""
        async for job in live_progress.watch(decode_id(id, "ImportJob")):
            yield job
