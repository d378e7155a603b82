"""Exports operations: a thin layer over ``exports.services``; the job runs in a worker."""

from collections.abc import Iterable

import strawberry
import strawberry_django
from django.db import transaction
from strawberry import Info
from strawberry_django.auth.utils import get_current_user

from accounts.permissions import IsAuthenticated
from core.graphql_errors import not_found
from core.ids import node_pk
from core.pagination import ListConnection
from core.queueing import send_after_commit
from exports import services, tasks
from exports.models import ExportJob
from exports.types import ExportFormat, ExportJobType
from products.filtering import filters_to_json
from products.types import ProductFilter

AUTH = [IsAuthenticated]
NOT_FOUND = "No export job with this id."


@strawberry.type
class Query:
    """Exports queries: the caller's own exports only."""

    @strawberry_django.connection(ListConnection[ExportJobType], permission_classes=AUTH)
    def export_jobs(self, info: Info) -> Iterable[ExportJob]:
        """Your exports, newest first."""
        return services.jobs_of(get_current_user(info))

    @strawberry_django.field(permission_classes=AUTH)
    def export_job(self, info: Info, id: strawberry.ID) -> ExportJobType | None:
        """Your export with this id (NOT_FOUND for an unknown id or someone else's)."""
        job = services.job_of(get_current_user(info), node_pk(id, "ExportJob"))
        if job is None:
            raise not_found(NOT_FOUND, field="id")
        return job


@strawberry.type
class Mutation:
    """Exports mutations; problems come back as OperationInfo messages."""

    @strawberry_django.mutation(permission_classes=AUTH)
    def export_products(
        self, info: Info, filters: ProductFilter | None = None, *, format: ExportFormat
    ) -> ExportJobType:
        """Export the products `filters` selects (as `products` does) to a file, in SKU order.

        CSV and XLSX: columns `sku,name,description,active`; the file can be imported again.
        JSONL (`JSONL_GZ`: gzip-compressed): one JSON object a line with the API's field
        names (`id`, `sku`, `name`, `description`, `active`, `createdAt`, `updatedAt`).
        Poll `exportJob(id)` until COMPLETED, then download `downloadUrl`.
        """
        with transaction.atomic():
            job = services.submit_export(
                get_current_user(info), format.value, filters_to_json(filters)
            )
            send_after_commit(tasks.export_products, job.pk)
        return job
