"""The outbox: product changes write their events in the same transaction."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.db import transaction
from graphql import build_schema, parse, validate
from strawberry.relay import to_base64

from imports.models import ImportJob
from imports.signals import import_finished
from products import services as products
from webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEvent
from webhooks.payloads import CHANGES_QUERY

pytestmark = pytest.mark.django_db

ALL_PRODUCT_EVENTS = (
    "product.created",
    "product.updated",
    "product.deleted",
    "products.bulk_deleted",
)


def body_of(event):
    return json.loads(event.payload)


def test_each_product_change_writes_one_event_and_one_delivery_per_subscriber(make_webhook):
    first = make_webhook("http://127.0.0.1:9/a", ALL_PRODUCT_EVENTS)
    second = make_webhook("http://127.0.0.1:9/b", ["product.deleted"])

    product = products.create_product(sku="SKU-1", name="Chair", description="Oak")
    products.update_product(product.pk, {"name": "Armchair"})
    products.delete_product(product.pk)
    products.create_product(sku="SKU-2", name="Table")
    products.delete_all_products()

    types = list(WebhookEvent.objects.order_by("id").values_list("type", flat=True))
    assert types == [
        "product.created",
        "product.updated",
        "product.deleted",
        "product.created",
        "products.bulk_deleted",
    ]
    assert WebhookDelivery.objects.filter(webhook=first).count() == 5
    [deleted] = WebhookDelivery.objects.filter(webhook=second)
    assert deleted.event.type == "product.deleted"
    assert {d.status for d in WebhookDelivery.objects.all()} == {DeliveryStatus.PENDING}


def test_product_payload_uses_the_public_relay_id(make_webhook):
    make_webhook("http://127.0.0.1:9/a", ALL_PRODUCT_EVENTS)

    product = products.create_product(sku="SKU-1", name="Chair", description="Oak")
    products.delete_product(product.pk)
    products.delete_all_products()

    created, deleted = (body_of(e) for e in WebhookEvent.objects.order_by("id")[:2])
    assert created["type"] == "product.created"
    assert created["timestamp"].endswith("Z")
    assert created["data"] == {
        "id": to_base64("Product", product.pk),
        "sku": "SKU-1",
        "name": "Chair",
        "description": "Oak",
        "active": True,
        "createdAt": product.created_at.isoformat().replace("+00:00", "Z"),
        "updatedAt": product.updated_at.isoformat().replace("+00:00", "Z"),
    }
    assert deleted["data"] == {"id": to_base64("Product", product.pk), "sku": "SKU-1"}
    bulk = body_of(WebhookEvent.objects.get(type="products.bulk_deleted"))
    assert bulk["data"] == {"deletedCount": 0}


def test_bulk_delete_is_one_event_with_the_count(make_webhook):
    make_webhook("http://127.0.0.1:9/a", ["products.bulk_deleted", "product.deleted"])
    for n in range(3):
        products.create_product(sku=f"S{n}", name="x")

    products.delete_all_products()

    [event] = WebhookEvent.objects.all()
    assert body_of(event)["data"] == {"deletedCount": 3}


def test_a_rolled_back_change_leaves_no_event(make_webhook):
    make_webhook("http://127.0.0.1:9/a")

    with pytest.raises(RuntimeError), transaction.atomic():
        products.create_product(sku="SKU-1", name="Chair")
        raise RuntimeError("the surrounding work failed")

    assert not WebhookEvent.objects.exists()
    assert not WebhookDelivery.objects.exists()


def test_disabled_and_unsubscribed_webhooks_get_nothing(make_webhook):
    make_webhook("http://127.0.0.1:9/a", enabled=False)
    make_webhook("http://127.0.0.1:9/b", ["product.updated"])

    products.create_product(sku="SKU-1", name="Chair")

    assert not WebhookEvent.objects.exists()


def test_deliveries_of_one_event_get_distinct_stable_webhook_ids(make_webhook):
    make_webhook("http://127.0.0.1:9/a")
    make_webhook("http://127.0.0.1:9/b")

    products.create_product(sku="SKU-1", name="Chair")

    ids = list(WebhookDelivery.objects.values_list("message_id", flat=True))
    assert len(set(ids)) == 2
    assert all(i.startswith("msg_") for i in ids)


def test_import_finished_carries_the_jobs_status_and_counts(make_webhook):
    make_webhook("http://127.0.0.1:9/a", ["import.finished"])
    started = datetime(2026, 1, 2, 3, 4, 0, tzinfo=UTC)
    finished = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    job = ImportJob.objects.create(
        status=ImportJob.Status.COMPLETED,
        file_name="catalogue.csv",
        rows_processed=14,
        created_count=6,
        updated_count=3,
        unchanged_count=1,
        replaced_count=2,
        error_count=2,
        started_at=started,
        finished_at=finished,
    )

    import_finished.send(sender=ImportJob, job=job)

    [event] = WebhookEvent.objects.all()
    assert body_of(event) | {"timestamp": None} == {
        "type": "import.finished",
        "timestamp": None,
        "data": {
            "id": to_base64("ImportJob", job.pk),
            "status": "COMPLETED",
            "origin": "UPLOAD",
            "dryRun": False,
            "fileName": "catalogue.csv",
            "rowsProcessed": 14,
            "createdCount": 6,
            "updatedCount": 3,
            "unchangedCount": 1,
            "replacedCount": 2,
            "skippedCount": 0,
            "errorCount": 2,
            "deactivatedCount": 0,
            "deletedCount": 0,
            "errorMessage": "",
            "notice": "",
            "createdAt": job.created_at.isoformat().replace("+00:00", "Z"),
            "startedAt": "2026-01-02T03:04:00Z",
            "finishedAt": "2026-01-02T03:04:05Z",
            "feed": None,  # an upload; a feed's run gives {"id", "name"}
            "changes": {
                "csvUrl": f"/imports/{job.pk}/changes.csv",
                "graphqlQuery": CHANGES_QUERY,
                "graphqlVariables": {"id": to_base64("ImportJob", job.pk)},
            },
        },
    }


def test_import_finished_says_where_the_changes_are_read(make_webhook, settings, client, user):
    settings.APP_URL = "https://importer.example.com"
    make_webhook("http://127.0.0.1:9/a", ["import.finished"])
    job = ImportJob.objects.create(status=ImportJob.Status.COMPLETED, file_name="a.csv")

    import_finished.send(sender=ImportJob, job=job)

    changes = body_of(WebhookEvent.objects.get())["data"]["changes"]
    assert changes["csvUrl"] == f"https://importer.example.com/imports/{job.pk}/changes.csv"
    # The path answers on this server, and the query is valid against the schema.
    client.force_login(user)
    path = changes["csvUrl"].removeprefix("https://importer.example.com")
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    schema = build_schema((Path(__file__).parents[3] / "schema.graphql").read_text())
    assert validate(schema, parse(changes["graphqlQuery"])) == []
