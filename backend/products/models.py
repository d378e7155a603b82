"""The product catalogue."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from products.fields import SkuField

SKU_MAX_LENGTH = 255
NAME_MAX_LENGTH = 255


class Product(models.Model):
    """One product. ``sku`` is unique case-insensitively and keeps the case of its last write."""

    sku = SkuField(max_length=SKU_MAX_LENGTH)
    name = models.CharField(max_length=NAME_MAX_LENGTH)
    description = models.TextField(blank=True, default="")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Provenance: the import and file line that last wrote the product; both NULL after a
    # person or an API token changed it. No database constraint (and no index): an import
    # writes these on every row, and a per-row foreign-key check would cost it dearly;
    # Django sets them to NULL when an import job row is deleted.
    last_import = models.ForeignKey(
        "imports.ImportJob",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    last_import_line = models.BigIntegerField(null=True, blank=True)
    # The import that created the product (kept by later writes; NULL for a product a person
    # or an API token created). A sync limited to a source removes only products an import
    # of that source created (`imports.pipeline.removal`). No constraint or index, as above.
    created_by_import = models.ForeignKey(
        "imports.ImportJob",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    # The hash of the values an import last wrote (``products/import_hash.py``); NULL once
    # anything else changed them (a trigger clears it) or when the file lacked a column.
    import_hash = models.BigIntegerField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("sku"),
                name="product_sku_ci_unique",
                violation_error_message="A product with this SKU already exists.",
            ),
        ]
        indexes = [
            # Orderings the API offers, each with the id tie-breaker (keyset pagination).
            models.Index(fields=["updated_at", "id"], name="product_updated_idx"),
            models.Index(fields=["sku", "id"], name="product_sku_order_idx"),
            models.Index(fields=["name", "id"], name="product_name_order_idx"),
            models.Index(fields=["created_at", "id"], name="product_created_idx"),
            # `active: false` in the default order: a small partial index (a few % of the
            # rows) instead of walking the whole updated_at index past the active ones.
            models.Index(
                fields=["updated_at", "id"],
                condition=Q(active=False),
                name="product_inactive_updated_idx",
            ),
            # PostgreSQL also gets a trigram index for name iContains and a full-text index
            # for the search box (migrations/0002_search_indexes.py, search.py); SQLite gets
            # FTS5 tables kept by triggers (migrations/0006_sqlite_fulltext.py, fulltext.py).
        ]

    def __str__(self) -> str:
        return f"{self.sku}: {self.name}"
