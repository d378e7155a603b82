"""Products operations: a thin layer over ``products.services``."""

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry import UNSET

from accounts.permissions import IsAuthenticated
from core.ids import node_pk
from products import services
from products.models import Product
from products.types import (
    DEFAULT_ORDER,
    DeleteAllProductsPayload,
    ProductConnection,
    ProductInput,
    ProductOrder,
    ProductPartialInput,
    ProductType,
)

AUTH = [IsAuthenticated]


@strawberry.type
class Query:
    """Products queries."""

    @strawberry_django.connection(ProductConnection, permission_classes=AUTH)
    def products(self, ordering: list[ProductOrder] | None = None) -> QuerySet[Product]:
        """Products, most recently updated first unless `ordering` says otherwise."""
        # `ordering` is declared here only to make it nullable (`[ProductOrder!]`, as the
        # contract's clients send it); strawberry-django applies it to this queryset.
        return Product.objects.order_by(*DEFAULT_ORDER)

    @strawberry_django.field(permission_classes=AUTH)
    def product(self, id: strawberry.ID) -> ProductType | None:
        """The product with this id, or null when there is none (a malformed id is an error)."""
        return Product.objects.filter(pk=node_pk(id, "Product")).first()

    @strawberry_django.field(permission_classes=AUTH)
    def product_by_sku(self, sku: str) -> ProductType | None:
        """The product with this SKU in any letter case, or null."""
        return Product.objects.filter(sku__iexact=sku.strip()).first()


@strawberry.type
class Mutation:
    """Products mutations; problems come back as OperationInfo messages."""

    @strawberry_django.mutation(permission_classes=AUTH)
    def create_product(self, input: ProductInput) -> ProductType:
        """Create a product."""
        return services.create_product(
            sku=input.sku,
            name=input.name,
            description="" if input.description is UNSET else input.description,
            active=True if input.active is UNSET else input.active,
        )

    @strawberry_django.mutation(permission_classes=AUTH)
    def update_product(self, input: ProductPartialInput) -> ProductType:
        """Change the fields given; the others keep their values.

        With `expectedUpdatedAt`, a product saved since is refused (code `conflict`).
        """
        pk = node_pk(input.id, "Product")
        changes = {
            name: getattr(input, name)
            for name in ("sku", "name", "description", "active")
            if getattr(input, name) is not UNSET
        }
        expected = input.expected_updated_at
        return services.update_product(
            pk, changes, expected_updated_at=None if expected is UNSET else expected
        )

    @strawberry_django.mutation(permission_classes=AUTH)
    def delete_product(self, id: strawberry.ID) -> ProductType:
        """Delete a product; the answer holds its id and SKU."""
        return services.delete_product(node_pk(id, "Product"))

    @strawberry_django.mutation(permission_classes=AUTH, handle_django_errors=False)
    def delete_all_products(self) -> DeleteAllProductsPayload:
        """Delete every product at once; one `products.bulk_deleted` event is sent."""
        return DeleteAllProductsPayload(deleted_count=services.delete_all_products())
