"""Each import logs every product it created or updated (with before-values) and stamps the
products with their provenance; a dry run computes the same log."""

import pytest

from imports import changes
from imports.models import ImportChange
from products import counts
from products.models import Product
from products.services import create_product, update_product

from .conftest import change_log, sample_csv

pytestmark = pytest.mark.django_db

CREATED, UPDATED = ImportChange.Kind.CREATED, ImportChange.Kind.UPDATED


def test_a_first_import_logs_each_created_product_with_its_line(run_import):
    job = run_import(b"sku,name,description,active\na,A,da,yes\nb,B,db,no\nA,A2,da2,yes\n")

    entries = list(ImportChange.objects.filter(job=job).order_by("line"))
    assert [(e.kind, e.line, e.sku) for e in entries] == [(CREATED, 3, "b"), (CREATED, 4, "A")]
    products = {p.sku: p for p in Product.objects.all()}
    assert [e.product_id for e in entries] == [products["b"].pk, products["A"].pk]
    assert {(p.sku, p.last_import_id, p.last_import_line) for p in products.values()} == {
        ("b", job.pk, 3), ("A", job.pk, 4)
    }
    # A created product's entry is tiny; its values are read from the product.
    assert entries[1].after_name is None and entries[1].before_sku is None
    assert changes.after_values(entries[1], products["A"]) == changes.Values("A", "A2", "da2", True)


def test_a_re_import_logs_before_values_and_only_the_fields_that_changed(run_import):
    first = run_import(b"sku,name,description,active\na,A,da,yes\nb,B,db,no\nc,C,dc,yes\n")
    update_product(Product.objects.get(sku="c").pk, {"name": "C by hand"})

    job = run_import(b"sku,name,description,active\nA,A,da,yes\nb,B,new,yes\nc,C by hand,dc,yes\n")

    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 2, 1)
    log = change_log(job)
    assert [entry[:8] for entry in log] == [
        (UPDATED, 2, "A", "a", "A", "da", True, ("sku",)),
        (UPDATED, 3, "b", "b", "B", "db", False, ("description", "active")),
    ]
    assert [entry[8] for entry in log] == [
        changes.Values("A", "A", "da", True), changes.Values("b", "B", "new", True)
    ]
    before = {e.sku: (e.before_import_id, e.before_import_line)
              for e in ImportChange.objects.filter(job=job)}
    assert before == {"A": (first.pk, 2), "b": (first.pk, 3)}
    # The unchanged product keeps its provenance: cleared by the edit, not written since.
    assert Product.objects.get(sku="c").last_import_id is None


def test_columns_missing_from_the_file_are_not_logged_as_changed(run_import):
    run_import(b"sku,name,description,active\na,A,da,no\n")
    job = run_import(b"sku,name\na,A2\n")
    (entry,) = change_log(job)
    assert entry[7] == ("name",)
    assert entry[8] == changes.Values("a", "A2", "da", False)


def test_manual_edits_clear_provenance_and_manual_creates_have_none(run_import):
    job = run_import(b"sku,name\na,A\nb,B\n")
    update_product(Product.objects.get(sku="a").pk, {"active": False})
    create_product(sku="c", name="C")
    got = {p.sku: (p.last_import_id, p.last_import_line) for p in Product.objects.all()}
    assert got == {"a": (None, None), "b": (job.pk, 3), "c": (None, None)}


def test_a_dry_run_logs_what_the_real_import_then_does(run_import, settings):
    settings.IMPORT_CHUNK_ROWS = 37
    for i in range(0, 300, 3):
        create_product(sku=f"sku-{i}", name="Name 1", description="plain 1", active=False)
    data = sample_csv(2000)

    dry = run_import(data, dry_run=True)
    assert not Product.objects.filter(last_import__isnull=False).exists()
    planned = change_log(dry)
    real = run_import(data)
    done = change_log(real)

    assert len(planned) == dry.created_count + dry.updated_count > 0
    assert [e[:8] for e in planned] == [e[:8] for e in done]
    assert [e[8] for e in planned] == [e[8] for e in done]
    assert (dry.created_count, dry.updated_count) == (real.created_count, real.updated_count)
    assert ImportChange.objects.filter(job=dry, kind=CREATED, product__isnull=False).count() == 0


