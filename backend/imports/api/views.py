"""GET /imports/<id>/errors.csv: the rejected rows, `line` and `error` then their original
columns, as UTF-8 with a BOM (so Excel opens it cleanly) and commas.

The file can be fixed and uploaded again as it is: `line` and `error` are unknown column
names, which imports ignore. A row of a semicolon or tab file is re-split with the job's
delimiter; a row with more fields than the header keeps the extra ones after its last column,
where they stand out to be removed (`line` and `error` stay in their columns).

GET /imports/<id>/changes.csv: the change log, before and after side by side, UTF-8 with a
BOM, each change named as the app names it ("Created", "Updated").
"""

import csv
import io
from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from graphql import GraphQLError

from accounts.downloads import require_user
from core.graphql_errors import NOT_FOUND
from core.http_errors import error_response
from core.ids import node_pk
from imports import changes
from imports.models import ImportChange, ImportJob, ImportRowError

BATCH = 2000
NO_SUCH_IMPORT = "No import job with this id."


def _job_id(value: str) -> int | None:
    if value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    try:
        return node_pk(value, "ImportJob")
    except GraphQLError:
        return None


def _line(fields: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(fields)
    return out.getvalue()


def error_line(raw: str, line: int, message: str, width: int, delimiter: str = ",") -> str:
    """The record's line and error, then its fields (padded to the header's width when
    short; extra ones kept after the last column)."""
    try:
        fields = next(csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter or ",",
                                 strict=True), [])
    except csv.Error:
        fields = [raw]
    fields = fields + [""] * (width - len(fields))
    return _line([str(line), message, *fields])


async def _rows(job: ImportJob) -> AsyncIterator[str]:
    yield "\ufeff" + _line(["line", "error", *job.header])
    fetch = sync_to_async(
        lambda after: list(
            ImportRowError.objects.filter(job_id=job.pk, id__gt=after)
            .order_by("id")
            .values_list("id", "raw", "line", "message")[:BATCH]
        )
    )
    after = 0
    delimiter = job.delimiter if job.format != "XLSX" else ","
    while batch := await fetch(after):
        for _, raw, line, message in batch:
            yield error_line(raw, line, message, len(job.header), delimiter)
        after = batch[-1][0]


CHANGE_HEADER = [
    "line", "change", "sku",
    "before_sku", "before_name", "before_description", "before_active",
    "after_sku", "after_name", "after_description", "after_active",
    "changed_fields",
]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def change_row(change: ImportChange, dry_run: bool = False) -> list[str]:
    """One change as CSV cells: what it is as the app says it ("Created", or "Would create"
    in a dry run), before and after side by side (empty: not known or none)."""
    before = changes.before_values(change)
    after = changes.after_values(change, change.product)
    label = str(change.get_kind_display())
    if dry_run:
        label = f"Would {label.lower().removesuffix('d')}"
    cells: list[object] = [change.line, label, change.sku]
    cells += [None] * 4 if before is None else [
        before.sku, before.name, before.description, before.active
    ]
    cells += [after.sku, after.name, after.description, after.active]
    cells.append(" ".join(changes.changed_fields(change)))
    return [_cell(c) for c in cells]


async def _change_rows(job: ImportJob) -> AsyncIterator[str]:
    yield "\ufeff" + _line(CHANGE_HEADER)  # a BOM: Excel reads the file as UTF-8
    fetch = sync_to_async(
        lambda after: list(
            ImportChange.objects.filter(job_id=job.pk, line__gt=after)
            .select_related("product")
            .order_by("line")[:BATCH]
        )
    )
    after = 0
    while batch := await fetch(after):
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(change_row(c, job.dry_run)
                                                          for c in batch)
        yield out.getvalue()
        after = batch[-1].line


async def changes_csv(request: HttpRequest, job_id: str) -> HttpResponse:
    """Stream an import's change log (sign-in required); 410 once it has been pruned."""
    user = await require_user(request, send_browsers_to_sign_in=True)
    if isinstance(user, HttpResponse):
        return user
    pk = _job_id(job_id)
    job = None if pk is None else await ImportJob.objects.filter(pk=pk).afirst()
    if job is None:
        return error_response(NOT_FOUND, NO_SUCH_IMPORT, 404)
    if job.changes_pruned_at is not None:
        return error_response(
            NOT_FOUND,
            f"The change log of this import was removed on {job.changes_pruned_at:%Y-%m-%d} "
            "(IMPORT_CHANGE_RETENTION_DAYS).",
            410,
        )
    response = StreamingHttpResponse(_change_rows(job), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-changes.csv"'
    return response


async def errors_csv(request: HttpRequest, job_id: str) -> HttpResponse:
    """Stream the skipped rows of an import (sign-in required).

    A signed-out browser is sent to the app's sign-in page, which brings it back here; an API
    client gets a JSON 401.
    """
    user = await require_user(request, send_browsers_to_sign_in=True)
    if isinstance(user, HttpResponse):
        return user
    pk = _job_id(job_id)
    job = None if pk is None else await (
        ImportJob.objects.filter(pk=pk).only("id", "header", "delimiter", "format").afirst()
    )
    if job is None:
        return error_response(NOT_FOUND, NO_SUCH_IMPORT, 404)
    response = StreamingHttpResponse(_rows(job), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-errors.csv"'
    return response
