"""The measured cases of the products benchmark: the list query, its timing, and the
variables of each case.
"""

import random
import statistics
import time
from collections.abc import Callable

import requests

from products_setup import PORT, Mode

FIELDS = "id sku name description active createdAt updatedAt"
QUERY = f"""
query Products($filters: ProductFilter, $ordering: [ProductOrder!], $first: Int, $last: Int,
               $after: String) {{
  products(filters: $filters, ordering: $ordering, first: $first, last: $last, after: $after) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ {FIELDS} }} }}
  }}
}}
"""


# What the app asks since its rows stopped waiting for the count: the page alone, and the
# count alone (in a request of its own).
ROWS_QUERY = f"""
query Products($filters: ProductFilter, $first: Int) {{
  products(filters: $filters, first: $first) {{
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ {FIELDS} }} }}
  }}
}}
"""
COUNT_QUERY = """
query ProductsCount($filters: ProductFilter) { products(filters: $filters) { totalCount } }
"""

#: Every term a case asks (``pool``), so the fresh terms are never among them.
ASKED: set[str] = set()


def post(session: requests.Session, variables: dict, query: str = QUERY) -> dict:
    """One products query; its data."""
    response = session.post(
        f"http://127.0.0.1:{PORT}/graphql/", json={"query": query, "variables": variables}
    )
    if not response.headers.get("content-type", "").startswith("application/json"):
        raise SystemExit(f"HTTP {response.status_code} for {variables}: {response.text[:300]}")
    body = response.json()
    if "errors" in body:
        raise SystemExit(f"query failed: {body['errors']}")
    return body["data"]["products"]


def measure(session: requests.Session, variables_for, count: int) -> tuple[float, float, int]:
    """p50 and p95 in ms of ``count`` requests (after 3 warm-ups) and the last totalCount."""
    timings = []
    total = 0
    for index in range(count + 3):
        variables = variables_for(index)
        started = time.perf_counter()
        total = post(session, variables)["totalCount"]
        if index >= 3:
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    return statistics.median(timings), p95, total


def pool(values: list[str], size: int, rnd: random.Random) -> Callable[[int], str]:
    """Distinct terms in a random order, one per request (cycling only when exhausted)."""
    distinct = sorted(set(values))
    rnd.shuffle(distinct)
    ASKED.update(distinct[:size])
    if len(distinct) < size:
        print(f"  (only {len(distinct)} distinct terms for {size} requests)", flush=True)
    return lambda index: distinct[index % len(distinct)]


def cases(mode: Mode, session: requests.Session, requests_per_case: int) -> dict:
    """Each case: (label, target ms, variables for request i)."""
    rnd = random.Random(3)
    size = requests_per_case + 3
    skus = pool([s.upper() for s in mode.sample("sku", 4 * size)], size, rnd)
    surnames = [n.split()[-1].lower() for n in mode.sample("name", 20 * size)]
    name5 = pool([s[:5] for s in surnames if len(s) >= 5], size, rnd)
    fragments = [s[i:i + 2] for s in surnames for i in range(len(s) - 1)]
    name2 = pool([f for f in fragments if f.isalpha()], size, rnd)
    texts = mode.sample("description", 20 * size)
    words = [w.strip(".,").lower() for d in texts for w in d.split()]
    words = [w for w in words if w.isalpha()]
    desc5 = pool([w[1:6] for w in words if len(w) >= 6], size, rnd)
    word2 = pool([w[:2] for w in words if len(w) >= 2], size, rnd)
    word4 = pool([w[:4] for w in words if len(w) >= 4], size, rnd)
    two = pool([f"{w[:4]} {s[:3]}" for w, s in zip(words, surnames, strict=False) if len(w) >= 4],
               size, rnd)
    # The app's Description field: word starts of the description alone (descriptionWords).
    desc3 = pool([w[:3] for w in words if len(w) >= 3], size, rnd)
    desc_two = pool([f"{a[:4]} {b[:2]}" for a, b in zip(words, words[7:], strict=False)
                     if len(a) >= 4 and len(b) >= 2], size, rnd)
    page2 = post(session, {"first": 50, "ordering": [{"name": "ASC"}]})["pageInfo"]["endCursor"]
    fast, normal = (300, 300) if mode.embedded else (50, 100)
    return {
        "first page": (fast, lambda i: {"first": 50}),
        "last page": (fast, lambda i: {"last": 50}),
        "SKU order": (normal, lambda i: {"first": 50, "ordering": [{"sku": "ASC"}]}),
        "name order, page 2": (
            normal, lambda i: {"first": 50, "ordering": [{"name": "ASC"}], "after": page2}),
        "SKU exact (iExact)": (
            fast, lambda i: {"first": 50, "filters": {"sku": {"iExact": skus(i)}}}),
        "active: false": (fast, lambda i: {"first": 50, "filters": {"active": {"exact": False}}}),
        "name iContains, 5 letters": (
            normal, lambda i: {"first": 50, "filters": {"name": {"iContains": name5(i)}}}),
        "name iContains, 2 letters": (
            normal, lambda i: {"first": 50, "filters": {"name": {"iContains": name2(i)}}}),
        "description iContains, 5 letters": (
            normal, lambda i: {"first": 50, "filters": {"description": {"iContains": desc5(i)}}}),
        "description words, a 3-letter start": (
            fast, lambda i: {"first": 50, "filters": {"descriptionWords": desc3(i)}}),
        "description words, two words": (
            fast, lambda i: {"first": 50, "filters": {"descriptionWords": desc_two(i)}}),
        "search, one 2-letter word": (
            normal, lambda i: {"first": 50, "filters": {"search": word2(i)}}),
        "search, one 4-letter word": (
            normal, lambda i: {"first": 50, "filters": {"search": word4(i)}}),
        "search, two words": (normal, lambda i: {"first": 50, "filters": {"search": two(i)}}),
        "name iContains + active": (
            normal, lambda i: {"first": 50, "filters": {
                "name": {"iContains": name5(i)}, "active": {"exact": i % 2 == 0}}}),
        "same 2-letter search, repeated": (
            normal, lambda i: {"first": 50, "filters": {"search": word2(0)}}),
    }


