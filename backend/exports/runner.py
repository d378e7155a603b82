"""Run one export: claim the job, write the file product by product, store it, finish.

Products are read in SKU order through ``.iterator()``: on PostgreSQL a server-side cursor
(one query, a consistent snapshot, rows fetched ``FETCH_ROWS`` at a time), on SQLite chunked
reads; the writers write each row to disk at once. Memory stays flat for any number of
products. The file is written in a temporary folder and handed to the storage only when
complete (with a bucket, CSV and JSON Lines go straight into it in parts, and the object
exists only once complete), so a download never sees a partial file and a dead worker leaves
nothing behind (an unfinished multipart upload holds no object).
"""

from __future__ import annotations

import io
import logging
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import F, Q
from django.db.models.functions import Coalesce, Length
from django.utils import timezone

from core.object_storage import uses_object_storage
from core.object_writer import ObjectSink
from core.text import plural
from products.counts import product_count
from products.filtering import products_matching

from . import services
from .models import ExportJob
from .writers import (
    STREAMED_FORMATS,
    XLSX_MAX_CELL_CHARS,
    XLSX_MAX_ROWS,
    CellTooLong,
    ExportWriter,
    ProductMeta,
    open_writer,
)

logger = logging.getLogger(__name__)

FETCH_ROWS = 2000
REPORT_EVERY_ROWS = 5000
MAX_ATTEMPTS = 3


class Stopped(Exception):
    """Another worker has taken the job over: stop without finishing it."""


def claim(job_id: int) -> ExportJob | None:
    """Take the job for this worker (PENDING, or PROCESSING with a silent worker), or None."""
    job = ExportJob.objects.filter(pk=job_id).first()
    if job is None:
        return None
    now = timezone.now()
    takeable = Q(status=ExportJob.Status.PENDING) | Q(
        status=ExportJob.Status.PROCESSING, heartbeat_at__lte=now - services.STALE_AFTER
    )
    if job.attempts >= MAX_ATTEMPTS:
        if ExportJob.objects.filter(takeable, pk=job_id).exists():
            _fail(job, f"The export stopped {job.attempts} times without finishing (its worker "
                       "was lost); start it again.")
        return None
    token = uuid.uuid4().hex
    claimed = ExportJob.objects.filter(takeable, pk=job_id).update(
        status=ExportJob.Status.PROCESSING,
        claim_token=token,
        attempts=F("attempts") + 1,
        heartbeat_at=now,
        progress=0,
        row_count=0,
        started_at=Coalesce(F("started_at"), now),
    )
    if claimed != 1:
        return None
    job.refresh_from_db()
    return job


def run(job_id: int) -> None:
    """Claim export ``job_id`` and make its file; a job already taken is left alone."""
    job = claim(job_id)
    if job is None:
        return
    try:
        _export(job)
    except Stopped:
        logger.info("Export %s was taken over by another worker", job.pk)
    except CellTooLong as exc:
        _fail(job, f"{exc} Export as CSV instead (no length limit), or narrow the filters.")
    except Exception:
        logger.exception("Export %s failed", job.pk)
        _fail(job, f"The export stopped on an internal error (export {job.pk}); start it again.")


def _fail(job: ExportJob, message: str) -> None:
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.FAILED, error_message=message, finished_at=timezone.now()
    )


def _report(job: ExportJob, **fields) -> None:
    updated = ExportJob.objects.filter(pk=job.pk, claim_token=job.claim_token).update(
        heartbeat_at=timezone.now(), **fields
    )
    if updated != 1:
        raise Stopped


def _xlsx_problem(queryset, total: int) -> str | None:
    """Why these products cannot go in one Excel sheet, or None."""
    if total > XLSX_MAX_ROWS - 1:
        return (
            f"{total:,} products match, and an Excel sheet holds at most "
            f"{XLSX_MAX_ROWS - 1:,} below its header. Export as CSV instead (no row limit), "
            "or narrow the filters."
        )
    too_long = queryset.annotate(chars=Length("description")).filter(
        chars__gt=XLSX_MAX_CELL_CHARS
    )
    skus = list(too_long.order_by("sku", "id").values_list("sku", flat=True)[:6])
    if not skus:
        return None
    count = len(skus) if len(skus) < 6 else too_long.count()
    listed = ", ".join(repr(sku) for sku in skus[:5]) + (", ..." if count > 5 else "")
    return (
        f"{plural(count, 'product')} {'has' if count == 1 else 'have'} a description longer "
        "than an Excel cell holds "
        f"({XLSX_MAX_CELL_CHARS:,} characters): {listed}. Nothing is cut short in an export: "
        "export as CSV instead (no length limit), or leave these products out with the filters."
    )


def _export(job: ExportJob) -> None:
    queryset = products_matching(job.filters)
    total = product_count(queryset)
    _report(job, total_rows=total)
    if job.format == ExportJob.Format.XLSX and (problem := _xlsx_problem(queryset, total)):
        _fail(job, problem)
        return
    rows = (
        queryset.order_by("sku", "id")
        .values_list("sku", "name", "description", "active", "pk", "created_at", "updated_at")
        .iterator(chunk_size=FETCH_ROWS)
    )
    name = f"exports/{job.pk}-{job.claim_token[:8]}-{job.file_name}"
    if uses_object_storage() and job.format in STREAMED_FORMATS:
        # Straight into the bucket in parts: nothing on the worker's disk but one part, and
        # the object exists only once complete.
        sink = ObjectSink(name)
        stream = io.BufferedWriter(sink, buffer_size=1 << 20)
        writer = open_writer(job.format, stream)
        try:
            written = _write_rows(job, writer, rows, total)
        except BaseException:
            sink.abort()
            raise
        finally:
            writer.close()
            stream.close()  # a gzip writer leaves the stream open; this completes the object
        _report(job, row_count=written, progress=99)
        _complete(job, name, written)
        return
    with tempfile.TemporaryDirectory(prefix=f"export-{job.pk}-") as folder:
        path = Path(folder) / job.file_name
        writer = open_writer(job.format, path)
        try:
            written = _write_rows(job, writer, rows, total)
        finally:
            writer.close()
        _report(job, row_count=written, progress=99)
        with path.open("rb") as handle:
            name = default_storage.save(name, File(handle))
    _complete(job, name, written)


def _write_rows(job: ExportJob, writer: ExportWriter, rows: Iterator[tuple], total: int) -> int:
    """Write every product of ``rows``, reporting progress; return how many."""
    written = 0
    for sku, name, description, active, pk, created_at, updated_at in rows:
        writer.write(sku, name, description, active, ProductMeta(pk, created_at, updated_at))
        written += 1
        if written % REPORT_EVERY_ROWS == 0:
            _report(job, row_count=written, progress=min(99, written * 100 // max(total, 1)))
    return written


def _complete(job: ExportJob, name: str, written: int) -> None:
    now = timezone.now()
    done = ExportJob.objects.filter(pk=job.pk, claim_token=job.claim_token).update(
        status=ExportJob.Status.COMPLETED,
        file=name,
        file_size=default_storage.size(name),
        row_count=written,
        progress=100,
        heartbeat_at=now,
        finished_at=now,
        expires_at=now + services.retention(),
    )
    if done != 1:  # taken over meanwhile: the other worker's file is the one kept
        default_storage.delete(name)
        raise Stopped
