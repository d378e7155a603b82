"""A sync's events: one import.finished with every count, no per-product event for the
products its removal deletes or deactivates, and exact product counts."""

import json

import pytest

from products.models import Product
from webhooks.models import WebhookEvent
from webhooks.services import create_webhook

from .test_counts_and_events import assert_counts_exact

pytestmark = pytest.mark.django_db


def test_a_sync_emits_one_import_finished_with_its_counts_and_no_product_events(
        run_import, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    run_import(b"sku,name\n" + b"".join(b"s-%d,S\n" % i for i in range(20)))
    create_webhook(url="http://127.0.0.1:9/hook",
                   events=["import.finished", "product.deleted", "product.updated"])
    job = run_import(b"sku,name\ns-0,S\ns-1,S\nnew,N\n" + b"".join(
        b"s-%d,S\n" % i for i in range(4, 20)), options={
            "missing": "DELETE", "mode": "UPDATE_ONLY"})
    assert (job.deleted_count, job.skipped_count) == (2, 1)
    assert_counts_exact()
    events = list(WebhookEvent.objects.all())
    assert [e.type for e in events] == ["import.finished"]
    data = json.loads(events[0].payload)["data"]
    assert (data["deletedCount"], data["skippedCount"], data["deactivatedCount"]) == (2, 1, 0)
    assert data["rowsProcessed"] == 19


def test_deactivation_keeps_the_product_counts_exact(run_import):
    run_import(b"sku,name\n" + b"".join(b"s-%d,S\n" % i for i in range(20)))
    run_import(b"sku,name\n" + b"".join(b"s-%d,S\n" % i for i in range(1, 20)),
               options={"missing": "DEACTIVATE"})
    assert Product.objects.filter(active=False).count() == 1
    assert_counts_exact()
