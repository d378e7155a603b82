"""`upsertProducts`: many products in one call, through the import pipeline
(``imports.upserts``); a thin layer that turns the input into dicts and the job into results."""

from enum import Enum
from typing import Any

import strawberry
import strawberry_django
from asgiref.sync import sync_to_async
from strawberry import UNSET, Info

from accounts.permissions import IsAuthenticated
from core.queueing import send_after_commit
from imports import tasks, upserts
from imports.api.types import ImportJobType
from imports.api.types_sync import EmptyCells, ImportMode
from products.types import ProductInput

AUTH = [IsAuthenticated]


@strawberry.enum(name="UpsertErrorPolicy")
class UpsertErrorPolicy(Enum):
    """What one bad item does to the call."""

    REJECT_EVERYTHING = "REJECT_EVERYTHING"
    REJECT_FAILED_ROWS = "REJECT_FAILED_ROWS"


@strawberry.enum(name="UpsertOutcome")
class UpsertOutcome(Enum):
    """What happened to one item of an upsertProducts call."""

    CREATED = "CREATED"
    UPDATED = "UPDATED"
    UNCHANGED = "UNCHANGED"
    SKIPPED = "SKIPPED"
    REPLACED = "REPLACED"
    FAILED = "FAILED"
    NOT_WRITTEN = "NOT_WRITTEN"


@strawberry.input(name="UpsertProductsOptions")
class UpsertProductsOptions:
    """How the items are applied (leave one out for its default)."""

    mode: ImportMode | None = strawberry.field(
        default=None, description="UPSERT (default): create and update; UPDATE_ONLY: never "
        "create; CREATE_ONLY: never change a known SKU.")
    empty_fields: EmptyCells | None = strawberry.field(
        default=None, description="CLEAR (default): an empty or null field empties the "
        "stored value; KEEP: it keeps the stored value.")
    error_policy: UpsertErrorPolicy | None = strawberry.field(
        default=None, description="REJECT_EVERYTHING (default): one bad item and nothing is "
        "written; REJECT_FAILED_ROWS: the bad items are left out, the others written.")


@strawberry.type(name="UpsertItemError")
class UpsertItemError:
    """Why an item was refused."""

    field: str | None
    code: str
    message: str


@strawberry.type(name="UpsertItemResult")
class UpsertItemResult:
    """What happened to the item at `index` (0-based) of the input."""

    index: int
    sku: str
    outcome: UpsertOutcome
    errors: list[UpsertItemError]


OUTCOMES = {outcome.value: outcome for outcome in UpsertOutcome}


@strawberry.type(name="UpsertProductsResult")
class UpsertProductsResult:
    """The call's import job (its counts, `revertImport` undoes it) and each item's result;
    `items` is null while the job waits behind another import (follow `importJob`)."""

    job: ImportJobType
    inputs: strawberry.Private[list[dict[str, Any]]]

    @strawberry.field(description="Each item's result, in the order given; null while the "
                      "job waits behind another import.")
    async def items(self) -> list[UpsertItemResult] | None:
        """Read from the ended job's rows only when asked for (a client that wants just the
        counts saves the reading)."""
        if not self.job.is_final:
            return None
        rows = await sync_to_async(upserts.job_rows)(self.job)
        return [
            UpsertItemResult(index=r.index, sku=r.sku, outcome=OUTCOMES[r.outcome],
                             errors=[UpsertItemError(field=e.field or None, code=e.code,
                                                     message=e.message) for e in r.errors])
            for r in upserts.item_results(rows, self.inputs)
        ]


def _item(value: ProductInput) -> dict[str, Any]:
    return {name: getattr(value, name) for name in upserts.FIELDS
            if getattr(value, name, UNSET) is not UNSET}


@strawberry.type
class Mutation:
    """upsertProducts; problems with the whole call come back as OperationInfo messages."""

    @strawberry_django.mutation(permission_classes=AUTH)
    def upsert_products(
        self, info: Info, input: list[ProductInput],
        options: UpsertProductsOptions | None = None,
    ) -> UpsertProductsResult:
        """Create or update up to UPSERT_PRODUCTS_MAX (1,000) products by SKU, as an import
        (same rules, change log, undo, one import.finished event). A field left out of every
        item keeps the stored value. Answers with each item's result when the import queue
        is free; otherwise the job is PENDING and `items` null."""
        items = [_item(value) for value in input]
        job = upserts.upsert_products(
            items,
            mode=options.mode.value if options and options.mode else None,
            empty_fields=options.empty_fields.value if options and options.empty_fields
            else None,
            error_policy=options.error_policy.value if options and options.error_policy
            else None,
            user=getattr(info.context.request, "user", None),
        )
        if upserts.worker_needed(job):
            send_after_commit(tasks.process_imports)
        return UpsertProductsResult(job=job, inputs=items)
