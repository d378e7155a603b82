"""The apply pass's reader thread: chunks read, keyed and prepared ahead of the writes.

Everything here runs without the database, so it overlaps the previous chunk's write: the
rows to apply by key (each SKU's last valid row, found by pass 1) and the writer's
`prepare()` of them (PostgreSQL's COPY text). At most one chunk waits (and one is being
read), bounding memory.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator

from django.conf import settings

from ...models import ImportJob
from ..reading import START, Position, open_reader
from ..writers import Writer
from .check import CheckedFile
from .chunks import Chunk, read_chunks
from .keys import known_keys, last_row_per_key

WAITING_CHUNKS = 1


def read_ahead(
    job: ImportJob, checked: CheckedFile, writer: Writer, start: Position = START,
    size: int | Callable[[], int] | None = None,
) -> Iterator[Chunk]:
    """Chunks of the job's file from `start`, read and prepared ahead in a thread; `size`
    (records, or a callable asked per chunk) defaults to IMPORT_CHUNK_ROWS."""
    ahead: queue.Queue = queue.Queue(maxsize=WAITING_CHUNKS)
    stop = threading.Event()

    def produce() -> None:
        try:
            with job.file.storage.open(job.file.name, "rb") as raw:
                reader = open_reader(raw, start, checked.layout, job.file_size)
                if not start.offset:
                    reader.read_header(checked.header.mapping)
                for chunk in read_chunks(reader, checked.header,
                                         size or settings.IMPORT_CHUNK_ROWS):
                    _prepare(chunk, checked, writer)
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


def _prepare(chunk: Chunk, checked: CheckedFile, writer: Writer) -> None:
    """Key the chunk's rows and let the writer prepare them. Uses no database: the keys of
    non-ASCII SKUs come from pass 1; if one is missing, the commit does it all itself."""
    try:
        rows = last_row_per_key(chunk.rows, known_keys(checked.non_ascii_sku_keys))
    except KeyError:
        return
    rows = {k: r for k, r in rows.items() if checked.is_last(r.line)}
    chunk.prepared = writer.prepare(rows)
    chunk.keyed = rows
    chunk.valid_rows = len(chunk.rows)
    chunk.rows = []  # not needed any more; frees memory while the chunk waits

