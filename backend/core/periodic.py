"""Periodic actors (sweepers) sent by every running worker.

``@every(seconds)`` marks a Dramatiq actor as periodic. ``PeriodicMiddleware`` starts a small
thread in each worker process (the embedded in-process worker included) that sends every
periodic actor once at boot and then every ``seconds``. With several workers an actor runs
several times per interval, so periodic actors must be idempotent and claim their rows
(conditional UPDATE, ``SELECT ... FOR UPDATE SKIP LOCKED``).

Usage::

    @every(30)
    @dramatiq.actor(queue_name="maintenance")
    def sweep() -> None: ...
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import dramatiq
from django.conf import settings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicActor:
    """An actor and how often it is sent."""

    actor: dramatiq.Actor
    seconds: float


_REGISTRY: dict[str, PeriodicActor] = {}


def every(seconds: float) -> Callable[[dramatiq.Actor], dramatiq.Actor]:
    """Register a Dramatiq actor to be sent at worker boot and then every ``seconds``."""
    if seconds <= 0:
        raise ValueError("every() needs a positive number of seconds")

    def register(actor: dramatiq.Actor) -> dramatiq.Actor:
        _REGISTRY[actor.actor_name] = PeriodicActor(actor, float(seconds))
        return actor

    return register


def registered() -> list[PeriodicActor]:
    """Return the periodic actors known so far."""
    return list(_REGISTRY.values())


class PeriodicMiddleware(dramatiq.Middleware):
    """Send the registered periodic actors from a thread in each worker process."""

    def __init__(self, tick_seconds: float = 0.5) -> None:
        self.tick_seconds = tick_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def after_worker_boot(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        """Start the sending thread unless periodic tasks are disabled."""
        if not getattr(settings, "PERIODIC_TASKS_ENABLED", True):
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name="periodic-actors", daemon=True
        )
        self._thread.start()

    def before_worker_shutdown(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        """Stop the sending thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self) -> None:
        due: dict[str, float] = {}
        while not self._stop.is_set():
            now = time.monotonic()
            for name, item in list(_REGISTRY.items()):
                if now >= due.get(name, 0.0):
                    due[name] = now + item.seconds
                    try:
                        item.actor.send()
                    except Exception:  # the broker may be down; try again next time
                        logger.warning("Could not send periodic actor %s", name, exc_info=True)
            self._stop.wait(self.tick_seconds)
