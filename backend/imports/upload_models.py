"""The record of a direct upload: a multipart upload the browser sends straight to the bucket.

Imported by `imports.models` (Django finds it there).
"""

from django.conf import settings
from django.db import models


class DirectUpload(models.Model):
    """One multipart upload to the bucket, from `createUpload` until it is completed (a staged
    import) or aborted (by its owner, or by the sweeper after `UPLOAD_ABANDON_HOURS`).

    Only its owner (or an admin) may ask for part URLs, list its parts, complete or abort it.
    """

    class Status(models.TextChoices):
        UPLOADING = "UPLOADING"  # parts may be sent
        COMPLETED = "COMPLETED"  # the object exists; `job` is the staged import made of it
        ABORTED = "ABORTED"  # abandoned: the store freed its parts

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    file_name = models.CharField(max_length=255)
    size = models.BigIntegerField()  # as declared by the client; the object is checked later
    content_type = models.CharField(max_length=255, blank=True)
    part_size = models.BigIntegerField()
    # The file's name in Django's storage (the import's file), its key in the bucket, and the
    # store's id of the multipart upload.
    storage_name = models.CharField(max_length=500)
    key = models.CharField(max_length=1024)
    s3_upload_id = models.CharField(max_length=1024)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.UPLOADING)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    job = models.ForeignKey(
        "imports.ImportJob", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [
            models.Index(
                fields=["created_at"], name="direct_upload_open_idx",
                condition=models.Q(status="UPLOADING"),
            )
        ]

    def __str__(self) -> str:
        return f"direct upload {self.pk} of {self.file_name}"
