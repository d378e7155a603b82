"""Removing what a file no longer lists: DEACTIVATE or DELETE, in scope ALL or SOURCE, the
change log, the guard (held, confirmed, cancelled) and the undo."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from imports import confirmation, services
from imports.models import ImportChange, ImportJob
from products.models import Product
from products.services import create_product, update_product

from .conftest import catalogue
from .test_errors_csv import read_stream

pytestmark = pytest.mark.django_db

TWENTY = b"sku,name\n" + b"".join(b"p-%d,P %d\n" % (i, i) for i in range(20))


def without(*gone: int, extra: bytes = b"") -> bytes:
    rows = [b"p-%d,P %d\n" % (i, i) for i in range(20) if i not in gone]
    return b"sku,name\n" + b"".join(rows) + extra


def active_skus() -> set[str]:
    return set(Product.objects.filter(active=True).values_list("sku", flat=True))


def test_deactivate_marks_unlisted_products_inactive_and_logs_them(run_import):
    first = run_import(TWENTY)
    job = run_import(without(3), options={"missing": "DEACTIVATE"})
    assert job.status == ImportJob.Status.COMPLETED
    assert (job.deactivated_count, job.deleted_count, job.removal_count) == (1, 0, 1)
    assert Product.objects.get(sku="p-3").active is False
    assert len(active_skus()) == 19
    entry = ImportChange.objects.get(job=job, kind=ImportChange.Kind.DEACTIVATED)
    assert (entry.sku, entry.before_active, entry.before_import_id) == ("p-3", True, first.pk)


def planned_inactive_products() -> int:
    """How many inactive products the database's statistics say there are."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("EXPLAIN (FORMAT JSON) SELECT id FROM products_product WHERE NOT active")
            return cursor.fetchone()[0][0]["Plan"]["Plan Rows"]
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'product_inactive_updated_idx'")
        row = cursor.fetchone()
        return int(row[0].split()[0]) if row else 0


def test_a_large_deactivation_leaves_fresh_statistics(run_import, settings):
    settings.IMPORT_UPKEEP_MIN_ROWS = 10
    run_import(TWENTY)  # 20 created: analyzed with every product active
    job = run_import(without(*range(15)),
                     options={"missing": "DEACTIVATE", "max_removal_percent": 100})
    assert (job.created_count, job.updated_count, job.deactivated_count) == (0, 0, 15)
    assert planned_inactive_products() == 15


def test_skus_with_quotes_backslashes_and_braces_in_another_case_are_listed(run_import):
    skus = ['q"1', "b\\2", "{c,3}", "NULL", "Ünï-4", "plain-5"]
    rows = "".join(f'"{sku.replace(chr(34), chr(34) * 2)}",N\n' for sku in skus)
    run_import(f"sku,name\n{rows}gone,N\n".encode())
    # Another case (beyond ASCII the embedded mode's SKUs differ by case: SQLite's lower()).
    other = [sku.upper() if sku.isascii() else sku for sku in skus]
    listed = "".join(f'"{sku.replace(chr(34), chr(34) * 2)}",N\n' for sku in other)
    job = run_import(f"sku,name\n{listed}".encode(),
                     options={"missing": "DEACTIVATE", "max_removal_percent": 100})
    assert (job.status, job.deactivated_count) == (ImportJob.Status.COMPLETED, 1)
    assert set(Product.objects.filter(active=False).values_list("sku", flat=True)) == {"gone"}
    assert len(active_skus()) == len(skus)


def test_delete_removes_unlisted_products_and_logs_their_values(run_import):
    run_import(TWENTY)
    job = run_import(without(3, 4), options={"missing": "DELETE", "max_removal_percent": 10})
    assert (job.status, job.deleted_count) == (ImportJob.Status.COMPLETED, 2)
    assert Product.objects.count() == 18
    entries = ImportChange.objects.filter(job=job, kind=ImportChange.Kind.DELETED)
    assert sorted((e.sku, e.before_name) for e in entries) == [("p-3", "P 3"), ("p-4", "P 4")]


def test_leave_removes_nothing(run_import):
    run_import(TWENTY)
    job = run_import(without(3))
    assert (job.deactivated_count, job.deleted_count) == (0, 0)
    assert Product.objects.count() == 20


def test_a_bad_row_still_lists_its_product(run_import):
    run_import(TWENTY)
    job = run_import(without(3, extra=b"p-3,\n"), options={"missing": "DELETE"})
    assert (job.error_count, job.deleted_count) == (1, 0)
    assert Product.objects.filter(sku="p-3").exists()


