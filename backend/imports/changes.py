"""An import's change log as people and clients see it: whether it can be reverted (and why
not), the values before and after each change, and its retention.

The log itself is written by `writers/` and applied backwards by `reverting/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from core.text import plural

from .models import ImportChange, ImportJob, RevertConflict

FIELDS = ("sku", "name", "description", "active")
LIVE_REVERT = (
    ImportJob.Status.PENDING, ImportJob.Status.PROCESSING, ImportJob.Status.COMPLETED
)
PRUNE_BATCH = 50_000


def revert_blocker(job: ImportJob) -> str | None:
    """Why `job` cannot be reverted now, in a sentence; None when it can."""
    if job.kind == ImportJob.Kind.REVERT:
        return (
            "This job is a revert; a revert cannot be reverted. Import the file again to "
            "make its changes again."
        )
    if job.dry_run:
        return "This import is a dry run: it changed no product, so there is nothing to revert."
    if not job.is_final:
        return (
            f"This import is still {job.status.lower()}; wait until it ends (or cancel it), "
            "then revert it."
        )
    if not job.changes_logged:
        return (
            "This import kept no change log (it ran before change logs were kept, or with "
            "IMPORT_CHANGE_LOG off), so it cannot be reverted."
        )
    if job.changes_pruned_at is not None:
        days = settings.IMPORT_CHANGE_RETENTION_DAYS
        return (
            "This import can no longer be reverted: its change log was removed on "
            f"{job.changes_pruned_at:%Y-%m-%d} (change logs are kept {plural(days, 'day')}, "
            "IMPORT_CHANGE_RETENTION_DAYS)."
        )
    if job.created_count + job.updated_count + job.deactivated_count + job.deleted_count == 0:
        return (
            f"This import ({job.status.lower()}) created, updated and removed no product, so "
            "there is nothing to revert."
        )
    live = job.reverted_by.filter(status__in=LIVE_REVERT).order_by("-id").first()
    if live is not None and live.status == ImportJob.Status.COMPLETED:
        return "This import has already been reverted."
    if live is not None:
        return "This import is already being reverted; follow the revert's progress."
    return None


def changes_kept_until(job: ImportJob) -> timezone.datetime | None:
    """When the job's change log will be removed (None while it runs or once removed)."""
    if job.finished_at is None or job.changes_pruned_at is not None:
        return None
    return job.finished_at + timedelta(days=settings.IMPORT_CHANGE_RETENTION_DAYS)


@dataclass(frozen=True)
class Values:
    """A product's values at one moment (a field is None when it is not known)."""

    sku: str
    name: str | None
    description: str | None
    active: bool | None


def before_values(change: ImportChange) -> Values | None:
    """The product before the import (None for a product it created)."""
    if change.kind == ImportChange.Kind.CREATED:
        return None
    return Values(
        change.before_sku, change.before_name, change.before_description, change.before_active
    )


def after_values(change: ImportChange, product: object | None = None) -> Values:
    """The product as the import wrote it. A real import's CREATED entry keeps only the SKU;
    its other values come from `product` while it still holds what the import wrote."""
    if change.kind == ImportChange.Kind.DEACTIVATED:
        return Values(change.sku, change.before_name, change.before_description, False)
    if change.kind == ImportChange.Kind.DELETED:
        return Values(change.sku, None, None, None)
    if change.kind == ImportChange.Kind.UPDATED:
        return Values(
            change.sku,
            _pick(change.after_name, change.before_name),
            _pick(change.after_description, change.before_description),
            _pick(change.after_active, change.before_active),
        )
    if change.after_name is not None:  # a dry run's planned product
        return Values(change.sku, change.after_name, change.after_description,
                      change.after_active)
    if product is not None and (
        getattr(product, "last_import_id", None) == change.job_id
        and getattr(product, "last_import_line", None) == change.line
    ):
        return Values(change.sku, product.name, product.description, product.active)
    return Values(change.sku, None, None, None)


def changed_fields(change: ImportChange) -> list[str]:
    """The fields the change set (all of them for a created product)."""
    if change.kind in (ImportChange.Kind.CREATED, ImportChange.Kind.DELETED):
        return list(FIELDS)
    if change.kind == ImportChange.Kind.DEACTIVATED:
        return ["active"]
    changed = ["sku"] if change.sku != change.before_sku else []
    changed += [
        name
        for name in ("name", "description", "active")
        if getattr(change, f"after_{name}") is not None
    ]
    return changed


def _pick(after: object, before: object) -> object:
    return before if after is None else after


def prune_expired(now: timezone.datetime | None = None, limit: int = 10) -> int:
    """Remove the change logs (and their reverts' conflicts) older than the retention;
    return how many imports lost theirs. An import being reverted keeps its log."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.IMPORT_CHANGE_RETENTION_DAYS)
    expired = (
        ImportJob.objects.filter(
            kind=ImportJob.Kind.IMPORT,
            status__in=ImportJob.FINAL,
            finished_at__lt=cutoff,
            changes_pruned_at__isnull=True,
        )
        .exclude(
            Q(reverted_by__status=ImportJob.Status.PENDING)
            | Q(reverted_by__status=ImportJob.Status.PROCESSING)
        )
        .values_list("pk", flat=True)[:limit]
    )
    pruned = 0
    for job_id in list(expired):
        with transaction.atomic():
            job = ImportJob.objects.select_for_update().filter(pk=job_id).first()
            if job is None or job.reverted_by.exclude(status__in=ImportJob.FINAL).exists():
                continue
            RevertConflict.objects.filter(job__reverts_id=job_id).delete()
            _delete_log(job_id)
            ImportJob.objects.filter(pk=job_id).update(changes_pruned_at=now)
            pruned += 1
    return pruned


def _delete_log(job_id: int) -> None:
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                "DELETE FROM imports_importchange WHERE id IN (SELECT id FROM "
                "imports_importchange WHERE job_id = %s LIMIT %s)",
                [job_id, PRUNE_BATCH],
            )
            if cursor.rowcount < PRUNE_BATCH:
                return
