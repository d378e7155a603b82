"""A re-import of the file an earlier import completed, with the same options and no product
written since, completes without reading its rows, with the answer the normal path gives;
anything that could change that answer sends it down the normal path."""

import pytest
from strawberry.relay import to_base64

from imports import services
from imports.models import ImportChange, ImportJob
from imports.pipeline import same_file
from imports.signals import import_finished
from imports.tests.conftest import catalogue, sample_csv
from imports.tests.test_errors_csv import read_stream
from products import data_version
from products import services as products
from products.models import Product

pytestmark = pytest.mark.django_db

# Repeated and case-variant SKUs (replaced rows), bad rows (a new SKU without a name, a row
# too short), multi-line descriptions.
DATA = sample_csv(60, seed=5) + b"bad-new,,x,yes\nshort,Only two\ndup-1,A,x,yes\ndup-1,B,y,no\n"
COUNTS = ("rows_processed", "created_count", "updated_count", "unchanged_count",
          "replaced_count", "skipped_count", "error_count", "deactivated_count",
          "deleted_count")


def counts(job: ImportJob) -> dict[str, int]:
    return {name: getattr(job, name) for name in COUNTS}


def errors_csv(client, job: ImportJob) -> list[str]:
    response = client.get(f"/imports/{to_base64('ImportJob', job.pk)}/errors.csv")
    assert response.status_code == 200
    return read_stream(response).splitlines()


def took_shortcut(job: ImportJob, earlier: ImportJob) -> bool:
    return job.notice == same_file.MESSAGE.format(earlier=earlier.pk) and job.error_message == ""


@pytest.fixture
def finished_events():
    seen: list[tuple[int, dict[str, int]]] = []

    def receive(sender, job, **kwargs):
        seen.append((job.pk, counts(job)))

    import_finished.connect(receive, weak=False)
    yield seen
    import_finished.disconnect(receive)


def test_same_file_completes_with_the_answer_of_the_normal_path(run_import, settings, gql_client,
                                                                 finished_events):
    # Given a completed import, and the same file imported again the normal way
    first = run_import(DATA)
    assert first.error_count > 0 and first.replaced_count > 0 and first.created_count > 0
    settings.IMPORT_SAME_FILE_SHORTCUT = False
    normal = run_import(DATA)
    settings.IMPORT_SAME_FILE_SHORTCUT = True
    assert not took_shortcut(normal, first) and normal.notice == ""
    products_before, version = catalogue(), data_version.current()
    # When the same file comes a third time with nothing changed since
    again = run_import(DATA)
    # Then it completes at once with the normal path's counts and bad rows
    assert again.status == ImportJob.Status.COMPLETED
    assert took_shortcut(again, normal)
    assert counts(again) == counts(normal)
    assert again.unchanged_count == first.created_count + first.updated_count \
        + first.unchanged_count
    assert again.rows_processed == (again.created_count + again.updated_count
                                    + again.unchanged_count + again.replaced_count
                                    + again.skipped_count + again.error_count)
    assert errors_csv(gql_client.client, again) == errors_csv(gql_client.client, normal)
    assert (again.header, again.mapping, again.format) == (normal.header, normal.mapping,
                                                           normal.format)
    # and writes nothing: no product, no change log, one import.finished event with the counts
    assert not ImportChange.objects.filter(job=again).exists()
    assert catalogue() == products_before and data_version.current() == version
    assert [e for e in finished_events if e[0] == again.pk] == [(again.pk, counts(again))]
    # and a fourth time it answers the same, from the third
    fourth = run_import(DATA)
    assert took_shortcut(fourth, again) and counts(fourth) == counts(again)


def test_a_file_with_a_kept_empty_cell_is_unchanged_the_same_way(run_import, settings):
    data = b"sku,name,description\na-1,One,first\na-2,Two,\n"
    options = {"empty_cells": "KEEP"}
    first = run_import(data, options=options)
    settings.IMPORT_SAME_FILE_SHORTCUT = False
    normal = run_import(data, options=options)
    settings.IMPORT_SAME_FILE_SHORTCUT = True
    again = run_import(data, options=options)
    assert took_shortcut(again, normal) and counts(again) == counts(normal)
    assert first.created_count == 2 and normal.unchanged_count == 2


def _product(sku: str) -> Product:
    return Product.objects.get(sku__iexact=sku)


def _a_product() -> Product:
    return Product.objects.order_by("id").first()


