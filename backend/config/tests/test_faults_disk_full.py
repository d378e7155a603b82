"""Disk full while an upload streams in: a small tmpfs (loop-mounted ext2 when tmpfs cannot
be mounted) holds MEDIA_ROOT, and in the first case the upload's temporary file too.

The upload fails with a message saying the disk is full, no partial file is left, no job is
left PENDING, and once space is freed the same upload works.
"""

import os

import pytest

from imports.models import ImportJob

from .faults import fill, small_filesystem

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.production_only]

UPLOAD = """
mutation Upload($file: Upload!) {
  importProducts(file: $file) {
    ... on ImportJob { id status errorMessage }
    ... on OperationInfo { messages { message } }
  }
}
"""
# Over FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MiB), so it streams to a temporary file on disk.
DATA = b"sku,name\n" + b"".join(b"sku-%07d,Name %d\n" % (n, n) for n in range(150_000))


def upload(gql_client, tmp_path):
    path = tmp_path / "products.csv"
    path.write_bytes(DATA)
    with path.open("rb") as handle:
        return gql_client.query(UPLOAD, files={"file": handle})


def files_in(folder):
    return sorted(
        os.path.relpath(os.path.join(root, name), folder)
        for root, _, names in os.walk(folder)
        for name in names
        if name != "filler"
    )


@pytest.fixture
def disk(tmp_path):
    with small_filesystem(tmp_path / "disk", 5 * 1024) as folder:
        yield folder


def assert_refused_saying_so(answer, disk):
    job = answer["data"]["importProducts"]
    assert job["status"] == "FAILED", answer
    assert "disk" in job["errorMessage"].lower() and "space" in job["errorMessage"].lower()
    assert files_in(disk) == []
    assert not ImportJob.objects.filter(status=ImportJob.Status.PENDING).exists()


def test_disk_full_while_the_upload_streams_to_its_temporary_file(
    gql_client, settings, disk, tmp_path, broker
):
    settings.MEDIA_ROOT = disk / "media"
    settings.FILE_UPLOAD_TEMP_DIR = str(disk)
    filler = fill(disk, leave_kib=1024)  # 1 MiB free, the upload is 2.9 MiB

    answer = upload(gql_client, tmp_path)

    assert_refused_saying_so(answer, disk)
    filler.unlink()
    again = upload(gql_client, tmp_path)["data"]["importProducts"]
    assert again["status"] == "PENDING", again
    stored = ImportJob.objects.get(pk=ImportJob.objects.order_by("-id").first().pk)
    assert stored.file.size == len(DATA)


def test_disk_full_while_the_upload_is_stored_in_media_root(
    gql_client, settings, disk, tmp_path, broker
):
    settings.MEDIA_ROOT = disk / "media"
    filler = fill(disk, leave_kib=1024)  # the temporary file is elsewhere; MEDIA_ROOT is full

    answer = upload(gql_client, tmp_path)

    assert_refused_saying_so(answer, disk)
    filler.unlink()
    again = upload(gql_client, tmp_path)["data"]["importProducts"]
    assert again["status"] == "PENDING", again
    assert ImportJob.objects.order_by("-id").first().file.size == len(DATA)
