"""Export jobs: which products (filters), which format, how far, and the file made."""

from django.conf import settings
from django.db import models


class ExportJob(models.Model):
    """One export of the products a filter selects; the worker gets only its id.

    Exports belong to the user who asked for them: only that user sees the job and may
    download its file. The file is deleted after ``EXPORT_RETENTION_HOURS`` (status EXPIRED).
    """

    class Status(models.TextChoices):
        PENDING = "PENDING"
        PROCESSING = "PROCESSING"
        COMPLETED = "COMPLETED"
        FAILED = "FAILED"
        EXPIRED = "EXPIRED"

    class Format(models.TextChoices):
        CSV = "CSV"
        XLSX = "XLSX"
        JSONL = "JSONL"  # JSON Lines, the API's field names
        JSONL_GZ = "JSONL_GZ"  # the same, compressed with gzip

    #: The file name extension of each format.
    EXTENSIONS = {"CSV": "csv", "XLSX": "xlsx", "JSONL": "jsonl", "JSONL_GZ": "jsonl.gz"}

    UNFINISHED = (Status.PENDING, Status.PROCESSING)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_jobs"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    format = models.CharField(max_length=8, choices=Format.choices)
    filters = models.JSONField(default=dict, blank=True)

    progress = models.PositiveSmallIntegerField(default=0)
    row_count = models.BigIntegerField(default=0)
    total_rows = models.BigIntegerField(null=True, blank=True)
    file = models.FileField(upload_to="exports/", blank=True, max_length=500)
    file_size = models.BigIntegerField(default=0)
    error_message = models.TextField(blank=True, default="")

    attempts = models.PositiveSmallIntegerField(default=0)
    claim_token = models.CharField(max_length=32, blank=True, default="")
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "created_at", "id"], name="export_user_created_idx"),
            models.Index(fields=["status", "expires_at"], name="export_status_expiry_idx"),
        ]

    def __str__(self) -> str:
        return f"export {self.pk} ({self.format}, {self.status})"

    @property
    def file_name(self) -> str:
        """The name the download is offered under."""
        return f"products-export-{self.pk}.{self.EXTENSIONS[self.format]}"