@pytest.mark.parametrize("change", ["edit", "delete", "other_import", "revert"])
def test_any_write_since_takes_the_normal_path(change, run_import, run_revert):
    first = run_import(DATA)
    product = _a_product()
    if change == "edit":
        products.update_product(product.pk, {"name": "Edited by a person"})
    elif change == "delete":
        products.delete_product(product.pk)
    elif change == "other_import":
        other = run_import(b"sku,name\nsomething-else,Another file\n")
        assert other.created_count == 1
    else:
        assert run_revert(first).status == ImportJob.Status.COMPLETED
    again = run_import(DATA)
    assert again.status == ImportJob.Status.COMPLETED and again.notice == ""
    if change != "other_import":
        assert again.created_count + again.updated_count > 0  # the write since is undone


TWELVE = ("sku,name\n" + "".join(f"p-{i},Name {i}\n" for i in range(12))).encode()


def after_first_chunk(monkeypatch, settings, action) -> None:
    """Write in chunks of 5 rows and run `action` once the first chunk has committed."""
    from imports.pipeline.passes import apply

    settings.IMPORT_CHUNK_ROWS = 5
    commit, calls = apply.commit_chunk, {"n": 0}

    def commit_then_act(*args, **kwargs):
        commit(*args, **kwargs)
        calls["n"] += 1
        if calls["n"] == 1:
            action(args[0])

    monkeypatch.setattr(apply, "commit_chunk", commit_then_act)


def test_a_write_while_the_earlier_import_ran_takes_the_normal_path(run_import, settings,
                                                                    monkeypatch):
    # someone edits a product the import wrote a moment ago
    after_first_chunk(monkeypatch, settings, lambda job: products.update_product(
        _product("p-0").pk, {"name": "Edited meanwhile"}))
    first = run_import(TWELVE)
    monkeypatch.undo()
    assert first.status == ImportJob.Status.COMPLETED and first.created_count == 12
    assert first.data_version_after is None
    again = run_import(TWELVE)
    assert again.notice == "" and again.updated_count == 1


def test_a_cancelled_earlier_import_takes_the_normal_path(run_import, settings, monkeypatch):
    after_first_chunk(monkeypatch, settings, lambda job: services.cancel_import(job.pk))
    cancelled = run_import(TWELVE)
    monkeypatch.undo()
    written = cancelled.created_count
    assert cancelled.status == ImportJob.Status.CANCELLED and 0 < written < 12
    again = run_import(TWELVE)
    assert again.status == ImportJob.Status.COMPLETED and again.notice == ""
    assert (again.created_count, again.unchanged_count) == (12 - written, written)


@pytest.mark.parametrize("options", [
    {"empty_cells": "KEEP"}, {"delimiter": ","}, {"source": "supplier"},
])
def test_other_options_take_the_normal_path(options, run_import):
    first = run_import(DATA)
    again = run_import(DATA, options=options)
    assert again.status == ImportJob.Status.COMPLETED and not took_shortcut(again, first)


def test_a_file_one_byte_apart_takes_the_normal_path(run_import):
    run_import(DATA)
    changed = DATA.replace(b"dup-1,B,", b"dup-1,C,")  # the row that wins for dup-1
    assert len(changed) == len(DATA) and changed != DATA
    again = run_import(changed)
    assert again.notice == "" and again.updated_count == 1


def test_a_dry_run_neither_gives_nor_takes_the_shortcut(run_import):
    dry = run_import(DATA, dry_run=True)
    real = run_import(DATA)
    assert real.notice == "" and real.created_count == dry.created_count > 0
    dry_again = run_import(DATA, dry_run=True)
    assert dry_again.notice == "" and dry_again.unchanged_count > 0


def test_a_failed_earlier_import_takes_the_normal_path(run_import):
    data = b"sku,name\n"
    failed = run_import(data)
    assert failed.status == ImportJob.Status.FAILED
    again = run_import(data)
    assert again.status == ImportJob.Status.FAILED and again.error_message == failed.error_message


@pytest.mark.django_db(transaction=True)
def test_committed_imports_take_the_shortcut_too(run_import):
    # Each chunk commits on its own here, as in a worker (no test transaction around them).
    first = run_import(DATA)
    assert first.data_version_after is not None
    again = run_import(DATA)
    assert took_shortcut(again, first) and again.unchanged_count == first.created_count \
        + first.updated_count + first.unchanged_count