def test_with_the_change_log_off_products_still_get_provenance_and_no_revert(
    run_import, settings
):
    from django.core.exceptions import ValidationError

    from imports import services

    settings.IMPORT_CHANGE_LOG = False
    create_product(sku="a", name="Old")
    job = run_import(b"sku,name\na,New\nb,B\n")

    assert (job.created_count, job.updated_count) == (1, 1)
    assert not ImportChange.objects.filter(job=job).exists()
    assert set(Product.objects.values_list("last_import_id", flat=True)) == {job.pk}
    with pytest.raises(ValidationError) as caught:
        services.submit_revert(job.pk)
    assert "IMPORT_CHANGE_LOG off" in caught.value.message_dict["id"][0]


@pytest.mark.django_db(transaction=True)
def test_a_product_created_by_hand_during_a_first_import_is_logged_with_its_values(
    submit, settings, monkeypatch, django_capture_on_commit_callbacks
):
    # On PostgreSQL a first import into an empty catalogue skips the probe for before-values
    # while every stored product is its own; a person's product appearing meanwhile (with
    # the product count unchanged) must still be logged as UPDATED with its values.
    from imports import services
    from imports.pipeline.passes import apply
    from products.services import delete_product

    settings.IMPORT_CHUNK_ROWS = 10
    commit = apply.commit_chunk
    calls = {"n": 0}

    def person_between_chunks(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            delete_product(Product.objects.get(sku="p000").pk)
            create_product(sku="p040", name="By hand", description="mine", active=False)
        return commit(*args, **kwargs)

    monkeypatch.setattr(apply, "commit_chunk", person_between_chunks)
    from django.db import connection, transaction

    rolled_back = []
    rollback = transaction.savepoint_rollback
    monkeypatch.setattr(
        transaction, "savepoint_rollback", lambda sid: (rolled_back.append(sid), rollback(sid))
    )
    job = submit(b"sku,name\n" + b"".join(b"p%03d,Imported\n" % i for i in range(50)))
    with django_capture_on_commit_callbacks(execute=True):
        services.process_queue()
    job.refresh_from_db()

    assert (job.created_count, job.updated_count) == (49, 1)
    entry = ImportChange.objects.get(job=job, kind=UPDATED)
    assert (entry.sku, entry.before_name, entry.before_description, entry.before_active) == (
        "p040", "By hand", "mine", False
    )
    assert ImportChange.objects.filter(job=job, kind=CREATED).count() == 49
    # PostgreSQL wrote that chunk without the probe first, then again with it.
    assert len(rolled_back) == (1 if connection.vendor == "postgresql" else 0)


def test_new_products_among_known_ones_are_created_and_the_known_ones_logged(run_import):
    run_import(b"sku,name,description,active\na,A,da,yes\nb,B,db,no\n")

    job = run_import(b"sku,name,description,active\nn1,N1,d1,yes\nA,A2,da,yes\n"
                     b"b,B,db,no\nn2,N2,d2,no\n")

    assert (job.created_count, job.updated_count, job.unchanged_count) == (2, 1, 1)
    log = change_log(job)
    assert [entry[:3] for entry in log] == [
        (CREATED, 2, "n1"), (UPDATED, 3, "A"), (CREATED, 5, "n2")]
    assert log[1][3:7] == ("a", "A", "da", True)
    assert {p.sku: (p.name, p.active, p.last_import_line) for p in Product.objects.all()} == {
        "A": ("A2", True, 3), "b": ("B", False, 3), "n1": ("N1", True, 2), "n2": ("N2", False, 5)}
    assert (counts.product_count(Product.objects.all()),
            counts.product_count(Product.objects.filter(active=False))) == (4, 2)


def test_a_product_created_after_the_lookup_found_its_key_new_is_logged_with_its_values(
    run_import, monkeypatch
):
    # The hash lookup says which keys are stored; the others are INSERTed plainly. When a
    # product with one of those keys appears in between (hidden from the lookup here), the
    # unique index refuses the insert and those rows are written the full way after all.
    from imports.pipeline.writers import postgresql

    run_import(b"sku,name,description,active\nknown,K,dk,yes\nlate,Late,by hand,no\n")
    lookup = postgresql._stored_hashes
    monkeypatch.setattr(postgresql, "_stored_hashes",
                        lambda keys: {k: h for k, h in lookup(keys).items() if k != "late"})

    job = run_import(b"sku,name,description,active\nknown,K2,dk,yes\nLATE,Late,by hand,yes\n"
                     b"fresh,F,df,yes\n")

    assert (job.created_count, job.updated_count) == (1, 2)
    log = change_log(job)
    assert [entry[:7] for entry in log] == [
        (UPDATED, 2, "known", "known", "K", "dk", True),
        (UPDATED, 3, "LATE", "late", "Late", "by hand", False),
        (CREATED, 4, "fresh", None, None, None, None),
    ]
    assert counts.product_count(Product.objects.filter(active=False)) == 0
