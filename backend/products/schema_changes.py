"""`productChanges` and `productChangesCursor`: the change feed for clients that keep a copy
of the catalogue (a thin layer over ``products.changes_feed``)."""

from enum import Enum

import strawberry
import strawberry_django
from django.conf import settings

from accounts.permissions import IsAuthenticated
from core.graphql_errors import BAD_USER_INPUT, bad_user_input, coded_error
from core.ids import encode_id
from products import changes_feed
from products.types import ProductType

AUTH = [IsAuthenticated]
EXPIRED = (
    "The changes after this cursor are no longer all kept (PRODUCT_CHANGES_RETENTION_DAYS "
    "is {days}). Take productChangesCursor, read the whole catalogue again (products, or "
    "exportProducts as JSONL), then ask for the changes after that cursor."
)
CHANGES_EXPIRED = "CHANGES_EXPIRED"


@strawberry.enum(name="ProductChangeKind")
class ProductChangeKind(Enum):
    """What the change did to the product."""

    CREATED = "CREATED"
    UPDATED = "UPDATED"
    DELETED = "DELETED"


KINDS = {kind.value: kind for kind in ProductChangeKind}


@strawberry.type(name="ProductChange")
class ProductChangeType:
    """One committed change of a product, in commit order."""

    cursor: str = strawberry.field(description="Ask for the changes after this one with it.")
    kind: ProductChangeKind
    id: strawberry.ID = strawberry.field(description="The product's id (as `product(id)`).")
    sku: str = strawberry.field(description="The product's SKU when the change was made.")
    product: ProductType | None = strawberry.field(
        description="The product's current values; null for a deletion, or when the product "
        "has been deleted since (its DELETED change follows)."
    )


@strawberry.type(name="ProductChangePage")
class ProductChangePage:
    """Changes after a cursor, in commit order."""

    changes: list[ProductChangeType]
    end_cursor: str = strawberry.field(
        description="Store it and ask for the changes after it next time (the given cursor "
        "when there was nothing new)."
    )
    has_more: bool = strawberry.field(description="Whether more changes are waiting now.")


@strawberry.type
class Query:
    """The change feed."""

    @strawberry_django.field(permission_classes=AUTH)
    def product_changes(self, after: str | None = None, first: int = 100) -> ProductChangePage:
        """Every create, update and delete of a product after cursor `after` (null: from the
        first change kept), in the order they were committed, whatever made them (the API,
        imports, reverts, deletions, sync removals); `first` at most PRODUCT_CHANGES_PAGE_MAX
        (1,000). A cursor whose changes are no longer kept is refused (extensions.reason
        CHANGES_EXPIRED): read the catalogue again from productChangesCursor."""
        most = settings.PRODUCT_CHANGES_PAGE_MAX
        if not 1 <= first <= most:
            raise bad_user_input(f"first must be from 1 to {most:,}; {first} is not.",
                                 field="first")
        try:
            page = changes_feed.read(after, first)
        except changes_feed.BadCursor:
            raise bad_user_input("after is not a cursor from productChanges or "
                                 "productChangesCursor.", field="after") from None
        except changes_feed.CursorExpired:
            raise coded_error(
                BAD_USER_INPUT, EXPIRED.format(days=settings.PRODUCT_CHANGES_RETENTION_DAYS),
                field="after", reason=CHANGES_EXPIRED,
            ) from None
        return ProductChangePage(
            changes=[
                ProductChangeType(
                    cursor=c.cursor, kind=KINDS[c.kind],
                    id=strawberry.ID(encode_id("Product", c.product_id)), sku=c.sku,
                    product=c.product,  # type: ignore[arg-type]
                )
                for c in page.changes
            ],
            end_cursor=page.end_cursor, has_more=page.has_more,
        )

    @strawberry_django.field(permission_classes=AUTH)
    def product_changes_cursor(self) -> str:
        """The cursor after the last change committed now: take it before reading the whole
        catalogue, then ask productChanges for what changed after it."""
        return changes_feed.head()
