"""Prometheus metrics every process records, and where the cross-process ones are kept.

Two kinds of figures:

* **Per request, in the web process**: HTTP requests by route, GraphQL operation name and
  status, with a latency histogram (``prometheus_client`` objects). Several uvicorn processes
  (``WEB_CONCURRENCY`` > 1) share them through prometheus-client's multiprocess mode when
  ``PROMETHEUS_MULTIPROC_DIR`` names an empty folder.
* **Per actor run, in the worker processes**: runs and seconds by actor and outcome (the
  sweepers are actors). Workers may run on other hosts, so these are counted in the broker's
  Redis (``HINCRBY``, one hash per deployment), or in this process's memory in the embedded
  mode, where the worker is a thread of the web process. Lost increments while Redis is down
  are the only loss; nothing is written to local files.

Figures that describe state (jobs by status, deliveries by outcome, queue depths) are read
from the database and the broker at scrape time by ``config.metrics``.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import defaultdict
from collections.abc import Iterator

import dramatiq
from prometheus_client import Counter, Histogram
from strawberry.extensions import SchemaExtension

logger = logging.getLogger(__name__)

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)

HTTP_REQUESTS = Counter(
    "http_requests_total",
    "HTTP requests answered, by route, GraphQL operation name and status code.",
    ["route", "operation", "status"],
)
HTTP_LATENCY = Histogram(
    "http_request_duration_seconds",
    "Time from the request reaching Django to its answer, by route and GraphQL operation.",
    ["route", "operation"],
    buckets=LATENCY_BUCKETS,
)

#: GraphQL operation names are chosen by clients: only this many distinct ones get a label of
#: their own in a process (the rest are ``other``), so a client cannot grow the series
#: without bound.
MAX_OPERATION_NAMES = 200
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
_seen_operations: set[str] = set()
_seen_lock = threading.Lock()


def operation_label(name: str | None) -> str:
    """The label for a GraphQL operation name: itself, ``anonymous`` or ``other``."""
    if not name:
        return "anonymous"
    if not _NAME.match(name):
        return "other"
    with _seen_lock:
        if name in _seen_operations:
            return name
        if len(_seen_operations) >= MAX_OPERATION_NAMES:
            return "other"
        _seen_operations.add(name)
        return name


def record_request(route: str, operation: str, status: int, seconds: float) -> None:
    """Count one answered HTTP request and observe its latency."""
    HTTP_REQUESTS.labels(route, operation, str(status)).inc()
    HTTP_LATENCY.labels(route, operation).observe(seconds)


class OperationNameExtension(SchemaExtension):
    """Note the GraphQL operation's name on the Django request, for the request metrics."""

    def on_operation(self) -> Iterator[None]:
        """After the operation is parsed, record its name (given or from the document)."""
        yield
        request = getattr(self.execution_context.context, "request", None)
        if request is not None:
            try:
                name = self.execution_context.operation_name
            except Exception:  # an unparsable document has no name
                name = None
            request.graphql_operation = operation_label(name)


# ---- actor runs (workers)

ACTOR_RUNS_KEY = "product_importer:metrics:actor_runs"
ACTOR_SECONDS_KEY = "product_importer:metrics:actor_seconds"
_local_runs: dict[str, float] = defaultdict(float)
_local_seconds: dict[str, float] = defaultdict(float)
_local_lock = threading.Lock()


def _redis():
    from django.conf import settings

    if settings.EMBEDDED:
        return None
    import redis

    client = getattr(_redis, "client", None)
    if client is None:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2
        )
        _redis.client = client
    return client


def record_actor_run(actor: str, outcome: str, seconds: float) -> None:
    """Count one run of ``actor`` that ended with ``outcome`` (``ok``, ``failed``, ``skipped``)."""
    field = f"{actor}|{outcome}"
    client = _redis()
    if client is None:
        with _local_lock:
            _local_runs[field] += 1
            _local_seconds[field] += seconds
        return
    try:
        with client.pipeline(transaction=False) as pipe:
            pipe.hincrby(ACTOR_RUNS_KEY, field, 1)
            pipe.hincrbyfloat(ACTOR_SECONDS_KEY, field, seconds)
            pipe.execute()
    except Exception:  # Redis down: the run happened, its count is lost
        logger.debug("Could not record the run of %s", actor, exc_info=True)


def actor_runs() -> dict[tuple[str, str], tuple[float, float]]:
    """``(actor, outcome) -> (runs, seconds)`` counted by every worker so far."""
    client = _redis()
    if client is None:
        with _local_lock:
            runs, seconds = dict(_local_runs), dict(_local_seconds)
    else:
        runs = {k.decode(): float(v) for k, v in client.hgetall(ACTOR_RUNS_KEY).items()}
        seconds = {k.decode(): float(v) for k, v in client.hgetall(ACTOR_SECONDS_KEY).items()}
    result = {}
    for field, count in runs.items():
        actor, _, outcome = field.rpartition("|")
        result[(actor, outcome)] = (count, seconds.get(field, 0.0))
    return result


class ActorMetricsMiddleware(dramatiq.Middleware):
    """Count each actor run and its duration by outcome (Dramatiq middleware)."""

    def __init__(self) -> None:
        self._started: dict[str, float] = {}

    def before_process_message(self, broker: dramatiq.Broker, message: dramatiq.Message) -> None:
        """Note when the run started."""
        self._started[message.message_id] = time.monotonic()

    def after_process_message(
        self,
        broker: dramatiq.Broker,
        message: dramatiq.Message,
        *,
        result: object = None,
        exception: BaseException | None = None,
    ) -> None:
        """Record the run as ``ok`` or ``failed``."""
        started = self._started.pop(message.message_id, None)
        seconds = time.monotonic() - started if started is not None else 0.0
        record_actor_run(message.actor_name, "failed" if exception else "ok", seconds)

    def after_skip_message(self, broker: dramatiq.Broker, message: dramatiq.Message) -> None:
        """Record a message skipped (too old, or skipped by another middleware)."""
        self._started.pop(message.message_id, None)
        record_actor_run(message.actor_name, "skipped", 0.0)
