"""GET /imports/<id>/errors.csv: the rejected rows as written, with an `error` column."""

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


def error_line(raw: str, message: str, width: int) -> str:
    """The record as written, padded to the header's width when short, plus its error."""
    try:
        fields = next(csv.reader(raw.splitlines(keepends=True), strict=True), [])
    except csv.Error:
        fields = []
    pad = width - len(fields) if 0 < len(fields) < width else 0
    return raw + "," * pad + "," + _line([message])


async def _rows(job: ImportJob) -> AsyncIterator[str]:
    yield _line([*job.header, "error"])
    fetch = sync_to_async(
        lambda after: list(
            ImportRowError.objects.filter(job_id=job.pk, id__gt=after)
            .order_by("id")
            .values_list("id", "raw", "message")[:BATCH]
        )
    )
    after = 0
    while batch := await fetch(after):
        for _, raw, message in batch:
            yield error_line(raw, message, len(job.header))
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
    job = await ImportJob.objects.filter(pk=_job_id(job_id)).only("id", "header").afirst()
    if job is None:
        raise Http404("No import job with this id.")
    response = StreamingHttpResponse(_rows(job), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-errors.csv"'
    return response
