"""The JSON bodies of webhook events: ``{"type", "timestamp", "data"}``."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from django.conf import settings

from core.ids import encode_id
from feeds.models import Feed, FeedRun
from imports.models import ImportJob
from products.models import Product


def iso_utc(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC with a ``Z``, as receivers expect from Stripe-like APIs."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def product_data(product: Product) -> dict[str, Any]:
    """``data`` of product.created / product.updated: the product as the API shows it."""
    return {
        "id": encode_id("Product", product.pk),
        "sku": product.sku,
        "name": product.name,
        "description": product.description,
        "active": product.active,
        "createdAt": iso_utc(product.created_at),
        "updatedAt": iso_utc(product.updated_at),
    }


def deleted_product_data(product_id: int, sku: str) -> dict[str, Any]:
    """``data`` of product.deleted."""
    return {"id": encode_id("Product", product_id), "sku": sku}


def bulk_deleted_data(
    deleted_count: int, products: list[tuple[int, str]] | None = None
) -> dict[str, Any]:
    """``data`` of products.bulk_deleted; ``products`` (pk, sku) when some were named
    (``deleteProducts``), absent when every product was deleted."""
    data: dict[str, Any] = {"deletedCount": deleted_count}
    if products is not None:
        data["products"] = [{"id": encode_id("Product", pk), "sku": sku} for pk, sku in products]
    return data


#: ImportJob fields copied into import.finished (camelCased).
IMPORT_JOB_FIELDS = (
    "status",
    "origin",
    "dry_run",
    "file_name",
    "rows_processed",
    "created_count",
    "updated_count",
    "unchanged_count",
    "replaced_count",
    "skipped_count",
    "error_count",
    "deactivated_count",
    "deleted_count",
    "error_message",
    "notice",
    "created_at",
    "started_at",
    "finished_at",
)


def import_job_data(job: ImportJob) -> dict[str, Any]:
    """``data`` of import.finished: the job's id, status and counts, the feed whose run
    started it (null for an upload), and where the products it changed can be read (one
    event per import, never one per product)."""
    job_id = encode_id("ImportJob", job.pk)
    data: dict[str, Any] = {"id": job_id}
    for field in IMPORT_JOB_FIELDS:
        data[_camel(field)] = _jsonable(getattr(job, field))
    run = FeedRun.objects.filter(job_id=job.pk).select_related("feed").only(
        "feed__id", "feed__name").first()
    data["feed"] = (
        {"id": encode_id("Feed", run.feed.pk), "name": run.feed.name} if run else None
    )
    data["changes"] = changes_links(job_id, job.pk)
    return data


def feed_disabled_data(feed: Feed) -> dict[str, Any]:
    """``data`` of feed.disabled: the feed, why, and after how many failed runs."""
    return {
        "id": encode_id("Feed", feed.pk),
        "name": feed.name,
        "disabledReason": feed.disabled_reason,
        "consecutiveFailures": feed.consecutive_failures,
        "updatedAt": _jsonable(feed.updated_at),
    }


def bulk_action_data(job: ImportJob, action: str) -> dict[str, Any]:
    """``data`` of products.bulk_updated: the action, how many products it changed, its job
    (``revertImport`` of it undoes the action) and where the changed products are read."""
    job_id = encode_id("ImportJob", job.pk)
    return {
        "id": job_id,
        "action": action,
        "active": action == "activate",
        "changedCount": job.updated_count,
        "createdAt": iso_utc(job.created_at),
        "changes": changes_links(job_id, job.pk),
    }


#: The GraphQL query that pages through an import's changes (``$id``: the job's id).
CHANGES_QUERY = (
    "query ImportChanges($id: ID!, $after: String) { importJob(id: $id) { "
    "changes(first: 100, after: $after) { pageInfo { hasNextPage endCursor } "
    "edges { node { line kind sku product { id } before { sku name description active } "
    "after { sku name description active } } } } } }"
)


def changes_links(job_id: str, pk: int) -> dict[str, Any]:
    """Where an import's change log is read: ``changes.csv`` (on ``APP_URL`` when set, else
    a path on the server the webhook came from) and the API's ``changes`` connection."""
    path = f"/imports/{pk}/changes.csv"
    return {
        "csvUrl": (settings.APP_URL or "") + path,
        "graphqlQuery": CHANGES_QUERY,
        "graphqlVariables": {"id": job_id},
    }


#: Revert job fields copied into import.reverted (camelCased).
REVERT_JOB_FIELDS = (
    "status",
    "deleted_count",
    "restored_count",
    "conflict_count",
    "error_message",
    "created_at",
    "started_at",
    "finished_at",
)


def import_reverted_data(job: ImportJob) -> dict[str, Any]:
    """``data`` of import.reverted: the revert job's id, status and counts, and the import
    it reverted (id and file name)."""
    data: dict[str, Any] = {"id": encode_id("ImportJob", job.pk)}
    for field in REVERT_JOB_FIELDS:
        data[_camel(field)] = _jsonable(getattr(job, field))
    target = ImportJob.objects.only("file_name").get(pk=job.reverts_id)
    data["revertedImport"] = {"id": encode_id("ImportJob", target.pk), "fileName": target.file_name}
    return data


def event_body(event_type: str, data: dict[str, Any], moment: datetime) -> str:
    """The exact JSON document a delivery sends (kept so every retry sends the same bytes)."""
    body = {"type": event_type, "timestamp": iso_utc(moment), "data": data}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _jsonable(value: Any) -> Any:
    # The job's fields are text (status is a TextChoices value, a str), numbers, booleans
    # and optional datetimes.
    return iso_utc(value) if isinstance(value, datetime) else value
