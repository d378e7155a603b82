"""Deleting many products from the API (`deleteProducts`) so that it can be undone.

The deletion is recorded as an import job of its own (ended at once, named "API delete of N
products", or "Delete of N products" when a person deleted them in the app) whose change
log holds one DELETED entry per product with every value before, its creation time and its
provenance, in the transaction that deletes them. `revertImport`
of that job then brings the products back with their ids, values and provenance, as it does
for the products a sync removed (a product whose id or SKU was taken since is a conflict).
The deletion itself stays one statement with one `products.bulk_deleted` event
(`products.bulk_delete`); the job sends no `import.finished`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from activity.context import current_actor
from core.text import plural
from products import bulk_delete

from .models import ImportChange, ImportJob


def title(count: int) -> str:
    """The job's name in the import history: "API delete of 12 products" when the call came
    with an API token, "Delete of 12 products" when a person deleted them in the app."""
    source = "API delete" if current_actor().token is not None else "Delete"
    return f"{source} of {plural(count, 'product')}"


def delete_products(
    pks: Sequence[int], skus: Sequence[str], *, user: Any = None
) -> tuple[bulk_delete.BulkDeletion, ImportJob | None]:
    """Delete the products with these primary keys or SKUs, logged for undo; return what
    was deleted and the job to revert (None when nothing matched). ValidationError (code
    `too_many`) past PRODUCTS_DELETE_MAX names, nothing deleted."""
    bulk_delete.check_limit(pks, skus)
    user = user if getattr(user, "is_authenticated", False) else None
    with transaction.atomic():
        found = bulk_delete.locked_matches(pks, skus)
        job = None
        if found:
            now = timezone.now()
            job = ImportJob.objects.create(
                status=ImportJob.Status.COMPLETED, origin=ImportJob.Origin.BULK_ACTION,
                file_name=title(len(found)), created_by=user,
                deleted_count=len(found), rows_processed=len(found), progress=100,
                changes_logged=True, started_at=now, finished_at=now,
            )
            ImportChange.objects.bulk_create(
                ImportChange(
                    job=job, kind=ImportChange.Kind.DELETED, line=line, product_id=p.pk,
                    sku=p.sku, before_sku=p.sku, before_name=p.name,
                    before_description=p.description, before_active=p.active,
                    before_import_id=p.last_import_id, before_import_line=p.last_import_line,
                    before_created_at=p.created_at,
                    before_created_by_import_id=p.created_by_import_id,
                )
                for line, p in enumerate(found, start=1)
            )
        done = bulk_delete.delete_products(pks, skus)
    return done, job
