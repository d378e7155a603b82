"""GET /exports/<id>/download: the export's file, for its owner only.

With object storage the answer is a redirect to a presigned URL of the object, valid for
``STORAGE_PRESIGN_SECONDS`` (the bytes come from the bucket, not through this process); with
the local folder the file is streamed.
"""

from collections.abc import AsyncIterator

from asgiref.sync import sync_to_async
from django.core.files import File
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
    StreamingHttpResponse,
)
from graphql import GraphQLError

from accounts.downloads import require_user
from core.graphql_errors import BAD_USER_INPUT, NOT_FOUND
from core.http_errors import error_response
from core.ids import node_pk
from core.object_storage import presigned_download_url, uses_object_storage
from exports import services
from exports.models import ExportJob

BLOCK_BYTES = 256 * 1024
CONTENT_TYPES = {
    ExportJob.Format.CSV: "text/csv; charset=utf-8",
    ExportJob.Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportJob.Format.JSONL: "application/x-ndjson; charset=utf-8",
    ExportJob.Format.JSONL_GZ: "application/gzip",
}
NO_SUCH_EXPORT = "No export job with this id."


async def _blocks(handle: File) -> AsyncIterator[bytes]:
    """The file in blocks, read off the event loop (a sync iterator would be read whole)."""
    read = sync_to_async(handle.read)
    try:
        while block := await read(BLOCK_BYTES):
            yield block
    finally:
        await sync_to_async(handle.close)()


def _open(job: ExportJob) -> File | None:
    try:
        return job.file.storage.open(job.file.name, "rb")
    except FileNotFoundError:
        return None


def _redirect(job: ExportJob) -> HttpResponse:
    """A redirect to a short-lived presigned URL of the stored export (410 when it is gone)."""
    if not job.file.storage.exists(job.file.name):
        return error_response(NOT_FOUND, "This export's file is gone; export again.", 410)
    url = presigned_download_url(job.file.name, job.file_name, CONTENT_TYPES[job.format])
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "private, no-store"
    return response


async def download(
    request: HttpRequest, job_id: str
) -> StreamingHttpResponse | JsonResponse | HttpResponse:
    """The file of one of the caller's exports (session or bearer token): streamed, or a
    redirect to a presigned URL of it in the bucket.

    Unknown or someone else's: 404 NOT_FOUND; not finished or failed: 409 BAD_USER_INPUT;
    its file deleted after the retention period: 410 NOT_FOUND.
    """
    user = await require_user(request)
    if isinstance(user, HttpResponse):
        return user
    try:
        pk = node_pk(job_id, "ExportJob")
    except GraphQLError:
        return error_response(NOT_FOUND, NO_SUCH_EXPORT, 404)
    job = await sync_to_async(services.job_of)(user, pk)
    if job is None:
        return error_response(NOT_FOUND, NO_SUCH_EXPORT, 404)
    if job.status == ExportJob.Status.EXPIRED:
        return error_response(
            NOT_FOUND,
            "This export's file was deleted after the retention period; export again.",
            410,
        )
    if job.status == ExportJob.Status.FAILED:
        return error_response(BAD_USER_INPUT, f"This export failed: {job.error_message}", 409)
    if job.status != ExportJob.Status.COMPLETED or not job.file:
        return error_response(
            BAD_USER_INPUT,
            f"This export is {job.status.lower()} ({job.progress}%); download it once "
            "exportJob says COMPLETED.",
            409,
        )
    if uses_object_storage():
        return await sync_to_async(_redirect)(job)
    handle = await sync_to_async(_open)(job)
    if handle is None:
        return error_response(NOT_FOUND, "This export's file is gone; export again.", 410)
    response = StreamingHttpResponse(_blocks(handle), content_type=CONTENT_TYPES[job.format])
    response["Content-Length"] = str(job.file_size)
    response["Content-Disposition"] = f'attachment; filename="{job.file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response
