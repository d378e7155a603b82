"""`setProductsActive`: activate or deactivate a selection, or every product a filter
selects, as one undoable action (``imports.bulk_actions``)."""

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from graphql import GraphQLError
from strawberry import Info

from accounts.permissions import IsAuthenticated
from core.ids import node_pk
from imports import bulk_actions
from imports.api.types import ImportJobType
from products.filtering import filters_to_json, products_matching
from products.models import Product
from products.types import ProductFilter

AUTH = [IsAuthenticated]
#: Ids one call may name (a page or several of them; "all matching" goes by `filters`).
MAX_IDS = 10_000


@strawberry.type
class SetProductsActiveResult:
    """What `setProductsActive` changed, and the job that undoes it."""

    changed_count: int = strawberry.field(
        description="Products whose `active` changed (those already in that state are left)."
    )
    job: ImportJobType | None = strawberry.field(
        description="The action's record: `revertImport(id: job.id)` puts the earlier values "
        "back. Null when no product changed."
    )


def _selected(ids: list[strawberry.ID] | None, filters: ProductFilter | None):
    if (ids is None) == (filters is None):
        raise ValidationError({"ids": ValidationError(
            "Give either `ids` (the products chosen) or `filters` (every product they "
            "select), not both and not neither; nothing was changed.", code="required",
        )})  # fmt: skip
    if filters is not None:
        return products_matching(filters_to_json(filters))
    if len(ids or []) > MAX_IDS:
        raise ValidationError({"ids": ValidationError(
            f"At most {MAX_IDS:,} ids may be given in one call; {len(ids or []):,} were "
            "given. Use `filters` to change every product a filter selects.", code="too_many",
        )})  # fmt: skip
    pks = []
    for value in ids or []:
        try:
            pks.append(node_pk(value, "Product", field="ids"))
        except GraphQLError:
            raise ValidationError({"ids": ValidationError(
                f"{value!r} is not a product id; nothing was changed.", code="bad_id"
            )}) from None  # fmt: skip
    return Product.objects.filter(pk__in=pks)


@strawberry.type
class Mutation:
    """setProductsActive; problems come back as OperationInfo messages."""

    @strawberry_django.mutation(permission_classes=AUTH)
    def set_products_active(
        self,
        info: Info,
        active: bool,
        ids: list[strawberry.ID] | None = None,
        filters: ProductFilter | None = None,
    ) -> SetProductsActiveResult:
        """Make the products named by `ids`, or every product `filters` selects (as
        `products` does; `{}` for all), active or inactive, as one action: one
        `products.bulk_updated` event, and one job whose `revertImport` undoes it."""
        products = _selected(ids, filters)
        job = bulk_actions.set_products_active(
            products, active, user=getattr(info.context.request, "user", None)
        )
        return SetProductsActiveResult(
            changed_count=job.updated_count if job else 0,
            job=job,  # type: ignore[arg-type]  # strawberry-django resolves the model
        )
