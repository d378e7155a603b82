"""GraphQL types of the products app: the type, its filter, order and inputs."""

from datetime import datetime
from typing import Annotated, Any, cast

import strawberry
import strawberry_django
from asgiref.sync import sync_to_async
from django.db import DatabaseError
from django.db.models import Q, QuerySet
from django.db.models.expressions import OrderBy
from strawberry import UNSET, Info, auto, relay
from strawberry.relay.utils import should_resolve_list_connection_edges
from strawberry.types.nodes import FragmentSpread, InlineFragment
from strawberry.utils.inspect import in_async_context
from strawberry_django import Ordering
from strawberry_django.fields.types import field_type_map, input_field_type_map
from strawberry_django.relay import DjangoCursorConnection, DjangoCursorEdge
from strawberry_django.relay.cursor_connection import (
    OrderedCollectionCursor,
    annotate_ordering_fields,
)

from activity.services import last_manual_edit
from core.graphql_errors import bad_user_input
from core.graphql_input import scalar_fields_input
from core.pagination import check_page_size, decode_cursor, invalid_cursor
from core.text import NUL
from products.counts import count_then_narrow, narrow_without_count, product_count
from products.fields import SkuField
from products.filter_values import OUT_OF_RANGE, out_of_range
from products.models import Product
from products.name_order import ordered_by_name
from products.search import (
    MAX_DESCRIPTION_WORDS_LENGTH,
    MAX_SEARCH_LENGTH,
    description_words_q,
    search_q,
)

DEFAULT_ORDER = ("-updated_at", "-id")

# SkuField is a CharField with its own iexact lookup: a String in GraphQL.
field_type_map[SkuField] = str
input_field_type_map[SkuField] = str


@strawberry_django.filter_type(Product, lookups=True)
class ProductFilter:
    """Filters combine with AND; ``AND``/``OR``/``NOT`` nest."""

    sku: auto
    name: auto
    description: auto = strawberry_django.filter_field(
        description="String lookups on the description. `iContains` is a substring match: "
        "on a big catalogue it reads every description (hundreds of ms at 900,000 products); "
        "`descriptionWords` uses a word index."
    )
    active: auto
    created_at: auto
    updated_at: auto

    @strawberry_django.filter_field(
        description="Every word of the text must start a word of the SKU, name or "
        "description, letter case and accents aside (`budg` finds \"Budget\"). Served by a "
        f"word index. At most {MAX_SEARCH_LENGTH} characters; empty text matches every product."
    )
    def search(self, value: str, prefix: str) -> Q:
        """The ``search`` filter (``products.search.search_q``)."""
        return search_q(value, prefix)

    @strawberry_django.filter_field(
        description="Every word of the text must start a word of the description, letter "
        "case and accents aside, as in `search` (`budg sec` finds \"A budget option. Second "
        f"line\"). Served by a word index. At most {MAX_DESCRIPTION_WORDS_LENGTH} characters; "
        "empty text matches every product."
    )
    def description_words(self, value: str, prefix: str) -> Q:
        """The ``descriptionWords`` filter (``products.search.description_words_q``)."""
        return description_words_q(value, prefix)


@strawberry_django.order_type(Product)
class ProductOrder:
    """One key per item: ``[{sku: ASC}, {createdAt: DESC}]``."""

    sku: auto

    @strawberry_django.order_field
    def name(self, value: Ordering, prefix: str) -> list[OrderBy]:
        """As people read names: accents and case aside, numbers by value."""
        return [
            ordered_by_name(
                prefix,
                descending=value.name.startswith("DESC"),
                nulls_first=True if "NULLS_FIRST" in value.name else None,
                nulls_last=True if "NULLS_LAST" in value.name else None,
            )
        ]

    created_at: auto
    updated_at: auto


@strawberry.type
class ManualEdit:
    """A product written by hand: when, by whom, through which API token if any."""

    at: datetime
    actor: str
    token_label: str | None


@strawberry_django.type(Product, name="Product", filters=ProductFilter, ordering=ProductOrder)
class ProductType(relay.Node):
    """A product of the catalogue."""

    sku: auto
    name: auto
    description: auto
    active: auto
    created_at: auto
    updated_at: auto
    # The import's type is referenced lazily (by name): products never imports the imports
    # app's modules, the schema resolves the name when it is built.
    last_import: Annotated["ImportJobType", strawberry.lazy("imports.api.types")] | None = (  # noqa: F821
        strawberry_django.field(
            description="The import that last wrote the product; null after a person or an "
            "API token changed it (or when it was created by hand)."
        )
    )
    last_import_line: int | None = strawberry_django.field(
        description="The line of `lastImport`'s file that last wrote the product."
    )

    @strawberry_django.field(
        only=["id"],
        description="Who last created or edited the product by hand (a person or API token), "
        "from the activity log; null when nobody did (within its retention).",
    )
    def last_manual_edit(self, root: strawberry.Parent[Product]) -> ManualEdit | None:
        """The newest manual write of this product."""
        entry = last_manual_edit(root.pk)
        if entry is None:
            return None
        return ManualEdit(at=entry.at, actor=entry.actor, token_label=entry.token_label or None)


