"""Import jobs: the job row (status, progress, checkpoint, counts), its rejected rows, its
change log, and the conflicts a revert met."""

from django.conf import settings
from django.db import models
from django.db.models import Q


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
        # The file is applied; removing the products it no longer lists waits for a person
        # (`confirmImport` or `cancelImport`): the removal guard held it.
        NEEDS_CONFIRMATION = "NEEDS_CONFIRMATION"

    class Kind(models.TextChoices):
        IMPORT = "IMPORT"  # a file applied to the catalogue (or a dry run of it)
        REVERT = "REVERT"  # undoes the changes of the import in `reverts`

    class Origin(models.TextChoices):
        """Where the job came from; decided where the job is created (`services`, `staging`,
        `upserts`, `bulk_actions`, `deletions`, `feeds.runs`)."""

        UPLOAD = "UPLOAD"  # a file uploaded to the server (the app, importProducts, stageImport)
        DIRECT_UPLOAD = "DIRECT_UPLOAD"  # a file sent straight to the bucket (createUpload)
        FEED = "FEED"  # a file a feed fetched (its run, or a test of its source)
        API = "API"  # products sent in an upsertProducts call (no file)
        BULK_ACTION = "BULK_ACTION"  # chosen products activated, deactivated or deleted at once
        REVERT = "REVERT"  # the revert of an import

    FINAL = (Status.COMPLETED, Status.FAILED, Status.CANCELLED, Status.EXPIRED)
    # How the file is read, kept from its `reading.Layout` (the same-named attributes).
    LAYOUT_FIELDS = ("format", "compression", "encoding", "delimiter", "sheet", "header_row")

    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.IMPORT)
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.UPLOAD)
    reverts = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="reverted_by"
    )

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(upload_to="imports/%Y/%m/%d/", blank=True, max_length=500)
    file_name = models.CharField(max_length=255)
    file_size = models.BigIntegerField(default=0)
    # The stored file's SHA-256 (hex; empty: not known), taken as the upload was stored.
    file_sha256 = models.CharField(max_length=64, blank=True, default="")
    dry_run = models.BooleanField(default=False)
    # False: a staged file that only previews a source (a feed's `testFeedSource`); it is
    # not listed among the imports and expires like any staged import.
    listed = models.BooleanField(default=True)
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
    # A revert's counts: products deleted (the import created them), restored (it updated
    # them), and left alone because they were written again after the import.
    deleted_count = models.BigIntegerField(default=0)
    restored_count = models.BigIntegerField(default=0)
    conflict_count = models.BigIntegerField(default=0)
    error_message = models.TextField(blank=True, default="")
    # How a completed job completed, when that is worth saying (not an error): the same file
    # as an earlier import with nothing written since (`pipeline.same_file`).
    notice = models.TextField(blank=True, default="")

    # Keeping a catalogue in sync (`pipeline.options`, docs/sync.md): what rows may do, what
    # empty cells mean, what happens to products the file no longer lists, and the guard.
    mode = models.CharField(max_length=12, default="UPSERT")
    empty_cells = models.CharField(max_length=8, default="CLEAR")
    missing = models.CharField(max_length=12, default="LEAVE")
    missing_scope = models.CharField(max_length=8, default="ALL")
    source = models.CharField(max_length=255, blank=True, default="", db_index=True)
    max_removal_percent = models.FloatField(default=10.0)
    # Rows a mode left alone (reasons in `ImportSkip`), and products the removal deactivated
    # (an import's `deleted_count` counts the products its removal deleted).
    skipped_count = models.BigIntegerField(default=0)
    deactivated_count = models.BigIntegerField(default=0)
    # The removal, decided once after the whole file is applied (`pipeline.removal`): how
    # many products it touches, of how many in scope, a sample of their SKUs, whether the
    # guard held it, whether a person confirmed it, and its checkpoint (the last line of
    # the `ImportRemoval` batches done).
    removal_decided_at = models.DateTimeField(null=True, blank=True)
    removal_count = models.BigIntegerField(default=0)
    removal_scope_count = models.BigIntegerField(default=0)
    removal_sample = models.JSONField(default=list, blank=True)
    removal_held = models.BooleanField(default=False)
    removal_confirmed = models.BooleanField(default=False)
    removal_line = models.BigIntegerField(default=0)

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
    # Whether the import keeps a change log (IMPORT_CHANGE_LOG when it was submitted).
    changes_logged = models.BooleanField(default=True)
    # All or nothing (upsertProducts' REJECT_EVERYTHING): one bad row and nothing is written.
    all_or_nothing = models.BooleanField(default=False)
    # When the change log was removed (IMPORT_CHANGE_RETENTION_DAYS): no revert after that.
    changes_pruned_at = models.DateTimeField(null=True, blank=True)
    # The product table's data version (`products.data_version`) before the job's first
    # write, how much its own writes moved it, and, once it COMPLETED with nobody else
    # writing a product meanwhile, the version it left (NULL otherwise). A later import of
    # the same file with the same options, while the version is still that one, has every
    # row unchanged (`pipeline.same_file`).
    data_version_before = models.BigIntegerField(null=True, blank=True)
    data_version_moved = models.BigIntegerField(default=0)
    data_version_after = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "created_at", "id"], name="import_queue_idx"),
            models.Index(fields=["status", "queued_at", "id"], name="import_queued_idx"),
            models.Index(fields=["created_at", "id"], name="import_created_idx"),
            models.Index(fields=["file_sha256"], condition=Q(status="COMPLETED"),
                         name="import_same_file_idx"),
        ]
        constraints = [
            # Two clients asking at once get one revert; a cancelled or failed one may be
            # followed by another that continues it.
            models.UniqueConstraint(
                fields=["reverts"],
                condition=Q(status__in=["PENDING", "PROCESSING", "COMPLETED"]),
                name="import_one_live_revert",
            ),
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


class ImportChange(models.Model):
    """One product an import created or updated (unchanged products are only counted).

    `sku` is the SKU as the import wrote it. A CREATED entry stays tiny: the product's id and
    the line (the values are the product's own while it still holds what the import wrote);
    a dry run also keeps the values it would write, as no product holds them. An UPDATED
    entry keeps every value before, the provenance before (which import and line had
    written the product, or none after a manual edit), and the values after for the
    fields that changed (NULL: that field did not change).
    """

    class Kind(models.IntegerChoices):
        CREATED = 1
        UPDATED = 2
        DEACTIVATED = 3  # a product the file no longer listed, made inactive
        DELETED = 4  # a product the file no longer listed, deleted (before-values kept)

    # No database constraint: a 500,000-row import would pay a foreign-key check per entry.
    job = models.ForeignKey(
        ImportJob,
        on_delete=models.CASCADE,
        related_name="changes",
        db_index=False,
        db_constraint=False,
    )
    kind = models.PositiveSmallIntegerField(choices=Kind.choices)
    line = models.BigIntegerField()
    # No database constraint: the product may be deleted later while its entry stays.
    product = models.ForeignKey(
        "products.Product",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    sku = models.TextField()
    after_name = models.TextField(null=True, blank=True)  # noqa: DJ001 (NULL: unchanged/unknown)
    after_description = models.TextField(null=True, blank=True)  # noqa: DJ001 (NULL: unchanged/unknown)
    after_active = models.BooleanField(null=True, blank=True)
    before_sku = models.TextField(null=True, blank=True)  # noqa: DJ001 (NULL: unchanged/unknown)
    before_name = models.TextField(null=True, blank=True)  # noqa: DJ001 (NULL: unchanged/unknown)
    before_description = models.TextField(null=True, blank=True)  # noqa: DJ001 (NULL: unchanged/unknown)
    before_active = models.BooleanField(null=True, blank=True)
    before_import_id = models.BigIntegerField(null=True, blank=True)
    before_import_line = models.BigIntegerField(null=True, blank=True)
    before_created_at = models.DateTimeField(null=True, blank=True)  # DELETED: to restore it
    before_created_by_import_id = models.BigIntegerField(null=True, blank=True)  # DELETED too

    class Meta:
        ordering = ["line"]  # file order; a line writes at most one product per import
        indexes = [models.Index(fields=["job", "line"], name="import_change_job_line_idx")]

    def __str__(self) -> str:
        return f"line {self.line}: {self.get_kind_display()} {self.sku}"


class RevertConflict(models.Model):
    """A product a revert left as it was, because it was written again after the import."""

    class Reason(models.TextChoices):
        DELETED = "DELETED"  # the product no longer exists
        EDITED = "EDITED"  # a person or an API token changed it
        REIMPORTED = "REIMPORTED"  # a later import wrote it

    job = models.ForeignKey(
        ImportJob, on_delete=models.CASCADE, related_name="conflicts", db_index=False
    )
    change = models.ForeignKey(ImportChange, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=16, choices=Reason.choices)
    later_import_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["job", "id"], name="revert_conflict_job_idx")]

    def __str__(self) -> str:
        return f"{self.reason}: change {self.change_id}"


class BulkLoad(models.Model):
    """An import writing with the product table's secondary indexes dropped
    (`imports.pipeline.bulk`).

    Written in the transaction that drops them, with their definitions; deleted once they
    exist again. While a row exists the indexes are missing: its job builds them before it
    completes, and anyone else builds them once that job has ended (the sweeper, the next
    job), so a job that failed for good or was cancelled never leaves them missing.
    """

    job_id = models.BigIntegerField(unique=True)  # no foreign key: outlives a deleted job
    definitions = models.JSONField(default=list)  # [[name, CREATE statement], ...]
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"bulk load of import {self.job_id}"


from .sync_models import ImportRemoval, ImportSkip  # noqa: E402  (models of the sync options)
from .upload_models import DirectUpload  # noqa: E402  (direct uploads to the bucket)

__all__ = [
    "BulkLoad", "DirectUpload", "ImportChange", "ImportJob", "ImportRemoval", "ImportRowError",
    "ImportSkip", "RevertConflict", "SavedMapping",
]
