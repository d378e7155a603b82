"""Object storage (S3 or any S3-compatible store) behind Django's storage API.

Every file the project keeps goes through ``django.core.files.storage.default_storage``:
``FileSystemStorage`` on ``MEDIA_ROOT`` unless ``STORAGE_BUCKET`` is set, then django-storages'
``S3Storage`` on that bucket. What the storage API does not offer (presigned URLs, ranged
reads, multipart uploads) uses the boto3 client of :func:`s3_client`, built from the same
settings, with keys made by :func:`bucket_key` exactly as the storage makes them.
"""

from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# django-storages' S3Storage, with files opened for reading streamed (core/bucket_storage.py).
S3_BACKEND = "core.bucket_storage.BucketStorage"
FILE_SYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"
STATIC_FILES_BACKEND = "django.contrib.staticfiles.storage.StaticFilesStorage"


def storages_setting(
    *,
    bucket: str | None,
    endpoint_url: str | None = None,
    region: str = "us-east-1",
    access_key_id: str | None = None,
    secret_access_key: str | None = None,
    key_prefix: str = "",
    presign_seconds: int = 300,
    addressing_style: str = "auto",
) -> dict[str, dict[str, Any]]:
    """Django's ``STORAGES``: the bucket when ``bucket`` is given, else the MEDIA_ROOT folder."""
    if not bucket:
        return {
            "default": {"BACKEND": FILE_SYSTEM_BACKEND},
            "staticfiles": {"BACKEND": STATIC_FILES_BACKEND},
        }
    if bool(access_key_id) != bool(secret_access_key):
        raise ImproperlyConfigured(
            "STORAGE_ACCESS_KEY_ID and STORAGE_SECRET_ACCESS_KEY go together: set both, or "
            "neither to use the credentials boto3 finds itself (instance role, AWS_* variables)."
        )
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": region,
        "access_key": access_key_id or None,
        "secret_key": secret_access_key or None,
        "location": key_prefix.strip("/"),
        "querystring_expire": presign_seconds,
        # Like the folder: a second file saved under a taken name gets a name of its own.
        "file_overwrite": False,
        "signature_version": "s3v4",
        "addressing_style": addressing_style,
        "default_acl": None,
    }
    return {
        "default": {"BACKEND": S3_BACKEND, "OPTIONS": options},
        "staticfiles": {"BACKEND": STATIC_FILES_BACKEND},
    }


def uses_object_storage() -> bool:
    """Whether files are kept in a bucket (``STORAGE_BUCKET`` set) rather than ``MEDIA_ROOT``."""
    return "bucket_name" in settings.STORAGES["default"].get("OPTIONS", {})


def _options() -> dict[str, Any]:
    if not uses_object_storage():
        raise ImproperlyConfigured("Object storage is not configured: STORAGE_BUCKET is unset.")
    return settings.STORAGES["default"]["OPTIONS"]


def bucket_name() -> str:
    """The configured bucket."""
    return _options()["bucket_name"]


def bucket_key(name: str) -> str:
    """The object key of the stored file ``name`` (``STORAGE_KEY_PREFIX`` applied as the
    storage applies it)."""
    from storages.utils import clean_name, safe_join

    return safe_join(_options()["location"], clean_name(name))


def s3_client() -> Any:
    """A boto3 S3 client for the configured store (cached; boto3 clients are thread-safe)."""
    options = _options()
    return _client(
        options["endpoint_url"],
        options["region_name"],
        options["access_key"],
        options["secret_key"],
        options["addressing_style"],
    )


def presign_client() -> Any:
    """The client that signs URLs handed to browsers: like :func:`s3_client`, but naming
    ``STORAGE_PUBLIC_ENDPOINT_URL`` when set (the store as browsers reach it). Signing makes
    no request, so this host need not be reachable from the server."""
    options = _options()
    public = getattr(settings, "STORAGE_PUBLIC_ENDPOINT_URL", None)
    return _client(
        public or options["endpoint_url"],
        options["region_name"],
        options["access_key"],
        options["secret_key"],
        options["addressing_style"],
    )


@lru_cache(maxsize=8)
def _client(
    endpoint_url: str | None,
    region: str,
    access_key: str | None,
    secret_key: str | None,
    addressing_style: str,
) -> Any:
    import boto3
    from botocore.config import Config

    return boto3.session.Session().client(
        "s3",
        endpoint_url=endpoint_url,
        region_name=region,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        config=Config(
            signature_version="s3v4",
            s3={"addressing_style": addressing_style},
            retries={"max_attempts": 5, "mode": "standard"},
            max_pool_connections=20,
        ),
    )


def presigned_download_url(name: str, download_name: str, content_type: str) -> str:
    """A URL that lets its holder GET the stored file ``name`` for ``STORAGE_PRESIGN_SECONDS``,
    answered as an attachment called ``download_name``."""
    disposition = f'attachment; filename="{download_name.replace(chr(34), "")}"'
    return presign_client().generate_presigned_url(
        "get_object",
        Params={
            "Bucket": bucket_name(),
            "Key": bucket_key(name),
            "ResponseContentDisposition": disposition,
            "ResponseContentType": content_type,
        },
        ExpiresIn=settings.STORAGE_PRESIGN_SECONDS,
    )
