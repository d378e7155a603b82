"""GraphQL types of an import's change log and of a revert's conflicts."""

from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import relay

from imports import changes
from imports.models import ImportChange, RevertConflict
from products.types import ProductType

# The model's choices are the GraphQL enums (same names and values): one definition.
ImportChangeKind = strawberry.enum(ImportChange.Kind, name="ImportChangeKind")
RevertConflictReason = strawberry.enum(RevertConflict.Reason, name="RevertConflictReason")


REASON_TEXT = {
    "DELETED": "The product was deleted after the import; there is nothing to restore.",
    "EDITED": "A person or an API token changed the product after the import; it was kept.",
    "REIMPORTED": "A later import wrote the product; it was kept (revert that import first).",
}


@strawberry.type(name="RevertPreview")
class RevertPreviewType:
    """What undoing an import would do now (products written again since are conflicts)."""

    delete_count: int = strawberry.field(
        description="Products the import created that still hold what it wrote: deleted."
    )
    restore_count: int = strawberry.field(
        description="Products it updated or removed that would get their earlier values back."
    )
    conflict_count: int = strawberry.field(
        description="Products written again (edited, imported or deleted) since: kept as they "
        "are and listed as conflicts."
    )


@strawberry.type(name="ProductValues")
class ProductValues:
    """A product's values at one moment; a field is null when it is not known."""

    sku: str
    name: str | None
    description: str | None
    active: bool | None


def _values(values: changes.Values | None) -> ProductValues | None:
    if values is None:
        return None
    return ProductValues(
        sku=values.sku, name=values.name, description=values.description, active=values.active
    )


@strawberry_django.type(ImportChange, name="ImportChange")
class ImportChangeType(relay.Node):
    """A product an import created or updated (or, in a dry run, would have)."""

    line: int = strawberry_django.field(description="The file line that wrote the product.")
    sku: str = strawberry_django.field(description="The SKU as the import wrote it.")
    product: ProductType | None = strawberry_django.field(
        description="The product now, or null when it has been deleted (or in a dry run, "
        "for a product that would be created)."
    )

    @strawberry_django.field(only=["kind"], description="Created or updated.")
    def kind(self, root: ImportChange) -> ImportChangeKind:
        """Created or updated."""
        return ImportChangeKind(root.kind)

    @strawberry_django.field(
        only=["kind", "before_sku", "before_name", "before_description", "before_active"],
        description="The values before the import; null for a product it created.",
    )
    def before(self, root: ImportChange) -> ProductValues | None:
        """The values before the import; null for a product it created."""
        return _values(changes.before_values(root))

    @strawberry_django.field(
        select_related=["product"],
        only=[
            "kind", "job_id", "line", "sku", "after_name", "after_description", "after_active",
            "before_name", "before_description", "before_active",
            "product__name", "product__description", "product__active",
            "product__last_import_id", "product__last_import_line",
        ],
        description="The values the import wrote (for a created product, the values other "
        "than the SKU are known while the product still holds what the import wrote).",
    )
    def after(self, root: ImportChange) -> ProductValues:
        """The values the import wrote. For a created product the values other than the SKU
        are known while the product still holds what the import wrote."""
        return _values(changes.after_values(root, root.product))

    @strawberry_django.field(
        only=["kind", "sku", "before_sku", "after_name", "after_description", "after_active"],
        description="The fields the import set: sku, name, description, active.",
    )
    def changed_fields(self, root: ImportChange) -> list[str]:
        """The fields the import set: `sku`, `name`, `description`, `active`."""
        return changes.changed_fields(root)


@strawberry_django.type(RevertConflict, name="RevertConflict")
class RevertConflictType(relay.Node):
    """A product a revert left as it was, because it was written again after the import."""

    change: ImportChangeType = strawberry_django.field(
        description="The import's change that was not undone."
    )

    @strawberry_django.field(only=["reason"], description="Why the product was kept.")
    def reason(self, root: RevertConflict) -> RevertConflictReason:
        """Why the product was kept."""
        return RevertConflictReason(root.reason)

    @strawberry_django.field(only=["reason"], description="The reason in a sentence.")
    def message(self, root: RevertConflict) -> str:
        """The reason in a sentence."""
        return REASON_TEXT[root.reason]

    @strawberry_django.field(
        only=["later_import_id"],
        description="The later import that wrote the product (reason REIMPORTED).",
    )
    def later_import_id(self, root: RevertConflict) -> strawberry.ID | None:
        """The later import that wrote the product (reason REIMPORTED)."""
        if root.later_import_id is None:
            return None
        return strawberry.ID(relay.to_base64("ImportJob", root.later_import_id))
