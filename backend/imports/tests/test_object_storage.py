"""Imports with files in a bucket (a real moto_server): uploads stream into it in parts,
workers stream from it (a resumed import from its checkpoint's byte), and no object is left
behind by a finished, cancelled, failed, expired or reverted job."""

import gzip
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files import temp as django_temp
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from strawberry.relay import to_base64

from conftest import GraphQLClient
from core.object_storage import bucket_key
from imports import services, staging
from imports.models import ImportJob
from imports.pipeline.reading import Position, open_reader
from products.models import Product

from . import real_files
from .conftest import catalogue
from .documents import CANCEL_IMPORT, IMPORT_PRODUCTS, public_operation

pytestmark = pytest.mark.django_db

PART = 5 << 20  # the smallest part S3 takes
STAGE = public_operation("StageImport")
START = public_operation("StartImport")


def fat_csv(rows: int) -> bytes:
    """A CSV of `rows` products with long descriptions (about 2 KB a row)."""
    lines = [b"sku,name,description"]
    lines += [b"fat-%d,Product %d,%s" % (n, n, b"x" * 2000) for n in range(rows)]
    return b"\n".join(lines) + b"\n"


class TempFileWatch:
    """Records the largest size any temporary file made in `folder` reaches while the watch is
    on: every such file (Django's upload file, the bucket writer's part buffer) is made
    through a wrapper whose writes report the file's size, so no write can be missed."""

    def __init__(self, folder: Path) -> None:
        self.folder = str(folder)
        self.largest = 0
        self._saved: list[tuple[object, str, object]] = []

    def _named(self, real):
        def make(*args, **kwargs):
            made = real(*args, **kwargs)
            if str(kwargs.get("dir") or "").startswith(self.folder):
                write = made.file.write

                def measured(data):
                    written = write(data)
                    self.largest = max(self.largest, made.file.tell())
                    return written

                made.write = measured
            return made

        return make

    def __enter__(self) -> "TempFileWatch":
        named = self._named(tempfile.NamedTemporaryFile)
        # Django's upload file comes from django.core.files.temp; the part buffer from
        # tempfile.TemporaryFile, made here a named one so its writes can be wrapped.
        targets = [(django_temp, "NamedTemporaryFile", named),
                   (tempfile, "NamedTemporaryFile", named),
                   (tempfile, "TemporaryFile", named)]
        for module, name, replacement in targets:
            self._saved.append((module, name, getattr(module, name)))
            setattr(module, name, replacement)
        return self

    def __exit__(self, *exc) -> None:
        for module, name, original in reversed(self._saved):
            setattr(module, name, original)


@pytest.fixture
def upload_temp(settings, tmp_path) -> Path:
    settings.UPLOAD_PART_BYTES = PART
    folder = tmp_path / "upload-temp"
    folder.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(folder)
    return folder


def send(client: GraphQLClient, document: str, data: bytes, name: str = "big.csv") -> dict:
    """Post `data` as the file of `document`."""
    return client.query(document, files={"file": SimpleUploadedFile(name, data)})


@pytest.fixture
def catalogue_of(settings, run_import):
    """The catalogue an import of `data` makes with files in the local folder (then emptied)."""
    from django.test import override_settings

    from core.object_storage import storages_setting

    def made(data: bytes, name: str) -> dict:
        with override_settings(STORAGES=storages_setting(bucket=None)):
            job = run_import(data, name=name)
            assert job.status == "COMPLETED", job.error_message
        made = catalogue()
        Product.objects.all().delete()
        return made

    return made


def upload(client: GraphQLClient, data: bytes, name: str = "big.csv") -> dict:
    return send(client, IMPORT_PRODUCTS, data, name)["data"]["importProducts"]


