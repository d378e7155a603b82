"""The JSON bodies of webhook events: ``{"type", "timestamp", "data"}``."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime
from typing import Any


def global_id(type_name: str, pk: Any) -> str:
    """The Relay global id the GraphQL API shows for a row (base64 of ``Type:pk``).

    Same scheme as ``strawberry.relay.to_base64``, written out here because services do not
    import the GraphQL layer.
    """
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def iso_utc(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC with a ``Z``, as receivers expect from Stripe-like APIs."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def product_data(product: Any) -> dict[str, Any]:
    """``data`` of product.created / product.updated: the product as the API shows it."""
    return {
        "id": global_id("Product", product.pk),
        "sku": product.sku,
        "name": product.name,
        "description": product.description,
        "active": product.active,
        "createdAt": iso_utc(product.created_at),
        "updatedAt": iso_utc(product.updated_at),
    }


def deleted_product_data(product_id: int, sku: str) -> dict[str, Any]:
    """``data`` of product.deleted."""
    return {"id": global_id("Product", product_id), "sku": sku}


def bulk_deleted_data(deleted_count: int) -> dict[str, Any]:
    """``data`` of products.bulk_deleted."""
    return {"deletedCount": deleted_count}


#: ImportJob attributes copied into import.finished, when the model has them.
IMPORT_JOB_FIELDS = (
    "status",
    "dry_run",
    "file_name",
    "rows_processed",
    "created_count",
    "updated_count",
    "unchanged_count",
    "error_count",
    "error_message",
    "created_at",
    "started_at",
    "finished_at",
)


def import_job_data(job: Any) -> dict[str, Any]:
    """``data`` of import.finished: the job's id, status and counts."""
    data: dict[str, Any] = {"id": global_id("ImportJob", job.pk)}
    for field in IMPORT_JOB_FIELDS:
        if hasattr(job, field):
            data[_camel(field)] = _jsonable(getattr(job, field))
    return data


def event_body(event_type: str, data: dict[str, Any], moment: datetime) -> str:
    """The exact JSON document a delivery sends (kept so every retry sends the same bytes)."""
    body = {"type": event_type, "timestamp": iso_utc(moment), "data": data}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "value") and not isinstance(value, (str, int, float, bool)):
        return value.value  # an enum
    return value
