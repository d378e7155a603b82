"""GET /imports/<id>/errors.csv: the rejected rows, their original columns plus `line` and
`error`, as UTF-8 with a BOM (so Excel opens it cleanly) and commas.

The file can be fixed and uploaded again as it is: `line` and `error` are unknown column
names, which imports ignore. A row of a semicolon or tab file is re-split with the job's
delimiter; a row with more fields than the header keeps the extra ones after `error`.
"""

import csv
import io
from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.http import (
    Http404,
    HttpRequest,
    HttpResponseRedirect,
    JsonResponse,
    StreamingHttpResponse,
)
from django.utils.http import urlencode
from graphql import GraphQLError

from core.ids import node_pk
from imports.models import ImportJob, ImportRowError

BATCH = 2000


def _job_id(value: str) -> int:
    if value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    try:
        return node_pk(value, "ImportJob")
    except GraphQLError:
        raise Http404("No import job with this id.") from None


def _line(fields: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(fields)
    return out.getvalue()


def error_line(raw: str, line: int, message: str, width: int, delimiter: str = ",") -> str:
    """The record's fields (padded to the header's width when short), its line and error."""
    try:
        fields = next(csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter or ",",
                                 strict=True), [])
    except csv.Error:
        fields = [raw]
    fields = fields + [""] * (width - len(fields))
    return _line([*fields[:width], str(line), message, *fields[width:]])


async def _rows(job: ImportJob) -> AsyncIterator[str]:
    yield "\ufeff" + _line([*job.header, "line", "error"])
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


def wants_html(request: HttpRequest) -> bool:
    """True for a browser opening a link (it asks for HTML first), not for an API client."""
    accept = request.headers.get("Accept", "")
    return "text/html" in accept and "Authorization" not in request.headers


async def errors_csv(
    request: HttpRequest, job_id: str
) -> StreamingHttpResponse | JsonResponse | HttpResponseRedirect:
    """Stream the skipped rows of an import (sign-in required).

    A signed-out browser is sent to the app's sign-in page, which brings it back here; an API
    client gets a JSON 401.
    """
    user = await request.auser()
    if not user.is_authenticated:
        if wants_html(request):
            return HttpResponseRedirect("/login?" + urlencode({"next": request.path}))
        return JsonResponse(
            {"error": "Sign in first: send a session cookie or 'Authorization: Bearer <token>'."},
            status=401,
        )
    job = await (
        ImportJob.objects.filter(pk=_job_id(job_id))
        .only("id", "header", "delimiter", "format")
        .afirst()
    )
    if job is None:
        raise Http404("No import job with this id.")
    response = StreamingHttpResponse(_rows(job), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-errors.csv"'
    return response