@strawberry.type(name="ProductConnection")
class ProductConnection(DjangoCursorConnection[ProductType]):
    """Products a page at a time (keyset cursors), with the exact count of matches."""

    @strawberry.field(description="Exact number of products that match the filters.")
    def total_count(self) -> int:
        """Count the matches; cheap for no filter or only `active` (see products/counts.py).

        Usually counted already, on the thread that read the page (``_count_ahead``).
        """
        known = getattr(self.total_count_qs, "exact_count", None)
        if known is not None:
            return cast(int, known)
        if in_async_context():
            return cast(int, sync_to_async(product_count)(self.total_count_qs))
        return product_count(self.total_count_qs)

    @classmethod
    def resolve_connection(cls, nodes: QuerySet, *, info: Info, **kwargs: Any) -> Any:
        """Check the arguments, add the id tie-breaker, count, then paginate by keyset."""
        check_page_size(info, kwargs.get("first"), kwargs.get("last"), kwargs.get("max_results"))
        order = list(nodes.query.order_by)
        if not any(str(key).lstrip("-") in ("id", "pk") for key in order):
            last = str(order[-1]) if order else ""
            order.append("-id" if last.startswith("-") else "id")
        nodes = nodes.order_by(*order)
        for name in ("after", "before"):
            _check_cursor(nodes, kwargs.get(name), name)

        rows = should_resolve_list_connection_edges(info)
        counted = _selects_total_count(info)

        def resolve() -> Any:
            _check_filter_values(nodes)
            # Rows and count asked together: the count picks the plan. Rows alone (the app
            # asks for the count in a request of its own): a bounded probe picks it.
            if rows and counted:
                planned = count_then_narrow(nodes)
            elif rows:
                planned = narrow_without_count(nodes)
            else:
                planned = nodes
            connection = super(ProductConnection, cls).resolve_connection(
                planned, info=info, **kwargs
            )
            if counted:
                _count_ahead(connection.total_count_qs)
            return connection

        # count_then_narrow queries the database: off the event loop when there is one.
        return sync_to_async(resolve)() if in_async_context() else resolve()


def _count_ahead(queryset: QuerySet) -> None:
    """Count the matches now, on the thread already reading the page, and keep the count on
    the queryset: ``totalCount`` then needs no thread of its own. A count that fails is left
    for ``totalCount`` to run again, so its error is reported on that field as before."""
    if getattr(queryset, "exact_count", None) is not None:
        return
    try:
        queryset.exact_count = product_count(queryset)  # type: ignore[attr-defined]
    except DatabaseError:
        pass


def _selects_total_count(info: Info) -> bool:
    """Whether the query asks for the connection's ``totalCount`` (in fragments too)."""
    stack = [sel for field in info.selected_fields for sel in field.selections]
    while stack:
        selection = stack.pop()
        if getattr(selection, "name", None) == "totalCount":
            return True
        if isinstance(selection, (FragmentSpread, InlineFragment)):
            stack.extend(selection.selections)
    return False


def _check_filter_values(nodes: QuerySet) -> None:
    """A filter value the SQL cannot hold (``products.filter_values``) is the caller's error."""
    if out_of_range(nodes):
        raise bad_user_input(OUT_OF_RANGE, field="filters")


def _check_cursor(nodes: QuerySet, cursor: str | None, argument: str) -> None:
    """Decode the keyset cursor as strawberry-django will, answering BAD_USER_INPUT if it fails."""
    if cursor is None:
        return
    decode_cursor(cursor, argument, DjangoCursorEdge.CURSOR_PREFIX)
    _, descriptors, _ = annotate_ordering_fields(nodes)
    try:
        values = OrderedCollectionCursor.from_cursor(cursor, descriptors).field_values
    except (ValueError, TypeError):
        raise invalid_cursor(argument) from None
    if any(isinstance(value, str) and NUL in value for value in values):
        raise invalid_cursor(argument)


@scalar_fields_input  # upsertProducts takes 1,000 a call
@strawberry_django.input(Product, name="ProductInput")
class ProductInput:
    """A product. SKU and name are trimmed. createProduct: description defaults to empty and
    active to true; upsertProducts: a field left out keeps the stored value."""

    sku: auto
    name: auto
    description: str | None = UNSET
    active: bool | None = UNSET


@strawberry_django.partial(Product, name="ProductPartialInput")
class ProductPartialInput:
    """Changes to a product: only the fields given are changed."""

    id: strawberry.ID
    sku: auto
    name: auto
    description: auto
    active: auto
    expected_updated_at: datetime | None = strawberry.field(
        default=UNSET,
        description=(
            "The `updatedAt` the edit was made from: if the product was saved since, the "
            "update is refused with code `conflict`. Leave it out to overwrite regardless."
        ),
    )


@strawberry.type
class DeleteAllProductsPayload:
    """How many products were removed."""

    deleted_count: int
