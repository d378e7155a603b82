"""The activity log's retention sweeper (a periodic actor, core/periodic.py)."""

import logging

import dramatiq

from activity import services
from core.periodic import every

logger = logging.getLogger(__name__)


@every(60 * 60)
@dramatiq.actor(queue_name="maintenance", max_retries=0)
def prune_activity() -> None:
    """Delete activity entries older than ACTIVITY_RETENTION_DAYS (idempotent)."""
    deleted = services.prune()
    if deleted:
        logger.info("Pruned %d activity entries past their retention.", deleted)
