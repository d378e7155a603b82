"""Pass 2, the apply: write each SKU's last valid row, chunk by chunk, with checkpoints.

Each chunk commits in one transaction together with the job's checkpoint and counts, so a
resumed run (pass 1 and pass 2 from the checkpoint) ends in the same state and
counts as a run that never stopped. Counts are plain sums of the writer's outcomes, exact
per product, because pass 1 lets each product be written at most once.

Reading runs in a helper thread (`read_ahead`) while this thread talks to the database, so
the CSV work overlaps the database's (psycopg2 releases the GIL while PostgreSQL works).
"""

from __future__ import annotations

import time

from django.conf import settings

from ...models import ImportJob, ImportRowError
from ..finishing import chunk_transaction
from ..modes import ModeWriter
from ..options import SyncOptions
from ..reading import Position
from ..writers import Counts, Writer, writer_for
from .check import CheckedFile
from .chunks import Chunk
from .keys import last_row_per_key
from .pace import Pace, progress
from .read_ahead import read_ahead

# The job's fields each chunk's commit moves (with `chunks_committed`).
CHECKPOINT_FIELDS = [
    "checkpoint_offset",
    "checkpoint_line",
    "rows_processed",
    "error_count",
    "created_count",
    "updated_count",
    "unchanged_count",
    "replaced_count",
    "skipped_count",
    "bytes_processed",
    "progress",
]


def apply_file(job: ImportJob, checked: CheckedFile) -> None:
    """Write the file's chunks from the job's checkpoint on; raise Stopped when told to."""
    writer = writer_for(
        checked.header.columns, dry_run=job.dry_run, job_id=job.pk, log=job.changes_logged
    )
    options = SyncOptions.of(job)
    if (options.mode != "UPSERT" or options.keep_empty or checked.header.columns.name is None
            or (checked.layout is not None and checked.layout.absent_keeps)):
        writer = ModeWriter(writer, options)
    start = Position(job.checkpoint_offset, job.checkpoint_line, job.rows_processed)
    # Each chunk takes about IMPORT_PROGRESS_SECONDS to write: progress moves and a cancel is
    # seen at least that often (a cancel waits for the chunk being written, then stops).
    pace = Pace(settings.IMPORT_CHUNK_ROWS, settings.IMPORT_PROGRESS_SECONDS)
    for chunk in read_ahead(job, checked, writer, start, pace.size):
        started = time.perf_counter()
        records = chunk.valid_rows + len(chunk.rejected) if chunk.keyed is not None \
            else len(chunk.rows) + len(chunk.rejected)
        commit_chunk(job, writer, chunk, checked)
        pace.wrote(records, time.perf_counter() - started)


def commit_chunk(job: ImportJob, writer: Writer, chunk: Chunk, checked: CheckedFile) -> None:
    """Write one chunk, its problems and the job's checkpoint in one transaction."""
    if chunk.keyed is not None:
        rows = chunk.keyed
    else:  # the reader thread could not key it without the database
        rows = {k: r for k, r in last_row_per_key(chunk.rows).items() if checked.is_last(r.line)}
        chunk.valid_rows = len(chunk.rows)
    with chunk_transaction(job, "bytes_processed") as current:
        counts = Counts.of(writer.write(rows, chunk.prepared).values())
        ImportRowError.objects.bulk_create(
            ImportRowError(job=job, line=p.line, sku=p.sku, message=p.message, raw=p.raw)
            for p in chunk.rejected
        )
        job.created_count += counts.created
        job.updated_count += counts.updated
        job.unchanged_count += counts.unchanged
        job.replaced_count += chunk.valid_rows - len(rows)
        job.skipped_count += counts.skipped
        job.error_count += len(chunk.rejected) + counts.rejected
        job.checkpoint_offset, job.checkpoint_line, job.rows_processed = chunk.end
        consumed = min(max(chunk.consumed, current.bytes_processed), job.file_size)
        job.bytes_processed = consumed
        job.progress = max(job.progress, progress(consumed, job.file_size, applying=True))
        job.chunks_committed += 1
        job.save(update_fields=[*CHECKPOINT_FIELDS, "chunks_committed"])
