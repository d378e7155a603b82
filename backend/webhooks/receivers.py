"""Signal receivers that turn product changes and finished imports into outbox events."""

from __future__ import annotations

import logging
from typing import Any

from .models import EventType
from .outbox import record_event
from .payloads import bulk_deleted_data, deleted_product_data, import_job_data, product_data

logger = logging.getLogger(__name__)


def on_product_created(sender: Any, product: Any, **kwargs: Any) -> None:
    """product.created"""
    record_event(EventType.PRODUCT_CREATED, product_data(product))


def on_product_updated(sender: Any, product: Any, **kwargs: Any) -> None:
    """product.updated"""
    record_event(EventType.PRODUCT_UPDATED, product_data(product))


def on_product_deleted(sender: Any, product_id: int, sku: str, **kwargs: Any) -> None:
    """product.deleted"""
    record_event(EventType.PRODUCT_DELETED, deleted_product_data(product_id, sku))


def on_products_bulk_deleted(sender: Any, deleted_count: int, **kwargs: Any) -> None:
    """products.bulk_deleted: one event for the whole deletion."""
    record_event(EventType.PRODUCTS_BULK_DELETED, bulk_deleted_data(deleted_count))


def on_import_finished(sender: Any, job: Any, **kwargs: Any) -> None:
    """import.finished: one event per import, with the job's status and counts."""
    record_event(EventType.IMPORT_FINISHED, import_job_data(job))


def connect() -> None:
    """Connect the receivers (called from ``WebhooksConfig.ready``)."""
    from imports.signals import import_finished
    from products import signals as product_signals

    uid = "webhooks.outbox"
    product_signals.product_created.connect(on_product_created, dispatch_uid=uid)
    product_signals.product_updated.connect(on_product_updated, dispatch_uid=uid)
    product_signals.product_deleted.connect(on_product_deleted, dispatch_uid=uid)
    product_signals.products_bulk_deleted.connect(on_products_bulk_deleted, dispatch_uid=uid)
    import_finished.connect(on_import_finished, dispatch_uid=uid)
