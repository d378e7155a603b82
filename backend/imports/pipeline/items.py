"""An API call's items applied at once, without a file (`upsertProducts` when the import
queue is free).

The items take the path a JSON Lines file's records take, as one chunk: the fields of each
object (`reading.jsonl_records.object_record`, item N on line N + 1), the row rules, each
SKU's last valid row, the mode and empty fields (`modes.ModeWriter`) and the database's
writer with its change log and provenance.

Two steps. `plan_items` is the part that needs no database (the rows checked, each SKU's
last row, the writer's hashes and COPY text): it runs before the call takes the import
queue, so while one call writes, the next one's items are checked beside it. `apply_items`
runs the rest in ONE transaction that also creates the job and ends it (its counts,
`import_finished`): a call is written whole or not at all, so a crash leaves no
half-written job to resume, and the items need not be stored as a file and read back.

The caller of `apply_items` holds the import queue's lock and has checked that no job is
queued (imports apply one at a time, in order).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from ..models import ImportJob, ImportRowError
from . import finishing
from .modes import ModeWriter
from .options import SyncOptions
from .passes.keys import last_row_per_key
from .problems import REFUSED, RowProblem
from .reading import Columns
from .reading.header import Header, resolve_header
from .reading.jsonl_records import KNOWN, object_record
from .rules import ProductRow, clean_row
from .writers import Counts, writer_for

LAYOUT = {"format": "JSONL", "compression": "", "encoding": "utf-8", "delimiter": "",
          "sheet": "", "header_row": 0}


@dataclass(frozen=True)
class ItemsPlan:
    """A call's items made ready to write (`plan_items`): the header they make, the columns,
    the valid rows and the problems, each SKU's last valid row (`keyed`), and what the
    writer prepared for those (hashes and COPY text; None when the writer prepares nothing
    ahead)."""

    count: int
    header: Header
    columns: Columns
    rows: list[ProductRow]
    rejected: list[RowProblem]
    keyed: dict[str, ProductRow]
    prepared: object | None


def _raw(item: dict[str, Any]) -> str:
    """An item as its line of the JSON Lines file would read (for the errors report)."""
    return json.dumps(item, ensure_ascii=False)


def _rows(
    items: list[dict[str, Any]], columns: Columns, names: list[str]
) -> tuple[list[ProductRow], list[RowProblem]]:
    """The valid rows and the problems of the items (item i on line i + 1)."""
    rows: list[ProductRow] = []
    rejected: list[RowProblem] = []
    for index, item in enumerate(items):
        record = object_record(index + 1, item, names, absent_keeps=True)
        row = (clean_row(record.line, record.fields, columns)
               if not isinstance(record, RowProblem) else record)
        if isinstance(row, RowProblem):
            rejected.append(row._replace(raw=_raw(item)))
        elif row.name is None:  # refused later if its SKU is new: keep its text
            rows.append(row._replace(raw=_raw(item)))
        else:
            rows.append(row)
    return rows, rejected


def plan_items(items: list[dict[str, Any]], options: SyncOptions) -> ItemsPlan:
    """Check `items` and prepare their write with `options` (mode, empty fields); no
    database is read, so this runs before the call waits for the import queue."""
    names = [name for name in KNOWN if any(name in item for item in items)]
    header = resolve_header(names)
    columns = header.columns._replace(keep_empty=options.keep_empty)
    rows, rejected = _rows(items, columns, names)
    keyed = last_row_per_key(rows)
    writer = ModeWriter(writer_for(columns, dry_run=False, job_id=0), options)
    return ItemsPlan(len(items), header, columns, rows, rejected, keyed,
                     writer.prepare(keyed))


def apply_items(plan: ItemsPlan, new_job: Callable[[], ImportJob]) -> ImportJob:
    """Create the job (`new_job`, in this transaction: a PROCESSING import with the sync
    options `plan` was made with, `all_or_nothing` and `absent_keeps`), write the planned
    items and end it; return it.

    All or nothing: one bad item and nothing is written, the job FAILED listing every bad
    item. Otherwise the bad items are listed and the others written, the job COMPLETED."""
    with transaction.atomic():
        job = new_job()
        keyed, rejected = plan.keyed, plan.rejected
        writer = ModeWriter(writer_for(plan.columns, dry_run=False, job_id=job.pk,
                                       log=job.changes_logged), SyncOptions.of(job))
        writer.starts_job()
        savepoint = transaction.savepoint()
        counts = Counts.of(writer.write(keyed, plan.prepared).values())
        ImportRowError.objects.bulk_create(
            ImportRowError(job=job, line=p.line, sku=p.sku, message=p.message, raw=p.raw)
            for p in rejected
        )
        errors = len(rejected) + counts.rejected
        refused = job.all_or_nothing and errors > 0
        if refused:
            kept = list(ImportRowError.objects.filter(job=job).order_by("line"))
            transaction.savepoint_rollback(savepoint)
            for error in kept:
                error.pk = None
            ImportRowError.objects.bulk_create(kept)
            counts = Counts()
        else:
            transaction.savepoint_commit(savepoint)
        for name, value in LAYOUT.items():
            setattr(job, name, value)
        job.header, job.mapping = plan.header.names, plan.header.mapping
        job.rows_processed = job.checkpoint_line = plan.count
        job.created_count, job.updated_count = counts.created, counts.updated
        job.unchanged_count, job.skipped_count = counts.unchanged, counts.skipped
        job.replaced_count = 0 if refused else len(plan.rows) - len(keyed)
        job.error_count = errors
        job.checkpoint_offset = job.file_size
        job.chunks_committed = 0 if refused else 1
        job.save()
        if refused:
            finishing.finish_locked(job, ImportJob.Status.FAILED,
                                    REFUSED.format(errors=errors, records=plan.count))
        else:
            finishing.finish_locked(job, ImportJob.Status.COMPLETED)
    return job
