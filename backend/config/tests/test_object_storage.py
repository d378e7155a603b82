"""Files go to a bucket when STORAGE_BUCKET is set (here a real moto_server), else to MEDIA_ROOT."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from config.tests.test_settings_from_env import start_django
from core import object_storage
from core.object_storage import storages_setting


def test_files_stay_in_media_root_without_a_bucket(settings):
    assert object_storage.uses_object_storage() is False

    name = default_storage.save("imports/plain.csv", ContentFile(b"sku,name\n"))

    assert (settings.MEDIA_ROOT / name).read_bytes() == b"sku,name\n"
    with pytest.raises(ImproperlyConfigured, match="STORAGE_BUCKET is unset"):
        object_storage.s3_client()


def test_save_read_delete_through_the_storage_api(object_storage):
    from core.object_storage import bucket_key, s3_client, uses_object_storage

    assert uses_object_storage() is True

    name = default_storage.save("imports/catalogue.csv", ContentFile(b"sku,name\nA-1,Lamp\n"))

    assert name == "imports/catalogue.csv"
    assert bucket_key(name) == "media/imports/catalogue.csv"
    assert object_storage.keys() == ["media/imports/catalogue.csv"]
    with default_storage.open(name, "rb") as handle:
        assert handle.read() == b"sku,name\nA-1,Lamp\n"
    body = s3_client().get_object(Bucket=object_storage.bucket, Key=bucket_key(name))["Body"]
    assert body.read() == b"sku,name\nA-1,Lamp\n"
    # A second file under a taken name gets a name of its own, as in the folder.
    second = default_storage.save("imports/catalogue.csv", ContentFile(b"other"))
    assert second != name and second.startswith("imports/catalogue")
    assert default_storage.size(second) == 5

    default_storage.delete(name)
    default_storage.delete(second)

    assert object_storage.keys() == []
    assert default_storage.exists(name) is False


def test_access_key_without_secret_is_refused():
    with pytest.raises(ImproperlyConfigured, match="STORAGE_ACCESS_KEY_ID and STORAGE_SECRET"):
        storages_setting(bucket="b", access_key_id="key-only")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"STORAGE_BUCKET": "b", "STORAGE_ACCESS_KEY_ID": "k"}, "STORAGE_ACCESS_KEY_ID and"),
        ({"STORAGE_BUCKET": "b", "STORAGE_ADDRESSING_STYLE": "dns"}, "STORAGE_ADDRESSING_STYLE"),
        ({"STORAGE_PRESIGN_SECONDS": "0"}, "STORAGE_PRESIGN_SECONDS must be at least 1"),
        ({"STORAGE_PRESIGN_SECONDS": "soon"}, "STORAGE_PRESIGN_SECONDS must be a whole number"),
        ({"UPLOAD_PART_BYTES": "1000"}, "UPLOAD_PART_BYTES must be at least 5242880"),
        ({"UPLOAD_ABANDON_HOURS": "never"}, "UPLOAD_ABANDON_HOURS must be a number"),
    ],
)
def test_bad_storage_variables_stop_the_process(overrides, message):
    result = start_django(**overrides)

    assert result.returncode != 0
    assert message in result.stderr


def test_bucket_settings_come_from_the_environment():
    unset = ("DATABASE_URL", "REDIS_URL", "SECRET_KEY")
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(
        STORAGE_BUCKET="catalogues",
        STORAGE_ENDPOINT_URL="http://127.0.0.1:9000",
        STORAGE_KEY_PREFIX="/tenant-1/",
        STORAGE_PRESIGN_SECONDS="60",
    )
    probe = (
        "import django; django.setup(); from django.conf import settings; "
        "from core.object_storage import bucket_key, uses_object_storage; "
        "o = settings.STORAGES['default']['OPTIONS']; "
        "print(uses_object_storage(), bucket_key('exports/a.csv'), o['bucket_name'], "
        "o['endpoint_url'], o['addressing_style'], o['querystring_expire'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "tenant-1/exports/a.csv",
        "catalogues",
        "http://127.0.0.1:9000",
        "path",
        "60",
    ]
