"""Run one claimed import job: check the whole file, apply it chunk by chunk, finish the job.

    reading/  bytes -> text -> records -> header        (any file format)
    rules.py  a record -> a ProductRow or a RowProblem
    passes/   check.py (pass 1: read all, write nothing) -> apply.py (pass 2: chunks, checkpoints)
    writers/  a chunk -> created / updated / unchanged  (PostgreSQL, SQLite, dry run)
    finishing.py  final status, the import_finished signal, removing the file
    reverting/    a revert job: the target's change log applied backwards, chunk by chunk
"""

from __future__ import annotations

from . import finishing
from .models import ImportJob
from .passes.apply import Stopped, apply_file
from .passes.check import check_file
from .passes.keys import database_lower
from .problems import BadFile
from .reverting import run as reverting

NO_ROWS = (
    "The file has a header row (line 1) but no product rows; add rows below the header."
)


def run(job: ImportJob) -> None:
    """Process `job` (claimed by this worker, status PROCESSING) until it ends or is taken."""
    if job.cancel_requested:
        finishing.finish(job, ImportJob.Status.CANCELLED)
        return
    if job.kind == ImportJob.Kind.REVERT:
        try:
            reverting.revert(job)
        except reverting.Stopped:
            return
        finishing.finish(job, ImportJob.Status.COMPLETED)
        return
    if not job.file.name:
        finishing.finish(
            job, ImportJob.Status.FAILED, "The uploaded file is missing; upload again."
        )
        return
    try:
        with job.file.storage.open(job.file.name, "rb") as raw:
            checked = check_file(raw, database_lower)
    except BadFile as exc:
        finishing.finish(job, ImportJob.Status.FAILED, str(exc))
        return
    if checked.records == 0:
        finishing.finish(job, ImportJob.Status.FAILED, NO_ROWS)
        return
    if not job.header:
        job.header = checked.header.names
        ImportJob.objects.filter(pk=job.pk).update(header=checked.header.names)
    try:
        apply_file(job, checked)
    except Stopped:
        return
    finishing.finish(job, ImportJob.Status.COMPLETED)