def test_source_scope_touches_only_products_of_the_same_source(run_import):
    run_import(b"sku,name\na-1,A\na-2,A\n", options={"source": "acme"})
    run_import(b"sku,name\nb-1,B\n", options={"source": "other"})
    create_product(sku="hand", name="By hand")
    run_import(b"sku,name\na-3,A\n", options={"source": "acme"})
    update_product(Product.objects.get(sku="a-3").pk, {"name": "Edited by hand"})
    job = run_import(b"sku,name\na-1,A\n", options={
        "missing": "DELETE", "missing_scope": "SOURCE", "source": "acme",
        "max_removal_percent": 100})
    assert job.source == "acme"
    assert set(catalogue()) == {"a-1", "b-1", "hand", "a-3"}
    assert (job.deleted_count, job.removal_scope_count) == (1, 2)


def test_the_guard_holds_a_large_removal_until_confirmed(
        run_import, django_capture_on_commit_callbacks):
    run_import(TWENTY)
    job = run_import(without(1, 2, 3), options={"missing": "DELETE"})
    assert job.status == ImportJob.Status.NEEDS_CONFIRMATION
    assert (job.removal_count, job.removal_scope_count, job.removal_held) == (3, 20, True)
    assert job.removal_sample == ["p-1", "p-2", "p-3"]
    assert Product.objects.count() == 20
    later = run_import(b"sku,name\nlater,L\n")  # waits behind the held job
    assert later.status == ImportJob.Status.PENDING
    confirmation.confirm_import(job.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.process_queue()
    job.refresh_from_db()
    later.refresh_from_db()
    assert (job.status, job.deleted_count) == (ImportJob.Status.COMPLETED, 3)
    assert later.status == ImportJob.Status.COMPLETED
    assert Product.objects.count() == 18


def test_cancelling_a_held_import_keeps_its_writes_and_removes_nothing(
        run_import, django_capture_on_commit_callbacks):
    run_import(TWENTY)
    job = run_import(without(1, 2, 3, extra=b"new,N\n"), options={"missing": "DEACTIVATE"})
    assert job.status == ImportJob.Status.NEEDS_CONFIRMATION
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_import(job.pk)
    job.refresh_from_db()
    assert (job.status, job.created_count, job.deactivated_count) == (
        ImportJob.Status.CANCELLED, 1, 0)
    assert len(active_skus()) == 21


def test_a_file_without_a_valid_row_is_held(run_import):
    run_import(TWENTY)
    job = run_import(b"sku,name\n,no sku\n", options={"missing": "DEACTIVATE",
                                                       "max_removal_percent": 100})
    assert (job.status, job.removal_count) == (ImportJob.Status.NEEDS_CONFIRMATION, 20)


def test_confirm_refuses_a_job_that_is_not_waiting(run_import):
    job = run_import(TWENTY)
    with pytest.raises(ValidationError) as info:
        confirmation.confirm_import(job.pk)
    assert info.value.error_dict["id"][0].code == "not_waiting"


def test_a_dry_run_reports_the_removal_and_whether_the_guard_would_hold(run_import):
    run_import(TWENTY)
    job = run_import(without(1, 2, 3), options={"missing": "DELETE"}, dry_run=True)
    assert job.status == ImportJob.Status.COMPLETED
    assert (job.deleted_count, job.removal_held) == (3, True)
    assert Product.objects.count() == 20
    assert ImportChange.objects.filter(job=job, kind=ImportChange.Kind.DELETED).count() == 3


def test_revert_brings_deleted_products_back_and_reactivates(run_import, run_revert):
    first = run_import(TWENTY)
    original = {p.sku: (p.pk, p.created_at) for p in Product.objects.all()}
    deleting = run_import(without(3), options={"missing": "DELETE"})
    revert = run_revert(deleting)
    assert (revert.status, revert.restored_count) == (ImportJob.Status.COMPLETED, 1)
    back = Product.objects.get(sku="p-3")
    assert (back.pk, back.created_at) == original["p-3"]
    assert (back.name, back.active, back.last_import_id) == ("P 3", True, first.pk)
    deactivating = run_import(without(5), options={"missing": "DEACTIVATE"})
    assert Product.objects.get(sku="p-5").active is False
    run_revert(deactivating)
    assert Product.objects.get(sku="p-5").active is True
    assert Product.objects.get(sku="p-5").last_import_id == first.pk


def test_revert_leaves_a_product_recreated_since_and_lists_it(run_import, run_revert):
    run_import(TWENTY)
    deleting = run_import(without(3), options={"missing": "DELETE"})
    create_product(sku="P-3", name="Made again by hand")
    revert = run_revert(deleting)
    assert (revert.restored_count, revert.conflict_count) == (0, 1)
    assert revert.conflicts.get().reason == "EDITED"
    assert catalogue()["P-3"] == ("Made again by hand", "", True)


def test_changes_csv_lists_the_removed_products_with_their_values(run_import, gql_client):
    run_import(TWENTY)
    job = run_import(without(7), options={"missing": "DELETE"})
    text = read_stream(gql_client.client.get(f"/imports/{job.pk}/changes.csv"))
    [row] = [line for line in text.splitlines() if "p-7" in line]
    assert row.split(",")[1] == "Deleted" and "P 7" in row  # the app's word for the kind
