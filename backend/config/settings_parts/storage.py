"""Where files are kept: the ``MEDIA_ROOT`` folder, or a bucket when ``STORAGE_BUCKET`` is set.

Read from the environment like the rest of ``config.settings``, which imports every name here.
See docs/storage.md for both set-ups.
"""

from core.env import env_choice, env_float, env_int, env_str
from core.object_storage import storages_setting

# An S3 or S3-compatible bucket (MinIO, R2, Ceph, GCS's interoperability API); unset: files
# stay in MEDIA_ROOT, shared by web and workers of one host.
STORAGE_BUCKET = env_str("STORAGE_BUCKET")
# The store's URL for anything but AWS itself, e.g. http://127.0.0.1:9000 for MinIO.
STORAGE_ENDPOINT_URL = env_str("STORAGE_ENDPOINT_URL")
# The store's URL as browsers reach it, when it differs (e.g. http://minio:9000 inside a
# compose network, http://127.0.0.1:9000 from the browser): presigned URLs name this host.
STORAGE_PUBLIC_ENDPOINT_URL = env_str("STORAGE_PUBLIC_ENDPOINT_URL")
STORAGE_REGION = env_str("STORAGE_REGION", "us-east-1")
# Both or neither: unset, boto3 finds credentials itself (instance role, AWS_* variables).
STORAGE_ACCESS_KEY_ID = env_str("STORAGE_ACCESS_KEY_ID")
STORAGE_SECRET_ACCESS_KEY = env_str("STORAGE_SECRET_ACCESS_KEY")
# Every key starts with this folder in the bucket ("" = the bucket's root).
STORAGE_KEY_PREFIX = (env_str("STORAGE_KEY_PREFIX", "") or "").strip("/")
# How long a download link (a presigned URL) stays valid.
STORAGE_PRESIGN_SECONDS = env_int("STORAGE_PRESIGN_SECONDS", 300, min_value=1, max_value=604800)
# path (https://host/bucket/key, what MinIO and most self-hosted stores expect) or virtual
# (https://bucket.host/key); by default path with STORAGE_ENDPOINT_URL, else boto3's choice.
STORAGE_ADDRESSING_STYLE = env_choice(
    "STORAGE_ADDRESSING_STYLE",
    "PATH" if STORAGE_ENDPOINT_URL else "AUTO",
    ("AUTO", "PATH", "VIRTUAL"),
).lower()

STORAGES = storages_setting(
    bucket=STORAGE_BUCKET,
    endpoint_url=STORAGE_ENDPOINT_URL,
    region=STORAGE_REGION or "us-east-1",
    access_key_id=STORAGE_ACCESS_KEY_ID,
    secret_access_key=STORAGE_SECRET_ACCESS_KEY,
    key_prefix=STORAGE_KEY_PREFIX,
    presign_seconds=STORAGE_PRESIGN_SECONDS,
    addressing_style=STORAGE_ADDRESSING_STYLE,
)

# Uploads in parts (direct to the bucket, and through the web process into the bucket): the
# size of each part but the last. S3 refuses parts under 5 MiB (except the last).
UPLOAD_PART_BYTES = env_int("UPLOAD_PART_BYTES", 16 << 20, min_value=5 << 20, max_value=5 << 30)
# A direct upload never completed is aborted (its parts deleted) after this.
UPLOAD_ABANDON_HOURS = env_float("UPLOAD_ABANDON_HOURS", 24, min_value=0.01)
