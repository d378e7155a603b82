"""GraphQL types of the products app: the type, its filter, order and inputs."""

from typing import Any

import strawberry
import strawberry_django
from django.db.models import Q, QuerySet
from strawberry import Info, auto, relay
from strawberry_django.fields.types import field_type_map, input_field_type_map
from strawberry_django.relay import DjangoCursorConnection

from products.fields import SkuField
from products.models import Product
from products.search import search_q

DEFAULT_ORDER = ("-updated_at", "-id")

# SkuField is a CharField with its own iexact lookup: a String in GraphQL.
field_type_map[SkuField] = str
input_field_type_map[SkuField] = str


@strawberry_django.filter_type(Product, lookups=True)
class ProductFilter:
    """Filters combine with AND; ``AND``/``OR``/``NOT`` nest."""

    sku: auto
    name: auto
    description: auto
    active: auto
    created_at: auto
    updated_at: auto

    @strawberry_django.filter_field
    def search(self, value: str, prefix: str) -> Q:
        """Every word must start a word of the SKU, name or description (any letter case)."""
        return search_q(value, prefix)


@strawberry_django.order_type(Product)
class ProductOrder:
    """One key per item: ``[{sku: ASC}, {createdAt: DESC}]``."""

    sku: auto
    name: auto
    created_at: auto
    updated_at: auto


@strawberry_django.type(Product, name="Product", filters=ProductFilter, ordering=ProductOrder)
class ProductType(relay.Node):
    """A product of the catalogue."""

    sku: auto
    name: auto
    description: auto
    active: auto
    created_at: auto
    updated_at: auto


@strawberry.type(name="ProductConnection")
class ProductConnection(DjangoCursorConnection[ProductType]):
    """Products a page at a time (keyset cursors), with the exact count of matches."""

    @classmethod
    def resolve_connection(cls, nodes: QuerySet, *, info: Info, **kwargs: Any) -> Any:
        """Add the default order and the id tie-breaker, then paginate by keyset."""
        order = list(nodes.query.order_by)
        if not order:
            order = list(DEFAULT_ORDER)
        elif not any(str(key).lstrip("-") in ("id", "pk") for key in order):
            last = str(order[-1])
            order.append("-id" if last.startswith("-") else "id")
        return super().resolve_connection(nodes.order_by(*order), info=info, **kwargs)


@strawberry_django.input(Product, name="ProductInput")
class ProductInput:
    """A new product. SKU and name are trimmed; active defaults to true."""

    sku: auto
    name: auto
    description: str | None = ""
    active: bool | None = True


@strawberry_django.partial(Product, name="ProductPartialInput")
class ProductPartialInput:
    """Changes to a product: only the fields given are changed."""

    id: strawberry.ID
    sku: auto
    name: auto
    description: auto
    active: auto


@strawberry.type
class DeleteAllProductsPayload:
    """How many products were removed."""

    deleted_count: int
