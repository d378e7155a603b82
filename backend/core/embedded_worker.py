"""The in-process Dramatiq worker of the embedded mode.

In embedded mode there is no Redis and no separate worker process: the broker is Dramatiq's
``StubBroker`` (an in-memory queue) and a ``dramatiq.Worker`` consumes it from threads of the
web process. Messages live only in memory, so anything durable (import jobs, webhook
deliveries) is a database row that the periodic sweepers pick up again after a restart.
"""

import logging
import threading

import dramatiq
from django.conf import settings
from django.utils.module_loading import autodiscover_modules

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_worker: dramatiq.Worker | None = None


def start_embedded_worker() -> dramatiq.Worker | None:
    """Start the in-process worker once (embedded mode only); return it."""
    global _worker
    if not settings.EMBEDDED:
        return None
    with _lock:
        if _worker is None:
            autodiscover_modules(*settings.DRAMATIQ_AUTODISCOVER_MODULES)
            broker = dramatiq.get_broker()
            broker.emit_after("process_boot")
            _worker = dramatiq.Worker(broker, worker_threads=settings.EMBEDDED_WORKER_THREADS)
            _worker.start()
            logger.info("Embedded worker started with %s threads", settings.EMBEDDED_WORKER_THREADS)
        return _worker


def stop_embedded_worker() -> None:
    """Stop the in-process worker if it runs."""
    global _worker
    with _lock:
        if _worker is not None:
            _worker.stop()
            _worker = None
            logger.info("Embedded worker stopped")
