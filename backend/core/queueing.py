"""Sending background work: one way, once the change commits, never failing the change.

A message sent before the commit could reach a worker that does not see the rows yet, so
messages go out after it. The work itself is a row (an import job, an export job, a due
delivery) that a periodic sweeper sends again, so a broker outage must not fail or undo a
change already recorded: a failed send is logged and left to the sweeper. After one
failure, sends are skipped for ``BROKER_BACKOFF_SECONDS``, so an outage costs one failed
connection per window, not one per change.
"""

import logging
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import dramatiq
from django.db import transaction

logger = logging.getLogger(__name__)

BROKER_BACKOFF_SECONDS = 5.0
_broker_down_until = 0.0


def send(actor: dramatiq.Actor, *args: Any, delay_ms: int | None = None) -> bool:
    """Send one message now; never raise.

    Returns False when the broker could not be reached (or failed moments ago): the work
    waits in its rows for the sweeper.
    """
    global _broker_down_until
    if time.monotonic() < _broker_down_until:
        return False
    try:
        actor.send_with_options(args=args, delay=delay_ms)
    except Exception:
        # Any broker failure (connection refused, timeout, ...) must not reach the caller.
        _broker_down_until = time.monotonic() + BROKER_BACKOFF_SECONDS
        logger.warning(
            "Task broker unreachable; %s%r waits for its sweeper.",
            actor.actor_name,
            args,
            exc_info=True,
        )
        return False
    return True


def send_after_commit(actor_or_callable: dramatiq.Actor | Callable[..., Any], *args: Any) -> None:
    """Once the current transaction commits (at once outside one), send ``args`` to an actor,
    or call a function that sends several messages with :func:`send`.

    ``robust``: an error in the call is logged and never reaches the change that committed.
    """
    if isinstance(actor_or_callable, dramatiq.Actor):
        work = partial(send, actor_or_callable, *args)
    else:
        work = partial(actor_or_callable, *args)
    transaction.on_commit(work, robust=True)


def reset_broker_backoff() -> None:
    """Forget a past broker failure (tests; a broker known to be back)."""
    global _broker_down_until
    _broker_down_until = 0.0
