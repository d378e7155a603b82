#!/usr/bin/env python3
"""Webhook fan-out in production mode: 10,000 product events to a fast, a slow and a flaky
receiver, all on 127.0.0.1.

    .venv/bin/python bench/webhook_fanout_bench.py [--events 10000] [--skip-baseline]

Recreates its database (``pi_fanout_bench`` on 127.0.0.1:5432 unless ``BENCH_DATABASE_URL``),
flushes its Redis DB (``redis://127.0.0.1:6379/14`` unless ``BENCH_REDIS_URL``) and starts
``rundramatiq`` worker processes as ``manage.py serve`` does (``BENCH_WORKER_PROCESSES`` x
``BENCH_WORKER_THREADS``, default 2 x 4). Receivers: *fast* answers 200 at once, *slow* after
2 s, *flaky* answers 500 to a random half of the requests. ``--creators`` ``manage.py shell``
processes create the products, one transaction each (``products.services.create_product``),
while the workers deliver. Two runs:

1. baseline: fast and flaky subscribed, no slow receiver;
2. fan-out: fast, slow and flaky subscribed.

Each run waits until every delivery has SUCCEEDED, then checks at each receiver that every
(event, webhook) arrived exactly once counted by distinct ``webhook-id`` (a retry of a 500 is
the same id and is expected; no id may be answered 2xx twice) and prints deliveries/s per
receiver, the fast receiver's latency from the event's creation (its ``timestamp``) to its
arrival, and the peak number of PostgreSQL sessions on the bench database (sampled from
``pg_stat_activity`` every 0.1 s, the creating processes' included).
"""

import argparse
import json
import os
import random
import statistics
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg2
import redis

from benchlib import PY, manage, production_env, recreate_database, stop
from benchlib import start as start_process

DB_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pi_fanout_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
WORKER_PROCESSES = os.environ.get("BENCH_WORKER_PROCESSES", "2")
WORKER_THREADS = os.environ.get("BENCH_WORKER_THREADS", "4")
# Per webhook and worker process: 2 processes x 32 = 64 requests open at one receiver, so the
# 2 s receiver takes 10,000 x 2 s / 64 = ~5 minutes; 3 x 32 < 128 senders, so the pool
# itself never turns a webhook away.
MAX_IN_FLIGHT = os.environ.get("BENCH_MAX_IN_FLIGHT", "32")
SENDER_THREADS = os.environ.get("BENCH_SENDER_THREADS", "128")
# 20 retries 2 s apart: a delivery to the 50% receiver fails for good with odds 2^-21.
RETRY_SCHEDULE = ",".join(["2"] * 20)
SLOW_SECONDS = 2.0

CREATE_WEBHOOKS = """
import os
from webhooks.services import create_webhook
for url in os.environ["BENCH_WEBHOOK_URLS"].split(","):
    create_webhook(url=url, events=["product.created"])
"""
CREATE_EVENTS = """
import os
from products.services import create_product
first, count = int(os.environ["BENCH_FIRST"]), int(os.environ["BENCH_COUNT"])
for n in range(first, first + count):
    create_product(sku=f"FAN-{n:06d}", name=f"Fan-out product {n}")
"""


def env(**extra: str) -> dict[str, str]:
    """Production mode against the bench database; loopback receivers allowed."""
    return production_env(
        DB_URL,
        REDIS_URL,
        WEBHOOK_ALLOW_PRIVATE_TARGETS="1",
        PERIODIC_TASKS_ENABLED="1",
        WEBHOOK_RETRY_SCHEDULE=RETRY_SCHEDULE,
        WEBHOOK_TIMEOUT_SECONDS="10",
        WEBHOOK_MAX_IN_FLIGHT=MAX_IN_FLIGHT,
        WEBHOOK_SENDER_THREADS=SENDER_THREADS,
        **extra,
    )


@dataclass(frozen=True)
class Hit:
    """One request as a receiver saw it."""

    webhook_id: str
    status: int
    received_at: float
    event_at: float  #: the event's ``timestamp`` (when the product change committed)


class Receiver:
    """fast: 200 at once; slow: 200 after 2 s; flaky: 500 or 200 at random."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # http.server calls do_<METHOD>
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                arrived = time.time()
                stamp = json.loads(body)["timestamp"].replace("Z", "+00:00")
                if receiver.kind == "slow":
                    time.sleep(SLOW_SECONDS)
                status = 500 if receiver.kind == "flaky" and random.random() < 0.5 else 200
                hit = Hit(self.headers["webhook-id"], status, arrived,
                          datetime.fromisoformat(stamp).timestamp())
                with receiver._lock:
                    receiver.hits.append(hit)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.request_queue_size = 256
        self.url = f"http://127.0.0.1:{self._server.server_port}/{kind}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()


class ConnectionSampler:
    """Peak sessions on the bench database, sampled from ``pg_stat_activity``."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        conn = psycopg2.connect(DB_URL)
        conn.autocommit = True
        with conn.cursor() as cursor:
            while not self._stop.is_set():
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                self.peak = max(self.peak, cursor.fetchone()[0])
                self._stop.wait(0.1)
        conn.close()

    def close(self) -> int:
        """Stop sampling; return the peak."""
        self._stop.set()
        self._thread.join()
        return self.peak


def delivery_counts() -> tuple[int, int]:
    """(all deliveries, SUCCEEDED deliveries) in the bench database."""
    conn = psycopg2.connect(DB_URL)
    try:
        with conn.cursor() as cursor:
            cursor.execute(
                "SELECT count(*), count(*) FILTER (WHERE status = 'SUCCEEDED') "
                "FROM webhooks_webhookdelivery"
            )
            return cursor.fetchone()
    finally:
        conn.close()


