"""Delete many products named by id or SKU in one statement, with one webhook event.

The products are looked up and locked first (so the answer can list what was not found and
the event can name what was deleted), then removed with one ``DELETE ... WHERE id IN``.
Row triggers keep the counts and the data version (PostgreSQL) and the full-text tables
(SQLite) as for a single deletion. SKUs match in any letter case, as ``productBySku`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower

from activity.recording import record
from products import signals
from products.models import Product


@dataclass(frozen=True)
class BulkDeletion:
    """What one ``delete_products`` did: the products removed and the names not found."""

    deleted: list[tuple[int, str]] = field(default_factory=list)  # (pk, sku)
    missing_pks: list[int] = field(default_factory=list)
    missing_skus: list[str] = field(default_factory=list)


def locked_matches(pks: Sequence[int], skus: Sequence[str]) -> list[Product]:
    """The products with these primary keys or SKUs (any letter case), in id order, locked
    until the caller's transaction ends (call inside one)."""
    wanted = list({sku.strip().lower() for sku in skus})
    matches = Product.objects.alias(sku_lower=Lower("sku")).filter(pk__in=list(pks))
    if wanted:
        matches = matches | Product.objects.alias(sku_lower=Lower("sku")).filter(
            sku_lower__in=wanted
        )
    return list(matches.select_for_update().order_by("pk"))


def check_limit(pks: Sequence[int], skus: Sequence[str]) -> None:
    """Raise ``ValidationError`` (code ``too_many``) past ``PRODUCTS_DELETE_MAX`` names."""
    limit = settings.PRODUCTS_DELETE_MAX
    if len(pks) + len(skus) > limit:
        raise ValidationError({"ids": ValidationError(
            f"At most {limit:,} products may be deleted in one call (PRODUCTS_DELETE_MAX); "
            f"{len(pks) + len(skus):,} were given. Split them into several calls.",
            code="too_many",
        )})


def delete_products(pks: Sequence[int], skus: Sequence[str]) -> BulkDeletion:
    """Delete the products with these primary keys or SKUs; the others are reported missing.

    Raises ``ValidationError`` (code ``too_many``) past ``PRODUCTS_DELETE_MAX`` names, nothing
    deleted. Sends one ``products_bulk_deleted`` signal (one webhook event) when any product
    was deleted, and writes one activity entry.
    """
    check_limit(pks, skus)
    wanted_skus = {sku.strip().lower(): sku for sku in skus}
    with transaction.atomic():
        found = [(p.pk, p.sku) for p in locked_matches(pks, skus)]
        if found:
            Product.objects.filter(pk__in=[pk for pk, _ in found]).delete()
            signals.products_bulk_deleted.send(
                sender=Product, deleted_count=len(found), products=found
            )
            record("products.deleted", detail={"deleted": len(found),
                                               "skus": [sku for _, sku in found][:100]})
    found_pks = {pk for pk, _ in found}
    found_skus = {sku.lower() for _, sku in found}
    return BulkDeletion(
        deleted=found,
        missing_pks=[pk for pk in dict.fromkeys(pks) if pk not in found_pks],
        missing_skus=[sku for key, sku in wanted_skus.items() if key not in found_skus],
    )
