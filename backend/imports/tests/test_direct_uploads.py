"""Direct uploads against a real S3-compatible server (moto_server): parts PUT with `requests`
to the presigned URLs, resume from ListParts, completion into a staged import exactly as
stageImport, every bad input with its code, abort, and the sweeper of abandoned uploads."""

import pytest
import requests
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from conftest import GraphQLClient
from imports import services
from imports.models import DirectUpload, ImportJob

from .documents import public_operation

pytestmark = pytest.mark.django_db

LIMITS = public_operation("UploadLimits")
CREATE = public_operation("CreateUpload")
PART_URLS = public_operation("UploadPartUrls")
UPLOADED = public_operation("UploadedParts")
COMPLETE = public_operation("CompleteUpload")
ABORT = public_operation("AbortUpload")
STAGE = public_operation("StageImport")
START = public_operation("StartImport")

MIB = 1 << 20
PART = 5 * MIB  # S3's (and moto's) smallest part but the last


def catalogue_csv(size: int) -> bytes:
    """A CSV catalogue of at least `size` bytes."""
    rows = [b"sku,name,description\n"]
    total, n = len(rows[0]), 0
    padding = b" and more" * 50  # long rows: few of them to import
    while total < size:
        n += 1
        row = b"SKU-%07d,Product %d,Product number %d%s\n" % (n, n, n, padding)
        rows.append(row)
        total += len(row)
    return b"".join(rows)


DATA = catalogue_csv(11 * MIB)  # three parts: 5 MiB, 5 MiB and the rest
ROWS = DATA.count(b"\n") - 1


def client_for(username: str, role: str) -> GraphQLClient:
    person = get_user_model().objects.create_user(username, password="pw-secret-123", role=role)
    client = Client()
    client.force_login(person)
    return GraphQLClient(client)


@pytest.fixture
def editor() -> GraphQLClient:
    return client_for("ed", "editor")


@pytest.fixture
def store(object_storage, settings):
    settings.UPLOAD_PART_BYTES = PART
    return object_storage


def create(client: GraphQLClient, size: int = len(DATA), name: str = "catalogue.csv") -> dict:
    answer = client.query(CREATE, {"fileName": name, "size": size, "contentType": "text/csv"})
    return answer["data"]["createUpload"]


def urls(client: GraphQLClient, upload_id: str, numbers: list[int]) -> dict:
    return client.query(PART_URLS, {"id": upload_id, "partNumbers": numbers})


def put(client: GraphQLClient, upload: dict, numbers: list[int], data: bytes = DATA) -> dict:
    """PUT these parts of `data` to their presigned URLs; return their ETags by number."""
    answer = urls(client, upload["id"], numbers)["data"]["uploadPartUrls"]
    etags = {}
    for item in answer:
        n = item["partNumber"]
        response = requests.put(item["url"], data=data[(n - 1) * PART : n * PART], timeout=30)
        assert response.status_code == 200, response.text
        etags[n] = response.headers["ETag"]
    return etags


def complete(client: GraphQLClient, upload_id: str, etags: dict, **more) -> dict:
    parts = [{"partNumber": n, "etag": e} for n, e in sorted(etags.items())]
    answer = client.query(COMPLETE, {"id": upload_id, "parts": parts, **more})
    return answer["data"]["completeUpload"]


def codes(answer: dict) -> list[tuple]:
    return [(m["field"], m["code"]) for m in answer["messages"]]


def test_limits_say_whether_direct_uploads_are_available(editor, settings, store):
    assert editor.query(LIMITS)["data"]["uploadLimits"] == {
        "directUploads": True, "partSize": PART, "maxBytes": settings.IMPORT_MAX_UPLOAD_BYTES}


def test_no_direct_uploads_without_object_storage(editor, settings):
    assert editor.query(LIMITS)["data"]["uploadLimits"] == {
        "directUploads": False, "partSize": None, "maxBytes": settings.IMPORT_MAX_UPLOAD_BYTES}

    answer = create(editor)

    assert codes(answer) == [(None, "direct_upload_unavailable")]
    assert "STORAGE_BUCKET is unset" in answer["messages"][0]["message"]
    assert not DirectUpload.objects.exists()


def test_parts_put_to_the_store_complete_into_the_same_staged_import_as_stage_import(
    editor, store
):
    # given an upload started for a file of three parts
    upload = create(editor)
    assert (upload["fileName"], upload["size"], upload["partSize"], upload["partCount"]) == (
        "catalogue.csv", len(DATA), PART, 3)
    assert upload["expiresAt"]
    assert len(store.pending_uploads()) == 1
    # when every part is PUT straight to the store and the upload completed
    etags = put(editor, upload, [1, 2, 3])
    job = complete(editor, upload["id"], etags)
    # then the import is staged from the stored object, as stageImport stages the same file
    assert job["status"] == "STAGED", job
    assert job["fileName"] == "catalogue.csv" and job["fileSize"] == len(DATA)
    staged = editor.query(STAGE, files={"file": SimpleUploadedFile("catalogue.csv", DATA)})
    same = staged["data"]["stageImport"]
    ignore = {"id", "createdAt"}
    assert {k: v for k, v in job.items() if k not in ignore} == {
        k: v for k, v in same.items() if k not in ignore}
    assert store.pending_uploads() == []
    stored = DirectUpload.objects.get().job
    assert stored.origin == ImportJob.Origin.DIRECT_UPLOAD
    assert stored.file.name.startswith("direct-uploads/")
    assert f"media/{stored.file.name}" in store.keys()
    # and it imports like any staged import
    started = editor.query(START, {"id": job["id"]})["data"]["startImport"]
    assert started["status"] == "PENDING"
    services.process_queue()
    stored.refresh_from_db()
    assert (stored.status, stored.created_count) == ("COMPLETED", ROWS)


