"""Signal receivers that turn product changes and finished imports into outbox events.

Each receiver records the event in the sender's transaction and, once that commits, asks the
actors module to send the deliveries. ``WebhooksConfig.ready`` imports this module, which
connects the receivers.
"""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from core.queueing import send_after_commit
from feeds.models import Feed
from feeds.signals import feed_disabled
from imports.models import ImportJob
from imports.signals import bulk_action_finished, import_finished, import_reverted
from products import signals as product_signals

from . import tasks
from .models import EventType
from .outbox import record_event
from .payloads import (
    bulk_action_data,
    bulk_deleted_data,
    deleted_product_data,
    feed_disabled_data,
    import_job_data,
    import_reverted_data,
    product_data,
)

#: One connection per receiver, however often the module is imported.
UID = "webhooks.outbox"


def publish(event_type: str, data: dict[str, Any]) -> list[int]:
    """Record the event in the current transaction; after commit, wake each webhook that got
    a delivery of it. Return those webhooks' ids."""
    webhook_ids = record_event(event_type, data)
    if webhook_ids:
        send_after_commit(tasks.enqueue_webhooks, webhook_ids)
    return webhook_ids


@receiver(product_signals.product_created, dispatch_uid=UID)
def on_product_created(sender: Any, product: Any, **kwargs: Any) -> None:
    """product.created"""
    publish(EventType.PRODUCT_CREATED, product_data(product))


@receiver(product_signals.product_updated, dispatch_uid=UID)
def on_product_updated(sender: Any, product: Any, **kwargs: Any) -> None:
    """product.updated"""
    publish(EventType.PRODUCT_UPDATED, product_data(product))


@receiver(product_signals.product_deleted, dispatch_uid=UID)
def on_product_deleted(sender: Any, product_id: int, sku: str, **kwargs: Any) -> None:
    """product.deleted"""
    publish(EventType.PRODUCT_DELETED, deleted_product_data(product_id, sku))


@receiver(product_signals.products_bulk_deleted, dispatch_uid=UID)
def on_products_bulk_deleted(
    sender: Any, deleted_count: int, products: list[tuple[int, str]] | None = None,
    **kwargs: Any,
) -> None:
    """products.bulk_deleted: one event for the whole deletion."""
    publish(EventType.PRODUCTS_BULK_DELETED, bulk_deleted_data(deleted_count, products))


@receiver(import_finished, dispatch_uid=UID)
def on_import_finished(sender: Any, job: ImportJob, **kwargs: Any) -> None:
    """import.finished: one event per import, with the job's status and counts."""
    publish(EventType.IMPORT_FINISHED, import_job_data(job))


@receiver(import_reverted, dispatch_uid=UID)
def on_import_reverted(sender: Any, job: ImportJob, **kwargs: Any) -> None:
    """import.reverted: one event per revert (not one per product), with its counts."""
    publish(EventType.IMPORT_REVERTED, import_reverted_data(job))


@receiver(bulk_action_finished, dispatch_uid=UID)
def on_bulk_action_finished(sender: Any, job: ImportJob, action: str, **kwargs: Any) -> None:
    """products.bulk_updated: one event per bulk action, with where its changes are read."""
    publish(EventType.PRODUCTS_BULK_UPDATED, bulk_action_data(job, action))


@receiver(feed_disabled, dispatch_uid=UID)
def on_feed_disabled(sender: Any, feed: Feed, **kwargs: Any) -> None:
    """feed.disabled: a feed stopped after too many failed runs in a row."""
    publish(EventType.FEED_DISABLED, feed_disabled_data(feed))
