"""`deleteProducts`: many products in one statement, logged so that `revertImport` of the
answer's `job` brings them back (``imports.deletions``)."""

import strawberry
import strawberry_django
from django.core.exceptions import ValidationError
from graphql import GraphQLError
from strawberry import Info

from accounts.permissions import IsAuthenticated
from core.ids import encode_id, node_pk
from imports import deletions
from imports.api.types import ImportJobType

AUTH = [IsAuthenticated]


@strawberry.type
class DeleteProductsResult:
    """What `deleteProducts` removed, and the ids and SKUs that matched no product."""

    deleted_count: int
    not_found_ids: list[strawberry.ID] = strawberry.field(
        description="Ids given that name no product (perhaps deleted already)."
    )
    not_found_skus: list[str] = strawberry.field(
        description="SKUs given that no product has (in any letter case)."
    )
    job: ImportJobType | None = strawberry.field(
        description="The deletion's record: `revertImport(id: job.id)` brings the products "
        "back with their ids, values and provenance. Null when nothing was deleted."
    )


@strawberry.type
class Mutation:
    """deleteProducts; problems come back as OperationInfo messages."""

    @strawberry_django.mutation(permission_classes=AUTH)
    def delete_products(
        self, info: Info, ids: list[strawberry.ID] | None = None,
        skus: list[str] | None = None,
    ) -> DeleteProductsResult:
        """Delete the products with these ids or SKUs in one statement (at most
        `PRODUCTS_DELETE_MAX`, 1,000 by default); one `products.bulk_deleted` event names them.
        Ids and SKUs that match no product are listed, not an error; a malformed id deletes
        nothing. Undo with `revertImport` of the answer's `job`."""
        pks = []
        for value in ids or []:
            try:
                pks.append(node_pk(value, "Product", field="ids"))
            except GraphQLError:
                raise ValidationError({"ids": ValidationError(
                    f"{value!r} is not a product id; nothing was deleted.", code="bad_id"
                )}) from None
        done, job = deletions.delete_products(
            pks, skus or [], user=getattr(info.context.request, "user", None)
        )
        return DeleteProductsResult(
            deleted_count=len(done.deleted),
            not_found_ids=[strawberry.ID(encode_id("Product", pk)) for pk in done.missing_pks],
            not_found_skus=done.missing_skus,
            job=job,  # type: ignore[arg-type]  # strawberry-django resolves the model
        )