def test_resume_lists_the_parts_held_and_completes_with_the_rest(editor, store):
    upload = create(editor)
    first = put(editor, upload, [1, 3])  # the connection dropped before part 2

    held = editor.query(UPLOADED, {"id": upload["id"]})["data"]["uploadedParts"]

    assert held == [
        {"partNumber": 1, "size": PART, "etag": first[1]},
        {"partNumber": 3, "size": len(DATA) - 2 * PART, "etag": first[3]},
    ]
    put(editor, upload, [2])
    parts = editor.query(UPLOADED, {"id": upload["id"]})["data"]["uploadedParts"]
    job = complete(editor, upload["id"], {p["partNumber"]: p["etag"] for p in parts}, dryRun=True)
    assert job["status"] == "STAGED" and job["fileSize"] == len(DATA)
    assert job["dryRun"] is True  # kept for startImport, as stageImport keeps it


@pytest.mark.parametrize(
    ("variables", "field", "code"),
    [
        ({"fileName": "  "}, "fileName", "required"),
        ({"fileName": "exports/catalogue.csv"}, "fileName", "invalid_name"),
        ({"fileName": "C:\\catalogue.csv"}, "fileName", "invalid_name"),
        ({"fileName": "cata\nlogue.csv"}, "fileName", "invalid_name"),
        ({"fileName": "x" * 252 + ".csv"}, "fileName", "too_long"),
        ({"size": 0}, "size", "empty_file"),
        ({"size": -5}, "size", "invalid_size"),
        ({"size": 10.5}, "size", "invalid_size"),
        ({"size": (1 << 30) + 1}, "size", "file_too_large"),
        ({"contentType": "text/csv\r\nX-Evil: 1"}, "contentType", "invalid"),
    ],
)
def test_create_refuses_bad_input_and_starts_nothing(editor, store, variables, field, code):
    given = {"fileName": "catalogue.csv", "size": len(DATA), "contentType": "text/csv"}

    answer = editor.query(CREATE, {**given, **variables})["data"]["createUpload"]

    assert codes(answer) == [(field, code)]
    assert not DirectUpload.objects.exists()
    assert store.pending_uploads() == []


