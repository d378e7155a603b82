"""Several hosts on one bucket (a real moto_server), no shared folder: the web process (a live
server in this process) and real worker processes each with a DATA_DIR and MEDIA_ROOT of their
own. An import, an export and a feed run complete; a worker killed mid-import is resumed by
another."""

import json
import signal
from pathlib import Path

import httpx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from strawberry.relay import to_base64

from accounts.services import create_api_token
from core.object_storage import bucket_key
from exports.models import ExportJob
from feeds import services as feeds
from feeds.models import FeedRun
from feeds.tests.catalogue_server import CatalogueServer
from imports import services as imports
from imports.models import ImportJob
from imports.tests.conftest import catalogue, sample_csv
from imports.tests.documents import IMPORT_PRODUCTS
from imports.tests.test_worker_processes import kill, start_worker
from imports.tests.waiting import wait_final, wait_for
from products.models import Product

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.production_only]

RUN_FEED = "mutation ($id: ID!) { runFeed(id: $id) { ... on FeedRun { id status } } }"
EXPORT = """
mutation ($format: ExportFormat!) {
  exportProducts(format: $format) { ... on ExportJob { id status } }
}
"""


def host(tmp_path: Path, name: str, s3_server) -> dict[str, str]:
    """The environment of a worker host: its own folders, the shared bucket."""
    data = tmp_path / name
    (data / "media").mkdir(parents=True)
    return {"DATA_DIR": str(data), "MEDIA_ROOT": str(data / "media"),
            **s3_server.environment("media")}


def files_in(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.fixture
def worker_hosts(tmp_path, s3_server):
    started = []

    def start(name: str, **overrides: str):
        environment = host(tmp_path, name, s3_server)
        process = start_worker(tmp_path / f"{name}.log", **environment, **overrides)
        started.append(process)
        return process, Path(environment["MEDIA_ROOT"])

    yield start
    for process in started:
        if process.poll() is None:
            kill(process, signal.SIGTERM)


def test_an_import_an_export_and_a_feed_run_complete_across_hosts_without_a_shared_folder(
    object_storage, settings, live_server_asgi, user, worker_hosts, broker
):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 64 << 10  # past it: streamed into the bucket
    settings.FEED_ALLOW_PRIVATE_SOURCES = True  # the feed's source is on loopback
    _, worker_media = worker_hosts("worker-host", FEED_ALLOW_PRIVATE_SOURCES="1")
    web_media = Path(settings.MEDIA_ROOT)
    _, token = create_api_token(user, "two hosts")
    headers = {"Authorization": f"Bearer {token}"}
    data = sample_csv(40_000, seed=3, prefix="host")
    assert len(data) > settings.FILE_UPLOAD_MAX_MEMORY_SIZE

    with httpx.Client(base_url=live_server_asgi.url, headers=headers, timeout=60) as web:
        answer = web.post("/graphql/", data={
            "operations": json.dumps({"query": IMPORT_PRODUCTS, "variables": {"file": None}}),
            "map": '{"0": ["variables.file"]}',
        }, files={"0": ("hosts.csv", data, "text/csv")}).json()
        job = ImportJob.objects.get(pk=_pk(answer["data"]["importProducts"]["id"]))
        assert object_storage.keys() == [bucket_key(job.file.name)]

        job = wait_final(job, 120)  # the worker reads it from the bucket

        assert job.status == "COMPLETED", job.error_message
        assert Product.objects.count() == len(catalogue()) == job.created_count > 0
        errors = web.get(f"/imports/{job.pk}/errors.csv")  # made from the database: streamed
        assert errors.status_code == 200
        assert len(_records(errors.text)) == job.error_count + 1

        started = web.post("/graphql/", json={"query": EXPORT, "variables": {"format": "CSV"}})
        export = ExportJob.objects.get(pk=_pk(started.json()["data"]["exportProducts"]["id"],
                                              "ExportJob"))
        wait_for(lambda: ExportJob.objects.get(pk=export.pk).status == "COMPLETED", 120,
                 "the export")
        export.refresh_from_db()
        download = web.get(f"/exports/{to_base64('ExportJob', export.pk)}/download")
        assert download.status_code == 302
        assert download.headers["location"].startswith(object_storage.endpoint_url)
        body = httpx.get(download.headers["location"], timeout=60).content

    assert len(body) == export.file_size
    assert len(_records(body.decode("utf-8-sig"))) == Product.objects.count() + 1
    assert object_storage.keys() == [bucket_key(export.file.name)]  # the upload went
    assert export.finished_at <= timezone.now()

    # a feed: the worker fetches the source, stores the file in the bucket, imports it
    with CatalogueServer() as source:
        source.serve("/supplier.csv", b"sku,name\nfeed-1,From the feed\nfeed-2,Also\n")
        feed = feeds.create_feed({"name": "Supplier", "url": source.url("/supplier.csv")},
                                 owner=user)
        with httpx.Client(base_url=live_server_asgi.url, headers=headers, timeout=60) as web:
            ran = web.post("/graphql/", json={"query": RUN_FEED,
                                              "variables": {"id": to_base64("Feed", feed.pk)}})
        assert ran.json()["data"]["runFeed"]["status"] == "QUEUED", ran.json()
        run = wait_for(lambda: FeedRun.objects.filter(feed=feed, job__isnull=False).first(),
                       120, "the feed run's import")
        feed_job = wait_final(run.job, 120)

    assert feed_job.status == "COMPLETED" and feed_job.created_count == 2, feed_job.error_message
    assert Product.objects.get(sku="feed-1").name == "From the feed"
    assert object_storage.keys() == [bucket_key(export.file.name)]  # the fetched file went
    assert files_in(web_media) == [] and files_in(worker_media) == []


def test_a_worker_killed_mid_import_is_resumed_by_another_host(
    object_storage, settings, worker_hosts, broker
):
    settings.IMPORT_CHUNK_ROWS = 500
    data = sample_csv(60_000, seed=11, prefix="kill")
    job = imports.submit_import(SimpleUploadedFile("kill.csv", data))
    assert object_storage.keys() == [bucket_key(job.file.name)]

    first, first_media = worker_hosts("first-host")
    wait_for(lambda: ImportJob.objects.get(pk=job.pk).chunks_committed >= 3, 60, "3 chunks")
    kill(first)  # kill -9 mid-import
    job.refresh_from_db()
    assert job.status == "PROCESSING" and 0 < job.rows_processed < 60_000

    _, second_media = worker_hosts("second-host")
    job = wait_final(job, 180)

    assert job.status == "COMPLETED" and job.attempts == 2
    assert job.created_count + job.updated_count + job.unchanged_count == len(catalogue())
    assert object_storage.keys() == []  # the finished job's file is deleted
    assert files_in(first_media) == [] and files_in(second_media) == []


def _pk(global_id: str, type_name: str = "ImportJob") -> int:
    from core.ids import node_pk

    return node_pk(global_id, type_name)


def _records(text: str) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(text, newline="")))
