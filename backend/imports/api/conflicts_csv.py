"""GET /imports/<revert id>/conflicts.csv: the products a revert kept as they were.

One row per conflict, in file order: the line and SKU, why it was kept (as the app says it),
the product's current values (empty once deleted), the values the import wrote, and the
earlier values the revert would have put back (empty for a product the import created).
UTF-8 with a BOM, so Excel reads "Straße" as written.
"""

from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

from accounts.downloads import require_user
from core.graphql_errors import BAD_USER_INPUT, NOT_FOUND
from core.http_errors import error_response
from imports import changes
from imports.api.views import BATCH, NO_SUCH_IMPORT, _cell, _job_id, _line
from imports.models import ImportJob, RevertConflict
from products.models import Product

REASON_LABELS = {
    RevertConflict.Reason.DELETED: "Deleted since",
    RevertConflict.Reason.EDITED: "Edited since",
    RevertConflict.Reason.REIMPORTED: "Written by a later import",
}
HEADER = [
    "line", "sku", "conflict",
    "current_sku", "current_name", "current_description", "current_active",
    "import_name", "import_description", "import_active",
    "earlier_sku", "earlier_name", "earlier_description", "earlier_active",
]  # fmt: skip


def conflict_row(conflict: RevertConflict, current: Product | None) -> list[str]:
    """One conflict as CSV cells (``current``: the product now, None once deleted)."""
    change = conflict.change
    wrote = changes.after_values(change, current)
    earlier = changes.before_values(change)
    cells: list[object] = [change.line, change.sku, REASON_LABELS[conflict.reason]]
    cells += (
        [None] * 4
        if current is None
        else [current.sku, current.name, current.description, current.active]
    )
    cells += [wrote.name, wrote.description, wrote.active]
    cells += (
        [None] * 4
        if earlier is None
        else [earlier.sku, earlier.name, earlier.description, earlier.active]
    )
    return [_cell(c) for c in cells]


def _batch(job_id: int, after: int) -> list[list[str]]:
    conflicts = list(
        RevertConflict.objects.filter(job_id=job_id, id__gt=after)
        .select_related("change")
        .order_by("id")[:BATCH]
    )
    ids = [c.change.product_id for c in conflicts if c.change.product_id is not None]
    products = Product.objects.in_bulk(ids)
    return [[str(c.id), *conflict_row(c, products.get(c.change.product_id))] for c in conflicts]


async def _rows(job: ImportJob) -> AsyncIterator[str]:
    yield "\ufeff" + _line(HEADER)
    fetch = sync_to_async(_batch)
    after = 0
    while batch := await fetch(job.pk, after):
        for _conflict_id, *cells in batch:
            yield _line(cells)
        after = int(batch[-1][0])


async def conflicts_csv(request: HttpRequest, job_id: str) -> HttpResponse:
    """Stream a revert's conflicts (sign-in required); 400 for an import that is no revert."""
    user = await require_user(request, send_browsers_to_sign_in=True)
    if isinstance(user, HttpResponse):
        return user
    pk = _job_id(job_id)
    job = None if pk is None else await ImportJob.objects.filter(pk=pk).afirst()
    if job is None:
        return error_response(NOT_FOUND, NO_SUCH_IMPORT, 404)
    if job.kind != ImportJob.Kind.REVERT:
        return error_response(
            BAD_USER_INPUT,
            "This job is an import, not a revert: only a revert has conflicts. Use the "
            "revert's id (its conflicts.csv link is on its page).",
            400,
        )
    response = StreamingHttpResponse(_rows(job), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="revert-{job.pk}-conflicts.csv"'
    return response