def test_an_upload_bigger_than_a_part_streams_into_the_bucket_and_is_imported(
    object_storage, upload_temp, gql_client, django_capture_on_commit_callbacks
):
    data = fat_csv(6000)  # 12 MB: three parts
    assert len(data) > 2 * PART

    with TempFileWatch(upload_temp) as watch:
        job = upload(gql_client, data)

    assert 0 < watch.largest <= PART  # one part at a time, never the file
    assert job["status"] == "PENDING" and job["fileSize"] == len(data)
    stored = ImportJob.objects.get()
    assert object_storage.keys() == [bucket_key(stored.file.name)]
    assert object_storage.pending_uploads() == []
    body = object_storage.client().get_object(Bucket=object_storage.bucket,
                                              Key=bucket_key(stored.file.name))["Body"].read()
    assert body == data

    with django_capture_on_commit_callbacks(execute=True):
        services.process_queue()  # the worker streams the object

    stored.refresh_from_db()
    assert (stored.status, stored.created_count, stored.error_count) == ("COMPLETED", 6000, 0)
    assert Product.objects.get(sku="fat-5999").name == "Product 5999"
    assert object_storage.keys() == []  # the finished job's file is deleted


def test_the_watch_sees_a_whole_file_on_disk_without_a_bucket(upload_temp, gql_client):
    # The same upload to the local folder goes through a temporary file of its full size:
    # what the test above rules out.
    data = fat_csv(6000)

    with TempFileWatch(upload_temp) as watch:
        job = upload(gql_client, data)

    assert job["status"] == "PENDING"
    assert watch.largest > 2 * PART


def test_an_upload_over_the_limit_stores_nothing(object_storage, upload_temp, settings,
                                                 gql_client):
    settings.IMPORT_MAX_UPLOAD_BYTES = 6 << 20
    data = fat_csv(6000)

    job = upload(gql_client, data)

    assert job["status"] == "FAILED"
    assert job["errorMessage"].startswith("The file is too large: it has 11.6 MiB or more")
    assert "the limit is 6 MiB (IMPORT_MAX_UPLOAD_BYTES)" in job["errorMessage"]
    assert object_storage.keys() == [] and object_storage.pending_uploads() == []


def test_a_refused_upload_leaves_no_object(object_storage, upload_temp, django_user_model):
    viewer = django_user_model.objects.create_user(username="vera", password="pw-1234567890")
    client = Client()
    client.force_login(viewer)

    answer = send(GraphQLClient(client), IMPORT_PRODUCTS, fat_csv(3000))

    assert answer["data"] is None or answer["data"]["importProducts"] is None or (
        "messages" in answer["data"]["importProducts"])
    assert ImportJob.objects.count() == 0
    assert object_storage.keys() == [] and object_storage.pending_uploads() == []


def test_a_staged_file_is_previewed_from_the_bucket_then_imported(
    object_storage, upload_temp, gql_client, django_capture_on_commit_callbacks
):
    data = fat_csv(3000)
    staged = send(gql_client, STAGE, data)["data"]["stageImport"]

    assert staged["status"] == "STAGED"
    assert staged["headers"] == ["sku", "name", "description"]
    assert staged["previewRows"][0]["line"] == 2
    assert len(object_storage.keys()) == 1

    started = gql_client.query(START, {"id": staged["id"]})["data"]["startImport"]
    assert started["status"] == "PENDING"
    with django_capture_on_commit_callbacks(execute=True):
        services.process_queue()

    assert ImportJob.objects.get().status == "COMPLETED"
    assert Product.objects.count() == 3000
    assert object_storage.keys() == []


def test_a_resumed_read_starts_at_the_checkpoint_byte(object_storage, submit):
    data = fat_csv(6000)
    job = submit(data)
    reference = open_reader(job.file.storage.open(job.file.name, "rb"))
    reference.read_header()
    records = reference.records()
    for _ in range(5000):
        next(records)
    checkpoint = reference.position()
    rest = list(records)

    with job.file.storage.open(job.file.name, "rb") as raw:
        resumed = open_reader(raw, Position(*checkpoint))
        again = list(resumed.records())
        gets = raw.file.raw.ranges

    assert again == rest and again[0].line == 5002
    # The last GET starts at the checkpoint and reads the rest; the ones before it read
    # only the start of the file to detect its layout, not the 10 MB up to the checkpoint.
    assert gets[-1] == [checkpoint.offset, len(data) - checkpoint.offset]
    assert sum(count for _, count in gets[:-1]) <= 4 << 20 < checkpoint.offset


