"""The fan-out: each worker process sends deliveries from a pool of sender threads.

Why: a delivery used to hold a worker thread, and its database connection, for the whole
HTTP request, so one slow receiver (2 s x thousands of events) occupied every thread and
the fast receivers waited behind it. Here a worker thread only claims a batch of one
webhook's due deliveries (milliseconds, :meth:`DeliveryPool.fill`) and hands them to
*sender threads*, which hold no database connection; one *recorder thread* per process stores
every finished attempt, many per transaction, and asks for what comes next (more of the same
webhook, retry wake-ups) through a callback that :mod:`webhooks.tasks` supplies.

Budget: per worker process ``WEBHOOK_SENDER_THREADS`` requests in flight at once, at most
``WEBHOOK_MAX_IN_FLIGHT`` of them for one webhook (so a slow receiver holds only its own
slots), and one database connection more than the worker threads already have (the
recorder's), however many requests are in flight.

A process that dies mid-send leaves its claims to lapse (``claims.lease_duration``); the
sweeper hands the rows out again with the same ``webhook-id`` (at least once). A worker that
stops normally waits for its sends and records them first (:func:`stop_pool`).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.conf import settings
from django.db import close_old_connections, connection

from . import claims, dispatch, recording
from .delivery import SendResult

logger = logging.getLogger(__name__)

#: Outcomes stored per transaction at most.
RECORD_BATCH = 500
#: Tries to store a batch of outcomes (the database may be restarting), 1 s, 2 s, 4 s apart.
RECORD_TRIES = 4


@dataclass
class FollowUp:
    """What the recorder asks for after storing a batch of outcomes.

    ``refill``: webhooks that have free slots again (claim more of their due deliveries).
    ``retries``: ``(webhook_id, seconds)``: wake the webhook that far ahead, when its retries
    are due.
    """

    refill: set[int] = field(default_factory=set)
    retries: set[tuple[int, int]] = field(default_factory=set)


Sent = tuple[dispatch.Prepared, SendResult]


class DeliveryPool:
    """Sender threads, per-webhook slots and the recorder of one process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._in_flight: Counter[int] = Counter()  # requests open, per webhook
        self._total = 0  # requests open plus answers not recorded yet (the pool's limit)
        self._recording = 0  # batches taken by the recorder whose follow-up is not sent yet
        self._waiting: set[int] = set()
        self._executor: ThreadPoolExecutor | None = None
        self._outcomes: queue.Queue[Sent | None] = queue.Queue()
        self._recorder: threading.Thread | None = None
        self._stopping = False
        self._follow_up: Callable[[FollowUp], None] = lambda follow_up: None
        self.senders = settings.WEBHOOK_SENDER_THREADS

    def on_recorded(self, callback: Callable[[FollowUp], None]) -> None:
        """Call ``callback`` (from the recorder thread) after each stored batch."""
        self._follow_up = callback

    # ---- claiming, in a worker thread

    def fill(self, webhook_id: int) -> int:
        """Claim as many due deliveries of ``webhook_id`` as it has free slots and start
        sending them; return how many were started."""
        free = self._reserve(webhook_id)
        if free <= 0:
            return 0
        started = 0
        try:
            prepared = [dispatch.prepare(d) for d in claims.claim_batch(webhook_id, free)]
            with self._lock:
                executor, outcomes = self._executor, self._outcomes
            assert executor is not None  # started by _reserve, stopped only by stop()
            for item in prepared:
                executor.submit(self._send, item, outcomes)
                started += 1
        finally:
            self._release(webhook_id, free - started)
        return started

    def _reserve(self, webhook_id: int) -> int:
        with self._lock:
            if self._stopping:
                return 0
            if self._executor is None:
                self._start()
            free = min(
                settings.WEBHOOK_MAX_IN_FLIGHT - self._in_flight[webhook_id],
                self.senders - self._total,
            )
            if free <= 0:
                # Its own sends ask for more when they finish; a webhook turned away because
                # the whole pool is busy is asked again when any slot frees.
                self._waiting.add(webhook_id)
                return 0
            self._in_flight[webhook_id] += free
            self._total += free
            return free

    def _release(self, webhook_id: int, count: int) -> None:
        if count <= 0:
            return
        with self._lock:
            self._answered(webhook_id, count)
            self._total -= count
            self._idle.notify_all()

    def _answered(self, webhook_id: int, count: int = 1) -> None:
        """``count`` requests of ``webhook_id`` are over (the lock is held); until recorded
        they still count against the pool, not against the webhook."""
        self._in_flight[webhook_id] -= count
        if self._in_flight[webhook_id] <= 0:
            del self._in_flight[webhook_id]

    def _start(self) -> None:
        """Start the sender threads and the recorder (the lock is held)."""
        self.senders = settings.WEBHOOK_SENDER_THREADS
        self._executor = ThreadPoolExecutor(
            max_workers=self.senders, thread_name_prefix="webhook-sender"
        )
        self._outcomes = queue.Queue()
        self._recorder = threading.Thread(
            target=self._record_loop, args=(self._outcomes,), name="webhook-recorder",
            daemon=True,
        )
        self._recorder.start()

    # ---- sending, in a sender thread (no database here)

    def _send(self, prepared: dispatch.Prepared, outcomes: queue.Queue[Sent | None]) -> None:
        try:
            result = dispatch.send_prepared(prepared)
        except Exception as exc:  # a bug must not keep the slot; the attempt is a failure
            logger.exception("Sending delivery %s failed unexpectedly", prepared.delivery.pk)
            result = SendResult(False, False, None, 0, f"The send failed: {exc}"[:300], "")
        with self._lock:
            if outcomes is self._outcomes:  # not a send left over from a stopped pool
                self._answered(prepared.delivery.webhook_id)
        outcomes.put((prepared, result))

    # ---- recording, in the recorder thread

    def _record_loop(self, outcomes: queue.Queue[Sent | None]) -> None:
        try:
            while True:
                first = outcomes.get()
                if first is None:
                    return
                batch, stop = [first], False
                while len(batch) < RECORD_BATCH:
                    try:
                        item = outcomes.get_nowait()
                    except queue.Empty:
                        break
                    if item is None:
                        stop = True
                        break
                    batch.append(item)
                with self._lock:
                    self._recording += 1
                try:
                    self._record(batch)
                finally:
                    with self._lock:
                        self._recording -= 1
                        self._idle.notify_all()
                if stop:
                    return
        finally:
            connection.close()

    def _record(self, batch: list[Sent]) -> None:
        outcomes = [(prepared.delivery, result) for prepared, result in batch]
        for number in range(RECORD_TRIES):
            try:
                close_old_connections()
                recording.record_many(outcomes)
                break
            except Exception:
                logger.warning(
                    "Could not record %d webhook attempts (try %d of %d)",
                    len(outcomes), number + 1, RECORD_TRIES, exc_info=True,
                )
                connection.close()
                if number + 1 < RECORD_TRIES:
                    time.sleep(2**number)
        else:
            # Their claims lapse and the sweeper sends them again with the same ids.
            logger.error("Gave up recording %d webhook attempts", len(outcomes))
        follow_up = FollowUp()
        for delivery, _ in outcomes:
            follow_up.refill.add(delivery.webhook_id)
            delay = dispatch.retry_delay(delivery)
            if delay is not None:
                # Rounded up to the second: one wake-up serves all retries due by then.
                follow_up.retries.add((delivery.webhook_id, int(delay.total_seconds()) + 1))
        with self._lock:
            self._total -= len(outcomes)
            self._idle.notify_all()
            follow_up.refill |= self._waiting
            self._waiting.clear()
        # Claiming the next ones is left to the worker threads (a message per webhook): the
        # recorder, one thread, stays free to record.
        try:
            self._follow_up(follow_up)
        except Exception:
            logger.warning("Could not ask for the next webhook deliveries", exc_info=True)

    # ---- watching, waiting and stopping

    def in_flight(self) -> dict[int, int]:
        """Requests open per webhook id."""
        with self._lock:
            return dict(self._in_flight)

    def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing is in flight, waiting to be recorded or to have its follow-up
        messages sent; False on timeout."""
        with self._idle:
            return self._idle.wait_for(
                lambda: self._total == 0 and self._recording == 0, timeout
            )

    def stop(self, timeout: float) -> None:
        """Let the sends in flight finish and be recorded (up to ``timeout``), then stop the
        threads; a later :meth:`fill` starts them again."""
        if self._executor is None:
            return
        with self._lock:
            self._stopping = True  # claim nothing more; what is in flight finishes
        if not self.wait_idle(timeout):
            logger.warning("Stopping with webhook sends in flight; their claims will lapse.")
        with self._lock:
            executor, recorder, outcomes = self._executor, self._recorder, self._outcomes
            self._executor = self._recorder = None
            # Sends still running report to the old queue, which nobody reads any more.
            self._in_flight.clear()
            self._total = self._recording = 0
            self._waiting.clear()
            self._stopping = False
            self._idle.notify_all()
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
        outcomes.put(None)
        if recorder is not None:
            recorder.join(timeout=10)


_pool: DeliveryPool | None = None
_pool_lock = threading.Lock()


def pool() -> DeliveryPool:
    """This process's pool (made on first use, once settings are loaded)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = DeliveryPool()
        return _pool


def stop_pool() -> None:
    """Stop this process's pool if it was made: the sends in flight finish (bounded by the
    request timeout) and are recorded first. Called when a worker stops."""
    if _pool is not None:
        _pool.stop(timeout=settings.WEBHOOK_TIMEOUT_SECONDS + 5)
