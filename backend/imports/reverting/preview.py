"""What undoing an import would do now, counted before it is asked for.

A revert changes only the products that still hold what the import wrote (their provenance
names the import and the change's line); every other entry becomes a conflict. After "Delete
all products", say, nothing is left to delete: the preview counts that, so the confirmation
says what will happen rather than what the import once did.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Lower

from products.models import Product

from ..models import ImportChange, ImportJob


@dataclass(frozen=True)
class RevertPreview:
    """The counts a revert started now would reach (barring writes in between)."""

    delete_count: int
    restore_count: int
    conflict_count: int


def revert_preview(job: ImportJob) -> RevertPreview:
    """Count `job`'s change log entries by what a revert would do with each now."""
    entries = ImportChange.objects.filter(job_id=job.pk)
    holds = Exists(
        Product.objects.filter(
            pk=OuterRef("product_id"), last_import_id=job.pk, last_import_line=OuterRef("line")
        )
    )
    # A deleted product comes back only while its id and its SKU are both still free.
    taken = Exists(Product.objects.filter(pk=OuterRef("product_id"))) | Exists(
        Product.objects.annotate(key=Lower("sku")).filter(key=Lower(OuterRef("sku")))
    )
    kinds = ImportChange.Kind
    counted = entries.aggregate(
        total=_count(Q()),
        delete=_count(Q(kind=kinds.CREATED) & Q(holds)),
        restore=_count(Q(kind__in=[kinds.UPDATED, kinds.DEACTIVATED]) & Q(holds)),
        come_back=_count(Q(kind=kinds.DELETED) & ~Q(taken)),
    )
    restore = counted["restore"] + counted["come_back"]
    return RevertPreview(
        delete_count=counted["delete"],
        restore_count=restore,
        conflict_count=counted["total"] - counted["delete"] - restore,
    )


def _count(condition: Q) -> Count:
    return Count("id", filter=condition)