FRESH_PER_FILTER = 12


def fresh_terms(mode: Mode) -> dict[str, list[dict]]:
    """Per filter of the app, ``FRESH_PER_FILTER`` filters with terms no request asked before
    (taken after the cases were planned: none of their terms, none repeated)."""
    rnd = random.Random(11)
    names = [n.split()[-1].lower() for n in mode.sample("name", 400)]
    texts = mode.sample("description", 400)
    words = [w.strip(".,").lower() for d in texts for w in d.split()]
    words = [w for w in words if w.isalpha()]
    skus = [s.lower() for s in mode.sample("sku", 400)]

    def take(candidates: list[str]) -> list[str]:
        fresh = sorted({c for c in candidates if c not in ASKED})
        rnd.shuffle(fresh)
        chosen = fresh[:FRESH_PER_FILTER]
        ASKED.update(chosen)
        return chosen

    return {
        "search, a word's start": [
            {"search": t} for t in take([w[:4] for w in words if len(w) >= 4])],
        "name iContains": [
            {"name": {"iContains": t}} for t in take([n[1:5] for n in names if len(n) >= 5])],
        "description iContains": [
            {"description": {"iContains": t}}
            for t in take([w[1:6] for w in words if len(w) >= 6])
        ],
        "SKU iContains": [
            {"sku": {"iContains": t}} for t in take([s[:4] for s in skus if len(s) >= 4])],
        # The app's Description field: a word's start, of the description alone.
        "description words": [
            {"descriptionWords": t} for t in take([w[:3] for w in words if len(w) >= 3])],
    }


def timed(session: requests.Session, variables: dict, query: str) -> tuple[float, dict]:
    """Milliseconds of one request, and its data. A request refused by the query budget
    (``TOO_MANY_REQUESTS``) is sent again after the wait it names, and not timed."""
    while True:
        started = time.perf_counter()
        response = session.post(
            f"http://127.0.0.1:{PORT}/graphql/", json={"query": query, "variables": variables}
        )
        elapsed = (time.perf_counter() - started) * 1000
        body = response.json()
        errors = body.get("errors") or []
        if errors and errors[0].get("extensions", {}).get("code") == "TOO_MANY_REQUESTS":
            time.sleep(float(errors[0]["extensions"].get("retryAfter", 1)))
            continue
        if errors:
            raise SystemExit(f"query failed: {errors}")
        return elapsed, body["data"]["products"]


def percentiles(timings: list[float]) -> tuple[float, float]:
    """p50 and p95 of the timings."""
    timings = sorted(timings)
    return statistics.median(timings), timings[
        min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)
    ]