def test_too_large_says_the_limit(editor, store, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 10 * MIB

    answer = create(editor)

    assert answer["messages"][0]["message"].startswith(
        "The file is too large: it has 11 MiB, and the limit is 10 MiB (IMPORT_MAX_UPLOAD_BYTES)")


@pytest.mark.parametrize(
    ("numbers", "problem"),
    [
        ([], "at least one part"),
        ([0], "Part 0 does not exist: this upload has parts 1 to 3"),
        ([2, 4], "Part 4 does not exist"),
        ([1, 1], "once"),
    ],
)
def test_part_urls_refuse_bad_part_numbers(editor, store, numbers, problem):
    upload = create(editor)

    answer = urls(editor, upload["id"], numbers)

    [error] = answer["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "partNumbers"}
    assert problem in error["message"]


def test_part_urls_are_given_at_most_a_hundred_at_a_time(editor, store, settings):
    upload = create(editor, size=101 * PART)

    answer = urls(editor, upload["id"], list(range(1, 102)))

    assert answer["errors"][0]["message"] == "Ask for at most 100 part URLs at a time."
    assert len(urls(editor, upload["id"], list(range(1, 101)))["data"]["uploadPartUrls"]) == 100


def test_an_upload_is_its_owners_and_the_admins_only(editor, gql_client, store):
    upload = create(editor)
    put(editor, upload, [1])
    other = client_for("eve", "editor")

    for document, variables in ((PART_URLS, {"partNumbers": [1]}), (UPLOADED, {})):
        error = other.query(document, {"id": upload["id"], **variables})["errors"][0]
        assert error["extensions"] == {"code": "NOT_FOUND", "field": "id"}
        assert "belongs to someone else" in error["message"]
    assert codes(complete(other, upload["id"], {1: '"x"'})) == [("id", "not_found")]
    answer = other.query(ABORT, {"id": upload["id"]})["data"]["abortUpload"]
    assert codes(answer) == [("id", "not_found")]
    assert len(store.pending_uploads()) == 1
    # an admin (gql_client) may look after anyone's upload
    held = gql_client.query(UPLOADED, {"id": upload["id"]})["data"]["uploadedParts"]
    assert [p["partNumber"] for p in held] == [1]


def test_viewers_may_not_upload(store):
    viewer = client_for("vic", "viewer")

    error = viewer.query(CREATE, {"fileName": "a.csv", "size": 10})["errors"][0]

    assert error["extensions"]["code"] == "FORBIDDEN"


def test_ids_of_another_kind_are_bad_input(editor, store):
    answer = editor.query(UPLOADED, {"id": "SW1wb3J0Sm9iOjE="})  # ImportJob:1

    assert answer["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "id"}


def test_complete_refuses_a_parts_list_that_does_not_match_and_keeps_the_upload(editor, store):
    upload = create(editor)
    etags = put(editor, upload, [1, 2])

    missing = complete(editor, upload["id"], {**etags, 3: '"d41d8cd98f00b204e9800998ecf8427e"'})
    assert codes(missing) == [("parts", "parts_mismatch")]
    assert "Part 3 is not in the store" in missing["messages"][0]["message"]
    etags.update(put(editor, upload, [3]))
    wrong_etag = complete(editor, upload["id"], {**etags, 2: etags[1]})
    assert codes(wrong_etag) == [("parts", "parts_mismatch")]
    assert "Part 2's ETag" in wrong_etag["messages"][0]["message"]
    gap = complete(editor, upload["id"], {1: etags[1], 3: etags[3]})
    assert codes(gap) == [("parts", "bad_part_numbers")]
    assert "parts 1 to 3" in gap["messages"][0]["message"]
    extra = complete(editor, upload["id"], {**etags, 4: etags[1]})
    assert codes(extra) == [("parts", "bad_part_numbers")]
    assert not ImportJob.objects.exists() and len(store.pending_uploads()) == 1

    # nothing was half-done: the right list completes it
    assert complete(editor, upload["id"], etags)["status"] == "STAGED"


def test_parts_of_another_size_than_announced_are_refused(editor, store):
    upload = create(editor)
    shorter = DATA[: 2 * PART + 10]

    etags = put(editor, upload, [1, 2, 3], data=shorter)
    answer = complete(editor, upload["id"], etags)

    assert codes(answer) == [("parts", "parts_mismatch")]
    assert f"The parts hold {2 * PART + 10:,} bytes" in answer["messages"][0]["message"]


def test_an_object_over_the_limit_fails_the_import_and_is_deleted(
    editor, store, settings, django_capture_on_commit_callbacks
):
    upload = create(editor)
    etags = put(editor, upload, [1, 2, 3])
    settings.IMPORT_MAX_UPLOAD_BYTES = 10 * MIB  # lowered while the file was on its way

    with django_capture_on_commit_callbacks(execute=True):
        job = complete(editor, upload["id"], etags)

    assert job["status"] == "FAILED"
    assert job["errorMessage"].startswith("The file is too large: it has 11 MiB")
    assert store.keys() == [] and store.pending_uploads() == []


def test_content_that_is_no_catalogue_fails_the_import_and_is_deleted(
    editor, store, django_capture_on_commit_callbacks
):
    picture = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    upload = create(editor, size=len(picture), name="catalogue.csv")

    etags = put(editor, upload, [1], data=picture)
    with django_capture_on_commit_callbacks(execute=True):
        job = complete(editor, upload["id"], etags)

    assert job["status"] == "FAILED"
    assert job["errorMessage"].startswith("This file is a PNG image, not a spreadsheet")
    assert store.keys() == []


def test_a_completed_upload_cannot_be_completed_or_continued_again(editor, store):
    upload = create(editor)
    etags = put(editor, upload, [1, 2, 3])
    assert complete(editor, upload["id"], etags)["status"] == "STAGED"

    assert codes(complete(editor, upload["id"], etags)) == [("id", "not_found")]
    error = urls(editor, upload["id"], [1])["errors"][0]
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert ImportJob.objects.count() == 1


def test_abort_frees_the_parts(editor, store):
    upload = create(editor)
    put(editor, upload, [1])

    answer = editor.query(ABORT, {"id": upload["id"]})["data"]["abortUpload"]

    assert answer["id"] == upload["id"]
    assert store.pending_uploads() == [] and store.keys() == []
    assert DirectUpload.objects.get().status == "ABORTED"
    error = editor.query(UPLOADED, {"id": upload["id"]})["errors"][0]
    assert error["extensions"]["code"] == "NOT_FOUND"
    again = editor.query(ABORT, {"id": upload["id"]})["data"]["abortUpload"]
    assert codes(again) == [("id", "not_found")]


def test_part_urls_name_the_public_endpoint_browsers_reach(editor, store, settings):
    # Web and workers reach the store at 127.0.0.1, browsers at localhost (as a compose
    # network's minio:9000 and the host's 127.0.0.1:9000).
    public = store.endpoint_url.replace("127.0.0.1", "localhost")
    settings.STORAGE_PUBLIC_ENDPOINT_URL = public
    upload = create(editor, size=100)

    [item] = urls(editor, upload["id"], [1])["data"]["uploadPartUrls"]

    assert item["url"].startswith(f"{public}/{store.bucket}/")
    stored = requests.put(item["url"], data=DATA[:100], timeout=30)
    assert stored.status_code == 200 and stored.headers["ETag"]
