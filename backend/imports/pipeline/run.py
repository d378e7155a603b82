"""Run one claimed import job: check the whole file, apply it chunk by chunk, finish the job.

The stages are listed in this package's docstring; a revert job runs in `imports.reverting`
instead (the queue, `imports.services.run_job`, picks the runner by the job's kind).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from django.conf import settings
from django.db import transaction

from ..models import ImportJob, ImportRowError
from . import bulk, databases, finishing, removal, same_file
from .options import SyncOptions
from .passes.apply import apply_file
from .passes.check import CheckedFile, check_file
from .passes.keys import database_lower
from .passes.pace import Ticker, progress
from .problems import REFUSED, BadFile
from .reading import START, Layout, Position, ReadOptions, find_layout, forget_sheets

logger = logging.getLogger(__name__)

NO_ROWS = (
    "The file has a header row (line {line}) but no product rows; add rows below the header."
)


def run(job: ImportJob) -> None:
    """Process import `job` (claimed by this worker, status PROCESSING, not cancelled before
    it began) until it ends or is taken.

    Logs the seconds each phase took (``import <id> phases: check 1.52 s, ...``) at INFO.
    """
    phases: dict[str, float] = {}
    try:
        with databases.current().import_session():
            _run(job, phases)
    finally:
        forget_sheets()  # a workbook's sheet kept between the passes
        if phases:
            logger.info(
                "import %s phases: %s", job.pk,
                ", ".join(f"{name} {seconds:.2f} s" for name, seconds in phases.items()),
                extra={"import_job": job.pk, "phase_seconds": phases},
            )


@contextmanager
def _phase(phases: dict[str, float], name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        phases[name] = phases.get(name, 0.0) + time.perf_counter() - started


def _run(job: ImportJob, phases: dict[str, float]) -> None:
    if job.removal_decided_at is not None:  # applied already; confirmed, or killed mid-removal
        try:
            with _phase(phases, "removal"):
                removal.carry_on(job)
        except finishing.Stopped:
            return
        bulk.upkeep(job)
        finishing.finish(job, ImportJob.Status.COMPLETED)
        return
    if not job.file.name:
        finishing.finish(
            job, ImportJob.Status.FAILED, "The uploaded file is missing; upload again."
        )
        return
    same_file.note_version(job)
    earlier = same_file.earlier_import(job)
    if earlier is not None:
        try:
            with _phase(phases, "same file"):
                if same_file.complete(job, earlier):
                    return
        except finishing.Stopped:
            return
    try:
        with job.file.storage.open(job.file.name, "rb") as raw:
            layout = find_layout(raw, ReadOptions.of(job.options), job.file_size)
            if job.options.get("absent_keeps"):
                layout = replace(layout, absent_keeps=True)
            record_layout(job, layout)
            with _phase(phases, "check"):
                options = SyncOptions.of(job)
                checked = check_file(raw, database_lower, layout, job.options.get("mapping"),
                                     job.file_size, keep_empty=options.keep_empty,
                                     listed=options.removes, on_progress=_check_ticker(job),
                                     start=_check_from(job, options))
    except BadFile as exc:
        finishing.finish(job, ImportJob.Status.FAILED, str(exc))
        return
    except finishing.Stopped:  # cancelled during the check: nothing was written
        return
    if checked.records == 0:
        finishing.finish(job, ImportJob.Status.FAILED, NO_ROWS.format(line=checked.header.line))
        return
    if job.header != checked.header.names or job.mapping != checked.header.mapping:
        job.header, job.mapping = checked.header.names, checked.header.mapping
        ImportJob.objects.filter(pk=job.pk).update(header=job.header, mapping=job.mapping)
    if job.all_or_nothing:
        with _phase(phases, "write"):
            if not apply_all_or_nothing(job, checked):
                return
        with _phase(phases, "finish"):
            finishing.finish(job, ImportJob.Status.COMPLETED)
        return
    with _phase(phases, "drop indexes"):
        bulk.begin(job, checked)
    try:
        with _phase(phases, "write"):
            apply_file(job, checked)
    except finishing.Stopped:
        job.refresh_from_db(fields=["status"])
        if job.is_final:  # cancelled at a chunk: its dropped indexes are built now
            bulk.finish(job)
        return
    with _phase(phases, "build indexes"):
        bulk.finish(job)  # the indexes this job dropped, before it says COMPLETED
    if options.removes:
        listed, checked.listed_keys = checked.listed_keys or set(), None
        try:
            with _phase(phases, "removal"):
                removal.decide_and_remove(job, listed, checked.distinct_keys == 0)
        except finishing.Stopped:
            return
    with _phase(phases, "upkeep"):
        bulk.upkeep(job)
    with _phase(phases, "finish"):
        finishing.finish(job, ImportJob.Status.COMPLETED)


class _Refused(Exception):
    """Some rows of an all-or-nothing job are bad: its transaction is rolled back."""

    def __init__(self, errors: list[ImportRowError]) -> None:
        super().__init__(len(errors))
        self.errors = errors


def apply_all_or_nothing(job: ImportJob, checked: CheckedFile) -> bool:
    """Apply the job in one transaction that any bad row rolls back whole (no bulk path: such
    jobs are small). Return whether it was written; when not, the job has ended (FAILED with
    its bad rows listed, or CANCELLED) or belongs to another worker now."""
    try:
        with transaction.atomic():
            apply_file(job, checked)
            if job.error_count:
                raise _Refused(list(ImportRowError.objects.filter(job=job).order_by("line")))
    except _Refused as refused:
        for error in refused.errors:
            error.pk = None
        with transaction.atomic():
            ImportRowError.objects.bulk_create(refused.errors)
            ImportJob.objects.filter(pk=job.pk).update(
                error_count=len(refused.errors), rows_processed=checked.records,
                created_count=0, updated_count=0, unchanged_count=0, replaced_count=0,
                skipped_count=0, progress=0,
            )
        finishing.finish(job, ImportJob.Status.FAILED, REFUSED.format(
            errors=len(refused.errors), records=checked.records))
        return False
    except finishing.Stopped:
        # A cancellation's final state was rolled back with the rest: record it again.
        current = ImportJob.objects.filter(pk=job.pk).only(
            "status", "claim_token", "cancel_requested").first()
        if (current is not None and current.claim_token == job.claim_token
                and current.status == ImportJob.Status.PROCESSING and current.cancel_requested):
            finishing.finish(job, ImportJob.Status.CANCELLED)
        return False
    return True


def _check_from(job: ImportJob, options: SyncOptions) -> Position:
    """Where the check pass starts: a resumed job's checkpoint (its earlier rows were checked
    before they were written), unless the job removes the products its file does not list
    (that needs every key of the file)."""
    if not job.checkpoint_offset or options.removes:
        return START
    logger.info(
        "import %s resumed: the check pass reads from line %d (byte %d)", job.pk,
        job.checkpoint_line + 1, job.checkpoint_offset,
        extra={"import_job": job.pk, "check_from_byte": job.checkpoint_offset},
    )
    return Position(job.checkpoint_offset, job.checkpoint_line, job.rows_processed)


def _check_ticker(job: ImportJob) -> Callable[[int], None]:
    """The check pass's progress (by bytes read) and its look for a cancel, at least every
    IMPORT_PROGRESS_SECONDS."""
    def tick(consumed: int) -> None:
        finishing.check_in(job, progress=progress(consumed, job.file_size, applying=False))

    return Ticker(settings.IMPORT_PROGRESS_SECONDS, tick).maybe


def record_layout(job: ImportJob, layout: Layout) -> None:
    """Keep on the job how its file is read (what was detected or chosen)."""
    values = {name: getattr(layout, name) for name in ImportJob.LAYOUT_FIELDS}
    if any(getattr(job, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(job, name, value)
        ImportJob.objects.filter(pk=job.pk).update(**values)
