"""Run one claimed import job in two passes over the file.

1. Check: the whole file is read once before any write (gzip, UTF-8, header, CSV), noting
   the line of each SKU's last valid row. A bad file fails here and changes no product.
2. Apply: chunk by chunk, only each SKU's last row is written (last row wins across the file)
   so a product is written at most once and its outcome is final when written; counts are
   plain sums, exact per product. Each chunk commits together with the job's checkpoint, so
   a resumed run (pass 1 again, pass 2 from the checkpoint) ends in the same state and counts.

Parsing runs in a helper thread while this thread talks to the database, so the CSV work
overlaps the database's (psycopg2 releases the GIL while PostgreSQL works).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import Counter
from collections.abc import Iterator

from django.conf import settings
from django.db import connection, transaction

from . import finish, upsert
from .chunks import Chunk, last_lines, read_chunks
from .filestream import BadFile
from .models import ImportJob, ImportRowError
from .parsing import CsvReader, Header, Position
from .upsert import CHANGED, INSERTED, SAME

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
            reader = CsvReader(raw)
            header = reader.read_header()
            odd_keys: dict[str, str] = {}
            last, records = last_lines(reader, header, upsert.db_lower, odd_keys)
    except BadFile as exc:
        finish.finish(job, ImportJob.Status.FAILED, str(exc))
        return
    if records == 0:
        finish.finish(job, ImportJob.Status.FAILED, NO_ROWS)
        return
    if not job.header:
        job.header = header.names
        ImportJob.objects.filter(pk=job.pk).update(header=header.names)
    start = Position(job.checkpoint_offset, job.checkpoint_line, job.rows_processed)
    try:
        for chunk in _chunks(job, header, start, last, odd_keys):
            _commit(job, header, chunk, last)
    except Stopped:
        return
    finish.finish(job, ImportJob.Status.COMPLETED)


def _chunks(
    job: ImportJob, header: Header, start: Position, last: dict[str, int], odd_keys: dict
) -> Iterator[Chunk]:
    """Chunks from `start`, parsed (and prepared for the write) ahead in a thread."""
    stage = not job.dry_run and connection.vendor == "postgresql"
    ahead: queue.Queue = queue.Queue(maxsize=2)
    stop = threading.Event()

    def produce() -> None:
        try:
            with job.file.storage.open(job.file.name, "rb") as raw:
                reader = CsvReader(raw, start) if start.offset else CsvReader(raw)
                if not start.offset:
                    reader.read_header()
                for chunk in read_chunks(reader, header, settings.IMPORT_CHUNK_ROWS):
                    _prepare(header, chunk, last, odd_keys, stage)
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
        while (item := ahead.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join(timeout=5)


def _pass1_lower(odd_keys: dict[str, str]):
    def lower(skus: list[str]) -> dict[str, str]:
        return {sku: odd_keys[sku] for sku in skus}  # KeyError: not seen by pass 1

    return lower


def _prepare(
    header: Header, chunk: Chunk, last: dict[str, int], odd_keys: dict, stage: bool
) -> None:
    """In the reader thread: the chunk's rows to apply by key, and (PostgreSQL) their COPY
    text, so building them overlaps the previous chunk's write. Uses no database: the keys
    of non-ASCII SKUs come from pass 1; if one is missing, `_commit` does it all itself."""
    try:
        rows = upsert.dedupe(chunk.rows, _pass1_lower(odd_keys))
    except KeyError:
        return
    rows = {k: r for k, r in rows.items() if last.get(k) == r.line}
    columns = header.columns
    if rows and stage:
        has = columns.description is not None, columns.active is not None
        chunk.staged = upsert.stage_text(rows, *has)
    chunk.keyed = rows
    chunk.rows = []  # not needed any more; frees memory while the chunk waits


def _commit(job: ImportJob, header: Header, chunk: Chunk, last: dict[str, int]) -> None:
    if chunk.keyed is not None:
        rows = chunk.keyed
    else:
        rows = {k: r for k, r in upsert.dedupe(chunk.rows).items() if last.get(k) == r.line}
    columns = header.columns
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
        if job.dry_run:
            reactions = upsert.compare(rows)
        else:
            has = columns.description is not None, columns.active is not None
            reactions = upsert.write(rows, *has, staged=chunk.staged)
        ImportRowError.objects.bulk_create(
            ImportRowError(job=job, line=r.line, sku=r.sku, message=r.message, raw=r.raw)
            for r in chunk.rejected
        )
        outcomes = Counter(reactions.values())
        job.created_count += outcomes[INSERTED]
        job.updated_count += outcomes[CHANGED]
        job.unchanged_count += outcomes[SAME]
        job.error_count += len(chunk.rejected)
        job.checkpoint_offset, job.checkpoint_line, job.rows_processed = chunk.end
        consumed = min(max(chunk.consumed, current.bytes_processed), job.file_size)
        job.bytes_processed = consumed
        job.progress = max(job.progress, min(99, consumed * 100 // max(job.file_size, 1)))
        job.chunks_committed += 1
        job.save(update_fields=[*finish.PROGRESS_FIELDS, "chunks_committed"])
