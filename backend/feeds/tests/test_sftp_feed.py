"""SFTP feeds against a real sshd: test the source, run it, nothing new, a changed host key."""

import os

import pytest

from feeds import runs, services
from feeds.models import Feed, FeedRun
from feeds.sources.ssh_keys import fingerprint, parse_host_key
from feeds.tests.documents import ERRORS
from imports.models import ImportJob
from imports.services import process_queue

from .sshd_server import new_private_key, sshd  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

CSV = b"sku,name\nSFTP-1,Anvil\nSFTP-2,Bucket\n"
TEST_SOURCE = (
    """
mutation TestFeedSource($input: FeedInput!) {
  testFeedSource(input: $input) {
    ... on FeedSourceTest { ok message code size hostKey job { status headers } }
    """
    + ERRORS
    + "} }"
)


@pytest.fixture
def catalogue(sshd):  # noqa: F811
    """The CSV on the server, removed after the test."""
    path = sshd.files / "catalogue.csv"
    path.write_bytes(CSV)
    path.chmod(0o644)
    yield path
    path.unlink(missing_ok=True)


def test_testing_an_sftp_source_stages_its_file_and_shows_the_host_key(
    gql_client,
    sshd,  # noqa: F811
    catalogue,
):
    answer = gql_client.query(
        TEST_SOURCE,
        {
            "input": {
                "url": sshd.url("catalogue.csv"),
                "username": sshd.username,
                "privateKey": sshd.private_key,
            }
        },
    )["data"]["testFeedSource"]

    assert answer["ok"] is True, answer
    assert answer["size"] == len(CSV)
    assert answer["hostKey"] == sshd.host_key
    assert answer["job"] == {"status": "STAGED", "headers": ["sku", "name"]}


@pytest.mark.django_db(transaction=True)
def test_a_run_records_the_host_key_and_a_second_run_finds_nothing_new(
    user,
    sshd,  # noqa: F811
    catalogue,
):
    feed = services.create_feed(
        {
            "name": "Warehouse",
            "url": sshd.url("catalogue.csv"),
            "username": sshd.username,
            "password": sshd.password,
        },
        owner=user,
    )

    first = runs.execute(services.queue_run(feed.pk).pk).run
    process_queue()  # the import it started, as a worker runs it
    second = runs.execute(services.queue_run(feed.pk).pk).run

    assert first.status == FeedRun.Status.IMPORTED and first.job is not None
    assert ImportJob.objects.get(pk=first.job.pk).created_count == 2
    assert first.fetched_bytes == len(CSV)
    assert Feed.objects.get(pk=feed.pk).host_key == sshd.host_key
    assert second.status == FeedRun.Status.UNCHANGED
    assert second.job is None
    assert "size and modification time" in second.message

    # A touched file with the same bytes is fetched again and found the same by its digest.
    mtime = os.stat(catalogue).st_mtime + 60
    os.utime(catalogue, (mtime, mtime))
    third = runs.execute(services.queue_run(feed.pk).pk).run
    assert third.status == FeedRun.Status.UNCHANGED
    assert third.fetched_bytes == len(CSV)
    assert "SHA-256" in third.message


def test_a_run_against_a_changed_host_key_fails_saying_so_and_logs_no_secret(
    user,
    sshd,  # noqa: F811
    catalogue,
    caplog,
):
    caplog.set_level("DEBUG")
    _, other_key = new_private_key()
    feed = services.create_feed(
        {
            "name": "Warehouse",
            "url": sshd.url("catalogue.csv"),
            "username": sshd.username,
            "password": sshd.password,
            "hostKey": other_key,
        },
        owner=user,
    )

    run = runs.execute(services.queue_run(feed.pk).pk).run

    assert run.status == FeedRun.Status.FAILED
    assert run.error_code == "HOST_KEY_CHANGED"
    assert fingerprint(parse_host_key(other_key)) in run.message
    assert fingerprint(parse_host_key(sshd.host_key)) in run.message
    assert Feed.objects.get(pk=feed.pk).host_key == other_key  # the pin stays until a person acts
    assert sshd.password not in caplog.text
    assert sshd.password not in run.message
