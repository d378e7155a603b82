"""``GET /metrics`` in Prometheus's text format, and the timing of every HTTP request.

The endpoint is answered by ``MetricsMiddleware`` ahead of the authentication middleware, so
API tokens and sessions play no part: it exists only when ``METRICS_TOKEN`` is set (404
otherwise) and answers only ``Authorization: Bearer <METRICS_TOKEN>`` (401 otherwise).

State is read at scrape time from the database and the broker (``StateCollector``), so the
figures are exact whatever the number of worker processes or hosts and survive restarts;
per-request figures come from this process (or every web process of this host, with
``PROMETHEUS_MULTIPROC_DIR``); actor runs from ``core.metrics``.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Awaitable, Iterator

import dramatiq
from asgiref.sync import iscoroutinefunction, sync_to_async
from django.conf import settings
from django.db.models import Count, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.registry import Collector

from core import metrics as core_metrics
from core.middleware import HybridMiddleware
from core.periodic import registered
from imports.models import ImportJob
from webhooks.models import WebhookDelivery, WebhookDeliveryAttempt

METRICS_PATH = "/metrics"
DELIVERY_BUCKETS_MS = (50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000)


class StateCollector(Collector):
    """Figures read from PostgreSQL/SQLite and the broker when Prometheus scrapes."""

    def collect(self) -> Iterator:
        """Yield every state metric family."""
        yield from self._imports()
        yield from self._deliveries()
        yield from self._queues()
        yield from self._actor_runs()

    def _imports(self) -> Iterator:
        jobs = GaugeMetricFamily("import_jobs", "Import jobs by status.", labels=["status"])
        counts = dict(ImportJob.objects.values_list("status").annotate(n=Count("id")))
        for status in ImportJob.Status.values:
            jobs.add_metric([status], counts.get(status, 0))
        yield jobs
        rate = GaugeMetricFamily(
            "import_rows_per_second",
            "Rows per second of the running import since it started (0 when none runs).",
        )
        rows = GaugeMetricFamily(
            "import_running_rows_processed", "Rows the running import has processed."
        )
        running = (
            ImportJob.objects.filter(status=ImportJob.Status.PROCESSING, started_at__isnull=False)
            .order_by("id")
            .values("rows_processed", "started_at")
            .first()
        )
        if running:
            elapsed = max((timezone.now() - running["started_at"]).total_seconds(), 0.001)
            rate.add_metric([], running["rows_processed"] / elapsed)
            rows.add_metric([], running["rows_processed"])
        else:
            rate.add_metric([], 0)
            rows.add_metric([], 0)
        yield rate
        yield rows

    def _deliveries(self) -> Iterator:
        family = GaugeMetricFamily(
            "webhook_deliveries",
            "Webhook deliveries in the delivery log by outcome (status).",
            labels=["status"],
        )
        counts = dict(WebhookDelivery.objects.values_list("status").annotate(n=Count("id")))
        for status in ("PENDING", "RETRYING", "SUCCEEDED", "FAILED"):
            family.add_metric([status], counts.get(status, 0))
        yield family
        # One aggregate over the attempts kept in the log (WEBHOOK_DELIVERY_RETENTION_DAYS).
        ok = Q(status_code__gte=200, status_code__lt=300)
        histogram = HistogramMetricFamily(
            "webhook_delivery_attempt_duration_seconds",
            "Duration of the delivery attempts in the delivery log, by outcome.",
            labels=["outcome"],
        )
        for outcome, condition in (("success", ok), ("failure", ~ok)):
            aggregates = {f"le_{b}": Count("id", filter=Q(duration_ms__lte=b)) for b in
                          DELIVERY_BUCKETS_MS}
            row = WebhookDeliveryAttempt.objects.filter(condition).aggregate(
                total=Count("id"), sum_ms=Sum("duration_ms"), **aggregates
            )
            buckets = [(str(b / 1000), row[f"le_{b}"]) for b in DELIVERY_BUCKETS_MS]
            buckets.append(("+Inf", row["total"]))
            histogram.add_metric([outcome], buckets, (row["sum_ms"] or 0) / 1000)
        yield histogram

    def _queues(self) -> Iterator:
        family = GaugeMetricFamily(
            "task_queue_messages",
            "Messages waiting in the task broker, by queue (.DQ: delayed retries).",
            labels=["queue"],
        )
        broker = dramatiq.get_broker()
        for name in sorted(broker.get_declared_queues()):
            for queue in (name, f"{name}.DQ"):
                depth = _queue_depth(broker, queue)
                if depth is not None:
                    family.add_metric([queue], depth)
        yield family

    def _actor_runs(self) -> Iterator:
        runs = CounterMetricFamily(
            "task_runs", "Actor runs by actor and outcome (every worker).",
            labels=["actor", "outcome"],
        )
        seconds = CounterMetricFamily(
            "task_run_seconds", "Seconds spent in actor runs by actor and outcome.",
            labels=["actor", "outcome"],
        )
        sweeps = CounterMetricFamily(
            "sweeper_runs", "Runs of the periodic sweepers, by sweeper and outcome.",
            labels=["sweeper", "outcome"],
        )
        periodic = {item.actor.actor_name for item in registered()}
        try:
            counted = core_metrics.actor_runs()
        except Exception:  # Redis down: scrape the rest
            counted = {}
        for (actor, outcome), (count, spent) in sorted(counted.items()):
            runs.add_metric([actor, outcome], count)
            seconds.add_metric([actor, outcome], spent)
            if actor in periodic:
                sweeps.add_metric([actor, outcome], count)
        yield runs
        yield seconds
        yield sweeps


def _queue_depth(broker: dramatiq.Broker, queue: str) -> int | None:
    client = getattr(broker, "client", None)
    if client is not None:  # Redis: a list of message ids per queue
        try:
            return int(client.llen(f"{broker.namespace}:{queue}"))
        except Exception:
            return None
    queues = getattr(broker, "queues", {})
    return queues[queue].qsize() if queue in queues else None


def render() -> bytes:
    """The whole exposition text."""
    registry = CollectorRegistry(auto_describe=False)
    if settings.PROMETHEUS_MULTIPROC_DIR:
        from prometheus_client import multiprocess

        multiprocess.MultiProcessCollector(registry, path=settings.PROMETHEUS_MULTIPROC_DIR)
    else:
        registry = REGISTRY
    state = CollectorRegistry(auto_describe=False)
    state.register(StateCollector())
    return generate_latest(registry) + generate_latest(state)


def _authorized(request: HttpRequest) -> bool:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    expected = settings.METRICS_TOKEN or ""
    return scheme.lower() == "bearer" and hmac.compare_digest(
        value.strip().encode(), expected.encode()
    )


def metrics_response(request: HttpRequest) -> HttpResponse:
    """Answer ``GET /metrics``: 404 when disabled, 401 without the token, else the figures."""
    if not settings.METRICS_TOKEN:
        return HttpResponse("Not found.", status=404, content_type="text/plain")
    if not _authorized(request):
        return HttpResponse(
            "Send Authorization: Bearer <METRICS_TOKEN>.",
            status=401,
            content_type="text/plain",
            headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
        )
    return HttpResponse(render(), content_type=CONTENT_TYPE_LATEST)


def _route(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return "unmatched"
    return match.url_name or "unnamed"


class MetricsMiddleware(HybridMiddleware):
    """Serve ``/metrics``; time every other request (put it first in ``MIDDLEWARE``)."""

    def __call__(self, request: HttpRequest) -> HttpResponse | Awaitable[HttpResponse]:
        """Answer or time ``request``."""
        if iscoroutinefunction(self):
            return self.__acall__(request)
        if request.path_info == METRICS_PATH:
            return metrics_response(request)
        started = time.perf_counter()
        response = self.get_response(request)
        self._record(request, response, started)
        return response

    async def __acall__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == METRICS_PATH:
            return await sync_to_async(metrics_response)(request)
        started = time.perf_counter()
        response = await self.get_response(request)
        self._record(request, response, started)
        return response

    @staticmethod
    def _record(request: HttpRequest, response: HttpResponse, started: float) -> None:
        operation = getattr(request, "graphql_operation", "-")
        core_metrics.record_request(
            _route(request), operation, response.status_code, time.perf_counter() - started
        )
