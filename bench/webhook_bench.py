#!/usr/bin/env python3
"""Webhook delivery speed in production mode, with a receiver on 127.0.0.1.

    .venv/bin/python bench/webhook_bench.py [--latency 100] [--queued 1000] [--requests 100]

Recreates its database (``pi_webhooks`` on 127.0.0.1:5432 unless ``BENCH_DATABASE_URL``),
flushes its Redis DB (``redis://127.0.0.1:6379/3`` unless ``BENCH_REDIS_URL``), starts the web
server (uvicorn, port 8020) and a ``rundramatiq`` worker process, and prints:

1. p50/p95 from the ``createProduct`` answer to the receiver getting the delivery;
2. deliveries per second with 1,000 queued events to one fast receiver;
3. ``createProduct`` p50/p95 without and with a subscribed receiver that hangs for 30 s
   (goal: no difference; the product change never waits for a receiver).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

import redis
import requests

from benchlib import PY, Receiver, api_token, production_env, recreate_database, stop, wait_http
from benchlib import start as start_process

PORT = int(os.environ.get("BENCH_PORT", "8020"))
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pi_webhooks")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
GRAPHQL = f"http://127.0.0.1:{PORT}/graphql/"
WORKER_PROCESSES = os.environ.get("BENCH_WORKER_PROCESSES", "2")
WORKER_THREADS = os.environ.get("BENCH_WORKER_THREADS", "8")

CREATE_PRODUCT = """
mutation CreateProduct($input: ProductInput!) {
  createProduct(input: $input) {
    ... on Product { id sku }
    ... on OperationInfo { messages { message } }
  }
}
"""
CREATE_WEBHOOK = """
mutation CreateWebhook($input: WebhookInput!) {
  createWebhook(input: $input) {
    ... on Webhook { id }
    ... on OperationInfo { messages { message } }
  }
}
"""
DELETE_WEBHOOK = (
    "mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) { ... on Webhook { id } } }"
)


def env() -> dict[str, str]:
    """Production mode against the bench database; loopback receivers allowed."""
    return production_env(
        DB_URL, REDIS_URL, WEBHOOK_ALLOW_PRIVATE_TARGETS="1", PERIODIC_TASKS_ENABLED="1"
    )


def reset() -> None:
    """Recreate and migrate the database; flush only the bench's Redis DB."""
    recreate_database(DB_URL, env())
    redis.Redis.from_url(REDIS_URL).flushdb()


def start(args: list[str], ready_url: str | None = None) -> subprocess.Popen:
    """Start a manage.py command in its own process group (and wait for ``ready_url``)."""
    process = start_process(env(), [PY, "manage.py", *args])
    if ready_url:
        try:
            wait_http(ready_url)
        except RuntimeError:
            stop(process)
            raise SystemExit(f"{args[0]} did not become ready") from None
    return process


def start_worker() -> subprocess.Popen:
    """A rundramatiq process (give it a few seconds to boot)."""
    worker = start(
        ["rundramatiq", "--processes", WORKER_PROCESSES, "--threads", WORKER_THREADS]
    )
    time.sleep(4)
    return worker


def gql(session: requests.Session, query: str, variables: dict) -> dict:
    """POST one operation; stop on GraphQL errors."""
    body = session.post(GRAPHQL, json={"query": query, "variables": variables}).json()
    if "errors" in body:
        raise SystemExit(f"GraphQL error: {body['errors']}")
    return body["data"]


def create_product(session: requests.Session, sku: str) -> float:
    """Create a product; return the wall-clock time the answer arrived."""
    data = gql(session, CREATE_PRODUCT, {"input": {"sku": sku, "name": "Bench product"}})
    if "id" not in data["createProduct"]:
        raise SystemExit(f"createProduct failed: {data}")
    return time.time()