def percentiles(values: list[float]) -> tuple[float, float]:
    """p50 and p95 (nearest rank)."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return statistics.median(ordered), p95


def create_events(events: int, creators: int) -> str:
    """Create ``events`` products from ``creators`` processes at once, one transaction each."""
    share = -(-events // creators)
    processes = [
        start_process(
            env(BENCH_FIRST=str(first), BENCH_COUNT=str(min(share, events - first))),
            [PY, "manage.py", "shell", "-c", CREATE_EVENTS],
        )
        for first in range(0, events, share)
    ]
    started = time.monotonic()
    codes = [process.wait() for process in processes]
    if any(codes):
        raise SystemExit(f"creating products failed: exit codes {codes}")
    elapsed = time.monotonic() - started
    return (f"created by {len(processes)} processes in {elapsed:.1f} s "
            f"({events / elapsed:.0f} events/s)")


def run(
    label: str, kinds: list[str], events: int, creators: int, limit_s: float
) -> dict[str, float]:
    """One run on a fresh database; print its figures and return the fast latencies."""
    recreate_database(DB_URL, env())
    redis.Redis.from_url(REDIS_URL).flushdb()
    receivers = {kind: Receiver(kind) for kind in kinds}
    worker = start_process(
        env(), [PY, "manage.py", "rundramatiq", "--processes", WORKER_PROCESSES,
                "--threads", WORKER_THREADS],
    )
    sampler = ConnectionSampler()
    try:
        time.sleep(4)  # worker boot
        manage(env(BENCH_WEBHOOK_URLS=",".join(r.url for r in receivers.values())),
               "shell", "-c", CREATE_WEBHOOKS)
        started = time.time()
        created = create_events(events, creators)
        expected = events * len(kinds)
        deadline = time.monotonic() + limit_s
        while True:
            total, succeeded = delivery_counts()
            if total == expected and succeeded == expected:
                break
            if time.monotonic() > deadline:
                raise SystemExit(f"{label}: {succeeded} of {expected} deliveries succeeded "
                                 f"within {limit_s:.0f} s")
            time.sleep(0.5)
        finished = time.time()
    finally:
        peak = sampler.close()
        stop(worker)
        for receiver in receivers.values():
            receiver.close()

    print(f"\n== {label}: {events} events x {len(kinds)} webhooks ({', '.join(kinds)}); "
          f"{created}; all {expected} deliveries SUCCEEDED {finished - started:.1f} s after "
          f"the first event")
    latencies: dict[str, float] = {}
    for kind, receiver in receivers.items():
        hits = receiver.hits
        ids = Counter(hit.webhook_id for hit in hits)
        ok = Counter(hit.webhook_id for hit in hits if hit.status < 300)
        exactly_once = len(ok) == events and set(ok.values()) == {1} and set(ids) == set(ok)
        last_ok = max(hit.received_at for hit in hits if hit.status < 300)
        first = min(hit.received_at for hit in hits)
        rate = len(ok) / (last_ok - first)
        print(f"{kind:6} requests {len(hits):6}  distinct webhook-id {len(ids):6}  "
              f"2xx {sum(ok.values()):6}  500 {len(hits) - sum(ok.values()):5}  "
              f"same-id repeats {len(hits) - len(ids):5}  "
              f"delivered exactly once: {'yes' if exactly_once else 'NO'}  "
              f"{rate:7.1f} deliveries/s ({last_ok - first:.1f} s first to last)")
        if kind == "fast":
            gaps = [(hit.received_at - hit.event_at) * 1000 for hit in hits]
            p50, p95 = percentiles(gaps)
            latencies = {"p50": p50, "p95": p95}
            print(f"{'':6} event created -> fast receiver: p50 {p50:8.1f} ms   p95 {p95:8.1f} ms")
    print(f"peak PostgreSQL sessions on the bench database: {peak} "
          f"(workers {WORKER_PROCESSES} x {WORKER_THREADS} threads, +1 recorder each, "
          f"+{creators} creating processes); load average {os.getloadavg()[0]:.1f}")
    return latencies


def main() -> None:
    """Run the baseline and the fan-out, print figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000, help="product events per run")
    parser.add_argument("--skip-baseline", action="store_true", help="only the 3-receiver run")
    parser.add_argument("--limit", type=float, default=1200, help="seconds allowed per run")
    parser.add_argument("--creators", type=int, default=3, help="processes creating products")
    args = parser.parse_args()
    print(f"workers: {WORKER_PROCESSES} processes x {WORKER_THREADS} threads; per process "
          f"{SENDER_THREADS} sender threads, at most {MAX_IN_FLIGHT} in flight per webhook; "
          f"retries every 2 s (20); PostgreSQL + Redis; receivers on 127.0.0.1; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    without = {} if args.skip_baseline else run(
        "baseline, no slow receiver", ["fast", "flaky"], args.events, args.creators, args.limit
    )
    with_slow = run("fan-out with the slow receiver", ["fast", "slow", "flaky"], args.events,
                    args.creators, args.limit)
    if without:
        print(f"\nfast receiver latency p50/p95 (ms): without slow {without['p50']:.1f} / "
              f"{without['p95']:.1f}; with slow {with_slow['p50']:.1f} / {with_slow['p95']:.1f}")


if __name__ == "__main__":
    sys.exit(main())
