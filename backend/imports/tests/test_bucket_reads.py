"""Reading a stored file from the bucket (a real moto_server): staging a file, completing a
direct upload and an import's passes go back to the file's start without asking the store
for it again, every byte read is the object's, and a resumed import checks the file from its
checkpoint (the `kill -9` of a worker is in test_worker_processes.py)."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import requests
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from core.object_reader import HEAD_BYTES
from imports import services, staging
from imports.direct import services as direct
from imports.models import ImportJob
from imports.pipeline.passes import apply
from imports.pipeline.reading import find_layout, open_reader
from products.models import Product

from .crashes import Crash, crash_at_commit

pytestmark = pytest.mark.django_db

PART = 5 << 20  # the smallest part S3 takes


def catalogue_csv(rows: int) -> bytes:
    """A CSV of `rows` products of about 1 KB each."""
    lines = [b"sku,name,description"]
    lines += [b"sku-%d,Product %d,%s" % (n, n, b"y" * 1000) for n in range(rows)]
    return b"\n".join(lines) + b"\n"


@contextmanager
def gets_of_the_storage() -> Iterator[list[str]]:
    """The Range of every GET the storage's client sends while the block runs."""
    events = default_storage.connection.meta.client.meta.events
    ranges: list[str] = []

    def seen(params: dict, **_: object) -> None:
        ranges.append(params.get("Range", ""))

    events.register("provide-client-params.s3.GetObject", seen, unique_id="bucket-reads")
    try:
        yield ranges
    finally:
        events.unregister("provide-client-params.s3.GetObject", unique_id="bucket-reads")


def test_staging_a_file_from_the_bucket_asks_the_store_for_it_once(object_storage):
    data = catalogue_csv(3000)

    with gets_of_the_storage() as gets:
        job = staging.stage_import(SimpleUploadedFile("catalogue.csv", data))

    assert job.status == "STAGED"
    assert job.header == ["sku", "name", "description"]
    assert [row["line"] for row in job.inspection["preview"]][:2] == [2, 3]
    # Detecting the format, the layout and reading the preview each start at byte 0: the
    # first bytes are read once, from one GET.
    assert gets == ["bytes=0-"]


def test_completing_a_direct_upload_reads_the_start_of_the_object_once(
    object_storage, settings, django_user_model
):
    settings.UPLOAD_PART_BYTES = PART
    data = catalogue_csv(12_000)  # three parts
    person = django_user_model.objects.create_user("ed", password="pw-secret-123",
                                                   role="editor")
    upload = direct.create_upload(person, "catalogue.csv", len(data), "text/csv")
    etags = []
    for number, url in direct.part_urls(upload.pk, person, [1, 2, 3]):
        sent = requests.put(url, data=data[(number - 1) * PART : number * PART], timeout=30)
        assert sent.status_code == 200, sent.text
        etags.append((number, sent.headers["ETag"]))

    with gets_of_the_storage() as gets:
        job = direct.complete_upload(upload.pk, person, etags, None)

    assert (job.status, job.file_size) == ("STAGED", len(data))
    assert job.inspection["preview"][0]["values"][0] == "sku-0"
    assert gets == ["bytes=0-"]


def test_a_pass_after_the_layout_carries_on_with_the_same_request(object_storage, submit):
    data = catalogue_csv(6000)  # past the first bytes kept
    assert len(data) > HEAD_BYTES
    job = submit(data)

    with job.file.storage.open(job.file.name, "rb") as raw:
        layout = find_layout(raw, size=len(data))
        reader = open_reader(raw, layout=layout, size=len(data))
        reader.read_header()
        records = list(reader.records())
        first_pass = [list(get) for get in raw.file.raw.ranges]
        raw.seek(0)
        again = raw.read()
        gets = raw.file.raw.ranges

    assert len(records) == 6000 and records[-1].fields[0] == "sku-5999"
    # The layout's reads and the records' are one GET that read the object once.
    assert first_pass == [[0, len(data)]]
    # Back at the start once more: the first bytes from memory, the rest from a new GET.
    assert again == data
    assert gets == [[0, len(data)], [HEAD_BYTES, len(data) - HEAD_BYTES]]



def test_a_resumed_import_checks_the_file_from_its_checkpoint(
    object_storage, submit, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.IMPORT_CHUNK_ROWS = 2000
    settings.IMPORT_PROGRESS_SECONDS = 60  # chunks of 1,000 rows or more
    # Later rows win, also for SKUs beyond ASCII (keyed by the database).
    later = "sku-10,Product 10 again,later\nšku-1,First,x\nšku-1,Second,x\n"
    data = catalogue_csv(6000) + later.encode()
    commit = apply.commit_chunk
    crash_at_commit(monkeypatch, 4)
    job = submit(data)
    with pytest.raises(Crash):
        services.process_queue()
    job.refresh_from_db()
    checkpoint = job.checkpoint_offset
    # past the bytes the layout is read from (about 1 MiB), before the end
    assert job.chunks_committed == 3 and 3000 <= job.rows_processed < 6000
    assert 2 << 20 < checkpoint < len(data)

    monkeypatch.setattr(apply, "commit_chunk", commit)
    with gets_of_the_storage() as gets, django_capture_on_commit_callbacks(execute=True):
        services.process_queue()

    job.refresh_from_db()
    assert job.status == ImportJob.Status.COMPLETED
    assert (job.rows_processed, job.created_count, job.replaced_count) == (6003, 6001, 2)
    assert Product.objects.get(sku="sku-10").name == "Product 10 again"
    assert Product.objects.get(sku="šku-1").name == "Second"
    # The check pass (this thread; the write pass reads in a thread of its own) reads the
    # start for the layout and the header, then the file from the checkpoint on.
    assert gets == ["bytes=0-", f"bytes={checkpoint}-"]
