"""The sync loop of another app, with the real `gql` client: while writer threads create,
update and delete products and run imports, a reader keeps a copy through productChanges;
once the writers stop and the reader catches up, its copy equals the catalogue.

Nothing depends on how fast the threads run: the writers pause every few rounds until the
reader has read the feed once more (reads and writes interleave on a loaded machine too),
and a writer whose chosen product was deleted by the other writer in the meantime is told
so and goes on (the product must be gone: any other refusal fails the test)."""

import random
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from gql import Client, GraphQLRequest
from gql.transport.httpx import HTTPXTransport

from accounts.services import create_api_token
from core.ids import encode_id
from imports import deletions
from imports import services as imports
from products import services
from products.models import Product

pytestmark = pytest.mark.django_db(transaction=True)

CHANGES = """query($after: String, $first: Int!) {
  productChanges(after: $after, first: $first) {
    changes { kind id product { sku name description active } }
    endCursor hasMore } }"""
FIRST_PAGE = """query { products(first: 500) {
  edges { node { id sku name description active } } } }"""


def catalogue():
    return {encode_id("Product", p.pk): (p.sku, p.name, p.description, p.active)
            for p in Product.objects.all()}


ROUNDS = 60
PAUSE_EVERY = 10  # rounds


class Reads:
    """How many times the reader has read the feed; a writer waits for the next read."""

    def __init__(self) -> None:
        self.count = 0
        self.stopped = False
        self.changed = threading.Condition()

    def add(self) -> None:
        with self.changed:
            self.count += 1
            self.changed.notify_all()

    def stop(self) -> None:
        with self.changed:
            self.stopped = True
            self.changed.notify_all()

    def wait_for_the_next(self) -> None:
        with self.changed:
            seen = self.count
            self.changed.wait_for(lambda: self.count > seen or self.stopped)


def unless_gone(write, pk: int, *args) -> None:
    """``write(pk, *args)``; the product may have been deleted by the other writer since its
    id was read: then the service's refusal is the right answer."""
    try:
        write(pk, *args)
    except ValidationError as exc:
        if "id" not in exc.message_dict or Product.objects.filter(pk=pk).exists():
            raise


def write_for_a_while(seed: int, errors: list, reads: Reads) -> None:
    rng = random.Random(seed)
    try:
        for n in range(ROUNDS):
            if n and n % PAUSE_EVERY == 0:
                reads.wait_for_the_next()
            ids = list(Product.objects.values_list("pk", flat=True))
            step = rng.random()
            if step < 0.35 or not ids:
                services.create_product(sku=f"W{seed}-{n}", name=f"Made {n}")
            elif step < 0.6:
                unless_gone(services.update_product, rng.choice(ids),
                            {"name": f"Edited {seed}-{n}", "active": rng.random() < 0.5})
            elif step < 0.75:
                unless_gone(services.delete_product, rng.choice(ids))
            elif step < 0.85:
                deletions.delete_products(rng.sample(ids, min(3, len(ids))), [])
            else:
                rows = "".join(f"IMP-{rng.randrange(30)},Imported {seed}-{n},d{n}\n"
                               for _ in range(20))
                imports.submit_import(SimpleUploadedFile(
                    "p.csv", f"sku,name,description\n{rows}".encode()))
                imports.process_queue()
    except Exception as exc:  # reported by the test
        errors.append(exc)
    finally:
        connection.close()


def apply(copy: dict, changes: list) -> None:
    for change in changes:
        product = change["product"]
        if change["kind"] == "DELETED" or product is None:  # gone now; its DELETED follows
            copy.pop(change["id"], None)
        else:
            copy[change["id"]] = (product["sku"], product["name"], product["description"],
                                  product["active"])


def test_a_reader_keeps_an_exact_copy_while_writers_write(live_server_asgi, user):
    services.create_product(sku="FIRST", name="Before the reader")
    token = create_api_token(user, "sync")[1]
    transport = HTTPXTransport(url=f"{live_server_asgi.url}/graphql/",
                               headers={"Authorization": f"Bearer {token}"}, timeout=60)
    copy: dict = {}
    errors: list = []
    reads = Reads()
    writers = [threading.Thread(target=write_for_a_while, args=(seed, errors, reads))
               for seed in (1, 2)]
    with Client(transport=transport, fetch_schema_from_transport=True) as session:
        # Take the cursor, then read the whole catalogue; then follow the changes.
        cursor = session.execute(GraphQLRequest(
            "query { productChangesCursor }"))["productChangesCursor"]
        apply(copy, [{"kind": "CREATED", "id": e["node"]["id"], "product": e["node"]}
                     for e in session.execute(GraphQLRequest(FIRST_PAGE))["products"]["edges"]])

        def sync() -> bool:
            nonlocal cursor
            page = session.execute(GraphQLRequest(
                CHANGES, variable_values={"after": cursor, "first": 25}))["productChanges"]
            apply(copy, page["changes"])
            cursor = page["endCursor"]
            return page["hasMore"]

        for writer in writers:
            writer.start()
        try:
            while any(w.is_alive() for w in writers):
                sync()
                reads.add()
        finally:
            reads.stop()
        for writer in writers:
            writer.join()
        while sync():
            pass
        head = session.execute(GraphQLRequest(
            "query { productChangesCursor }"))["productChangesCursor"]

    assert not errors
    assert reads.count >= ROUNDS // PAUSE_EVERY - 1  # each pause of a writer waited for one
    assert cursor == head
    assert len(copy) > 5
    assert copy == catalogue()