def webhook(session: requests.Session, url: str) -> str:
    """Subscribe ``url`` to product.created; return the webhook id."""
    data = gql(session, CREATE_WEBHOOK, {"input": {"url": url, "events": ["PRODUCT_CREATED"]}})
    return data["createWebhook"]["id"]


def percentiles(values: list[float]) -> tuple[float, float]:
    """p50 and p95 (nearest rank)."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return statistics.median(ordered), p95


def latency(session: requests.Session, receiver: Receiver, count: int) -> None:
    """Answer-to-receiver latency, one product at a time."""
    gaps = []
    for n in range(count + 3):
        before = len(receiver.requests)
        answered = create_product(session, f"LAT-{n}")
        arrived = receiver.wait_for(before + 1, timeout=30)[before].received_at
        if n >= 3:
            gaps.append((arrived - answered) * 1000)
    p50, p95 = percentiles(gaps)
    print(f"{'answer -> receiver (ms)':44} p50 {p50:8.1f}   p95 {p95:8.1f}   ({count} products)")


def throughput(session: requests.Session, receiver: Receiver, queued: int) -> None:
    """Queue ``queued`` events with no worker running, then time how fast one drains them."""
    for n in range(queued):
        create_product(session, f"Q-{n}")
    before = len(receiver.requests)
    worker = start(["rundramatiq", "--processes", WORKER_PROCESSES, "--threads", WORKER_THREADS])
    try:
        first = receiver.wait_for(before + 1, timeout=60)[before].received_at
        last = receiver.wait_for(before + queued, timeout=300)[before + queued - 1].received_at
    finally:
        stop(worker)
    rate = (queued - 1) / (last - first)
    print(f"{'deliveries per second (1 fast receiver)':44} {rate:8.0f}/s   "
          f"({queued} queued, {last - first:.2f} s from first to last)")


def create_latency(session: requests.Session, prefix: str, count: int) -> tuple[float, float]:
    """createProduct round trip p50/p95 in ms."""
    timings = []
    for n in range(count + 3):
        started = time.perf_counter()
        create_product(session, f"{prefix}-{n}")
        if n >= 3:
            timings.append((time.perf_counter() - started) * 1000)
    return percentiles(timings)


def main() -> None:
    """Reset, serve, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=int, default=100, help="products for latency")
    parser.add_argument("--queued", type=int, default=1000, help="queued events")
    parser.add_argument("--requests", type=int, default=100, help="createProduct per case")
    args = parser.parse_args()

    reset()
    server = start(["serve", "--port", str(PORT), "--no-worker"], f"http://127.0.0.1:{PORT}/readyz")
    fast = Receiver("200")
    hanging = Receiver("hang", hang_seconds=30)
    try:
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {api_token(env())}"
        print(f"worker: {WORKER_PROCESSES} processes x {WORKER_THREADS} threads; "
              f"web: uvicorn on {PORT}; PostgreSQL + Redis\n")
        fast_id = webhook(session, fast.url + "/fast")

        throughput(session, fast, args.queued)

        worker = start_worker()
        try:
            latency(session, fast, args.latency)
            fast50, fast95 = create_latency(session, "FAST", args.requests)
            gql(session, DELETE_WEBHOOK, {"id": fast_id})
            none50, none95 = create_latency(session, "NOHOOK", args.requests)
            webhook(session, hanging.url + "/hang")
            hang50, hang95 = create_latency(session, "HANG", args.requests)
        finally:
            stop(worker)
        for label, p50, p95 in (
            ("createProduct, no webhook (ms)", none50, none95),
            ("createProduct, fast receiver (ms)", fast50, fast95),
            ("createProduct, receiver hanging 30 s (ms)", hang50, hang95),
        ):
            print(f"{label:44} p50 {p50:8.1f}   p95 {p95:8.1f}")
        print(f"({len(hanging.requests)} deliveries reached the hanging receiver meanwhile)")
    finally:
        fast.close()
        hanging.close()
        stop(server)


if __name__ == "__main__":
    sys.exit(main())
