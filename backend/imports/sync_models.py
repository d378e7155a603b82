"""Rows of the sync options: the rows a mode left alone, and the products a removal takes.

Imported by `imports.models` (Django finds them there).
"""

from django.db import models


class ImportSkip(models.Model):
    """A valid row the import's mode left alone, with the reason (`NOT_FOUND`: an
    `UPDATE_ONLY` row for a SKU not in the catalogue; `EXISTS`: a `CREATE_ONLY` row for a SKU
    already there)."""

    class Reason(models.TextChoices):
        NOT_FOUND = "NOT_FOUND"
        EXISTS = "EXISTS"

    # No database constraint: a large sync may skip a row per product.
    job = models.ForeignKey(
        "imports.ImportJob", on_delete=models.CASCADE, related_name="skips",
        db_index=False, db_constraint=False,
    )
    line = models.BigIntegerField()
    sku = models.TextField()
    reason = models.CharField(max_length=16, choices=Reason.choices)

    class Meta:
        ordering = ["line", "id"]
        indexes = [models.Index(fields=["job", "line", "id"], name="import_skip_line_idx")]

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason} {self.sku}"


class ImportRemoval(models.Model):
    """A batch of the products the removal of an import takes (deactivates or deletes),
    decided once after the whole file is applied. The removal's products are numbered after
    the file's last line (so the change log keeps one line per product and a revert walks it
    in order): this batch holds those on lines `line` to `last_line`, in order, in
    `product_ids`. A batch is one chunk of the removal, so deciding the removal of 400,000
    products writes a few rows, not 400,000."""

    job_id = models.BigIntegerField()  # no foreign key: rows go with the job's removal
    line = models.BigIntegerField()
    last_line = models.BigIntegerField()
    product_ids = models.JSONField(default=list)

    class Meta:
        ordering = ["line"]
        indexes = [models.Index(fields=["job_id", "line"], name="import_removal_line_idx")]

    def __str__(self) -> str:
        return f"removal of lines {self.line}-{self.last_line} (import {self.job_id})"
