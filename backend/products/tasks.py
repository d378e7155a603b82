"""Background work of the products app."""

import dramatiq

from core.periodic import every
from products import counts


@every(300)
@dramatiq.actor(queue_name="maintenance", max_retries=0)
def compact_product_counts() -> None:
    """Fold the product count deltas into one row per value and correct any drift."""
    counts.compact()
