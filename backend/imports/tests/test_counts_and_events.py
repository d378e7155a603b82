"""An import keeps the product counts exact and emits one import.finished event."""

import json

import pytest

from imports.tests.conftest import sample_csv
from products.counts import product_count
from products.models import Product
from webhooks.models import WebhookEvent
from webhooks.services import create_webhook

pytestmark = pytest.mark.django_db


def assert_counts_exact():
    assert product_count(Product.objects.all()) == Product.objects.count()
    for active in (True, False):
        filtered = Product.objects.filter(active=active)
        assert product_count(filtered) == filtered.count()


def test_imports_that_create_update_and_flip_active_keep_counts_exact(run_import):
    Product.objects.create(sku="sku-1", name="Stored", active=True)
    Product.objects.create(sku="sku-2", name="Stored", active=False)

    run_import(sample_csv(400, seed=3))
    assert_counts_exact()
    run_import(sample_csv(400, seed=4))  # the same SKUs again, other names and actives
    assert_counts_exact()
    run_import(b"sku,name,active\nsku-1,Flip,no\nSKU-2,Flip,yes\nnew-one,New,no\n")

    assert_counts_exact()
    assert Product.objects.get(sku__iexact="sku-1").active is False


def test_a_finished_import_emits_one_import_finished_event_with_its_counts(run_import, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True  # a receiver on loopback, as in embedded mode
    create_webhook(url="http://127.0.0.1:9/hook", events=["import.finished"])

    job = run_import(b"sku,name\na-1,One\na-2,Two\na-1,One again\n")

    events = list(WebhookEvent.objects.filter(type="import.finished"))
    assert len(events) == 1
    data = json.loads(events[0].payload)["data"]
    assert data["status"] == "COMPLETED"
    assert data["createdCount"] == 2 == job.created_count
    assert data["rowsProcessed"] == 3
    assert data["replacedCount"] == 1 == job.replaced_count  # a-1's first row
