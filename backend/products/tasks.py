"""Background work of the products app."""

import dramatiq

from core.periodic import every
from products import changes_feed, counts


@every(300)
@dramatiq.actor(queue_name="maintenance", max_retries=0)
def compact_product_counts() -> None:
    """Fold the product count deltas into one row per value and correct any drift."""
    counts.compact()


@every(3600)
@dramatiq.actor(queue_name="maintenance", max_retries=0)
def prune_product_changes() -> None:
    """Remove product changes past PRODUCT_CHANGES_RETENTION_DAYS (`changes_feed.prune`)."""
    changes_feed.prune()
