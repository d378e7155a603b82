"""The bulk write path: a large import loads with the product table's secondary indexes
dropped and builds them again before it completes; and the upkeep after large writes.

The rule (`wants_bulk`): a fresh import (no chunk committed yet, not a dry run) whose file
holds at least IMPORT_BULK_MIN_ROWS distinct SKUs, into an empty catalogue, and no other bulk
load unfinished. A catalogue that holds products is one people and apps are reading: without
its indexes every list page sorts the table and every search reads it, for the whole load
(measured with 50 clients during a 500,000-row import into a catalogue of 500 products: 21
requests a second with the indexes dropped, 61 with them kept, the import's time the same).
Keeping the indexes row by row costs the first import of an empty catalogue more than
building them once, and nothing is there to read yet.

Crash safety: the indexes' definitions (``products.bulk_indexes``: read from the database,
what the migrations made) are written to a `BulkLoad` row in the transaction that drops
them. The load itself is the normal one (chunks, checkpoints, change log): a worker killed
mid-load resumes from its checkpoint and still owns the row. Its final phase (`finish`)
builds the missing indexes, each committing on its own, then deletes the row; a worker
killed mid-build resumes there and builds the rest. A job that ends otherwise (cancelled at a
chunk, failed for good) leaves a row whose job has ended: `restore_abandoned` builds those
indexes, from the pipeline before any job runs and from the sweeper (``tasks.sweep_imports``,
every worker at boot and then periodically).

Meanwhile everything else keeps working on the table: reads plan without the dropped
indexes (slower, same answers on PostgreSQL); product edits write as usual (while an index
is being built, PostgreSQL makes them wait for it). A second import waits its turn in the
queue (jobs run one at a time, in order) and so never starts a bulk load on top of one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from products import bulk_indexes, counts, services
from products.models import Product

from ..models import BulkLoad, ImportJob
from .passes.check import CheckedFile

UNFINISHED = (ImportJob.Status.PENDING, ImportJob.Status.PROCESSING)


def wants_bulk(job: ImportJob, checked: CheckedFile) -> bool:
    """Whether `job` should load with the indexes dropped (see the module's rule)."""
    if job.dry_run or job.chunks_committed or job.checkpoint_line:
        return False
    if checked.distinct_keys < settings.IMPORT_BULK_MIN_ROWS:
        return False
    return counts.product_count(Product.objects.all()) == 0


def begin(job: ImportJob, checked: CheckedFile) -> bool:
    """Drop the secondary indexes for `job` when the rule says so; return whether this job
    has them dropped (also true for a resumed job that dropped them before)."""
    if BulkLoad.objects.filter(job_id=job.pk).exists():
        return True
    if not wants_bulk(job, checked):
        return False
    with transaction.atomic():
        if BulkLoad.objects.select_for_update().exists():
            return False  # an earlier one is still to be rebuilt: never two at once
        definitions = bulk_indexes.secondary_indexes()
        if not definitions:
            return False
        bulk_indexes.drop(definitions)
        BulkLoad.objects.create(job_id=job.pk, definitions=definitions)
    return True


def finish(job: ImportJob) -> None:
    """Build the indexes `job` dropped (if any), then forget its bulk load."""
    load = BulkLoad.objects.filter(job_id=job.pk).first()
    if load is not None:
        _restore(load)


def restore_abandoned() -> int:
    """Build the indexes of bulk loads whose job has ended (or is gone); return how many."""
    if not BulkLoad.objects.exists():  # the usual case, in one look-up
        return 0
    live = ImportJob.objects.filter(status__in=UNFINISHED).values_list("pk", flat=True)
    abandoned = list(BulkLoad.objects.exclude(job_id__in=list(live)))
    for load in abandoned:
        _restore(load)
    return len(abandoned)


def _restore(load: BulkLoad) -> None:
    bulk_indexes.rebuild(
        [(name, sql) for name, sql in load.definitions],
        builders=settings.IMPORT_BULK_INDEX_BUILDERS,
        work_mem=settings.IMPORT_BULK_MAINTENANCE_WORK_MEM,
    )
    BulkLoad.objects.filter(pk=load.pk).delete()


def upkeep(job: ImportJob) -> bool:
    """After a job that wrote at least IMPORT_UPKEEP_MIN_ROWS products (created, updated,
    deactivated, deleted or restored): fresh statistics and a vacuum
    (``products.services.after_bulk_write``), before it is marked COMPLETED. A sync that
    deactivates most of the catalogue changes what the planner knows of `active` as much as
    a load does. Call outside any transaction (VACUUM cannot run in one). Return whether it
    ran."""
    written = (
        ImportJob.objects.filter(pk=job.pk)
        .values_list("created_count", "updated_count", "deactivated_count", "deleted_count",
                     "restored_count")
        .first()
    )
    if written is None or sum(written) < settings.IMPORT_UPKEEP_MIN_ROWS:
        return False
    services.after_bulk_write()
    return True