def test_no_object_is_left_by_cancelled_failed_expired_or_reverted_jobs(
    object_storage, upload_temp, settings, gql_client, submit, run_import, run_revert,
    django_capture_on_commit_callbacks,
):
    # cancelled while pending
    pending = upload(gql_client, fat_csv(3000))
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = gql_client.query(CANCEL_IMPORT, {"id": pending["id"]})
    assert cancelled["data"]["cancelImport"]["status"] == "CANCELLED"
    # failed: not a catalogue at all
    failed = run_import(b"\x00\x01\x02" * 5000, name="junk.csv")
    assert failed.status == "FAILED"
    # expired: staged and never started
    settings.IMPORT_STAGED_TTL_HOURS = 1
    send(gql_client, STAGE, fat_csv(3000))
    with django_capture_on_commit_callbacks(execute=True):
        assert staging.expire_staged(now=timezone.now() + timedelta(hours=2)) == 1
    # completed, then reverted
    imported = run_import(b"sku,name\nr-1,One\nr-2,Two\n")
    revert = run_revert(imported)
    assert (imported.status, revert.status) == ("COMPLETED", "COMPLETED")

    statuses = sorted(ImportJob.objects.values_list("status", flat=True))
    assert statuses == ["CANCELLED", "COMPLETED", "COMPLETED", "EXPIRED", "FAILED"]
    assert not ImportJob.objects.exclude(file="").exists()
    assert object_storage.keys() == [] and object_storage.pending_uploads() == []
    assert to_base64("ImportJob", 1)  # ids as the API gives them


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("workbook.xlsx", real_files.xlsx_workbook(), "xlsx"),
        ("latin.csv", real_files.windows_1252_semicolons(), "cp1252"),
        ("packed.csv.gz", gzip.compress(b"sku,name\ngz-1,One\ngz-2,Two\n"), "gzip"),
    ],
)
def test_every_format_is_read_from_the_bucket(object_storage, run_import, catalogue_of,
                                              name, data, expected):
    local = catalogue_of(data, name)  # the same file imported from the local folder
    assert local

    job = run_import(data, name=name)

    assert job.status == "COMPLETED", job.error_message
    assert catalogue() == local
    assert object_storage.keys() == []


def test_multipart_uploads_left_unfinished_are_aborted_after_the_abandon_time(object_storage):
    from core.object_writer import MultipartWriter, abort_stale_uploads

    client = object_storage.client()
    MultipartWriter("imports/dead-web-process.upload").write(b"x" * 100)  # never completed
    client.create_multipart_upload(Bucket=object_storage.bucket, Key="elsewhere/theirs")
    an_hour = timedelta(hours=1)

    started = client.list_multipart_uploads(Bucket=object_storage.bucket)["Uploads"][0]
    started = started["Initiated"]  # (moto gives every upload one fixed start time)

    assert abort_stale_uploads(an_hour, now=started + timedelta(minutes=59)) == 0  # kept
    assert abort_stale_uploads(an_hour, now=started + timedelta(minutes=61)) == 1

    # only those under the key prefix (another application's keys are not ours)
    assert object_storage.pending_uploads() == ["elsewhere/theirs"]


def test_an_upload_while_the_store_is_unreachable_fails_its_job_saying_so(
    object_storage, upload_temp, settings, gql_client
):
    from core.object_storage import storages_setting

    settings.STORAGES = storages_setting(  # a port nothing listens on
        bucket=object_storage.bucket, endpoint_url="http://127.0.0.1:9",
        access_key_id="k", secret_access_key="s", addressing_style="path",
    )

    job = upload(gql_client, fat_csv(3000))

    assert job["status"] == "FAILED"
    assert job["errorMessage"].startswith("The file (6,0")
    assert "the server could not store the uploaded file" in job["errorMessage"]
    assert not ImportJob.objects.get().file
