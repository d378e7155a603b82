"""Product changes. Each runs in one transaction together with the signal it sends."""

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from activity.recording import record
from core.text import reject_nul
from products import counts, maintenance, signals
from products.models import NAME_MAX_LENGTH, SKU_MAX_LENGTH, Product

DUPLICATE_SKU = "A product with SKU {sku!r} already exists (SKUs are unique ignoring letter case)."


def _clean_text(value: Any, field: str, max_length: int, errors: dict[str, str]) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        errors[field] = f"{field.capitalize()} is required and cannot be blank."
    elif len(text) > max_length:
        errors[field] = (
            f"{field.capitalize()} can be at most {max_length} characters (got {len(text)})."
        )
    return text


def clean_product_fields(data: dict[str, Any]) -> dict[str, Any]:
    """Trim and check the fields present in ``data``; raise one message per bad field."""
    reject_nul({name: data[name] for name in ("sku", "name", "description") if name in data})
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    if "sku" in data:
        cleaned["sku"] = _clean_text(data["sku"], "sku", SKU_MAX_LENGTH, errors)
        if "sku" in errors:
            errors["sku"] = errors["sku"].replace("Sku", "SKU")
    if "name" in data:
        cleaned["name"] = _clean_text(data["name"], "name", NAME_MAX_LENGTH, errors)
    if "description" in data:
        description = data["description"]
        cleaned["description"] = "" if description is None else str(description)
    if "active" in data:
        if data["active"] is None:
            errors["active"] = "Active must be true or false."
        cleaned["active"] = data["active"]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_sku_free(sku: str, exclude_pk: int | None = None) -> None:
    others = Product.objects.filter(sku__iexact=sku)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise ValidationError({"sku": DUPLICATE_SKU.format(sku=sku)})


def _save(product: Product, sku: str) -> None:
    try:
        with transaction.atomic():
            product.save()
    except IntegrityError:
        # Another request took the SKU between our check and our write.
        raise ValidationError({"sku": DUPLICATE_SKU.format(sku=sku)}) from None


def create_product(
    *, sku: str, name: str, description: str | None = "", active: bool | None = True
) -> Product:
    """Create a product; send ``product_created`` in the same transaction."""
    fields = clean_product_fields(
        {"sku": sku, "name": name, "description": description or "", "active": active}
    )
    with transaction.atomic():
        _check_sku_free(fields["sku"])
        product = Product(**fields)
        _save(product, fields["sku"])
        signals.product_created.send(sender=Product, product=product)
        record("product.created", product)
    return product


CONFLICT = (
    "Someone saved this product after you opened it. "
    "Saving would replace the current {fields}. Reload the product to see the current "
    "values, or save again to overwrite them."
)


def _refuse_stale(product: Product, fields: dict[str, Any], expected: datetime) -> None:
    """Refuse a write made from an older version of ``product`` (code ``conflict``).

    The client sends only the new values, not the ones it saw, so the message names the
    fields whose stored value differs from the submitted one: what saving would replace.
    """
    if product.updated_at == expected:
        return
    differing = [name for name, value in fields.items() if getattr(product, name) != value]
    names = ", ".join("SKU" if name == "sku" else name for name in differing) or "values"
    message = CONFLICT.format(fields=names)
    raise ValidationError({"expectedUpdatedAt": ValidationError(message, code="conflict")})


def update_product(
    pk: int, changes: dict[str, Any], *, expected_updated_at: datetime | None = None
) -> Product:
    """Apply ``changes`` (any of sku, name, description, active) to product ``pk``.

    With ``expected_updated_at`` (the ``updatedAt`` the edit was made from), a product saved
    since is refused with a ``conflict`` instead of being overwritten; without it the last
    save wins, as before.

    Clears the product's provenance (``last_import``, ``last_import_line``): an import that
    wrote it before can no longer revert it (its revert reports a conflict instead).
    """
    fields = clean_product_fields(changes)
    with transaction.atomic():
        product = Product.objects.select_for_update().filter(pk=pk).first()
        if product is None:
            raise ValidationError({"id": "No product with this id."})
        if expected_updated_at is not None:
            _refuse_stale(product, fields, expected_updated_at)
        if "sku" in fields:
            _check_sku_free(fields["sku"], exclude_pk=pk)
        for name, value in fields.items():
            setattr(product, name, value)
        # A person (or an API token) wrote it last now: no import can claim it any more.
        product.last_import = None
        product.last_import_line = None
        _save(product, fields.get("sku", product.sku))
        signals.product_updated.send(sender=Product, product=product)
        record("product.updated", product, detail={"fields": sorted(fields)})
    return product


def delete_product(pk: int) -> Product:
    """Delete product ``pk``; return it as it was (with its id)."""
    with transaction.atomic():
        product = Product.objects.select_for_update().filter(pk=pk).first()
        if product is None:
            raise ValidationError({"id": "No product with this id."})
        product.delete()
        product.pk = pk
        signals.product_deleted.send(sender=Product, product_id=pk, sku=product.sku)
        record("product.deleted", product)
    return product


def delete_all_products() -> int:
    """Delete every product in one statement; return how many there were."""
    with transaction.atomic():
        # One statement, no rows loaded into Python (a test holds it to that).
        deleted_count = counts.delete_all()
        signals.products_bulk_deleted.send(sender=Product, deleted_count=deleted_count)
        record("products.deleted_all", detail={"deleted": deleted_count})
    return deleted_count


def after_bulk_write() -> None:
    """Refresh the planner's statistics after a bulk write (an import's finishing step).

    An import (or any other bulk writer) calls this once its writes have committed and
    before it reports the job finished; see ``products/maintenance.py``.
    """
    maintenance.after_bulk_write()
