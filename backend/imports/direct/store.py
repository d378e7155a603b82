"""The object store's side of a direct upload, through the boto3 client of `core.object_storage`.

Keys are made from storage names with `bucket_key`, so a completed upload is a file that
Django's storage (the import's `FileField`) finds under the same name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError
from django.conf import settings

from core.object_storage import bucket_key, bucket_name, presign_client, s3_client


class UploadGone(LookupError):
    """The store no longer knows the multipart upload (completed or aborted)."""


@dataclass(frozen=True)
class StoredPart:
    """A part the store holds."""

    part_number: int
    size: int
    etag: str


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def start(storage_name: str, content_type: str) -> tuple[str, str]:
    """Start a multipart upload of the file `storage_name`; return its key and upload id."""
    key = bucket_key(storage_name)
    extra: dict[str, Any] = {"ContentType": content_type} if content_type else {}
    answer = s3_client().create_multipart_upload(Bucket=bucket_name(), Key=key, **extra)
    return key, answer["UploadId"]


def part_url(key: str, upload_id: str, part_number: int) -> str:
    """A presigned URL to PUT part `part_number` (valid `STORAGE_PRESIGN_SECONDS`), naming
    the store as browsers reach it (`STORAGE_PUBLIC_ENDPOINT_URL`)."""
    return presign_client().generate_presigned_url(
        "upload_part",
        Params={
            "Bucket": bucket_name(), "Key": key, "UploadId": upload_id,
            "PartNumber": part_number,
        },
        ExpiresIn=settings.STORAGE_PRESIGN_SECONDS,
    )


def parts(key: str, upload_id: str) -> list[StoredPart]:
    """The parts the store holds (ListParts, every page), by part number."""
    found: list[StoredPart] = []
    marker = 0
    while True:
        try:
            answer = s3_client().list_parts(
                Bucket=bucket_name(), Key=key, UploadId=upload_id, PartNumberMarker=marker
            )
        except ClientError as exc:
            if _code(exc) == "NoSuchUpload":
                raise UploadGone(upload_id) from exc
            raise
        found += [
            StoredPart(int(p["PartNumber"]), int(p["Size"]), str(p["ETag"]))
            for p in answer.get("Parts", [])
        ]
        if not answer.get("IsTruncated"):
            return sorted(found, key=lambda p: p.part_number)
        marker = int(answer["NextPartNumberMarker"])


def complete(key: str, upload_id: str, etags: list[tuple[int, str]]) -> None:
    """Join the parts into the object (CompleteMultipartUpload)."""
    try:
        s3_client().complete_multipart_upload(
            Bucket=bucket_name(), Key=key, UploadId=upload_id,
            MultipartUpload={"Parts": [{"PartNumber": n, "ETag": e} for n, e in etags]},
        )
    except ClientError as exc:
        if _code(exc) == "NoSuchUpload":
            raise UploadGone(upload_id) from exc
        raise


def size(key: str) -> int:
    """The stored object's size in bytes (HEAD)."""
    return int(s3_client().head_object(Bucket=bucket_name(), Key=key)["ContentLength"])


def abort(key: str, upload_id: str) -> None:
    """Abort the multipart upload (the store frees its parts); one already gone is fine."""
    try:
        s3_client().abort_multipart_upload(Bucket=bucket_name(), Key=key, UploadId=upload_id)
    except ClientError as exc:
        if _code(exc) not in ("NoSuchUpload", "404"):
            raise


def delete(key: str) -> None:
    """Delete the object `key`."""
    s3_client().delete_object(Bucket=bucket_name(), Key=key)
