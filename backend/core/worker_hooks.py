"""Work an app needs done when a Dramatiq worker stops, without core knowing the app.

An app registers a callable with :func:`on_worker_shutdown` (from its ``AppConfig.ready``, run
by every worker); :class:`WorkerShutdownMiddleware` calls each one after the worker's threads
have stopped, e.g. to let background sends finish and be recorded.
"""

import logging
from collections.abc import Callable

import dramatiq

logger = logging.getLogger(__name__)

_HOOKS: dict[str, Callable[[], None]] = {}


def on_worker_shutdown(name: str, hook: Callable[[], None]) -> None:
    """Call ``hook`` when a worker of this process stops (one hook per ``name``)."""
    _HOOKS[name] = hook


class WorkerShutdownMiddleware(dramatiq.Middleware):
    """Run the registered hooks after the worker's threads stopped."""

    def after_worker_shutdown(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        """Call every hook; one that fails is logged and the others still run."""
        for name, hook in list(_HOOKS.items()):
            try:
                hook()
            except Exception:
                logger.exception("Worker shutdown hook %s failed", name)
