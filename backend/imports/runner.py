"""Run one claimed import job: check the file, then read, apply and checkpoint chunk by chunk.

Parsing runs in a helper thread while this thread talks to the database, so the CSV work
overlaps the database's (psycopg2 releases the GIL while PostgreSQL works). Each chunk
commits together with the job's checkpoint and the chunk's ledger row; a resumed run starts
at the checkpoint with the ledger replayed, and so ends in the same state and counts.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterator

from django.conf import settings
from django.db import transaction

from . import finish, upsert
from .chunks import Chunk, read_chunks
from .filestream import BadFile, check_file
from .ledger import CHANGED, CREATED, SAME, UNCHANGED, UPDATED, Ledger, fingerprint
from .models import ImportJob, ImportLedger, ImportRowError
from .parsing import CsvReader, Header, Position

logger = logging.getLogger(__name__)

NO_ROWS = (
    "The file has a header row (line 1) but no product rows; add rows below the header."
)


class Stopped(Exception):
    """The job was cancelled, or another worker owns it now: stop without finishing it."""


def run(job: ImportJob) -> None:
    """Process `job` (claimed by this worker, status PROCESSING) until it ends."""
    if job.cancel_requested:
        finish.finish(job, ImportJob.Status.CANCELLED)
        return
    if not job.file.name:
        finish.finish(job, ImportJob.Status.FAILED, "The uploaded file is missing; upload again.")
        return
    try:
        with job.file.storage.open(job.file.name, "rb") as raw:
            check_file(raw)
        with job.file.storage.open(job.file.name, "rb") as raw:
            header = CsvReader(raw).read_header()
    except BadFile as exc:
        finish.finish(job, ImportJob.Status.FAILED, str(exc))
        return
    if not job.header:
        job.header = header.names
        ImportJob.objects.filter(pk=job.pk).update(header=header.names)
    ledger = Ledger()
    ledger.replay(
        ImportLedger.objects.filter(job=job).order_by("chunk").values_list("outcomes", flat=True)
    )
    start = Position(job.checkpoint_offset, job.checkpoint_line, job.rows_processed)
    try:
        for chunk, last in _chunks(job, header, start):
            if last and chunk.end.rows == 0:
                finish.finish(job, ImportJob.Status.FAILED, NO_ROWS)
                return
            _commit(job, header, chunk, ledger)
    except Stopped:
        return
    finish.finish(job, ImportJob.Status.COMPLETED)


def _chunks(job: ImportJob, header: Header, start: Position) -> Iterator[tuple[Chunk, bool]]:
    """Chunks from `start`, parsed ahead in a thread; yields `(chunk, is_last)`."""
    ahead: queue.Queue = queue.Queue(maxsize=2)
    stop = threading.Event()

    def produce() -> None:
        try:
            with job.file.storage.open(job.file.name, "rb") as raw:
                reader = CsvReader(raw, start) if start.offset else CsvReader(raw)
                if not start.offset:
                    reader.read_header()
                for chunk in read_chunks(reader, header, settings.IMPORT_CHUNK_ROWS):
                    while not stop.is_set():
                        try:
                            ahead.put(chunk, timeout=0.2)
                            break
                        except queue.Full:
                            continue
                    if stop.is_set():
                        return
            ahead.put(None)
        except BaseException as exc:  # handed to the consuming thread
            ahead.put(exc)

    thread = threading.Thread(target=produce, name=f"import-{job.pk}-reader", daemon=True)
    thread.start()
    try:
        current = ahead.get()
        while True:
            if isinstance(current, BaseException):
                raise current
            following = ahead.get() if current is not None else None
            if current is None:
                return
            if isinstance(following, BaseException):
                raise following
            yield current, following is None
            current = following
    finally:
        stop.set()
        thread.join(timeout=5)


def _reactions(job: ImportJob, header: Header, rows: dict, ledger: Ledger) -> dict[str, int]:
    columns = header.columns
    if not job.dry_run:
        return upsert.write(rows, columns.description is not None, columns.active is not None)
    seen = {k: r for k, r in rows.items() if ledger.outcome_of(k) is not None}
    reactions = upsert.compare({k: r for k, r in rows.items() if k not in seen})
    for key, row in seen.items():
        reactions[key] = SAME if fingerprint(row) == ledger.fingerprint_of(key) else CHANGED
    return reactions


def _commit(job: ImportJob, header: Header, chunk: Chunk, ledger: Ledger) -> None:
    rows = upsert.dedupe(chunk.rows)
    with transaction.atomic():
        current = (
            ImportJob.objects.select_for_update()
            .only("claim_token", "cancel_requested", "status", "bytes_processed")
            .get(pk=job.pk)
        )
        if current.claim_token != job.claim_token or current.status != job.Status.PROCESSING:
            raise Stopped
        if current.cancel_requested:
            finish.finish_locked(job, ImportJob.Status.CANCELLED)
            raise Stopped
        reactions = _reactions(job, header, rows, ledger)
        digest = fingerprint if job.dry_run else (lambda row: 0)
        entries = ledger.apply((k, reactions[k], digest(r)) for k, r in rows.items())
        job.chunks_committed += 1
        ImportLedger.objects.create(
            job=job, chunk=job.chunks_committed, outcomes=ledger.pack(entries)
        )
        ImportRowError.objects.bulk_create(
            ImportRowError(job=job, line=r.line, sku=r.sku, message=r.message, raw=r.raw)
            for r in chunk.rejected
        )
        consumed = min(max(chunk.consumed, current.bytes_processed), job.file_size)
        job.checkpoint_offset, job.checkpoint_line, job.rows_processed = chunk.end
        job.error_count += len(chunk.rejected)
        job.created_count = ledger.counts[CREATED]
        job.updated_count = ledger.counts[UPDATED]
        job.unchanged_count = ledger.counts[UNCHANGED]
        job.bytes_processed = consumed
        job.progress = max(job.progress, min(99, consumed * 100 // max(job.file_size, 1)))
        job.save(update_fields=[*finish.PROGRESS_FIELDS, "chunks_committed"])
