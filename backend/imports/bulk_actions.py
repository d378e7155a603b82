"""Activating or deactivating many products at once, so that it can be undone.

A bulk action is recorded as an import job of its own, ended at once ("Deactivate (12
products)"), whose change log holds one UPDATED entry per product it changed, with every
value before and its provenance before, written in the transaction that changes the
products. Each changed product's provenance then names the job (its line: the product's
id, unique within the job), so `revertImport` of the job puts the earlier values back on the
products nothing wrote since and lists the others as conflicts, as for any import. Products
already in the asked state are left alone (and not counted). One `bulk_action_finished`
signal (one webhook event) is sent for the whole action.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from activity.recording import record
from core.text import plural
from products.models import Product

from .models import ImportChange, ImportJob
from .signals import bulk_action_finished

#: Products changed per UPDATE (SQLite takes at most 32,766 parameters a statement).
BATCH = 5_000

FIELDS = ("pk", "sku", "name", "description", "active", "last_import_id", "last_import_line")


def set_products_active(
    products: QuerySet[Product], active: bool, *, user: Any = None
) -> ImportJob | None:
    """Make the products of `products` active (or inactive), logged for undo; return the
    action's job (None when every one was already in that state)."""
    user = user if getattr(user, "is_authenticated", False) else None
    action = "activate" if active else "deactivate"
    with transaction.atomic():
        rows = list(
            products.exclude(active=active).order_by("pk").select_for_update().values_list(*FIELDS)
        )
        if not rows:
            return None
        now = timezone.now()
        job = ImportJob.objects.create(
            status=ImportJob.Status.COMPLETED,
            origin=ImportJob.Origin.BULK_ACTION,
            file_name=f"{action.title()} ({plural(len(rows), 'product')})",
            created_by=user,
            updated_count=len(rows),
            rows_processed=len(rows),
            progress=100,
            changes_logged=True,
            started_at=now,
            finished_at=now,
        )
        ImportChange.objects.bulk_create(
            (
                ImportChange(
                    job=job, kind=ImportChange.Kind.UPDATED, line=pk, product_id=pk, sku=sku,
                    before_sku=sku, before_name=name, before_description=description,
                    before_active=was_active, before_import_id=import_id,
                    before_import_line=import_line, after_active=active,
                )
                for pk, sku, name, description, was_active, import_id, import_line in rows
            ),
            batch_size=BATCH,
        )  # fmt: skip
        pks = [row[0] for row in rows]
        for start in range(0, len(pks), BATCH):
            Product.objects.filter(pk__in=pks[start : start + BATCH]).update(
                active=active, last_import=job, last_import_line=F("pk"), updated_at=now
            )
        record(
            f"products.{action}d",
            detail={"count": len(rows), "skus": [row[1] for row in rows][:100]},
        )
        bulk_action_finished.send(sender=ImportJob, job=job, action=action)
    return job
