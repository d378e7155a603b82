"""Import jobs: the job row (status, progress, checkpoint, counts) and its rejected rows."""

from django.conf import settings
from django.db import models


class ImportJob(models.Model):
    """One uploaded file and the work of applying it; the worker gets only its id.

    The checkpoint (`checkpoint_offset`, `checkpoint_line`, `rows_processed` and the counts)
    moves in the same transaction as each chunk of products, so a worker that dies resumes
    exactly after the last committed chunk.
    """

    class Status(models.TextChoices):
        STAGED = "STAGED"  # uploaded and inspected; waits for a person to start it
        PENDING = "PENDING"
        PROCESSING = "PROCESSING"
        COMPLETED = "COMPLETED"
        FAILED = "FAILED"
        CANCELLED = "CANCELLED"
        EXPIRED = "EXPIRED"  # staged and never started within IMPORT_STAGED_TTL_HOURS

    FINAL = (Status.COMPLETED, Status.FAILED, Status.CANCELLED, Status.EXPIRED)

    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(upload_to="imports/%Y/%m/%d/", blank=True, max_length=500)
    file_name = models.CharField(max_length=255)
    file_size = models.BigIntegerField(default=0)
    dry_run = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    header = models.JSONField(default=list, blank=True)

    # How the file is read: detected, or chosen by a person (`options`).
    format = models.CharField(max_length=8, blank=True, default="")
    compression = models.CharField(max_length=8, blank=True, default="")
    encoding = models.CharField(max_length=32, blank=True, default="")
    delimiter = models.CharField(max_length=4, blank=True, default="")
    sheet = models.CharField(max_length=255, blank=True, default="")
    header_row = models.PositiveIntegerField(default=0)
    options = models.JSONField(default=dict, blank=True)  # format, sheet, encoding, ...
    mapping = models.JSONField(default=dict, blank=True)  # field -> column used (or None)
    inspection = models.JSONField(default=dict, blank=True)  # sheet names, notes, preview

    progress = models.PositiveSmallIntegerField(default=0)
    bytes_processed = models.BigIntegerField(default=0)
    rows_processed = models.BigIntegerField(default=0)
    created_count = models.BigIntegerField(default=0)
    updated_count = models.BigIntegerField(default=0)
    unchanged_count = models.BigIntegerField(default=0)
    # Valid rows not applied because a later row of the file has the same SKU (last row wins),
    # so that rows_processed = created + updated + unchanged + replaced + errors, always.
    replaced_count = models.BigIntegerField(default=0)
    error_count = models.BigIntegerField(default=0)
    error_message = models.TextField(blank=True, default="")

    checkpoint_offset = models.BigIntegerField(default=0)
    checkpoint_line = models.BigIntegerField(default=0)
    chunks_committed = models.IntegerField(default=0)
    cancel_requested = models.BooleanField(default=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    claim_token = models.CharField(max_length=32, blank=True, default="")
    last_error = models.TextField(blank=True, default="")

    created_at = models.DateTimeField(auto_now_add=True)
    # When the job joined the queue (at upload, or when a staged job was started): the
    # queue runs jobs in this order.
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "created_at", "id"], name="import_queue_idx"),
            models.Index(fields=["status", "queued_at", "id"], name="import_queued_idx"),
            models.Index(fields=["created_at", "id"], name="import_created_idx"),
        ]

    def __str__(self) -> str:
        return f"import {self.pk} ({self.file_name}, {self.status})"

    @property
    def is_final(self) -> bool:
        """Whether the job has ended (completed, failed or cancelled)."""
        return self.status in self.FINAL


class SavedMapping(models.Model):
    """The mapping a person last confirmed for one set of column names, suggested next time.

    `header_key` is a hash of the normalised column names (`reading.header.header_key`).
    """

    header_key = models.CharField(max_length=64, unique=True)
    headers = models.JSONField(default=list)
    mapping = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"mapping for {', '.join(self.headers)[:80]}"


class ImportRowError(models.Model):
    """A skipped row: the physical line where it starts, its SKU, why, and the text as written."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="errors")
    line = models.BigIntegerField()
    sku = models.CharField(max_length=255, blank=True, default="")
    message = models.TextField()
    raw = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["line", "id"]
        indexes = [models.Index(fields=["job", "line", "id"], name="import_error_line_idx")]

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"
